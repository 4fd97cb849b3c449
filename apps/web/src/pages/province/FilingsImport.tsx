/**
 * 导入已备案名录 (POST /api/filings/import): the Excel template's rows — self-evaluation filings and the
 * social filings of earlier rounds. A file with any bad row imports nothing; every error is listed with
 * its row number.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Table, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';

export function downloadFilingsTemplate() {
  void api.download('/api/filings/import-template', '已备案名录导入模板.xlsx').catch(() => undefined);
}

export function FilingsImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose(): void;
  onImported(): void;
}) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [rowErrors, setRowErrors] = useState<{ message: string }[]>([]);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const fd = new FormData();
      fd.set('file', f, f.name);
      return api.upload('/api/filings/import', { form: fd });
    },
    onSuccess: (a) => {
      void message.success(
        `已导入 ${a.rows} 行：新增 ${a.inserted} 条，更新 ${a.updated} 条，未变 ${a.unchanged} 条`,
      );
      onImported();
      close();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'IMPORT_ROWS_INVALID') setRowErrors(e.details ?? []);
    },
  });

  const close = () => {
    setFile(null);
    setRowErrors([]);
    onClose();
  };

  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, status: 'done' }] : [];

  return (
    <Modal
      open={open}
      title="从 Excel 导入已备案名录"
      width={720}
      okText="导入"
      confirmLoading={upload.isPending}
      onOk={() => {
        if (!file) {
          void message.error('请选择要导入的 .xlsx 文件');
          return;
        }
        setRowErrors([]);
        upload.mutate(file);
      }}
      onCancel={close}
      destroyOnHidden
    >
      <p>任一行有误时整个文件都不会导入；同一单位、职业、工种和评价方式已有记录的，更新为文件中的内容。</p>
      <Upload
        accept=".xlsx"
        maxCount={1}
        fileList={fileList}
        onRemove={() => setFile(null)}
        beforeUpload={(f) => {
          if (!f.name.toLowerCase().endsWith('.xlsx')) {
            void message.error('请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）');
            return Upload.LIST_IGNORE;
          }
          setFile(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>选择文件</Button>
      </Upload>
      <Button type="link" icon={<DownloadOutlined />} onClick={downloadFilingsTemplate}>
        下载导入模板
      </Button>
      {rowErrors.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ margin: '12px 0' }}
            title={`文件有 ${rowErrors.length} 处错误，未导入任何数据；请按下表修改后重新导入`}
          />
          <Table
            size="small"
            rowKey={(r) => r.message}
            dataSource={rowErrors}
            pagination={{ pageSize: 10 }}
            columns={[{ title: '错误', dataIndex: 'message' }]}
          />
        </>
      )}
    </Modal>
  );
}
