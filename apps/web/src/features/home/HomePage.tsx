import { BellOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Permission, todoSeverityLabel, type TodoCounts, type TodoKindId, type TodoNature, type TodoSeverity } from '@jiceng/contracts';
import { Badge, Button, Card, Col, Divider, Empty, List, Row, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMarkRead, useNotifications } from '../../api/notifications.ts';
import { useTodoSummary } from '../../api/todos.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ChildKindTable, KindCards } from './Cockpit.tsx';
import { homeLayout } from './homeView.ts';
import { TodoSummaryTables } from './TodoSummaryTables.tsx';
import { TodoTable, type TodoFilter } from './TodoTable.tsx';

// echarts only for the accounts that see the cockpit
const CockpitCharts = lazy(() => import('./CockpitCharts.tsx'));

type CountKey = 'total' | 'deadline' | 'overdue' | 'dueSoon' | 'open' | 'warning' | 'alert' | 'incomplete';
/** The header's figures: each is the total of the list it filters to (deadlines and warnings apart). */
const FIGURES: { key: CountKey; title: string; nature?: TodoNature; severity?: TodoSeverity; color?: string; hideZero?: boolean }[] = [
  { key: 'total', title: '待办事项' },
  { key: 'deadline', title: '限期事项', nature: 'deadline' },
  { key: 'overdue', title: todoSeverityLabel.overdue, severity: 'overdue', color: '#cf1322' },
  { key: 'dueSoon', title: todoSeverityLabel.due_soon, severity: 'due_soon', color: '#d46b08' },
  { key: 'open', title: todoSeverityLabel.open, severity: 'open', hideZero: true },
  { key: 'warning', title: '预警提示', nature: 'warning' },
  { key: 'alert', title: todoSeverityLabel.alert, severity: 'alert', color: '#ad6800' },
  { key: 'incomplete', title: todoSeverityLabel.incomplete, severity: 'incomplete' },
];

/**
 * 工作台: greeting, the account's 待办 counted by the server — deadlines (已逾期, 即将到期, 待办) and
 * warnings (预警, 待完善) kept apart, each figure a click away from the list it totals — then for a
 * district or street the cockpit (cards by kind, children by kind, charts) above the paged list, for a
 * community or branch the list with its side tables; recent notifications.
 */
export default function HomePage() {
  const me = useMe();
  const canTodo = hasPermission(me, Permission.TODO_READ);
  const summary = useTodoSummary(canTodo);
  const [filter, setFilter] = useState<TodoFilter>({ page: 1, pageSize: 10 });
  const notes = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const listRef = useRef<HTMLDivElement>(null);
  const counts = summary.data?.counts;
  const layout = homeLayout(me.role, summary.data);
  /** The list of a figure, card or cell (only its filter, from page 1, so its total is that figure), brought into view. */
  const narrow = (patch: Partial<TodoFilter>) => {
    setFilter({ page: 1, pageSize: filter.pageSize, ...patch });
    listRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const figure = (f: (typeof FIGURES)[number], c: TodoCounts) => {
    const plain = !filter.kind && !filter.source && !filter.childOrgId && !filter.q;
    const selected = plain && filter.nature === f.nature && filter.severity === f.severity;
    return (
      <Col key={f.key}>
        <button
          type="button"
          data-testid={`count-${f.key}`}
          aria-pressed={selected}
          onClick={() => narrow({ nature: f.nature, severity: f.severity })}
          style={{ background: 'none', border: 'none', padding: 0, cursor: 'pointer', textAlign: 'left' }}
        >
          <Statistic
            title={f.title}
            value={c[f.key]}
            valueStyle={{ color: c[f.key] && f.color ? f.color : undefined, textDecoration: selected && f.key !== 'total' ? 'underline' : undefined }}
          />
        </button>
      </Col>
    );
  };
  const list = (
    <div ref={listRef} style={{ scrollMarginTop: 16 }}>
      <Card title="我的待办" loading={summary.isPending && canTodo} styles={{ body: { paddingTop: 8 } }} style={{ marginBottom: 16 }}>
        {!canTodo || counts?.total === 0 ? (
          <Empty image={<CheckCircleOutlined style={{ fontSize: 48, color: '#52c41a' }} />} description="暂无待办，所有事项都已按期办理" />
        ) : (
          <TodoTable filter={filter} onChange={setFilter} summary={summary.data} />
        )}
      </Card>
    </div>
  );

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={24} align="middle">
          <Col flex="auto">
            <Typography.Title level={4} style={{ margin: 0 }}>
              您好，{me.displayName}
            </Typography.Title>
            <Typography.Text type="secondary">
              {me.orgName} · {me.roleLabel} · 今天是 {dayjs().format('YYYY年M月D日 dddd')}
            </Typography.Text>
          </Col>
          {counts && (
            <Col>
              <Space size={24} split={<Divider type="vertical" style={{ height: 40 }} />} wrap>
                <Row gutter={24}>{FIGURES.slice(0, 1).map((f) => figure(f, counts))}</Row>
                <Row gutter={24}>
                  {FIGURES.slice(1, 5)
                    .filter((f) => !f.hideZero || counts[f.key] > 0)
                    .map((f) => figure(f, counts))}
                </Row>
                <Row gutter={24}>{FIGURES.slice(5).map((f) => figure(f, counts))}</Row>
              </Space>
            </Col>
          )}
          <Col>
            <Statistic title="未读通知" value={notes.data?.unread ?? 0} />
          </Col>
        </Row>
      </Card>
      {layout === 'cockpit' && summary.data && (
        <>
          <KindCards kinds={summary.data.byKind} active={filter.kind} onKind={(kind) => narrow({ kind })} />
          <ChildKindTable summary={summary.data} ownName={me.orgName} onPick={(childOrgId, kind) => narrow({ childOrgId, kind })} />
          <Suspense fallback={null}>
            <CockpitCharts summary={summary.data} showMembers={hasPermission(me, Permission.MEMBER_READ)} />
          </Suspense>
        </>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {list}
        </Col>
        <Col xs={24} xl={8}>
          {layout === 'list' && summary.data && summary.data.counts.total > 0 && (
            <TodoSummaryTables
              summary={summary.data}
              ownName={me.orgName}
              onKind={(kind: TodoKindId) => narrow({ kind })}
              onChild={(childOrgId) => narrow({ childOrgId })}
            />
          )}
          <Card
            title={
              <span>
                <BellOutlined /> 最近通知
              </span>
            }
            loading={notes.isPending}
            extra={
              <Button type="link" size="small" disabled={!notes.data?.unread} onClick={() => markRead.mutate(null)}>
                全部已读
              </Button>
            }
            styles={{ body: { paddingTop: 8 } }}
          >
            {(notes.data?.items.length ?? 0) === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
            ) : (
              <List
                dataSource={notes.data?.items.slice(0, 10)}
                renderItem={(n) => (
                  <List.Item
                    style={{ cursor: n.link ? 'pointer' : undefined }}
                    onClick={() => {
                      if (!n.readAt) markRead.mutate(n.id);
                      if (n.link) navigate(n.link);
                    }}
                  >
                    <List.Item.Meta
                      title={
                        <Badge dot={!n.readAt} offset={[6, 0]}>
                          {n.title}
                        </Badge>
                      }
                      description={
                        <>
                          <div>{n.body}</div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                          </Typography.Text>
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
