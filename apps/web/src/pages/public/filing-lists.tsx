/**
 * 备案名单（第N批） (public): GET /api/public/filing-lists — every list a filing confirmation published,
 * newest first, with PDF and Excel downloads. Readable on a phone.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Pagination, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateLong } from '../../components/format';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { routeKey } from '../../api/query';
import { errorText, PUBLIC_REQUEST, type FilingListSummary } from './registry-shared';

export function FilingListDownloads({ list }: { list: Pick<FilingListSummary, 'pdfUrl' | 'xlsxUrl'> }) {
  return (
    <Space size={4} wrap>
      <Button size="small" icon={<DownloadOutlined />} href={list.pdfUrl} download>
        PDF
      </Button>
      <Button size="small" icon={<DownloadOutlined />} href={list.xlsxUrl} download>
        Excel
      </Button>
    </Space>
  );
}

export default function FilingListsPage() {
  const [page, setPage] = useState(1);
  const query = { page, pageSize: 10 };
  const lists = useQuery({
    queryKey: routeKey('/api/public/filing-lists', query),
    queryFn: () => api.get('/api/public/filing-lists', { query }, PUBLIC_REQUEST),
  });
  const data = lists.data ?? null;
  const error = lists.error ? errorText(lists.error) : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          备案名单
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          经公示无异议、由湖南省人力资源和社会保障厅备案确认的职业技能等级认定评价组织名单，按批次发布。
          全部已备案机构可在<Link to="/public/registry">评价机构名录</Link>中查询。
        </Typography.Paragraph>
      </div>
      {error && <Alert type="error" showIcon title="加载失败" description={error} role="alert" />}
      {!data && !error && <Skeleton active />}
      {data && data.items.length === 0 && <Empty description="尚未发布备案名单" />}
      {data && data.items.length > 0 && (
        <Card size="small">
          <List
            dataSource={data.items}
            renderItem={(l) => (
              <List.Item extra={<FilingListDownloads list={l} />}>
                <List.Item.Meta
                  title={
                    <Link to={`/public/filing-lists/${l.sequence}`} style={{ whiteSpace: 'normal' }}>
                      {l.title}
                    </Link>
                  }
                  description={
                    <Space size={[12, 0]} wrap>
                      <span>生效日期：{formatDateLong(l.effectiveDate)}</span>
                      <span>
                        {l.bodyCount} 家机构、{l.itemCount} 个职业（工种）
                      </span>
                      {l.noticeNumber && <span>公示编号：{l.noticeNumber}</span>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
          {data.total > data.pageSize && (
            <Pagination
              style={{ marginTop: 12, textAlign: 'right' }}
              current={page}
              pageSize={data.pageSize}
              total={data.total}
              onChange={setPage}
              showTotal={(t) => `共 ${t} 批`}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
