/**
 * 第N批备案名单 (staff, /filing-lists/:id): GET /api/filing-lists/:id — the published rows, the social items
 * held back by R8, the filed applications with their 备案确认通知书, and the PDF / Excel of the list.
 */
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { downloadFilingConfirmation } from './download';
import type { FilingListStaffDetail } from './types';
import { codedOccupation } from '../../components/occupation-label';

type Row = FilingListStaffDetail['rows'][number];
type Held = FilingListStaffDetail['held'][number];

export default function FilingListStaffDetailPage() {
  const { id = '' } = useParams();
  const [list, setList] = useState<FilingListStaffDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get('/api/filing-lists/:id', { params: { id } }, { silent: true })
      .then(setList, (e: Error) => setError(e.message));
  }, [id]);

  if (error) return <Result status="404" title="无法打开该备案名单" subTitle={error} />;
  if (!list) return <Skeleton active />;

  return (
    <>
      <PageHeader
        title={list.title}
        description={`生效日期 ${formatDate(list.effectiveDate)} · 确认人 ${list.confirmedByName} · ${formatDateTime(list.confirmedAt)}`}
        extra={
          <>
            <Button href={list.pdfUrl} download>
              下载 PDF
            </Button>
            <Button href={list.xlsxUrl} download>
              下载 Excel
            </Button>
            <Link to={`/public/filing-lists/${list.sequence}`} target="_blank">
              公开页面 ›
            </Link>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 4 }} size="small">
          <Descriptions.Item label="批次">{list.label}</Descriptions.Item>
          <Descriptions.Item label="公示编号">{list.noticeNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="机构">{list.bodyCount} 家</Descriptions.Item>
          <Descriptions.Item label="职业（工种）">{list.itemCount} 项</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="备案名单" style={{ marginBottom: 16 }}>
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.creditCode}|${r.occupationCode}|${r.jobName}|${r.modeLabel}`}
          dataSource={list.rows}
          pagination={list.rows.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '序列码', dataIndex: 'sequenceCode', render: (v: string | null) => v ?? '—' },
            { title: '单位名称', dataIndex: 'organizationName' },
            { title: '统一社会信用代码', dataIndex: 'creditCode' },
            { title: '市州', dataIndex: 'cityName' },
            {
              title: '职业（工种）',
              key: 'o',
              render: (_, r) => codedOccupation(r.occupationCode, r.occupationName, r.jobName),
            },
            { title: '等级', dataIndex: 'levelLabels', render: (l: string[]) => l.join('、') },
            { title: '评价方式', dataIndex: 'modeLabel' },
            { title: '主管单位', dataIndex: 'supervisingCityName' },
          ]}
        />
      </Card>
      {list.held.length > 0 && (
        <Card size="small" title="暂缓确认的社会评价（通知第四条）" style={{ marginBottom: 16 }}>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="以下社会评价职业（工种）因自主评价尚未备案或开展而暂缓确认，已在备案确认通知书中告知申请单位。"
          />
          <Table<Held>
            size="small"
            rowKey={(h) => `${h.creditCode}|${h.occupationCode}|${h.jobName}`}
            dataSource={list.held}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '单位名称', dataIndex: 'organizationName' },
              {
                title: '职业（工种）',
                key: 'o',
                render: (_, h) => codedOccupation(h.occupationCode, h.occupationName, h.jobName),
              },
              { title: '评价方式', dataIndex: 'modeLabel' },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="备案确认通知书">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {list.applications.map((a) => (
            <Space key={a.applicationId} wrap>
              <Link to={`/applications/${a.applicationId}`}>{a.applicationNumber ?? '申请'}</Link>
              <span>{a.organizationName}</span>
              <Button
                size="small"
                onClick={() =>
                  downloadFilingConfirmation({ id: a.applicationId, number: a.applicationNumber })
                }
              >
                下载通知书
              </Button>
            </Space>
          ))}
          {list.applications.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
        </Space>
      </Card>
    </>
  );
}
