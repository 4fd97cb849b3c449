/**
 * 哈希的原始输入: under every published hash, how its input is formed and a download of the exact bytes
 * hashed (built in the browser from the published record by the domain's own code), so anyone can check
 * it with any SHA-256 tool (e.g. `sha256sum`).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import {
  spotCheckHashInputs,
  type SpotCheckHashInput,
} from '@skillcert/domain/province/spot-check-hash-inputs';
import { spotCheckRecordFromPublished } from '@skillcert/domain/province/spot-check-replay';
import type { PublicDraw } from '../province/types';

function download(input: SpotCheckHashInput) {
  if (!input.bytes) return;
  const url = URL.createObjectURL(
    new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = input.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function hashInputsOf(d: PublicDraw): SpotCheckHashInput[] {
  try {
    return spotCheckHashInputs(spotCheckRecordFromPublished(d), d.number);
  } catch {
    // A published list that cannot be canonical (a duplicate): the hashes are still shown; the replay
    // below reports the fault.
    return spotCheckHashInputs(
      { ...spotCheckRecordFromPublished(d), targetPool: [], inspectorPool: [], recusals: [] },
      d.number,
    ).map((i) => ({
      ...i,
      bytes: null,
      form: '公布的名单无法整理为规范形式（有重复项），请用下方复现核对查看原因',
    }));
  }
}

export function HashWithInput({ input }: { input: SpotCheckHashInput }) {
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid={`hash-${input.key}`}>
      <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
        {input.hash}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        计算方式：{input.form}
      </Typography.Text>
      {input.bytes ? (
        <Button size="small" icon={<DownloadOutlined />} onClick={() => download(input)}>
          下载被哈希的原始内容（{input.bytes.length} 字节）
        </Button>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          原始内容在抽取后随种子公布
        </Typography.Text>
      )}
    </Space>
  );
}
