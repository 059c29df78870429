import type { KtDashboard } from '@jiceng/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 完成情况按类别: weighted progress (bars, %) and lagging tasks (bars, 项) per category; the table beside holds the same numbers. */
export function CategoryChart({ dashboard }: { dashboard: KtDashboard }) {
  const rows = dashboard.byCategory;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['完成进度', '滞后任务'], top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.category), axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '%', min: 0, max: 100 },
      { type: 'value', name: '项', min: 0, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: '完成进度', type: 'bar', itemStyle: { color: '#c4161c' }, data: rows.map((r) => r.progress) },
      { name: '滞后任务', type: 'bar', yAxisIndex: 1, itemStyle: { color: '#d9a441' }, data: rows.map((r) => r.lagging) },
    ],
  };
  const summary = rows.map((r) => `${r.category}${r.tasks}项，完成进度${r.progress}%，滞后${r.lagging}项`).join('；');
  return (
    <div role="img" aria-label={`按类别完成情况：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}

/** 单位排名: each lead department's weighted progress, the first ranked on top. */
export function RankingChart({ dashboard }: { dashboard: KtDashboard }) {
  const rows = [...dashboard.ranking].sort((a, b) => b.rank - a.rank);
  const name = (r: (typeof rows)[number]) => (r.unitName && r.unitName !== r.orgName ? `${r.orgName} ${r.unitName}` : r.orgName);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
    xAxis: { type: 'value', name: '%', min: 0, max: 100 },
    yAxis: { type: 'category', data: rows.map(name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        name: '完成进度',
        type: 'bar',
        itemStyle: { color: '#c4161c' },
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: rows.map((r) => r.progress),
      },
    ],
  };
  const summary = dashboard.ranking.map((r) => `第${r.rank}名${name(r)}，完成进度${r.progress}%`).join('；');
  return (
    <div role="img" aria-label={`单位排名：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: Math.max(200, rows.length * 32 + 40) }} notMerge lazyUpdate />
    </div>
  );
}
