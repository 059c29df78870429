import { termStatusLabel, type TermProblem, type TermStatus } from '@jiceng/contracts';
import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { daysLeftText, TermStatusTag, typeLabel } from '../../shared/labels.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { localPagination } from '../../shared/pagination.ts';
import { useTermProblems } from '../orgs/api.ts';

const FILTERS: (TermStatus | 'all')[] = ['all', 'seriously_overdue', 'overdue', 'due_soon', 'no_term'];
const ORDER: Record<string, number> = { seriously_overdue: 0, overdue: 1, due_soon: 2, no_term: 3 };

/** 换届预警: organizations whose term is due soon, overdue, seriously overdue, or not recorded. */
export default function TermProblemsPage() {
  const { data, isPending } = useTermProblems();
  const [status, setStatus] = useState<TermStatus | 'all'>('all');
  const all = data ?? [];
  const countOf = (s: TermStatus | 'all') => (s === 'all' ? all.length : all.filter((p) => p.status === s).length);
  const rows = all
    .filter((p) => status === 'all' || p.status === status)
    .sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) || (a.daysLeft ?? 0) - (b.daysLeft ?? 0));

  return (
    <Card title="换届预警" extra={<Typography.Text type="secondary">按《中国共产党基层组织选举工作条例》，任期届满应按期换届</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<TermStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={FILTERS.map((s) => ({ value: s, label: `${s === 'all' ? '全部' : termStatusLabel[s]}（${countOf(s)}）` }))}
        />
        <ExportButton path="/api/org-terms/problems/export" query={{ status: status === 'all' ? undefined : status }} fallbackName="换届预警.xlsx" />
      </Space>
      <Table<TermProblem>
        // at phone width the table scrolls in its card (the columns were squeezed to a letter a line)
        scroll={{ x: 900 }}
        rowKey="orgId"
        loading={isPending}
        dataSource={rows}
        locale={{ emptyText: '没有需要关注的换届事项' }}
        pagination={localPagination((t) => `共 ${t} 个组织`)}
        columns={[
          { title: '组织名称', dataIndex: 'orgName', render: (n: string, p) => <Link to={`/orgs/${p.orgId}?tab=terms`}>{n}</Link> },
          { title: '类别', dataIndex: 'orgType', width: 110, render: (t: string) => typeLabel(t) },
          { title: '上级组织', dataIndex: 'parentName', render: (n: string | null) => n ?? '—' },
          { title: '当前届次', dataIndex: 'termNo', width: 100, render: (n: number | null) => (n ? `第 ${n} 届` : '—') },
          { title: '任期届满', dataIndex: 'termEndDate', width: 120, render: (d: string | null) => d ?? '—' },
          {
            title: '剩余天数',
            dataIndex: 'daysLeft',
            width: 130,
            render: (d: number | null) => <Typography.Text type={d !== null && d < 0 ? 'danger' : undefined}>{daysLeftText(d)}</Typography.Text>,
          },
          { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => <TermStatusTag status={s} /> },
          { title: '操作', key: 'go', width: 100, render: (_: unknown, p) => <Link to={`/orgs/${p.orgId}?tab=terms`}>去换届</Link> },
        ]}
      />
    </Card>
  );
}
