/**
 * 在浏览器中复现抽取: runs the domain's own replay (`replaySpotCheckDraw`, Web Crypto) on the published
 * record — nothing is sent to the server — and shows 一致 / 不一致 for every hash and the result.
 */
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  replaySpotCheckDraw,
  spotCheckRecordFromPublished,
  type SpotCheckCheck,
  type SpotCheckReplay,
} from '@skillcert/domain/province/spot-check-replay';
import type { PublicDraw } from '../province/types';

function Verdict({ ok }: { ok: boolean | null }) {
  if (ok === null)
    return (
      <Typography.Text type="secondary">
        <MinusCircleOutlined /> 尚不能核对
      </Typography.Text>
    );
  return ok ? (
    <Typography.Text type="success" strong>
      <CheckCircleFilled /> 一致
    </Typography.Text>
  ) : (
    <Typography.Text type="danger" strong>
      <CloseCircleFilled /> 不一致
    </Typography.Text>
  );
}

const Value = ({ v }: { v: string }) => (
  <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
    {v}
  </Typography.Text>
);

export function DrawReplay({ draw }: { draw: PublicDraw }) {
  const [replay, setReplay] = useState<SpotCheckReplay | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!globalThis.crypto?.subtle) {
        throw new Error('当前浏览器不支持 Web Crypto（需通过 HTTPS 访问，并使用较新的浏览器）');
      }
      setReplay(await replaySpotCheckDraw(spotCheckRecordFromPublished(draw)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        点击按钮，由您的浏览器用与服务器相同的程序（算法{' '}
        <Typography.Text code>{draw.algorithmVersion}</Typography.Text>
        ）根据本页公布的名单{draw.seed ? '和种子' : ''}重新计算各项哈希{draw.seed ? '和抽取结果' : ''}
        ，并与公布值逐项比对。计算在本机完成，不经过服务器。
      </Typography.Paragraph>
      <Button type="primary" onClick={() => void run()} loading={busy} data-testid="replay-button">
        在浏览器中复现{draw.seed ? '抽取' : '承诺'}
      </Button>
      {error && <Alert type="error" showIcon title={`无法复现：${error}`} role="alert" />}
      {replay && (
        <div aria-live="polite">
          <Alert
            type={!replay.matches ? 'error' : draw.seed ? 'success' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="replay-verdict"
            title={
              !replay.matches
                ? '不一致：公布的数据与承诺或算法结果不符'
                : draw.seed
                  ? '一致：每个哈希与抽取结果均可由公开数据重现'
                  : '一致：公布的名单与承诺的哈希相符；种子和结果将在抽取后公布'
            }
            description={replay.error ? `计算出错：${replay.error}` : undefined}
          />
          <Table<SpotCheckCheck>
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={replay.checks}
            columns={[
              { title: '核对项', dataIndex: 'label' },
              { title: '结论', dataIndex: 'ok', render: (ok: boolean | null) => <Verdict ok={ok} /> },
              { title: '公布值', dataIndex: 'published', render: (v: string) => <Value v={v} /> },
              { title: '浏览器重算值', dataIndex: 'recomputed', render: (v: string) => <Value v={v} /> },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
