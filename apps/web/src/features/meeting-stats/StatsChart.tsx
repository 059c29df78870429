import type { MeetingStats } from '@jiceng/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Meetings held by type in the period (bars); the table beside it holds the same numbers. */
export default function StatsChart({ stats }: { stats: MeetingStats }) {
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, bottom: 8, top: 16, containLabel: true },
    xAxis: { type: 'category', data: stats.byType.map((t) => t.label), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '召开次数', type: 'bar', itemStyle: { color: '#c4161c' }, data: stats.byType.map((t) => t.total) }],
  };
  return (
    <div role="img" aria-label={`按会议类型统计：${stats.byType.map((t) => `${t.label}${t.total}次`).join('，')}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 260 }} notMerge lazyUpdate />
    </div>
  );
}
