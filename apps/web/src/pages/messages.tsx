/** 站内信 /messages: every message, newest first; clicking marks it read and follows its link. */
import { Card, List, Pagination, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { openMessage, useMessages } from '../shell/messages';

export default function MessagesPage() {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const { data } = useMessages(20, page);
  return (
    <>
      <PageHeader
        title="站内信"
        description={`退回补正、办理时限、专家抽取结果等通知${data?.unread ? `，${data.unread} 条未读` : ''}。点击一条标为已读并打开相关页面。`}
      />
      <Card>
        <List
          loading={!data}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '暂无站内信' }}
          renderItem={(m) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              onClick={() => void openMessage(m).then((link) => link && navigate(link))}
              extra={<Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>}
            >
              <List.Item.Meta
                title={
                  <>
                    {!m.read && <Tag color="red">未读</Tag>}
                    <Typography.Text strong={!m.read}>{m.title}</Typography.Text>
                  </>
                }
                description={m.body}
              />
            </List.Item>
          )}
        />
        {(data?.total ?? 0) > 20 && (
          <Pagination
            style={{ marginTop: 16, textAlign: 'right' }}
            current={page}
            pageSize={20}
            total={data?.total ?? 0}
            showSizeChanger={false}
            onChange={setPage}
          />
        )}
      </Card>
    </>
  );
}
