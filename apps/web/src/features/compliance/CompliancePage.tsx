import {
  compliancePeriodKindLabel,
  Permission,
  type ComplianceChild,
  type ComplianceItemView,
  type ComplianceOrgFilter,
  type ComplianceOrgRow,
  type CompliancePeriodKind,
} from '@jiceng/contracts';
import { Button, Card, Col, DatePicker, Input, Progress, Row, Segmented, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { serverPagination, type Paging } from '../../shared/pagination.ts';
import { typeLabel } from '../../shared/labels.tsx';
import { useComplianceHeatmap, useComplianceOrgs, useComplianceSummary } from './api.ts';
import ComplianceRulesDrawer from './ComplianceRulesDrawer.tsx';

const Heatmap = lazy(() => import('./ComplianceHeatmap.tsx'));

const STATUS_COLOR: Record<ComplianceItemView['status'], string> = {
  done: 'green',
  due: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  exempt: 'default',
  upcoming: 'default',
};
const FILTERS: { value: ComplianceOrgFilter; label: string }[] = [
  { value: 'all', label: '全部组织' },
  { value: 'missing', label: '有未完成' },
  { value: 'due', label: '有待开展' },
  { value: 'done', label: '全部完成' },
  { value: 'silent', label: '沉默支部' },
];
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/**
 * 组织生活完成情况: for the period chosen (本月/本季度/本年度), which children and organizations
 * of the scope did what 三会一课, 主题党日 and 组织生活会 require, a ranking, the silent branches and a
 * heat map of the year; a child's name opens the same view one level down.
 */
export default function CompliancePage() {
  const me = useMe();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const [period, setPeriod] = useState<CompliancePeriodKind>('month');
  const [day, setDay] = useState<Dayjs>(dayjs());
  const [filter, setFilter] = useState<ComplianceOrgFilter>('missing');
  const [q, setQ] = useState<string | undefined>();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const [rulesOpen, setRulesOpen] = useState(false);
  const date = day.format('YYYY-MM-DD');
  const summary = useComplianceSummary({ orgId, period, date });
  const orgs = useComplianceOrgs({ orgId, period, date, status: filter, q, ...paging });
  const heat = useComplianceHeatmap(orgId, day.year());
  const s = summary.data;

  const open = (c: ComplianceChild) => {
    if (c.orgId === (orgId ?? me.orgId)) return;
    setTrail([...trail, { id: c.orgId, name: c.orgName }]);
    setOrgId(c.orgId);
    setPaging({ ...paging, page: 1 });
  };
  const back = (i: number) => {
    const next = trail.slice(0, i);
    setTrail(next);
    setOrgId(next.at(-1)?.id);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="组织生活完成情况"
        extra={
          <Space wrap>
            <Segmented<CompliancePeriodKind>
              aria-label="统计周期"
              value={period}
              onChange={setPeriod}
              options={(['month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: compliancePeriodKindLabel[k].replace('本', '按') }))}
            />
            <DatePicker
              aria-label="统计期间"
              picker={period === 'month' ? 'month' : period === 'quarter' ? 'quarter' : 'year'}
              value={day}
              allowClear={false}
              onChange={(d) => d && setDay(d)}
            />
            <Button onClick={() => setRulesOpen(true)}>频次要求</Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">范围：</Typography.Text>
          <Typography.Link onClick={() => back(0)}>{me.orgName}</Typography.Link>
          {trail.map((t, i) => (
            <span key={t.id}>
              {' / '}
              <Typography.Link onClick={() => back(i + 1)}>{t.name}</Typography.Link>
            </span>
          ))}
          {s && (
            <Typography.Text type="secondary">
              （{s.period.label}，{s.period.start} 至 {s.period.end}）
            </Typography.Text>
          )}
        </Space>
        <Row gutter={16}>
          <Col xs={12} md={4}>
            <Statistic title="完成率" value={percent(s?.totals.rate ?? null)} loading={summary.isPending} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="已完成" value={s?.totals.done ?? 0} suffix="项" />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="待开展" value={(s?.totals.due ?? 0) + (s?.totals.dueSoon ?? 0)} suffix="项" />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="即将到期" value={s?.totals.dueSoon ?? 0} suffix="项" valueStyle={{ color: '#ad4e00' }} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="未完成（已过期）" value={s?.totals.overdue ?? 0} suffix="项" valueStyle={{ color: '#a8071a' }} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="沉默支部" value={s?.silent ?? 0} suffix="个" />
          </Col>
        </Row>
      </Card>

      <Card title="下级组织排名">
        <Table<ComplianceChild>
          rowKey="orgId"
          size="middle"
          scroll={{ x: 900 }}
          loading={summary.isFetching}
          dataSource={s?.children ?? []}
          pagination={false}
          locale={{ emptyText: '本范围内没有需要开展组织生活的组织' }}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
            {
              title: '组织',
              dataIndex: 'orgName',
              render: (n: string, c) => (c.orgId === (orgId ?? me.orgId) ? `${n}（本级）` : <Typography.Link onClick={() => open(c)}>{n}</Typography.Link>),
            },
            { title: '组织数', key: 'n', width: 80, render: (_: unknown, c) => c.counts.organizations },
            {
              title: '完成率',
              key: 'rate',
              width: 180,
              render: (_: unknown, c) =>
                c.counts.rate === null ? (
                  '尚无到期要求'
                ) : (
                  <Progress
                    aria-label={`${c.orgName}完成率`}
                    percent={Math.round(c.counts.rate * 100)}
                    size="small"
                    status={c.counts.rate < 0.6 ? 'exception' : 'normal'}
                  />
                ),
            },
            { title: '已完成', key: 'done', width: 80, render: (_: unknown, c) => c.counts.done },
            { title: '待开展', key: 'due', width: 80, render: (_: unknown, c) => c.counts.due + c.counts.dueSoon },
            {
              title: '未完成',
              key: 'overdue',
              width: 80,
              render: (_: unknown, c) => <Typography.Text type={c.counts.overdue ? 'danger' : undefined}>{c.counts.overdue}</Typography.Text>,
            },
            { title: '沉默支部', dataIndex: 'silent', width: 90 },
            {
              title: '未完成事项（组织数）',
              key: 'missing',
              render: (_: unknown, c) => (
                <Space size={[4, 4]} wrap>
                  {c.missing.slice(0, 4).map((m) => (
                    <Tag key={m.requirementId}>
                      {m.label}（{m.organizations}）
                    </Tag>
                  ))}
                  {c.missing.length > 4 && (
                    <Tooltip
                      title={c.missing
                        .slice(4)
                        .map((m) => `${m.label}（${m.organizations}）`)
                        .join('、')}
                    >
                      等 {c.missing.length} 项
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card title={`${day.year()}年完成率热力图（组织 × 月份）`}>
        <Suspense fallback={<PageLoading />}>{heat.data ? <Heatmap data={heat.data} /> : <PageLoading />}</Suspense>
      </Card>

      <Card title="各组织完成情况">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<ComplianceOrgFilter>
            aria-label="完成情况筛选"
            style={{ width: 150 }}
            value={filter}
            onChange={(v) => (setFilter(v), setPaging({ ...paging, page: 1 }))}
            options={FILTERS}
          />
          <Input.Search
            allowClear
            placeholder="组织名称"
            aria-label="组织名称"
            style={{ width: 220 }}
            onSearch={(v) => (setQ(v.trim() || undefined), setPaging({ ...paging, page: 1 }))}
          />
          <ExportButton path="/api/compliance/orgs/export" query={{ orgId, period, date, status: filter, q }} fallbackName="组织生活完成情况.xlsx" />
        </Space>
        <Table<ComplianceOrgRow>
          rowKey="orgId"
          scroll={{ x: 900 }}
          loading={orgs.isFetching}
          dataSource={orgs.data?.items ?? []}
          pagination={serverPagination({ ...paging, total: orgs.data?.total ?? 0, onChange: setPaging, showTotal: (t) => `共 ${t} 个组织` })}
          expandable={{ expandedRowRender: (r) => <Items items={r.items} />, rowExpandable: (r) => r.items.length > 0 }}
          columns={[
            { title: '组织名称', dataIndex: 'orgName', render: (n: string, r) => <Link to={`/orgs/${r.orgId}`}>{n}</Link> },
            { title: '类别', dataIndex: 'orgType', width: 110, render: (t: string) => typeLabel(t) },
            { title: '上级组织', dataIndex: 'parentName', render: (n: string | null) => n ?? '—' },
            { title: '已完成', dataIndex: 'done', width: 80 },
            { title: '未完成', dataIndex: 'missing', width: 80, render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text> },
            { title: '最近一次会议', dataIndex: 'lastMeetingDate', width: 130, render: (d: string | null) => d ?? '无' },
            { title: '状态', dataIndex: 'silent', width: 100, render: (x: boolean) => (x ? <Tag color="red">沉默支部</Tag> : null) },
          ]}
        />
      </Card>
      {hasPermission(me, Permission.MEETING_READ) && (
        <ComplianceRulesDrawer
          open={rulesOpen}
          onClose={() => setRulesOpen(false)}
          orgId={orgId}
          canEdit={hasPermission(me, Permission.COMPLIANCE_RULES)}
          scopeOrgId={orgId ?? me.orgId}
        />
      )}
    </Space>
  );
}

function Items({ items }: { items: ComplianceItemView[] }) {
  return (
    <Space size={[6, 6]} wrap>
      {items.map((i) => (
        <Tooltip key={`${i.requirementId}@${i.start}`} title={`${i.start} 至 ${i.end}：已开展 ${i.held} 次，要求 ${i.required} 次`}>
          <Tag color={STATUS_COLOR[i.status]}>
            {i.label}
            {i.start.slice(0, 7) === i.end.slice(0, 7) ? `（${Number(i.start.slice(5, 7))}月）` : ''}：{i.statusLabel}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
