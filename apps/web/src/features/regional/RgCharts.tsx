import type { RgStats } from '@jiceng/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const RED = '#c4161c';
const GOLD = '#d9a441';
const BLUE = '#1f5fa8';

const bars = (labels: string[], series: { name: string; color: string; data: number[] }[]) => ({
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  legend: { data: series.map((s) => s.name), top: 0 },
  grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
  xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: series.map((s) => ({ name: s.name, type: 'bar', itemStyle: { color: s.color }, data: s.data })),
});

/** 各下级组织: needs, needs met and projects per child organization (the table below holds the same numbers). */
export function ChildChart({ stats }: { stats: RgStats }) {
  const rows = stats.byChild;
  const option = bars(
    rows.map((r) => r.orgName),
    [
      { name: '需求', color: GOLD, data: rows.map((r) => r.needs) },
      { name: '已满足', color: RED, data: rows.map((r) => r.met) },
      { name: '项目', color: BLUE, data: rows.map((r) => r.projects) },
    ],
  );
  const summary = rows.map((r) => `${r.orgName}需求${r.needs}项，已满足${r.met}项，项目${r.projects}个`).join('；');
  return (
    <div role="img" aria-label={`各下级组织情况：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}

/** 按类别: needs, needs met and projects per category. */
export function CategoryChart({ stats }: { stats: RgStats }) {
  const rows = stats.byCategory;
  const option = bars(
    rows.map((r) => r.name),
    [
      { name: '需求', color: GOLD, data: rows.map((r) => r.needs) },
      { name: '已满足', color: RED, data: rows.map((r) => r.met) },
      { name: '项目', color: BLUE, data: rows.map((r) => r.projects) },
    ],
  );
  const summary = rows.map((r) => `${r.name}需求${r.needs}项，已满足${r.met}项，项目${r.projects}个`).join('；');
  return (
    <div role="img" aria-label={`按类别情况：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}

/** 按月: needs recorded and met (lines, 项) and service hours (line, 小时, right axis) month by month. */
export function MonthChart({ stats }: { stats: RgStats }) {
  const rows = stats.byMonth;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: ['登记需求', '满足需求', '服务时长'], top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: [
      { type: 'value', name: '项', minInterval: 1 },
      { type: 'value', name: '小时', splitLine: { show: false } },
    ],
    series: [
      { name: '登记需求', type: 'line', itemStyle: { color: GOLD }, data: rows.map((r) => r.needs) },
      { name: '满足需求', type: 'line', itemStyle: { color: RED }, data: rows.map((r) => r.met) },
      { name: '服务时长', type: 'line', yAxisIndex: 1, itemStyle: { color: BLUE }, data: rows.map((r) => r.hours) },
    ],
  };
  const summary = rows.map((r) => `${r.month}登记${r.needs}项，满足${r.met}项，服务${r.hours}小时`).join('；');
  return (
    <div role="img" aria-label={`按月情况：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}
