import { cobuildStateLabel, type CobuildStats } from '@jiceng/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const STATES = ['active', 'pending', 'draft', 'expired', 'terminated'] as const;
const COLORS = { active: '#c4161c', pending: '#d9a441', draft: '#8c8c8c', expired: '#7a5ea8', terminated: '#bfbfbf' };

/** 协议按乙方类别和状态: stacked bars per kind (村、社区、企业); the table beside holds the same numbers. */
export function KindChart({ stats }: { stats: CobuildStats }) {
  const rows = stats.byKind;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: STATES.map((s) => cobuildStateLabel[s]), top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value', name: '份', minInterval: 1 },
    series: STATES.map((s) => ({ name: cobuildStateLabel[s], type: 'bar', stack: 'n', itemStyle: { color: COLORS[s] }, data: rows.map((r) => r[s]) })),
  };
  const summary = rows.map((r) => `${r.label}${r.total}份，其中生效${r.active}份`).join('；');
  return (
    <div role="img" aria-label={`按乙方类别的协议数：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}

/** 按共建内容: activities and problems solved per content area. */
export function HeadingChart({ stats }: { stats: CobuildStats }) {
  const rows = stats.byHeading;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['共建活动', '解决问题'], top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.heading), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '次', minInterval: 1 },
      { type: 'value', name: '件', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: '共建活动', type: 'bar', itemStyle: { color: '#c4161c' }, data: rows.map((r) => r.activities) },
      { name: '解决问题', type: 'bar', yAxisIndex: 1, itemStyle: { color: '#d9a441' }, data: rows.map((r) => r.problems) },
    ],
  };
  const summary = rows.map((r) => `${r.heading}活动${r.activities}次、解决问题${r.problems}件`).join('；');
  return (
    <div role="img" aria-label={`按共建内容：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}

/** 按月: activities and problems (bars) and funds raised (line, 万元). */
export function MonthChart({ stats }: { stats: CobuildStats }) {
  const rows = stats.byMonth;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: ['共建活动', '解决问题', '筹集资金'], top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: [
      { type: 'value', name: '次/件', minInterval: 1 },
      { type: 'value', name: '万元', splitLine: { show: false } },
    ],
    series: [
      { name: '共建活动', type: 'bar', itemStyle: { color: '#c4161c' }, data: rows.map((r) => r.activities) },
      { name: '解决问题', type: 'bar', itemStyle: { color: '#d9a441' }, data: rows.map((r) => r.problems) },
      { name: '筹集资金', type: 'line', yAxisIndex: 1, itemStyle: { color: '#1f6fb2' }, data: rows.map((r) => Math.round(r.fundsFen / 100) / 10_000) },
    ],
  };
  const summary = rows.map((r) => `${r.month}活动${r.activities}次、解决问题${r.problems}件`).join('；');
  return (
    <div role="img" aria-label={`按月：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}
