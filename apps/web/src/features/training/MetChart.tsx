import type { TrainingStats } from '@jiceng/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { metRows } from './trainingForm.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 达标 / 未达标 people by category (党员, 书记和班子成员, 书记), stacked; the table beside it holds the same numbers. */
export default function MetChart({ stats }: { stats: TrainingStats }) {
  const rows = metRows(stats);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['达标', '未达标'], top: 0 },
    grid: { left: 8, right: 24, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
    series: [
      { name: '达标', type: 'bar', stack: 'people', itemStyle: { color: '#389e0d' }, data: rows.map((r) => r.met), label: { show: true } },
      { name: '未达标', type: 'bar', stack: 'people', itemStyle: { color: '#c4161c' }, data: rows.map((r) => r.short), label: { show: true } },
    ],
  };
  return (
    <div role="img" aria-label={`${stats.year}年培训学时达标情况：${rows.map((r) => `${r.label}达标${r.met}人、未达标${r.short}人`).join('；')}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 220 }} notMerge lazyUpdate />
    </div>
  );
}
