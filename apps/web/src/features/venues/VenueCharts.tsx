import { BOOKER_KIND_IDS, bookerKindLabel, type VenueUsage } from '@jiceng/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS: Record<string, string> = { org: '#c4161c', unit: '#d9a441', resident: '#3f7fbf' };

/** 每月预约: bookings per month stacked by kind of booker (bars, 次) and the booked hours (line, 小时). */
export function MonthlyChart({ usage }: { usage: VenueUsage }) {
  const count = (month: string, kind: string) => usage.byMonth.find((r) => r.month === month && r.bookerKind === kind)?.bookings ?? 0;
  const hours = (month: string) => Math.round(usage.byMonth.filter((r) => r.month === month).reduce((n, r) => n + r.hours, 0) * 10) / 10;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [...BOOKER_KIND_IDS.map((k) => bookerKindLabel[k]), '预约时长'], top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: usage.months },
    yAxis: [
      { type: 'value', name: '次', minInterval: 1 },
      { type: 'value', name: '小时', splitLine: { show: false } },
    ],
    series: [
      ...BOOKER_KIND_IDS.map((k) => ({
        name: bookerKindLabel[k],
        type: 'bar',
        stack: 'bookings',
        itemStyle: { color: COLORS[k] },
        data: usage.months.map((m) => count(m, k)),
      })),
      { name: '预约时长', type: 'line', yAxisIndex: 1, itemStyle: { color: '#555' }, data: usage.months.map(hours) },
    ],
  };
  const summary = usage.months
    .map((m) => `${m}：${BOOKER_KIND_IDS.map((k) => `${bookerKindLabel[k]}${count(m, k)}次`).join('、')}，共${hours(m)}小时`)
    .join('；');
  return (
    <div role="img" aria-label={`每月预约：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}

/** 各阵地预约时长: booked hours per venue by kind of booker, the busiest on top (at most 15). */
export function VenueHoursChart({ usage }: { usage: VenueUsage }) {
  const rows = [...usage.venues].sort((a, b) => a.total.hours - b.total.hours).slice(-15);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: BOOKER_KIND_IDS.map((k) => bookerKindLabel[k]), top: 0 },
    grid: { left: 8, right: 24, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'value', name: '小时' },
    yAxis: { type: 'category', data: rows.map((r) => r.venueName), axisLabel: { width: 180, overflow: 'truncate' } },
    series: BOOKER_KIND_IDS.map((k) => ({
      name: bookerKindLabel[k],
      type: 'bar',
      stack: 'hours',
      itemStyle: { color: COLORS[k] },
      data: rows.map((r) => r.byKind[k].hours),
    })),
  };
  const summary = [...rows]
    .reverse()
    .map((r) => `${r.venueName}${r.total.hours}小时（${r.total.bookings}次）`)
    .join('；');
  return (
    <div role="img" aria-label={`各阵地预约时长：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: Math.max(200, rows.length * 32 + 60) }} notMerge lazyUpdate />
    </div>
  );
}
