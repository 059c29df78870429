import { BellOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Permission } from '@jiceng/contracts';
import { Badge, Button, Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMarkRead, useNotifications } from '../../api/notifications.ts';
import { useTodoSummary } from '../../api/todos.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { TodoSummaryTables } from './TodoSummaryTables.tsx';
import { TodoTable, type TodoFilter } from './TodoTable.tsx';

/**
 * 工作台: greeting, the account's 待办 counted by the server (by severity, kind and child
 * organization), the paged 待办 table, and recent notifications.
 */
export default function HomePage() {
  const me = useMe();
  const canTodo = hasPermission(me, Permission.TODO_READ);
  const summary = useTodoSummary(canTodo);
  const [filter, setFilter] = useState<TodoFilter>({ page: 1, pageSize: 10 });
  const notes = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const counts = summary.data?.counts;

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
          <Col>
            <Statistic title="待办事项" value={counts?.total ?? 0} />
          </Col>
          <Col>
            <Statistic title="已逾期" value={counts?.overdue ?? 0} valueStyle={{ color: counts?.overdue ? '#cf1322' : undefined }} />
          </Col>
          <Col>
            <Statistic title="即将到期" value={counts?.dueSoon ?? 0} valueStyle={{ color: counts?.dueSoon ? '#d46b08' : undefined }} />
          </Col>
          <Col>
            <Statistic title="待完善" value={counts?.noDeadline ?? 0} />
          </Col>
          <Col>
            <Statistic title="未读通知" value={notes.data?.unread ?? 0} />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title="我的待办" loading={summary.isPending && canTodo} styles={{ body: { paddingTop: 8 } }} style={{ marginBottom: 16 }}>
            {!canTodo || counts?.total === 0 ? (
              <Empty image={<CheckCircleOutlined style={{ fontSize: 48, color: '#52c41a' }} />} description="暂无待办，所有事项都已按期办理" />
            ) : (
              <TodoTable filter={filter} onChange={setFilter} summary={summary.data} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {summary.data && summary.data.counts.total > 0 && (
            <TodoSummaryTables
              summary={summary.data}
              ownName={me.orgName}
              onSource={(source) => setFilter({ ...filter, page: 1, source })}
              onChild={(childOrgId) => setFilter({ ...filter, page: 1, childOrgId })}
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
