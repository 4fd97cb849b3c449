/**
 * 推荐汇总 /batches: the city bureau picks 已推荐 applications of a round and forwards them to the province
 * (POST /api/recommendation-batches {roundId, applicationIds}); the batches list (GET) with the 推荐汇总表 as
 * Excel and PDF. Province staff see every city's batches, read-only.
 */
import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, asPaged } from '../api/client';
import type { ApplicationSummary, Round } from '../api/filing-types';
import type { BatchSummary } from '../api/review-types';
import { useCan } from '../auth/session';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { useRounds } from '../api/useRounds';

function Forward({ rounds, onForwarded }: { rounds: Round[]; onForwarded(): void }) {
  const { message, modal } = App.useApp();
  const [roundId, setRoundId] = useState<string>();
  const [apps, setApps] = useState<ApplicationSummary[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!roundId) return;
    setLoading(true);
    api
      .get('/api/applications', { query: { roundId, status: 'recommended', pageSize: 100 } })
      .then(
        (d) => {
          setApps(asPaged(d).items);
          setSelected([]);
        },
        () => setApps([]),
      )
      .finally(() => setLoading(false));
  }, [roundId, tick]);

  const forward = () =>
    modal.confirm({
      title: `将选中的 ${selected.length} 份申请报送省鉴定中心？`,
      content: '报送后生成推荐汇总表（Excel、PDF），申请进入省级评估。',
      okText: '确认报送',
      cancelText: '取消',
      onOk: async () => {
        const r = await api.post('/api/recommendation-batches', {
          body: {
            roundId,
            applicationIds: selected,
          },
        });
        void message.success(`已报送，汇总编号 ${r.number}`);
        setTick((t) => t + 1);
        onForwarded();
      },
    });

  return (
    <Card size="small" title="报送推荐汇总" style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Form.Item label="征集批次" style={{ margin: 0 }}>
          <Select
            style={{ minWidth: 280 }}
            placeholder="选择征集批次"
            value={roundId}
            onChange={setRoundId}
            options={rounds.map((r) => ({ value: r.id, label: r.title }))}
          />
        </Form.Item>
        <Button type="primary" icon={<SendOutlined />} disabled={selected.length === 0} onClick={forward}>
          报送省级（{selected.length}）
        </Button>
      </Space>
      {roundId ? (
        <Table<ApplicationSummary>
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          dataSource={apps}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          locale={{ emptyText: '该批次没有待报送的已推荐申请' }}
          columns={[
            {
              title: '申请编号',
              dataIndex: 'number',
              render: (v: string | null, a) => <Link to={`/applications/${a.id}`}>{v ?? '—'}</Link>,
            },
            { title: '申报单位', dataIndex: 'organizationName' },
            { title: '申报项', dataIndex: 'scopeCount', render: (n: number) => `${n} 项` },
            { title: '最后更新', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      ) : (
        <Alert type="info" showIcon title="先选择征集批次，再勾选本市州已推荐的申请报送省级" />
      )}
    </Card>
  );
}

export default function BatchesPage() {
  const can = useCan();
  const bureau = can('batch.forward');
  const rounds = useRounds();
  const [batches, setBatches] = useState<BatchSummary[] | null>(null);

  const load = useCallback(() => {
    api.get('/api/recommendation-batches').then(
      (d) => setBatches(d.items),
      () => setBatches([]),
    );
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const download = (b: BatchSummary, ext: 'xlsx' | 'pdf') =>
    void api
      .download(`/api/recommendation-batches/${b.id}/summary.${ext}`, `推荐汇总表-${b.number}.${ext}`)
      .catch(() => undefined);

  return (
    <>
      <PageHeader
        title="推荐汇总"
        description={
          bureau ? '本市州报送省级的推荐汇总，每次报送生成一份推荐汇总表' : '各市州报送的推荐汇总（只读）'
        }
      />
      {bureau && <Forward rounds={rounds} onForwarded={load} />}
      <Table<BatchSummary>
        rowKey="id"
        loading={batches === null}
        dataSource={batches ?? []}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: bureau ? '还没有报送过推荐汇总' : '暂无市州报送的推荐汇总' }}
        columns={[
          { title: '汇总编号', dataIndex: 'number' },
          { title: '市州', dataIndex: 'cityName', render: (v: string | null) => v ?? '—' },
          { title: '征集批次', dataIndex: 'roundTitle' },
          { title: '申请数', dataIndex: 'applicationCount' },
          { title: '报送时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: '推荐汇总表',
            key: 'files',
            render: (_, b) => (
              <Space>
                <Button size="small" onClick={() => download(b, 'xlsx')}>
                  Excel
                </Button>
                <Button size="small" onClick={() => download(b, 'pdf')}>
                  PDF
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
