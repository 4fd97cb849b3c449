/**
 * 导入严重失信主体名单 (POST /api/credit-blacklist/import): the list's source (发布机关或网站) and date
 * are sent before the file; a file with any bad row imports nothing and its per-row errors are listed.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Table, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { calendarDateOf } from '../../components/format';

interface ImportValues {
  source: string;
  sourceDate: Dayjs;
}

export function downloadCreditBlacklistTemplate() {
  void api
    .download('/api/credit-blacklist/import-template', '严重失信主体名单导入模板.xlsx')
    .catch(() => undefined);
}

export function CreditBlacklistImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose(): void;
  onImported(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ImportValues>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [rowErrors, setRowErrors] = useState<{ message: string }[]>([]);

  const close = () => {
    form.resetFields();
    setFile(null);
    setRowErrors([]);
    onClose();
  };

  const submit = async () => {
    let values: ImportValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!file) {
      void message.error('请选择要导入的 .xlsx 文件');
      return;
    }
    const fd = new FormData();
    // Text fields first: the server reads them before the file.
    fd.set('source', values.source.trim());
    fd.set('sourceDate', calendarDateOf(values.sourceDate));
    fd.set('file', file, file.name);
    setBusy(true);
    setRowErrors([]);
    try {
      const a = await api.upload('/api/credit-blacklist/import', { form: fd });
      void message.success(
        `已导入 ${a.rows} 行：新增 ${a.inserted} 条，更新 ${a.updated} 条，未变 ${a.unchanged} 条`,
      );
      onImported();
      close();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_ROWS_INVALID') setRowErrors(e.details ?? []);
    } finally {
      setBusy(false);
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, status: 'done' }] : [];

  return (
    <Modal
      open={open}
      title="导入严重失信主体名单"
      width={720}
      okText="导入"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="creditBlacklistImport">
        <Form.Item
          name="source"
          label="名单来源（发布机关或网站）"
          rules={[
            { required: true, whitespace: true, message: '请填写名单来源' },
            { max: 200, message: '名单来源不能超过200个字' },
          ]}
        >
          <Input placeholder="如：信用中国（湖南）网站" />
        </Form.Item>
        <Form.Item
          name="sourceDate"
          label="发布日期"
          rules={[{ required: true, message: '请选择名单的发布日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item label="Excel 文件" required>
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
          <Button type="link" icon={<DownloadOutlined />} onClick={downloadCreditBlacklistTemplate}>
            下载导入模板
          </Button>
        </Form.Item>
      </Form>
      {rowErrors.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
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
