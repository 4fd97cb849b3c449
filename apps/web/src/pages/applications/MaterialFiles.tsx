/**
 * Files of one material slot: the current ones (name, size, time, SHA-256, download, optional remove) and
 * earlier versions collapsed underneath. Download: GET /api/applications/:id/materials/:materialId/file.
 */
import { Button, Collapse, Popconfirm, Space, Table, Typography } from 'antd';
import { api } from '../../api/client';
import type { Material } from '../../api/filing-types';
import { formatDateTime } from '../../components/format';
import { formatSize, Sha } from './Sha';

function FileTable({
  applicationId,
  files,
  onRemove,
}: {
  applicationId: string;
  files: Material[];
  onRemove?: (m: Material) => void;
}) {
  return (
    <Table<Material>
      size="small"
      rowKey="id"
      pagination={false}
      showHeader={false}
      dataSource={files}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'name',
          render: (_, m) => (
            <a
              onClick={() =>
                void api
                  .download(`/api/applications/${applicationId}/materials/${m.id}/file`, m.originalName)
                  .catch(() => undefined)
              }
            >
              {m.originalName}
            </a>
          ),
        },
        { key: 'size', render: (_, m) => formatSize(m.sizeBytes) },
        { key: 'at', render: (_, m) => formatDateTime(m.uploadedAt) },
        {
          key: 'sha',
          render: (_, m) => (
            <Space size={4}>
              <Typography.Text type="secondary">SHA-256</Typography.Text>
              <Sha value={m.sha256} />
            </Space>
          ),
        },
        ...(onRemove
          ? [
              {
                key: 'remove',
                render: (_: unknown, m: Material) => (
                  <Popconfirm
                    title={`移除“${m.originalName}”？`}
                    description="移除后文件仍作为历史版本保留。"
                    okText="移除"
                    cancelText="取消"
                    onConfirm={() => onRemove(m)}
                  >
                    <Button type="link" size="small" danger>
                      移除
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function MaterialFiles({
  applicationId,
  files,
  onRemove,
}: {
  applicationId: string;
  files: Material[];
  onRemove?: (m: Material) => void;
}) {
  const current = files.filter((f) => f.current);
  const earlier = files.filter((f) => !f.current);
  return (
    <>
      {current.length === 0 ? (
        <Typography.Text type="secondary">尚未上传</Typography.Text>
      ) : (
        <FileTable applicationId={applicationId} files={current} onRemove={onRemove} />
      )}
      {earlier.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'history',
              label: `历史版本（${earlier.length}）`,
              children: <FileTable applicationId={applicationId} files={earlier} />,
            },
          ]}
        />
      )}
    </>
  );
}
