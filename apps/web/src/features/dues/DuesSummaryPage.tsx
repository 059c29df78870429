import { DUES_MONTH_PATTERN, type DuesSummary, type DuesTotals } from '@jiceng/contracts';
import { Breadcrumb, Button, Card, Col, Descriptions, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { rateText } from './duesForm.ts';
import { useDuesSummary } from './ledgerApi.ts';
import { chartSeries, monthOptions, paidRateText, yearOptions, yuan, yuanText } from './ledgerForm.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const MONTH = new RegExp(DUES_MONTH_PATTERN);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 应交 and 实交 each month (bars, 元) with the 交纳率 (line, %); the table below holds the same numbers. */
function MonthChart({ s }: { s: DuesSummary }) {
  const c = chartSeries(s.byMonth);
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: ['应交金额', '实交金额', '交纳率'], top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: c.labels },
    yAxis: [
      { type: 'value', name: '元', min: 0 },
      { type: 'value', name: '交纳率', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: '应交金额', type: 'bar', itemStyle: { color: '#d9a441' }, data: c.due, tooltip: { valueFormatter: (v: number) => `${v.toFixed(2)} 元` } },
      { name: '实交金额', type: 'bar', itemStyle: { color: '#c4161c' }, data: c.paid, tooltip: { valueFormatter: (v: number) => `${v.toFixed(2)} 元` } },
      {
        name: '交纳率',
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        itemStyle: { color: '#389e0d' },
        data: c.rate,
        tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
      },
    ],
  };
  const summary = s.byMonth
    .map((m) => `${m.month}应交${yuan(m.totals.dueFen)}元、实交${yuan(m.totals.paidFen)}元、交纳率${paidRateText(m.totals.paidRate)}`)
    .join('；');
  return (
    <div role="img" aria-label={`${s.orgName}${s.year}年党费按月收缴情况：${summary || '暂无数据'}`}>
      <EChartsReactCore echarts={echarts} option={option} style={{ height: 300 }} notMerge lazyUpdate />
    </div>
  );
}

type ChildRow = DuesSummary['children'][number];

const totalsColumns = [
  { title: '应交人次', key: 'owing', align: 'right' as const, render: (_: unknown, r: { totals: DuesTotals }) => r.totals.owingMembers },
  { title: '已交人次', key: 'paid', align: 'right' as const, render: (_: unknown, r: { totals: DuesTotals }) => r.totals.paidMembers },
  { title: '免交', key: 'waived', align: 'right' as const, render: (_: unknown, r: { totals: DuesTotals }) => r.totals.waivedMembers },
  { title: '未定基数', key: 'noBasis', align: 'right' as const, render: (_: unknown, r: { totals: DuesTotals }) => r.totals.noBasisMembers },
  { title: '应交金额', key: 'due', align: 'right' as const, render: (_: unknown, r: { totals: DuesTotals }) => yuanText(r.totals.dueFen) },
  { title: '实交金额', key: 'paidFen', align: 'right' as const, render: (_: unknown, r: { totals: DuesTotals }) => yuanText(r.totals.paidFen) },
  { title: '交纳率', key: 'rate', align: 'right' as const, render: (_: unknown, r: { totals: DuesTotals }) => paidRateText(r.totals.paidRate) },
];

/**
 * 党费统计: a year (or one month) of the organization and its subtree — 应交, 实交, 交纳率 — with each
 * direct child (a name drills down; the breadcrumb goes back), the months as a chart and a table,
 * the share to remit upward, and 导出. The filter lives in the URL (`?orgId=&year=&month=`).
 */
