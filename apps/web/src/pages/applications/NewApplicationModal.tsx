/**
 * 新建申请: pick an open round (GET /api/rounds?status=open), POST /api/applications {roundId}. When the
 * organization already has an open application in that round (409 APPLICATION_EXISTS) it offers to open it.
 */
import { Alert, App, Form, Radio, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, asPaged } from '../../api/client';
import type { Round } from '../../api/filing-types';
import { formatDate } from '../../components/format';
import { FormModal } from '../../components/FormModal';

export function NewApplicationModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [rounds, setRounds] = useState<Round[] | null>(null);

  useEffect(() => {
    if (!open) return;
    setRounds(null);
    api.get('/api/rounds', { query: { status: 'open', pageSize: 100 } }).then(
      (d) => setRounds(asPaged(d).items),
      () => setRounds([]),
    );
  }, [open]);

  const openExisting = async (roundId: string, text: string) => {
    const mine = await api.get('/api/applications', { query: { roundId, pageSize: 100 } });
    const existing = asPaged(mine).items.find(
      (a) => !['withdrawn', 'rejected', 'not_recommended'].includes(a.status),
    );
    modal.confirm({
      title: '该批次已有申请',
      content: text,
      okText: existing ? '打开已有申请' : '知道了',
      cancelText: '取消',
      onOk: () => {
        if (existing)
          void navigate(`/applications/${existing.id}${existing.status === 'draft' ? '/edit' : ''}`);
      },
    });
  };

  return (
    <FormModal<{ roundId: string }>
      open={open}
      title="新建备案申请"
      okText="新建申请"
      width={640}
      onClose={onClose}
      onSubmit={async ({ roundId }) => {
        try {
          const { id } = await api.post('/api/applications', { body: { roundId } }, { silent: true });
          void message.success('已新建申请草稿');
          void navigate(`/applications/${id}/edit`);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'APPLICATION_EXISTS') {
            await openExisting(roundId, e.message);
            return;
          }
          void message.error(e instanceof ApiError ? e.message : '新建失败，请稍后重试');
          throw e;
        }
      }}
    >
      {rounds === null && <Skeleton active />}
      {rounds?.length === 0 && (
        <Alert type="info" showIcon title="当前没有正在征集的批次，请关注省鉴定中心发布的申报通知" />
      )}
      {rounds && rounds.length > 0 && (
        <Form.Item name="roundId" label="征集批次" rules={[{ required: true, message: '请选择征集批次' }]}>
          <Radio.Group style={{ width: '100%' }}>
            <Space orientation="vertical">
              {rounds.map((r) => (
                <Radio key={r.id} value={r.id}>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    申报时间 {formatDate(r.windowStart)} 至 {formatDate(r.windowEnd)}
                    {!r.acceptingSubmissions && '（当前不在申报期内，可先填写草稿）'}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      )}
    </FormModal>
  );
}
