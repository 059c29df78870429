import { InboxOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Popconfirm, Space, Tabs, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { showSuccess } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { useArchivePlan, usePlan } from './api.ts';
import { BoardTab } from './BoardTab.tsx';
import { DashboardTab } from './DashboardTab.tsx';
import { percentText } from './form.ts';
import { PlanStateTag } from './labels.tsx';
import { ReviewsTab } from './ReviewsTab.tsx';
import { TaskListTab } from './TaskListTab.tsx';

const TABS = ['tasks', 'board', 'reviews', 'dashboard'] as const;

/**
 * One plan: its header (state, who made it, the figures; 归档 for the owner once published) and the
 * tabs 任务清单, 揭榜, 调度会 and 看板. The tab lives in the URL (`?tab=board`); `/keytasks/plans/:id/dashboard`
 * opens the 看板.
 */
export default function PlanPage({ initialTab }: { initialTab?: (typeof TABS)[number] }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const query = usePlan(id);
  const archive = useArchivePlan(id);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该计划" error={query.error} back="/keytasks" backLabel="返回重点任务计划" />;
  const p = query.data;
  const asked = params.get('tab') ?? initialTab ?? 'tasks';
  const tab = (TABS as readonly string[]).includes(asked) ? asked : 'tasks';
  const f = p.figures;

  return (
    <Card styles={{ body: { paddingTop: 12 } }}>
      <Breadcrumb items={[{ title: <Link to="/keytasks">重点任务计划</Link> }, { title: p.title }]} style={{ marginBottom: 8 }} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <Space align="baseline" size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="kt-plan-title">
            {p.title}
          </Typography.Title>
          <PlanStateTag state={p.state} />
          <Typography.Text type="secondary">
            {p.orgName} · {p.year} 年
          </Typography.Text>
        </Space>
        {p.owner && p.state === 'published' && (
          <Popconfirm
            title="归档该计划？"
            description="归档后不能再揭榜、报告进展或召开调度会。"
            okText="归档"
            cancelText="取消"
            onConfirm={() =>
              archive.mutateAsync(undefined).then(
                () => showSuccess(`已归档「${p.title}」`),
                () => undefined,
              )
            }
          >
            <Button icon={<InboxOutlined />} loading={archive.isPending}>
              归档
            </Button>
          </Popconfirm>
        )}
      </div>
      <Descriptions size="small" column={{ xs: 2, md: 4, xl: 7 }} style={{ marginTop: 12 }} data-testid="kt-plan-figures">
        <Descriptions.Item label="任务">{f.tasks}</Descriptions.Item>
        <Descriptions.Item label="已落实">{f.claimed}</Descriptions.Item>
        <Descriptions.Item label="待认领">{f.unclaimed}</Descriptions.Item>
        <Descriptions.Item label="滞后">{f.lagging ? <Typography.Text type="danger">{f.lagging}</Typography.Text> : 0}</Descriptions.Item>
        <Descriptions.Item label="已完成">{f.completed}</Descriptions.Item>
        <Descriptions.Item label="已验收">{f.accepted}</Descriptions.Item>
        <Descriptions.Item label="加权进度">{percentText(f.progress)}</Descriptions.Item>
      </Descriptions>
      {p.note && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.note}</Typography.Paragraph>}
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/keytasks/plans/${p.id}${k === 'tasks' ? '' : `?tab=${k}`}`, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'tasks', label: '任务清单', children: <TaskListTab plan={p} /> },
          { key: 'board', label: `揭榜${f.unclaimed ? `（${f.unclaimed} 项待认领）` : ''}`, children: <BoardTab plan={p} /> },
          { key: 'reviews', label: '调度会', children: <ReviewsTab plan={p} /> },
          { key: 'dashboard', label: '看板', children: <DashboardTab plan={p} /> },
        ]}
      />
    </Card>
  );
}