export default function DuesSummaryPage() {
  const me = useMe();
  const thisYear = dayjs().year();
  const [params, setParams] = useSearchParams();
  const rawOrg = params.get('orgId');
  const rawYear = Number(params.get('year'));
  const rawMonth = params.get('month');
  const orgId = rawOrg && UUID.test(rawOrg) ? rawOrg : undefined;
  const year = Number.isInteger(rawYear) && rawYear >= 2000 && rawYear <= 2100 ? rawYear : thisYear;
  const month = rawMonth && MONTH.test(rawMonth) && rawMonth.startsWith(`${year}-`) ? rawMonth : undefined;
  const set = (patch: { orgId?: string; year?: number; month?: string }) => {
    const next = { orgId, year: year === thisYear ? undefined : year, month, ...patch };
    if (next.year === thisYear) next.year = undefined;
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>, { replace: true });
  };
  const query = { orgId, year, month };
  const { data: s, isFetching } = useDuesSummary(query);
  /** The organizations drilled down through, to go back. */
  const [trail, setTrail] = useState<{ orgId: string; orgName: string }[]>([]);
  const drill = (child: ChildRow) => {
    if (s) setTrail((t) => [...t, { orgId: s.orgId, orgName: s.orgName }]);
    set({ orgId: child.orgId });
  };
  const back = (i: number) => {
    const to = trail[i]!;
    setTrail((t) => t.slice(0, i));
    set({ orgId: to.orgId });
  };
  const t = s?.totals;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="党费统计" extra={<Typography.Text type="secondary">本级及下级党组织党费收缴情况</Typography.Text>}>
        <Space wrap style={{ marginBottom: 16 }}>
          <OrgSelect
            allowClear
            aria-label="党组织"
            placeholder={`${me.orgName}（本级及下级）`}
            style={{ width: 280 }}
            value={orgId}
            initialLabel={s && s.orgId === orgId ? s.orgName : undefined}
            onChange={(id) => {
              setTrail([]);
              set({ orgId: id });
            }}
          />
          <Select<number>
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            onChange={(y) => set({ year: y, month: undefined })}
            options={yearOptions(thisYear)}
          />
          <Select<string>
            allowClear
            aria-label="月份"
            placeholder="全年"
            style={{ width: 110 }}
            value={month}
            onChange={(m) => set({ month: m })}
            options={monthOptions(year)}
          />
          <ExportButton path="/api/dues/summary/export" query={query} fallbackName="党费统计.xlsx" />
        </Space>
        {trail.length > 0 && s && (
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[
              ...trail.map((o, i) => ({
                key: o.orgId,
                title: (
                  <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => back(i)}>
                    {o.orgName}
                  </Button>
                ),
              })),
              { key: s.orgId, title: s.orgName },
            ]}
          />
        )}
        <Row gutter={[16, 8]} data-testid="dues-summary-totals">
          <Col xs={24} md={6}>
            <Statistic title="统计范围" value={s ? `${s.orgName}` : '—'} valueStyle={{ fontSize: 16 }} loading={!s && isFetching} />
            <Typography.Text type="secondary">{s ? `${s.year} 年${s.month ? ` ${Number(s.month.slice(5))} 月` : '全年'}` : ''}</Typography.Text>
          </Col>
          <Col xs={12} md={3}>
            <Statistic title="应交人次" value={t?.owingMembers ?? '—'} loading={!t && isFetching} />
          </Col>
          <Col xs={12} md={3}>
            <Statistic title="已交人次" value={t?.paidMembers ?? '—'} loading={!t && isFetching} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="应交金额" value={t ? yuanText(t.dueFen) : '—'} loading={!t && isFetching} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="实收金额" value={t ? yuanText(t.paidFen) : '—'} loading={!t && isFetching} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="交纳率" value={t ? paidRateText(t.paidRate) : '—'} loading={!t && isFetching} />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title={`${year} 年按月收缴情况`} size="small">
            {s && s.byMonth.length > 0 ? <MonthChart s={s} /> : <Typography.Text type="secondary">暂无台账数据</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="党费上缴" size="small" data-testid="dues-remittance">
            {s && (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="本年实收党费">{yuanText(s.remittance.receivedFen)}</Descriptions.Item>
                <Descriptions.Item label="上缴比例">{rateText(s.remittance.rateBp)}</Descriptions.Item>
                <Descriptions.Item label="应上缴">
                  <Typography.Text strong>{yuanText(s.remittance.fen)}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="依据">{s.remittance.source}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
      <Card title="下级党组织" size="small">
        <Table<ChildRow>
          rowKey={(r) => `${r.orgId}-${r.own ? 'own' : 'sub'}`}
          size="small"
          loading={isFetching}
          dataSource={s?.children}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '没有下级党组织' }}
          columns={[
            {
              title: '党组织',
              key: 'org',
              render: (_: unknown, r) =>
                r.own ? (
                  `${r.orgName}（本级党员）`
                ) : (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => drill(r)}>
                    {r.orgName}
                  </Button>
                ),
            },
            ...totalsColumns,
          ]}
        />
      </Card>
      <Card title="按月明细" size="small">
        <Table
          rowKey="month"
          size="small"
          loading={isFetching}
          dataSource={s?.byMonth}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '暂无台账数据' }}
          columns={[{ title: '月份', dataIndex: 'month' }, ...totalsColumns]}
        />
      </Card>
    </Space>
  );
}
