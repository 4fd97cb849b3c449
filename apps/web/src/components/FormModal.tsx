/** A modal holding a form (remounted on each opening, so it starts from initialValues): validates, submits, keeps the modal open on failure (the error is shown). */
import { Form, Modal, type FormInstance } from 'antd';
import { useId, useState, type ReactNode } from 'react';

export function FormModal<V extends object>({
  open,
  title,
  okText = '确定',
  initialValues,
  onSubmit,
  onClose,
  children,
  width,
  danger,
}: {
  open: boolean;
  title: ReactNode;
  okText?: string;
  initialValues?: Partial<V>;
  /** Resolve to close the modal; reject (API error already shown) to keep it open. */
  onSubmit(values: V, form: FormInstance<V>): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
  width?: number;
  danger?: boolean;
}) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  // A form name prefixes the field ids, so labels stay unique next to the page's search form.
  const formName = `dialog${useId().replace(/[^A-Za-z0-9]/g, '')}`;

  const ok = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // field errors are shown next to the fields
    }
    setBusy(true);
    try {
      await onSubmit(values, form);
      onClose();
    } catch {
      // the API client has shown the message
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ danger }}
      destroyOnHidden
      width={width}
      maskClosable={false}
    >
      <Form<V>
        form={form}
        name={formName}
        layout="vertical"
        onFinish={ok}
        preserve={false}
        initialValues={initialValues as Parameters<typeof form.setFieldsValue>[0]}
      >
        {children}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
