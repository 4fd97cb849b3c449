/** Excel template download and import with a per-row error table (POST /api/dict/standards/import). */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Progress, Result, Table, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';

/** What the modal shows: the rows imported, or — the import being all or nothing — each bad row. */
interface ImportAnswer {
  imported: number;
  errors: { row: number; message: string }[];
}

/** A refused file's details name their row as `row12`. */
const rowErrors = (e: ApiError) =>
  (e.details ?? []).map((d) => ({ row: Number(d.field?.replace(/^row/, '') ?? 0), message: d.message }));

export function StandardImportButtons({ onImported }: { onImported(): void }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);

  const upload = async (file: File) => {
    const fd = new FormData();
    fd.set('file', file, file.name);
    setProgress(0);
    try {
      const a = await api.upload('/api/dict/standards/import', { form: fd, onProgress: setProgress });
      setAnswer({ imported: a.imported + a.updated, errors: [] });
      onImported();
    } catch (e) {
      // The client has shown the server's message; a refused file also lists its rows.
      if (e instanceof ApiError && e.code === 'IMPORT_ROWS_INVALID')
        setAnswer({ imported: 0, errors: rowErrors(e) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        onClick={() =>
          api
            .download('/api/dict/standards/import-template', '职业技能标准导入模板.xlsx')
            .catch(() => undefined)
        }
      >
        下载导入模板
      </Button>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          if (!file.name.toLowerCase().endsWith('.xlsx')) {
            void message.error('请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）');
            return Upload.LIST_IGNORE;
          }
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={progress !== null}>
          导入 Excel
        </Button>
      </Upload>
      {progress !== null && (
        <Progress percent={progress} size="small" style={{ width: 120 }} aria-label="上传进度" />
      )}
      <Modal
        open={!!answer}
        title="导入结果"
        width={720}
        onCancel={() => setAnswer(null)}
        footer={<Button onClick={() => setAnswer(null)}>关闭</Button>}
      >
        {answer && (
          <>
            <Result
              status={answer.errors.length ? 'warning' : 'success'}
              title={`成功导入 ${answer.imported} 行${answer.errors.length ? `，${answer.errors.length} 行有错误` : ''}`}
              subTitle={
                answer.errors.length
                  ? '请按下表修改 Excel 中对应的行后重新导入（已导入的行不会重复）。'
                  : undefined
              }
            />
            {answer.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.message}`}
                dataSource={answer.errors}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '错误', dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
