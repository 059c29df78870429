import type { TodoCounts, TodoKindId, TodoSummary } from '@jiceng/contracts';
import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { localPagination } from '../../shared/pagination.ts';

interface CountRow {
  key: string;
  name: string;
  counts: TodoCounts;
}

const red = (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0);
const countColumns = (first: string): ColumnsType<CountRow> => [
  { title: first, dataIndex: 'name', ellipsis: true },
  { title: '已逾期', width: 64, align: 'right', render: (_, r) => red(r.counts.overdue) },
  { title: '即将到期', width: 76, align: 'right', render: (_, r) => r.counts.dueSoon },
  { title: '预警提示', width: 76, align: 'right', render: (_, r) => r.counts.warning },
  { title: '合计', width: 56, align: 'right', render: (_, r) => r.counts.total },
];

/**
 * The direct list's side tables: by kind and by direct child organization (a community sees its
 * branches); deadlines and warnings in their own columns. Clicking a row filters the to-do table.
 */
export function TodoSummaryTables(props: { summary: TodoSummary; ownName: string; onKind: (k: TodoKindId) => void; onChild: (orgId: string) => void }) {
  const { summary } = props;
  const kinds = summary.byKind.filter((k) => k.counts.total > 0).map((k) => ({ key: k.kind, name: k.label, counts: k.counts }));
  const children = [
    ...summary.byChild.map((c) => ({ key: c.orgId, name: c.orgName, counts: c.counts })),
    ...(summary.own.total > 0 && summary.byChild.length > 0 ? [{ key: '', name: `${props.ownName}（本级）`, counts: summary.own }] : []),
  ];
  const table = (rows: CountRow[], first: string, onClick: (key: string) => void) => (
    <Table<CountRow>
      rowKey="key"
      size="small"
      columns={countColumns(first)}
      dataSource={rows}
      pagination={rows.length > 10 ? { ...localPagination(), defaultPageSize: 10, size: 'default' } : false}
      onRow={(r) => ({ onClick: () => r.key && onClick(r.key), style: { cursor: r.key ? 'pointer' : undefined } })}
    />
  );
  return (
    <>
      <Card title="按类型" size="small" style={{ marginBottom: 16 }}>
        {table(kinds, '类型', (k) => props.onKind(k as TodoKindId))}
      </Card>
      {children.length > 0 && (
        <Card title="按下级组织" size="small" style={{ marginBottom: 16 }}>
          {table(children, '组织', props.onChild)}
        </Card>
      )}
    </>
  );
}
