/**
 * 职业分类 (大典 2022): a tree whose children load on expand (GET /api/dict/occupations?parentCode=),
 * or a paged search by code or name (?q=); the selected occupation's detail on the right.
 */
import { Card, Col, Input, Row, Space, Tree, Typography, type TreeDataNode } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { api, asPaged } from '../api/client';
import type { OccupationItem as Occupation } from '@skillcert/contracts';
import { ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { usePagedList } from '../components/usePagedList';
import { OccupationDetail } from './dict/OccupationDetail';
import { OCCUPATION_LEVELS, OccupationTags } from './dict/occupation-tags';
import { codedOccupation } from '../components/occupation-label';

const PATH = '/api/dict/occupations' as const;

/** All children of a node (or the 大类 when parentCode is omitted), following the pages. */
async function loadChildren(parentCode?: string): Promise<Occupation[]> {
  const out: Occupation[] = [];
  for (let page = 1; page < 50; page++) {
    const d = asPaged(await api.get(PATH, { query: { parentCode, page, pageSize: 200 } }));
    out.push(...d.items);
    if (d.items.length === 0 || out.length >= d.total) break;
  }
  return out;
}

const toNode = (o: Occupation): TreeDataNode => ({
  key: o.code,
  isLeaf: !o.hasChildren,
  title: (
    <Space size={4} wrap>
      <span>{codedOccupation(o.code, o.name)}</span>
      <OccupationTags o={o} />
    </Space>
  ),
});

function attach(nodes: TreeDataNode[], key: React.Key, children: TreeDataNode[]): TreeDataNode[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: attach(n.children, key, children) }
        : n,
  );
}

export default function OccupationsPage() {
  const [tree, setTree] = useState<TreeDataNode[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const list = usePagedList(q ? PATH : null, { pageSize: 20 });

  useEffect(() => {
    loadChildren()
      .then((roots) => setTree(roots.map(toNode)))
      .catch(() => undefined);
  }, []);

  const onLoad = async (node: TreeDataNode) => {
    if (node.children) return;
    const kids = await loadChildren(String(node.key)).catch(() => [] as Occupation[]);
    setTree((t) => attach(t, node.key, kids.map(toNode)));
  };

  const columns: ColumnsType<Occupation> = [
    { title: '代码', dataIndex: 'code', width: 120 },
    {
      title: '名称',
      dataIndex: 'name',
      render: (v: string, o) => <a onClick={() => setSelected(o.code)}>{v}</a>,
    },
    { title: '层级', dataIndex: 'level', render: (v: string) => OCCUPATION_LEVELS[v] ?? v },
    { title: '标识', key: 'tags', render: (_, o) => <OccupationTags o={o} /> },
  ];

  return (
    <>
      <PageHeader
        title="职业分类"
        description="《中华人民共和国职业分类大典（2022年版）》。标识：数字＝数字职业，绿色＝绿色职业；不可备案(准入类)＝仍在国家职业资格目录内（焊工除外）。"
      />
      <Input.Search
        placeholder="输入职业代码（如 6-18-02-04）或名称关键字"
        allowClear
        enterButton="搜索"
        style={{ maxWidth: 480, marginBottom: 16 }}
        aria-label="搜索职业"
        onSearch={(v) => {
          setQ(v.trim());
          list.search({ q: v.trim() });
        }}
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={q ? `“${q}”的搜索结果` : '职业目录'}>
            {q ? (
              <ListTable<Occupation>
                list={list}
                rowKey="code"
                columns={columns}
                size="small"
                emptyText="没有匹配的职业。请换一个关键字，或输入完整的职业代码"
                onRow={(o) => ({ onClick: () => setSelected(o.code), style: { cursor: 'pointer' } })}
              />
            ) : tree.length === 0 ? (
              <Typography.Text type="secondary">正在加载目录…</Typography.Text>
            ) : (
              <Tree
                treeData={tree}
                loadData={onLoad}
                onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
                selectedKeys={selected ? [selected] : []}
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <OccupationDetail code={selected} />
        </Col>
      </Row>
    </>
  );
}
