import { rmGradeLabel, type RmLedger } from '@jiceng/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const RED = '#c4161c';
const BLUE = '#1f5fa8';

/** 评价等次分布: how many units got each grade from their community, and how many communities from their units (the whole scope). */
export function GradeChart({ ledger }: { ledger: RmLedger }) {
  const rows = ledger.distribution;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['社区评价单位', '单位评价社区'], top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => rmGradeLabel[r.grade]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '社区评价单位', type: 'bar', itemStyle: { color: RED }, data: rows.map((r) => r.ofUnit) },
      { name: '单位评价社区', type: 'bar', itemStyle: { color: BLUE }, data: rows.map((r) => r.ofCommunity) },
    ],
  };
  const summary = rows.map((r) => `${rmGradeLabel[r.grade]}：社区评单位${r.ofUnit}个，单位评社区${r.ofCommunity}个`).join('；');
  return (
    <div role="img" aria-label={`${ledger.year}年评价等次分布：${summary}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 260 }} notMerge lazyUpdate />
    </div>
  );
}
