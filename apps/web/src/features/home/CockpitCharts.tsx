import type { MemberStats, TodoSummary } from '@jiceng/contracts';
import { Card, Col, Empty, Row } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useMemberStats, useTermByChild } from './memberStats.ts';
import { shortOrgName, termByChild } from './homeView.ts';

// Only the parts drawn here, so the chunk stays small (the full echarts build is ~1 MB).
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const RED = '#cf1322';
const ORANGE = '#fa8c16';
const GREY = '#bfbfbf';
const GREEN = '#52c41a';
const chart = (option: object, height = 260, label?: string) => (
  <div role="img" aria-label={label}>
    <EChartsReactCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
  </div>
);

/** 换届 by direct child organization, stacked: 已逾期, 即将到期, 未录入届次 (the 待办) and 届期正常. */
function TermByChild({ summary }: { summary: TodoSummary }) {
  const ok = useTermByChild(true);
  const rows = termByChild(summary, new Map((ok.data ?? []).map((c) => [c.orgId, c.ok])));
  if (!rows.some((r) => r.ok + r.overdue + r.dueSoon + r.incomplete > 0))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需要换届的组织" />;
  const series = (name: string, key: 'ok' | 'overdue' | 'dueSoon' | 'incomplete', color: string) => ({
    name,
    type: 'bar',
    stack: 'term',
    itemStyle: { color },
    emphasis: { focus: 'series' },
    data: rows.map((r) => r[key]),
  });
  return chart(
    {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => shortOrgName(r.name)), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        series('已逾期', 'overdue', RED),
        series('即将到期', 'dueSoon', ORANGE),
        series('未录入届次', 'incomplete', GREY),
        series('届期正常', 'ok', GREEN),
      ],
    },
    280,
    '换届状态按下级组织',
  );
}

/** 党员结构: age bands (bars), education (horizontal bars), gender (ring). */
function Structure({ stats }: { stats: MemberStats }) {
  const bars = (items: MemberStats['byAge'], horizontal: boolean, label: string) =>
    chart(
      {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
        [horizontal ? 'yAxis' : 'xAxis']: {
          type: 'category',
          data: items.map((b) => b.label),
          inverse: horizontal,
          axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 },
        },
        [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: '人数', data: items.map((b) => b.count), itemStyle: { color: '#c41d1d' }, barMaxWidth: 28 }],
      },
      240,
      label,
    );
  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card size="small" title="年龄结构" variant="borderless">
          {bars(stats.byAge, false, '党员年龄结构')}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title="学历结构" variant="borderless">
          {bars(stats.byEducation, true, '党员学历结构')}
        </Card>
      </Col>
      <Col xs={24} lg={6}>
        <Card size="small" title="性别结构" variant="borderless">
          {chart(
            {
              tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
              legend: { bottom: 0 },
              series: [
                {
                  type: 'pie',
                  radius: ['45%', '70%'],
                  label: { formatter: '{b} {d}%' },
                  data: stats.byGender.map((b, i) => ({ name: b.label, value: b.count, itemStyle: { color: i === 0 ? '#1677ff' : '#eb2f96' } })),
                },
              ],
            },
            240,
            '党员性别结构',
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** The cockpit's charts: 换届 by child organization from the 待办 summary, and the member structure of the scope. */
export default function CockpitCharts({ summary, showMembers }: { summary: TodoSummary; showMembers: boolean }) {
  const stats = useMemberStats(showMembers);
  const hasTerm = summary.byKind.some((k) => k.kind === 'term');
  return (
    <>
      {hasTerm && (
        <Card title="换届情况（按下级组织）" size="small" style={{ marginBottom: 16 }}>
          <TermByChild summary={summary} />
        </Card>
      )}
      {showMembers && (
        <Card title={`党员结构${stats.data ? `（共 ${stats.data.total} 人）` : ''}`} size="small" loading={stats.isPending} style={{ marginBottom: 16 }}>
          {stats.data && (stats.data.total > 0 ? <Structure stats={stats.data} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无党员" />)}
        </Card>
      )}
    </>
  );
}
