import type { ServiceFigureRow } from '@jiceng/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { pct, RATES } from './labels.tsx';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** The six rates of each row as grouped bars (a line per rate when the rows are months); the table below holds the same numbers. */
export default function FiguresChart({ rows, byMonth }: { rows: ServiceFigureRow[]; byMonth: boolean }) {
  const option = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { data: RATES.map((r) => r.label), top: 0 },
    grid: { left: 8, right: 24, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: RATES.map((rate) => ({
      name: rate.label,
      type: byMonth ? 'line' : 'bar',
      connectNulls: false,
      itemStyle: { color: rate.color },
      data: rows.map((r) => percent(r[rate.key])),
    })),
  };
  const summary = rows
    .slice(0, 12)
    .map((r) => `${r.label}：${RATES.map((rate) => `${rate.label}${pct(r[rate.key])}`).join('，')}`)
    .join('；');
  return (
    <div role="img" aria-label={`接诉即办六率${byMonth ? '按月走势' : '对比'}：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 340 }} notMerge lazyUpdate />
    </div>
  );
}
