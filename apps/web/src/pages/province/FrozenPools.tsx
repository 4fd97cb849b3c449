/**
 * 冻结的名单 of a spot-check draw (staff only, 通知第五条第三款 "双随机"): the target pool, the inspector pool
 * with names and the recusals exactly as the commitment froze and hashed them.
 */
import { Card, Table, Tabs, Tag } from 'antd';
import type { DrawDetail } from './types';

const recusalColumns = [
  { title: '抽查对象（申请编号）', dataIndex: 'applicationNumber' },
  { title: '督导人员编号', dataIndex: 'inspectorCode' },
  { title: '回避规则', dataIndex: 'ruleLabel', render: (v: string) => <Tag color="orange">{v}</Tag> },
  { title: '说明', dataIndex: 'reason' },
];

export function FrozenPools({ draw }: { draw: DrawDetail }) {
  return (
    <Card size="small" title="冻结的名单">
      <Tabs
        items={[
          {
            key: 'targets',
            label: `抽查对象（${draw.targetPool.length}）`,
            children: (
              <Table
                size="small"
                rowKey="applicationNumber"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={draw.targetPool}
                columns={[
                  { title: '申请编号', dataIndex: 'applicationNumber' },
                  { title: '申报单位', dataIndex: 'organizationName' },
                  { title: '市州', dataIndex: 'cityName' },
                ]}
              />
            ),
          },
          {
            key: 'inspectors',
            label: `督导人员（${draw.inspectorPool.length}）`,
            children: (
              <Table
                size="small"
                rowKey="code"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={draw.inspectorPool}
                columns={[
                  { title: '编号', dataIndex: 'code' },
                  { title: '姓名', dataIndex: 'name' },
                  { title: '工作单位', dataIndex: 'unit' },
                  { title: '市州', dataIndex: 'cityName' },
                ]}
              />
            ),
          },
          {
            key: 'recusals',
            label: `回避名单（${draw.recusals.length}）`,
            children: (
              <Table
                size="small"
                rowKey={(r) => `${r.applicationNumber}|${r.inspectorCode}|${r.rule}`}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={draw.recusals}
                columns={recusalColumns}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
