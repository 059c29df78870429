import { ktStatusLabel, type KtDashboard, type KtStatus } from '@jiceng/contracts';
import type { CustomSeriesRenderItem } from 'echarts';
import { CustomChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { ganttModel, MILESTONE_HEX, STATUS_HEX, type GanttBar, type GanttMilestone } from './gantt.ts';

echarts.use([CustomChart, ScatterChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const date = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const MILESTONE_TEXT = { done: '已完成', overdue: '已逾期', ahead: '未到期' } as const;

/** Each task a bar from its start to its deadline on its own row, clipped to the plot. */
const renderBar: CustomSeriesRenderItem = (params, api) => {
  const row = api.value(0);
  const start = api.coord([api.value(1), row]);
  const end = api.coord([api.value(2), row]);
  const height = (api.size?.([0, 1]) as number[])[1]! * 0.5;
  const grid = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
  const shape = echarts.graphic.clipRectByRect(
    { x: start[0]!, y: start[1]! - height / 2, width: Math.max(2, end[0]! - start[0]!), height },
    { x: grid.x, y: grid.y, width: grid.width, height: grid.height },
  );
  return shape && { type: 'rect', transition: ['shape'], shape, style: api.style() };
};

/**
 * 任务进度甘特图: a bar per task from its start to its deadline coloured by status, its time nodes as
 * diamonds (green done, red overdue, amber ahead) and today as a line. The lagging list and the
 * task list hold the same facts in text.
 */
export default function KtGantt({ timeline, today }: { timeline: KtDashboard['timeline']; today: string }) {
  const m = ganttModel(timeline, today);
  const option = {
    tooltip: {
      formatter: (p: { seriesType: string; data: GanttBar | GanttMilestone }) => {
        if (p.seriesType === 'custom') {
          const b = p.data as GanttBar;
          return `${b.name}<br/>${date(b.value[1])} 至 ${date(b.value[2])}<br/>${b.status}，进度 ${b.value[3]}%`;
        }
        const n = p.data as GanttMilestone;
        return `节点：${n.name}<br/>${date(n.value[0])}（${MILESTONE_TEXT[n.state]}）`;
      },
    },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'time', min: m.min, max: m.max, axisLabel: { formatter: '{M}月' } },
    yAxis: { type: 'category', data: m.labels, inverse: true, axisLabel: { width: 200, overflow: 'truncate' } },
    series: [
      {
        type: 'custom',
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data: m.bars,
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#c4161c', type: 'dashed' }, label: { formatter: '今天' }, data: [{ xAxis: m.today }] },
      },
      { type: 'scatter', symbol: 'diamond', symbolSize: 12, z: 3, data: m.milestones },
    ],
  };
  const legend: [string, string, boolean][] = [
    ...(Object.keys(STATUS_HEX) as KtStatus[]).map((s): [string, string, boolean] => [ktStatusLabel[s], STATUS_HEX[s], false]),
    ...(Object.keys(MILESTONE_TEXT) as (keyof typeof MILESTONE_TEXT)[]).map((k): [string, string, boolean] => [
      `节点${MILESTONE_TEXT[k]}`,
      MILESTONE_HEX[k],
      true,
    ]),
  ];
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 4 }}>
        {legend.map(([label, color, diamond]) => (
          <span key={label} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span aria-hidden style={{ width: 10, height: 10, background: color, transform: diamond ? 'rotate(45deg) scale(0.8)' : undefined }} />
            {label}
          </span>
        ))}
      </div>
      <div role="img" aria-label={`任务进度甘特图：${m.summary || '暂无任务'}`}>
        <EChartsReactCore echarts={echarts} option={option} style={{ height: Math.max(220, m.labels.length * 34 + 60) }} notMerge lazyUpdate />
      </div>
    </>
  );
}
