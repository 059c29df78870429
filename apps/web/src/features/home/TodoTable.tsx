import { TODO_Q_MAX, todoSourceLabel, type Todo, type TodoKindId, type TodoQuery, type TodoSourceId, type TodoSummary } from '@jiceng/contracts';
import { Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTodoPage } from '../../api/todos.ts';
import { serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { statusOf, statusOptions, statusToQuery, type StatusValue } from './homeView.ts';
import { SeverityTag } from './SeverityTag.tsx';

export type TodoFilter = Required<Pick<TodoQuery, 'page' | 'pageSize'>> & Omit<TodoQuery, 'page' | 'pageSize'>;

const columns: ColumnsType<Todo> = [
  { title: '紧急程度', dataIndex: 'severity', width: 96, render: (_, t) => <SeverityTag severity={t.severity} /> },
  {
    title: '事项',
    dataIndex: 'title',
    render: (_, t) => (
      <>
        <Link to={t.link}>{t.title}</Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.detail}
          </Typography.Text>
        </div>
      </>
    ),
  },
  { title: '类别', dataIndex: 'source', width: 150, render: (s: string) => todoSourceLabel[s as TodoSourceId] ?? s },
  { title: '截止日期', dataIndex: 'dueDate', width: 110, render: (d: string | null) => d ?? <Typography.Text type="secondary">无期限</Typography.Text> },
  { title: '操作', key: 'go', width: 80, render: (_, t) => <Link to={t.link}>去办理</Link> },
];

/**
 * The account's 待办, one server page at a time, filtered by kind (or source), nature or severity,
 * child organization and name. Every page is reachable: the pager has the server's total, a page
 * size selector and a jump box, and is the default size (the small pager's 「•••」 covered the
 * last page's number).
 */
export function TodoTable({ filter, onChange, summary }: { filter: TodoFilter; onChange: (f: TodoFilter) => void; summary: TodoSummary | undefined }) {
  const todos = useTodoPage(filter);
  const set = (patch: Partial<TodoFilter>) => onChange({ ...filter, page: 1, ...patch });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部类型"
          aria-label="事项类型"
          style={{ width: 150 }}
          value={filter.kind}
          onChange={(kind?: TodoKindId) => set({ kind, source: undefined })}
          options={(summary?.byKind ?? []).map((k) => ({ value: k.kind, label: `${k.label}（${k.counts.total}）` }))}
        />
        {filter.source && (
          <Select
            allowClear
            aria-label="待办类别"
            style={{ width: 200 }}
            value={filter.source}
            onChange={(source?: TodoSourceId) => set({ source })}
            options={(summary?.bySource ?? [])
              .filter((s) => !filter.kind || s.kind === filter.kind)
              .map((s) => ({ value: s.source, label: `${s.label}（${s.counts.total}）` }))}
          />
        )}
        <Select<StatusValue>
          allowClear
          placeholder="全部性质"
          aria-label="性质与紧急程度"
          style={{ width: 150 }}
          value={statusOf(filter)}
          onChange={(v?: StatusValue) => set(statusToQuery(v))}
          options={statusOptions}
        />
        {(summary?.byChild.length ?? 0) > 0 && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部下级组织"
            aria-label="下级组织"
            style={{ width: 220 }}
            value={filter.childOrgId}
            onChange={(childOrgId?: string) => set({ childOrgId })}
            options={summary!.byChild.map((c) => ({ value: c.orgId, label: `${c.orgName}（${c.counts.total}）` }))}
          />
        )}
        <Input.Search
          allowClear
          placeholder="组织或党员名称"
          maxLength={TODO_Q_MAX}
          style={{ width: 200 }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
      </Space>
      <div data-testid="todo-table">
        <ScrollRegion label="待办列表（可左右滚动）">
          <Table<Todo>
            rowKey="key"
            size="small"
            // at phone width the table scrolls in its card (事项 was squeezed to a few letters a line)
            scroll={{ x: 720 }}
            columns={columns}
            dataSource={todos.data?.items}
            loading={todos.isFetching}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的待办" /> }}
            pagination={{
              ...serverPagination({
                page: filter.page,
                pageSize: filter.pageSize,
                total: todos.data?.total ?? 0,
                showTotal: (n) => <span data-testid="todo-total">共 {n} 项</span>,
                onChange: (next) => onChange({ ...filter, ...next }),
              }),
              // Full size inside the small table: the small pager's ellipsis covered the last page.
              size: 'default',
            }}
          />
        </ScrollRegion>
      </div>
    </>
  );
}
