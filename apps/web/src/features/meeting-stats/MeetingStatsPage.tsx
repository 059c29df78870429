import type { MeetingStats, OrgSummary } from '@jiceng/contracts';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { download } from '../../api/download.ts';
import { withQuery } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { showError } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { localPagination } from '../../shared/pagination.ts';
import { useMeetingStats } from './api.ts';
import { outOfRange, statsFilter } from './statsFilter.ts';

const StatsChart = lazy(() => import('./StatsChart.tsx'));
const BRANCH_TYPES = ['branch', 'joint_branch'];

type TypeRow = MeetingStats['byType'][number];
type ChildRow = MeetingStats['byChild'][number];

/**
 * 会议统计: meetings held (records submitted, reviewed or archived, as the compliance calendar
 * counts them) in the subtree by type and month of a year, a quarter or a range of dates (the
 * RangePicker; picking a range clears year and quarter, picking a year or quarter clears the range),
 * and by child organization; 导出 .xlsx, and a branch's annual 组织生活台账 (by year only).
 */
export default function MeetingStatsPage() {
  const me = useMe();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [org, setOrg] = useState<OrgSummary | undefined>();
  const [ledgerBusy, setLedgerBusy] = useState(false);
  const filter = statsFilter(org?.id, range ? { kind: 'range', from: range[0], to: range[1] } : { kind: 'year', year, quarter });
  const { data, isFetching } = useMeetingStats(filter);
  const isBranch = org ? BRANCH_TYPES.includes(org.type) : false;

  const ledger = () => {
    if (!org) return;
    setLedgerBusy(true);
    download(withQuery('/api/meetings/ledger', { orgId: org.id, year }), '组织生活台账.xlsx')
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setLedgerBusy(false));
  };

  const monthColumns = (data?.months ?? []).map((m, i) => ({
    title: data?.monthLabels[i] ?? m,
    key: m,
    width: (data?.monthLabels[i]?.length ?? 0) > 3 ? 104 : 64,
    align: 'right' as const,
    render: (_: unknown, r: TypeRow) => r.months[i] ?? 0,
  }));
  const typeColumns = (data?.types ?? []).map((t) => ({
    title: t.label,
    key: t.type,
    width: 96,
    align: 'right' as const,
    render: (_: unknown, r: ChildRow) => r.counts[t.type] ?? 0,
  }));

  return (
    <Card title="会议统计" extra={<Typography.Text type="secondary">{data?.countedNote}</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgSelect
          aria-label="党组织"
          allowClear
          placeholder={`${me.orgName}（本级及下级）`}
          value={org?.id}
          onChange={(_id, o) => setOrg(o)}
          style={{ width: 280 }}
        />
        <Select<number>
          aria-label="年度"
          style={{ width: 120 }}
          placeholder="年度"
          value={range ? undefined : year}
          onChange={(y) => {
            setYear(y);
            setRange(null);
          }}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <Select<number>
          aria-label="季度"
          allowClear
          placeholder={range ? '季度' : '全年'}
          style={{ width: 120 }}
          value={range ? undefined : quarter}
          onChange={(q) => {
            setQuarter(q);
            setRange(null);
          }}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))}
        />
        <DatePicker.RangePicker
          aria-label="起止日期"
          placeholder={['开始日期', '结束日期']}
          value={range}
          onChange={(r) => {
            setRange(r && r[0] && r[1] ? [r[0], r[1]] : null);
            if (r) setQuarter(undefined);
          }}
          disabledDate={outOfRange}
        />
        <ExportButton path="/api/meetings/stats/export" query={filter} fallbackName="会议统计.xlsx" />
        <Button
          icon={<DownloadOutlined />}
          disabled={!isBranch || !!range}
          loading={ledgerBusy}
          onClick={ledger}
          title={!isBranch ? '请先选择一个党支部' : range ? '组织生活台账按年度生成，请选择年度' : undefined}
        >
          组织生活台账
        </Button>
      </Space>
      {data && (
        <Typography.Paragraph>
          {data.orgName} {data.periodLabel}共召开会议 <Typography.Text strong>{data.total}</Typography.Text> 次
        </Typography.Paragraph>
      )}
      {data && data.total > 0 && (
        <Suspense fallback={<div style={{ height: 260 }} />}>
          <StatsChart stats={data} />
        </Suspense>
      )}
      <Tabs
        items={[
          {
            key: 'type',
            label: '按类型和月份',
            children: (
              <Table<TypeRow>
                rowKey="type"
                size="small"
                scroll={{ x: 1000 }}
                loading={isFetching}
                dataSource={data?.byType ?? []}
                pagination={false}
                columns={[
                  { title: '会议类型', dataIndex: 'label', fixed: 'left', width: 120 },
                  ...monthColumns,
                  { title: '合计', dataIndex: 'total', width: 72, align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'child',
            label: '按下级组织',
            children: (
              <Table<ChildRow>
                rowKey="orgId"
                size="small"
                scroll={{ x: 1200 }}
                loading={isFetching}
                dataSource={data?.byChild ?? []}
                locale={{ emptyText: '没有下级组织' }}
                pagination={localPagination((n) => `共 ${n} 个组织`)}
                columns={[
                  { title: '党组织', dataIndex: 'orgName', fixed: 'left', width: 220 },
                  ...typeColumns,
                  { title: '合计', dataIndex: 'total', width: 72, align: 'right' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
