/** antd Table bound to a server-paginated list, with a Chinese empty state that says what to do next. */
import { Alert, Button, Empty, Table, type TableProps } from 'antd';
import type { PagedList } from './usePagedList';

export function ListTable<T extends object>({
  list,
  emptyText,
  ...props
}: { list: PagedList<T>; emptyText: string } & Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'>) {
  return (
    <>
      {list.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="列表加载失败"
          description={list.error.message}
          action={
            <Button size="small" onClick={list.reload}>
              重试
            </Button>
          }
        />
      )}
      <Table<T>
        size="middle"
        scroll={{ x: 'max-content' }}
        {...props}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={list.pagination}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
    </>
  );
}
