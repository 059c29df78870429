import { BellOutlined, CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Permission, type Todo } from '@jiceng/contracts';
import { Badge, Button, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMarkRead, useNotifications, useTodos } from '../../api/notifications.ts';
import { useMe } from '../../app/RequireAuth.tsx';

function SeverityTag({ severity }: { severity: string }) {
  return severity === 'overdue' ? <Tag color="red">逾期</Tag> : <Tag color="orange">即将到期</Tag>;
}

function TodoItem({ todo }: { todo: Todo }) {
  return (
    <List.Item actions={[<Link key="go" to={todo.link}>去办理</Link>]}>
      <List.Item.Meta
        avatar={todo.severity === 'overdue' ? <ExclamationCircleOutlined style={{ color: '#cf1322', fontSize: 20 }} /> : <ClockCircleOutlined style={{ color: '#d46b08', fontSize: 20 }} />}
        title={<span><SeverityTag severity={todo.severity} /><Link to={todo.link}>{todo.title}</Link></span>}
        description={
          <>
            <div>{todo.detail}</div>
            {todo.dueDate && <Typography.Text type="secondary" style={{ fontSize: 12 }}>截止日期：{todo.dueDate}</Typography.Text>}
          </>
        }
      />
    </List.Item>
  );
}

/** 工作台: greeting, the account's 待办 and its recent notifications. */
export default function HomePage() {
  const me = useMe();
  const canTodo = hasPermission(me, Permission.TODO_READ);
  const todos = useTodos(canTodo);
  const notes = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  // Overdue first, then the nearest deadline: what needs doing today comes first.
  const list = [...(todos.data ?? [])].sort(
    (a, b) => Number(b.severity === 'overdue') - Number(a.severity === 'overdue') || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );
  const overdue = list.filter((t) => t.severity === 'overdue').length;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={24} align="middle">
          <Col flex="auto">
            <Typography.Title level={4} style={{ margin: 0 }}>您好，{me.displayName}</Typography.Title>
            <Typography.Text type="secondary">{me.orgName} · {me.roleLabel} · 今天是 {dayjs().format('YYYY年M月D日 dddd')}</Typography.Text>
          </Col>
          <Col><Statistic title="待办事项" value={list.length} /></Col>
          <Col><Statistic title="已逾期" value={overdue} valueStyle={{ color: overdue ? '#cf1322' : undefined }} /></Col>
          <Col><Statistic title="未读通知" value={notes.data?.unread ?? 0} /></Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title="我的待办" loading={todos.isPending && canTodo} styles={{ body: { paddingTop: 8 } }}>
            {list.length === 0 ? (
              <Empty image={<CheckCircleOutlined style={{ fontSize: 48, color: '#52c41a' }} />} description="暂无待办，所有事项都已按期办理" />
            ) : (
              <List dataSource={list} renderItem={(t) => <TodoItem key={t.key} todo={t} />} pagination={list.length > 8 ? { pageSize: 8, size: 'small' } : false} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={<span><BellOutlined /> 最近通知</span>}
            loading={notes.isPending}
            extra={<Button type="link" size="small" disabled={!notes.data?.unread} onClick={() => markRead.mutate(null)}>全部已读</Button>}
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
                      title={<Badge dot={!n.readAt} offset={[6, 0]}>{n.title}</Badge>}
                      description={<><div>{n.body}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text></>}
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
