/**
 * One material slot: accepted types and size shown, upload with a progress bar (POST
 * /api/applications/:id/materials/:slotKey, multipart `file`, via XHR), current files with SHA-256 and
 * remove (DELETE …/materials/:materialId), earlier versions collapsed. The server decides the type by content.
 */
import { InboxOutlined } from '@ant-design/icons';
import { App, Card, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../../../api/client';
import type { Material, MaterialSlotView } from '../../../api/filing-types';
import { MaterialFiles } from '../MaterialFiles';

const extensionsOf = (accept: string[]) => accept.flatMap((k) => (k === 'jpg' ? ['jpg', 'jpeg'] : [k]));

export function SlotUpload({
  applicationId,
  slot,
  files,
  highlight,
  notice,
  onChanged,
}: {
  applicationId: string;
  slot: MaterialSlotView;
  files: Material[];
  highlight?: boolean;
  /** Shown above the upload area (e.g. the city center's return comment on this slot). */
  notice?: ReactNode;
  onChanged(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const exts = extensionsOf(slot.accept);
  const hasCurrent = files.some((f) => f.current);

  const check = (file: File) => {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!exts.includes(ext)) {
      void message.error(
        `“${file.name}”的类型不符合要求，本项只接受 ${slot.accept.map((a) => a.toUpperCase()).join('、')}`,
      );
      return Upload.LIST_IGNORE;
    }
    if (file.size > slot.maxMB * 1024 * 1024) {
      void message.error(`“${file.name}”超过 ${slot.maxMB} MB，请压缩后重新上传`);
      return Upload.LIST_IGNORE;
    }
    if (file.size === 0) {
      void message.error(`“${file.name}”是空文件，请重新选择`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const upload = async (file: File) => {
    setProgress({ name: file.name, percent: 0 });
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const r = await api.upload(
        '/api/applications/:id/materials/:slotKey',
        {
          params: { id: applicationId, slotKey: slot.key },
          form,
          onProgress: (percent) => setProgress({ name: file.name, percent }),
        },
        { silent: true },
      );
      void message.success(`已上传“${file.name}”，SHA-256：${r.sha256.slice(0, 16)}…`);
      await onChanged();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '上传失败，请稍后重试');
    } finally {
      setProgress(null);
    }
  };

  const remove = async (m: Material) => {
    try {
      await api.del('/api/applications/:id/materials/:materialId', {
        params: { id: applicationId, materialId: m.id },
      });
      void message.success(`已移除“${m.originalName}”`);
    } catch {
      // shown by the API client
    }
    await onChanged();
  };

  return (
    <Card
      size="small"
      data-testid={`slot-${slot.key}`}
      id={`slot-${slot.key}`}
      className={highlight ? 'scope-item-focus' : undefined}
      title={
        <Space size={4} wrap>
          {slot.label}
          {slot.required ? <Tag color="red">必传</Tag> : <Tag>选传</Tag>}
          {hasCurrent && <Tag color="green">已上传</Tag>}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {slot.accept.map((a) => a.toUpperCase()).join('、')}，单个不超过 {slot.maxMB} MB
        </Typography.Text>
      }
    >
      {notice}
      <Upload.Dragger
        accept={exts.map((e) => `.${e}`).join(',')}
        showUploadList={false}
        multiple={false}
        disabled={!!progress}
        beforeUpload={check}
        customRequest={({ file }) => void upload(file as File)}
        className="slot-dragger"
      >
        <Space>
          <InboxOutlined style={{ fontSize: 20, color: '#1d4f91' }} />
          <span>点击或将文件拖到此处上传{hasCurrent ? '（再次上传将追加文件）' : ''}</span>
        </Space>
      </Upload.Dragger>
      {progress && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text>正在上传：{progress.name}</Typography.Text>
          <Progress percent={progress.percent} size="small" />
        </div>
      )}
      <div style={{ marginTop: 8 }}>
        <MaterialFiles applicationId={applicationId} files={files} onRemove={remove} />
      </div>
    </Card>
  );
}
