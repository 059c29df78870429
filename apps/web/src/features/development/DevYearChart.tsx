import type { DevYearReport } from '@jiceng/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 计划发展 and 已发展 per child organization (bars); the table beside it holds the same numbers. */
export default function DevYearChart({ report }: { report: DevYearReport }) {
  const rows = report.rows;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['计划发展', '已发展'], top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: '人', minInterval: 1, min: 0 },
    series: [
      { name: '计划发展', type: 'bar', itemStyle: { color: '#d9a441' }, data: rows.map((r) => r.quota ?? 0) },
      { name: '已发展', type: 'bar', itemStyle: { color: '#c4161c' }, data: rows.map((r) => r.developed) },
    ],
  };
  const summary = rows.map((r) => `${r.orgName}计划${r.quota ?? '未设置'}、已发展${r.developed}人`).join('；');
  return (
    <div role="img" aria-label={`${report.orgName}${report.year}年发展党员计划完成情况：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}
