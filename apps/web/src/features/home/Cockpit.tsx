import type { TodoCounts, TodoKindCounts, TodoKindId, TodoSummary } from '@jiceng/contracts';
import { Card, Col, Row, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { localPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';

const danger = (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0);

/**
 * One card per kind of work the account may see (from the summary, so a module that contributes a
 * source gets its card): the kind's total, its overdue deadlines and its warnings. Clicking filters the list.
 */
export function KindCards({ kinds, active, onKind }: { kinds: TodoKindCounts[]; active?: TodoKindId; onKind: (k: TodoKindId | undefined) => void }) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {kinds.map((k) => (
        <Col key={k.kind} flex="1 1 140px">
          <Card
            size="small"
            hoverable
            data-testid={`kind-${k.kind}`}
            onClick={() => onKind(active === k.kind ? undefined : k.kind)}
            style={{ borderColor: active === k.kind ? '#c41d1d' : undefined }}
          >
            <Typography.Text type="secondary">{k.label}</Typography.Text>
            <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4 }} data-testid={`kind-${k.kind}-total`}>
              {k.counts.total}
            </div>
            <Space size={12} style={{ fontSize: 12 }}>
              <span>逾期 {danger(k.counts.overdue)}</span>
              <span>即将 {k.counts.dueSoon}</span>
              <span>预警 {k.counts.warning}</span>
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

interface ChildRow {
  key: string;
  name: string;
  counts: TodoCounts;
  byKind: TodoKindCounts[];
}

/**
 * The direct children (streets for a district, communities for a street) with their subtrees'
 * counts by kind, overdue and warnings; the account's own organization last. A row filters the list
 * to that child, a kind's cell to that child and kind.
 */
export function ChildKindTable(props: { summary: TodoSummary; ownName: string; onPick: (childOrgId: string | undefined, kind?: TodoKindId) => void }) {
  const { summary } = props;
  const rows: ChildRow[] = [
    ...summary.byChild.map((c) => ({ key: c.orgId, name: c.orgName, counts: c.counts, byKind: c.byKind })),
    ...(summary.own.total > 0 ? [{ key: '', name: `${props.ownName}（本级）`, counts: summary.own, byKind: summary.ownByKind }] : []),
  ];
  const pick = (r: ChildRow, kind?: TodoKindId) => props.onPick(r.key || undefined, kind);
  const columns: ColumnsType<ChildRow> = [
    { title: '下级组织', dataIndex: 'name', ellipsis: true, fixed: 'left', width: 200, render: (n: string, r) => <a onClick={() => pick(r)}>{n}</a> },
    ...summary.byKind.map((k, i) => ({
      title: k.label,
      key: k.kind,
      width: 72,
      align: 'right' as const,
      render: (_: unknown, r: ChildRow) => {
        const n = r.byKind[i]?.counts.total ?? 0;
        return n ? <a onClick={() => pick(r, k.kind)}>{n}</a> : <Typography.Text type="secondary">0</Typography.Text>;
      },
    })),
    { title: '已逾期', key: 'overdue', width: 72, align: 'right', render: (_, r) => danger(r.counts.overdue) },
    { title: '预警提示', key: 'warning', width: 80, align: 'right', render: (_, r) => r.counts.warning },
    { title: '合计', key: 'total', width: 64, align: 'right', render: (_, r) => <span data-testid="child-total">{r.counts.total}</span> },
  ];
  return (
    <Card title="按下级组织" size="small" style={{ marginBottom: 16 }}>
      <ScrollRegion label="按下级组织（可左右滚动）">
        <Table<ChildRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={rows.length > 10 ? { ...localPagination(), defaultPageSize: 10, size: 'default' } : false}
        />
      </ScrollRegion>
    </Card>
  );
}
