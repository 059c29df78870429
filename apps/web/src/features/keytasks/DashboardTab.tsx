import type { KtDashboard, KtPlanSummary, KtTaskSummary } from '@jiceng/contracts';
import { Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useDashboard } from './api.ts';
import { behindText, percentText } from './form.ts';
import { LagReasons, LeadCell } from './labels.tsx';

const CategoryChart = lazy(() => import('./KtCharts.tsx').then((m) => ({ default: m.CategoryChart })));
const RankingChart = lazy(() => import('./KtCharts.tsx').then((m) => ({ default: m.RankingChart })));
const KtGantt = lazy(() => import('./KtGantt.tsx'));

type Rank = KtDashboard['ranking'][number];

const chart = (node: ReactNode, height = 300) => <Suspense fallback={<div style={{ height }} />}>{node}</Suspense>;

function Figures({ d }: { d: KtDashboard }) {
  const f = d.plan.figures;
  const items: [string, ReactNode][] = [
    ['任务', f.tasks],
    ['已落实', f.claimed],
    ['待认领', f.unclaimed],
    ['推进中', f.inProgress],
    ['滞后', f.lagging],
    ['已完成', f.completed],
    ['已验收', f.accepted],
    ['加权进度', percentText(f.progress)],
  ];
  return (
    <Row gutter={[16, 16]} data-testid="kt-figures">
      {items.map(([title, value]) => (
        <Col xs={12} md={6} xl={3} key={title}>
          <Card size="small">
            <Statistic title={title} value={value as number | string} valueStyle={title === '滞后' && f.lagging ? { color: '#cf1322' } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 看板 of a plan: its figures, completion by category (chart and numbers), the departments ranked
 * (table and bars), the lagging tasks with their reasons, and every task on a timeline.
 */
export function DashboardTab({ plan }: { plan: KtPlanSummary }) {
  const { data: d, isPending } = useDashboard(plan.id);
  if (isPending || !d) return <PageLoading />;
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Figures d={d} />
      </Col>
      <Col xs={24} xl={12}>
        <Card title="完成情况（按类别）" size="small">
          {d.byCategory.length ? chart(<CategoryChart dashboard={d} />) : <Empty description="暂无任务" />}
          <Table
            rowKey="category"
            size="small"
            dataSource={d.byCategory}
            pagination={false}
            style={{ marginTop: 8 }}
            columns={[
              { title: '类别', dataIndex: 'category' },
              { title: '任务', dataIndex: 'tasks', align: 'right', width: 70 },
              { title: '完成进度', dataIndex: 'progress', align: 'right', width: 100, render: (n: number) => percentText(n) },
              { title: '滞后', dataIndex: 'lagging', align: 'right', width: 70 },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="单位排名" size="small">
          {d.ranking.length ? chart(<RankingChart dashboard={d} />, 200) : <Empty description="还没有落实牵头单位" />}
          <Table<Rank>
            rowKey={(r) => `${r.orgId}-${r.unitName}`}
            size="small"
            dataSource={d.ranking}
            pagination={false}
            style={{ marginTop: 8 }}
            data-testid="kt-ranking"
            columns={[
              { title: '名次', dataIndex: 'rank', width: 60 },
              { title: '单位', key: 'org', render: (_: unknown, r) => (r.unitName && r.unitName !== r.orgName ? `${r.orgName} ${r.unitName}` : r.orgName) },
              { title: '牵头任务', dataIndex: 'tasks', align: 'right', width: 80 },
              { title: '进度', dataIndex: 'progress', align: 'right', width: 80, render: (n: number) => percentText(n) },
              { title: '完成', dataIndex: 'completed', align: 'right', width: 60 },
              { title: '滞后', dataIndex: 'lagging', align: 'right', width: 60 },
              { title: '验收均分', dataIndex: 'avgScore', align: 'right', width: 84, render: (n: number | null) => n ?? '—' },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={`滞后任务（${d.lagging.length}）`} size="small">
          <ScrollRegion label="滞后任务">
            <Table<KtTaskSummary>
              rowKey="id"
              size="small"
              dataSource={d.lagging}
              pagination={false}
              scroll={{ x: 960 }}
              locale={{ emptyText: '没有滞后的任务' }}
              data-testid="kt-lagging"
              columns={[
                { title: '序号', dataIndex: 'no', width: 60 },
                { title: '任务', dataIndex: 'title', width: 220, render: (s: string, t) => <Link to={`/keytasks/tasks/${t.id}`}>{s}</Link> },
                { title: '牵头单位/责任人', key: 'lead', width: 200, render: (_: unknown, t) => <LeadCell task={t} /> },
                {
                  title: '进度/应达',
                  key: 'p',
                  width: 130,
                  render: (_: unknown, t) => (
                    <>
                      {percentText(t.progress)} / {percentText(t.expectedProgress)}
                      {behindText(t.progress, t.expectedProgress) && (
                        <div>
                          <Typography.Text type="danger">{behindText(t.progress, t.expectedProgress)}</Typography.Text>
                        </div>
                      )}
                    </>
                  ),
                },
                { title: '滞后原因', key: 'why', render: (_: unknown, t) => <LagReasons reasons={t.lagReasons} /> },
              ]}
            />
          </ScrollRegion>
        </Card>
      </Col>
      <Col span={24}>
        <Card title="任务进度甘特图" size="small" extra={<Typography.Text type="secondary">条形为起止时间，颜色表示状态；菱形为时间节点</Typography.Text>}>
          {d.timeline.length ? chart(<KtGantt timeline={d.timeline} today={today} />) : <Empty description="暂无任务" />}
        </Card>
      </Col>
    </Row>
  );
}
