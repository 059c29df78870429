import { Permission, venueKindLabel, type VenueKindId, type VenueUsage } from '@jiceng/contracts';
import { Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { useVenueCommunities, useVenueUsage } from './api.ts';
import { MonthlyChart, VenueHoursChart } from './VenueCharts.tsx';

type VenueRow = VenueUsage['venues'][number];
const MONTH = 'YYYY-MM';

/**
 * 阵地使用统计: bookings and booked hours per venue and month, by kind of booker (党组织, 驻区单位,
 * 居民), cancelled ones left out and past ones counted as used — as ECharts charts and the table
 * beside them; the bookings of the months as .xlsx.
 */
export default function VenueUsagePage() {
  const me = useMe();
  const [months, setMonths] = useState<[Dayjs, Dayjs]>([dayjs().subtract(5, 'month'), dayjs()]);
  const [orgId, setOrgId] = useState<string | undefined>();
  const communities = useVenueCommunities();
  const q = { from: months[0].format(MONTH), to: months[1].format(MONTH), ...(orgId ? { orgId } : {}) };
  const { data, isFetching } = useVenueUsage(q);
  const read = hasPermission(me, Permission.REGION_READ);

  return (
    <Card title="阵地使用统计" loading={!data && isFetching}>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          picker="month"
          aria-label="统计月份"
          allowClear={false}
          value={months}
          onChange={(v) => v?.[0] && v[1] && setMonths([v[0], v[1]])}
        />
        {read && (
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label="社区"
            placeholder={`${me.orgName}（本级及下级）`}
            style={{ width: 260 }}
            value={orgId}
            onChange={setOrgId}
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
        {read && (
          <ExportButton
            path="/api/venue-bookings/export"
            query={{ from: `${q.from}-01`, to: months[1].endOf('month').format('YYYY-MM-DD'), orgId }}
            fallbackName="阵地预约记录.xlsx"
          />
        )}
        <Typography.Text type="secondary">已取消的不计；已过去的预约计为已使用</Typography.Text>
      </Space>
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col>
              <Statistic title="预约次数" value={data.total.bookings} suffix="次" />
            </Col>
            <Col>
              <Statistic title="预约时长" value={data.total.hours} suffix="小时" />
            </Col>
            <Col>
              <Statistic title="被预约的阵地" value={data.venues.length} suffix="个" />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="每月预约（按预约方）">
                <MonthlyChart usage={data} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="各阵地预约时长">
                <VenueHoursChart usage={data} />
              </Card>
            </Col>
          </Row>
          <Table<VenueRow>
            style={{ marginTop: 16 }}
            rowKey="venueId"
            size="small"
            dataSource={data.venues}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '所选月份没有预约' }}
            scroll={{ x: 900 }}
            columns={[
              { title: '阵地', dataIndex: 'venueName' },
              { title: '所属社区', dataIndex: 'orgName' },
              { title: '类型', dataIndex: 'kind', width: 130, render: (k: VenueKindId) => venueKindLabel[k] },
              { title: '预约次数', key: 'n', width: 90, align: 'right', render: (_: unknown, r) => r.total.bookings },
              { title: '时长（小时）', key: 'h', width: 110, align: 'right', render: (_: unknown, r) => r.total.hours },
              { title: '党组织', key: 'org', width: 110, align: 'right', render: (_: unknown, r) => `${r.byKind.org.bookings} 次 / ${r.byKind.org.hours} 时` },
              {
                title: '驻区单位',
                key: 'unit',
                width: 110,
                align: 'right',
                render: (_: unknown, r) => `${r.byKind.unit.bookings} 次 / ${r.byKind.unit.hours} 时`,
              },
              {
                title: '居民',
                key: 'resident',
                width: 110,
                align: 'right',
                render: (_: unknown, r) => `${r.byKind.resident.bookings} 次 / ${r.byKind.resident.hours} 时`,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
