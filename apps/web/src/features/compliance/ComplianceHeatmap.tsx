import type { ComplianceHeatmap as Heatmap } from '@jiceng/contracts';
import { Empty } from 'antd';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** Short names on the axis: 「中共梅花山社区委员会」 → 「梅花山社区」. */
const short = (name: string) => name.replace(/^中共/, '').replace(/(工作)?委员会$|党委$/, '') || name;

/**
 * Organizations × months: the share done of what fell due in each month (三会一课 that month, a
 * quarter's in its last month, the year's in December). Grey: nothing due yet.
 */
export default function ComplianceHeatmap({ data }: { data: Heatmap }) {
  if (data.rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需要开展组织生活的组织" />;
  const months = data.months.map((m) => `${Number(m.slice(5))}月`);
  const cells = data.rows.flatMap((r, y) => r.rates.map((v, x) => [x, y, v === null ? '-' : Math.round(v * 100)]));
  const height = Math.max(220, data.rows.length * 28 + 90);
  const option = {
    tooltip: {
      formatter: (p: { value: [number, number, number | string] }) => {
        const [x, y, v] = p.value;
        return `${data.rows[y]!.orgName}<br/>${data.year}年${months[x]}：${v === '-' ? '尚无到期要求' : `完成率 ${v}%`}`;
      },
    },
    grid: { left: 140, right: 20, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: months, splitArea: { show: true } },
    yAxis: { type: 'category', data: data.rows.map((r) => short(r.orgName)), splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: 100,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['100%', '0%'],
      inRange: { color: ['#cf1322', '#fa8c16', '#fadb14', '#52c41a'] },
    },
    series: [
      { type: 'heatmap', data: cells, label: { show: true, formatter: (p: { value: unknown[] }) => (p.value[2] === '-' ? '' : `${String(p.value[2])}`) } },
    ],
  };
  return (
    <div role="img" aria-label={`${data.year}年各组织组织生活完成率热力图`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}
