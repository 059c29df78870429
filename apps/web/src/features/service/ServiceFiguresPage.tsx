import { type ServiceFigureRow, type ServiceFiguresQuery } from '@jiceng/contracts';
import { Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { useServiceFigures } from './api.ts';
import { pct, RATES } from './labels.tsx';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';

const FiguresChart = lazy(() => import('./FiguresChart.tsx'));

type GroupBy = NonNullable<ServiceFiguresQuery['groupBy']>;
const GROUPS: { value: GroupBy; label: string }[] = [
  { value: 'org', label: '下级组织' },
  { value: 'grid', label: '网格' },
  { value: 'category', label: '类别' },
  { value: 'month', label: '月份' },
];

const COUNTS: { key: keyof ServiceFigureRow; label: string }[] = [
  { key: 'total', label: '诉求数' },
  { key: 'accepted', label: '已受理' },
  { key: 'responded', label: '已接单' },
  { key: 'respondedOnTime', label: '按时接单' },
  { key: 'resolved', label: '已办结' },
  { key: 'onTime', label: '按时办结' },
  { key: 'rated', label: '已评价' },
  { key: 'satisfied', label: '满意' },
  { key: 'returned', label: '被退单' },
  { key: 'reopened', label: '重办' },
  { key: 'overdueOpen', label: '在办超时' },
];

const RATE_HINT: Record<string, string> = {
  responseRate: '按时接单 ÷ 已受理',
  resolutionRate: '已办结 ÷ 已受理',
  satisfactionRate: '满意+基本满意 ÷ 已评价',
  onTimeRate: '按时办结 ÷ 已办结',
  bounceRate: '被退单 ÷ 已受理',
  reopenRate: '重办 ÷ 已办结',
};

/**
 * 接诉即办统计: for a period (this year by default) and a place, the six rates and the counts of the
 * whole, a chart of the rates per 下级组织, 网格, 类别 or 月份, and the table of the rows.
 */
export default function ServiceFiguresPage() {
  const me = useMe();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [groupBy, setGroupBy] = useState<GroupBy>('org');
  const [orgId, setOrgId] = useState<string | undefined>();
  const q: ServiceFiguresQuery = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), groupBy, orgId };
  const { data, isFetching } = useServiceFigures(q);
  const total = data?.total;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="接诉即办统计"
        extra={
          <Typography.Text type="secondary">
            {data ? `${data.from} 至 ${data.to}` : ''}，{orgId ? '所选组织' : me.orgName}
          </Typography.Text>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            aria-label="统计期间"
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            presets={[
              { label: '本年', value: [dayjs().startOf('year'), dayjs()] },
              {
                label: '本季度',
                value: [
                  dayjs()
                    .startOf('month')
                    .subtract(dayjs().month() % 3, 'month'),
                  dayjs(),
                ],
              },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
              { label: '上年', value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
            ]}
          />
          <OrgSelect allowClear aria-label="组织" placeholder={`${me.orgName}（本级及下级）`} style={{ width: 240 }} value={orgId} onChange={setOrgId} />
          <Segmented<GroupBy> aria-label="分组" value={groupBy} onChange={setGroupBy} options={GROUPS} />
        </Space>
        <Row gutter={[16, 16]}>
          {RATES.map((r) => (
            <Col key={r.key} xs={12} sm={8} lg={4}>
              <Card size="small" data-testid="service-kpi">
                <Statistic title={r.label} value={pct(total?.[r.key])} valueStyle={{ color: r.color }} loading={!total} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {RATE_HINT[r.key]}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
        {total && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} type="secondary">
            {COUNTS.map((c) => `${c.label} ${total[c.key]}`).join('，')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={`六率对比（按${GROUPS.find((g) => g.value === groupBy)!.label}）`}>
        {data && data.rows.length === 0 ? (
          <Empty description="该期间没有诉求" />
        ) : (
          <Suspense fallback={<PageLoading />}>{data && <FiguresChart rows={data.rows} byMonth={groupBy === 'month'} />}</Suspense>
        )}
      </Card>
      <Card title="明细">
        <ScrollRegion label="统计明细（可左右滚动）">
          <Table<ServiceFigureRow>
            rowKey="key"
            size="small"
            loading={isFetching}
            dataSource={data?.rows}
            pagination={false}
            scroll={{ x: 1800 }}
            locale={{ emptyText: '该期间没有诉求' }}
            summary={() =>
              total && (data?.rows.length ?? 0) > 1 ? (
                <Table.Summary fixed>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>合计</Typography.Text>
                    </Table.Summary.Cell>
                    {COUNTS.map((c, i) => (
                      <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                        {total[c.key]}
                      </Table.Summary.Cell>
                    ))}
                    {RATES.map((r, i) => (
                      <Table.Summary.Cell key={r.key} index={COUNTS.length + i + 1} align="right">
                        {pct(total[r.key])}
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
            columns={[
              { title: GROUPS.find((g) => g.value === groupBy)!.label, dataIndex: 'label', fixed: 'left', width: 200, ellipsis: true },
              ...COUNTS.map((c) => ({ title: c.label, dataIndex: c.key, width: 80, align: 'right' as const })),
              ...RATES.map((r) => ({
                title: r.label,
                dataIndex: r.key,
                width: 100,
                align: 'right' as const,
                render: (v: number | null) => pct(v),
              })),
            ]}
          />
        </ScrollRegion>
      </Card>
    </Space>
  );
}
