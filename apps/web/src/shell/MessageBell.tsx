/** The header bell: unread count (refreshed every minute) and a drawer with the latest 站内信. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../components/format';
import { openMessage, useMessages } from './messages';

export function MessageBell() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data, reload } = useMessages(10);
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const unread = data?.unread ?? 0;

  return (
    <>
      <Badge count={unread} size="small" offset={[-2, 2]}>
        <Button
          type="text"
          aria-label={unread ? `站内信，${unread} 条未读` : '站内信'}
          data-testid="message-bell"
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          onClick={() => {
            reload();
            setOpen(true);
          }}
        />
      </Badge>
      <Drawer
        title={`站内信${unread ? `（${unread} 条未读）` : ''}`}
        open={open}
        onClose={() => setOpen(false)}
        extra={
          <Link to="/messages" onClick={() => setOpen(false)}>
            查看全部
          </Link>
        }
      >
        <List
          dataSource={data?.items ?? []}
          locale={{ emptyText: '暂无站内信' }}
          renderItem={(m) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              onClick={() =>
                void openMessage(m).then((link) => {
                  if (link) {
                    setOpen(false);
                    void navigate(link);
                  }
                })
              }
            >
              <List.Item.Meta
                title={
                  <>
                    {!m.read && <Tag color="red">未读</Tag>}
                    <Typography.Text strong={!m.read}>{m.title}</Typography.Text>
                  </>
                }
                description={
                  <>
                    <div>{m.body}</div>
                    <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
