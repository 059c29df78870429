import type { RgNeed, RgProject, RgResource, RgUnitLedger } from '@jiceng/contracts';
import { Breadcrumb, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { FileLink } from '../../shared/files.tsx';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { photoUrl, useLedger } from './api.ts';
import { hoursText, yearFromParams, yearOptions, yuanText } from './form.ts';
import { NeedStateTag, ProjectStateTag, ResourceStateTag } from './labels.tsx';

type Activity = RgUnitLedger['activities'][number];

function Totals({ l }: { l: RgUnitLedger }) {
  const t = l.totals;
  const items: [string, ReactNode][] = [
    ['提供资源', `${l.resources.length} 项`],
    ['认领需求', `${l.claimed.length} 项`],
    ['参与项目', `${l.projects.length} 个`],
    ['活动次数', `${t.activities} 次`],
    ['服务时长', hoursText(t.hours)],
    ['参与人次', `${t.participants} 人次`],
    ['受益人数', `${t.beneficiaries} 人`],
    ['投入资金', yuanText(t.fundsFen)],
    ['解决实际问题', `${t.problemsSolved} 件`],
  ];
  return (
    <Row gutter={[16, 16]} data-testid="rg-ledger-totals">
      {items.map(([title, value]) => (
        <Col xs={12} md={8} xl={4} key={title}>
          <Card size="small">
            <Statistic title={title} value={value as string} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 驻区单位年度台账 (`?year=`): what the unit offers, the needs it claimed, the projects it took part
 * in and its activities (with photos) that year, and the totals — hours, people, beneficiaries,
 * funds and problems solved.
 */
export default function UnitLedgerPage() {
  const { id = '' } = useParams();
  const thisYear = dayjs().year();
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params, thisYear);
  const query = useLedger(id, year);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该单位的台账" error={query.error} back="/regional/units" backLabel="返回驻区单位台账" />;
  const l = query.data;
  const u = l.unit;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Breadcrumb items={[{ title: <Link to="/regional/units">驻区单位台账</Link> }, { title: u.unitName }]} style={{ marginBottom: 8 }} />
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
          <Space align="baseline" size={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="rg-ledger-title">
              {u.unitName}
            </Typography.Title>
            <Typography.Text type="secondary">
              报到社区：{u.communityName} · 统一社会信用代码 {u.creditCode}
            </Typography.Text>
          </Space>
          <Select<number>
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            options={yearOptions(thisYear)}
            onChange={(y) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true })}
          />
        </div>
        <Totals l={l} />
      </Card>
      <Card title={`提供的资源（${l.resources.length}）`} size="small">
        <ScrollRegion label="提供的资源">
          <Table<RgResource>
            rowKey="id"
            size="small"
            dataSource={l.resources}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: '没有登记资源' }}
            data-testid="rg-ledger-resources"
            columns={[
              { title: '资源名称', dataIndex: 'title' },
              { title: '类别', dataIndex: 'categoryName', width: 100 },
              { title: '可提供人力', dataIndex: 'capacityPeople', width: 100, align: 'right', render: (n: number | null) => (n === null ? '—' : `${n} 人`) },
              { title: '每月时长', dataIndex: 'capacityHoursMonth', width: 100, align: 'right', render: (h: number | null) => hoursText(h) },
              { title: '可提供资金', dataIndex: 'capacityMoneyFen', width: 120, align: 'right', render: (v: number | null) => yuanText(v) },
              { title: '参与项目', dataIndex: 'projects', width: 90, align: 'right' },
              { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <ResourceStateTag state={s} /> },
            ]}
          />
        </ScrollRegion>
      </Card>
      <Card title={`${year} 年认领的需求（${l.claimed.length}）`} size="small">
        <ScrollRegion label="认领的需求">
          <Table<RgNeed>
            rowKey="id"
            size="small"
            dataSource={l.claimed}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: `${year} 年没有认领需求` }}
            data-testid="rg-ledger-claimed"
            columns={[
              { title: '需求名称', dataIndex: 'title', render: (s: string, n) => <Link to={`/regional/needs/${n.id}`}>{s}</Link> },
              { title: '社区', dataIndex: 'communityName', width: 160 },
              { title: '类别', dataIndex: 'categoryName', width: 100 },
              { title: '认领时间', dataIndex: 'claimedAt', width: 120, render: (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD') : '—') },
              { title: '状态', key: 'state', width: 130, render: (_: unknown, n) => <NeedStateTag state={n.state} overdue={n.overdue} /> },
            ]}
          />
        </ScrollRegion>
      </Card>
      <Card title={`${year} 年参与的项目（${l.projects.length}）`} size="small">
        <ScrollRegion label="参与的项目">
          <Table<RgProject>
            rowKey="id"
            size="small"
            dataSource={l.projects}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: `${year} 年没有参与项目` }}
            data-testid="rg-ledger-projects"
            columns={[
              { title: '项目名称', dataIndex: 'title', render: (s: string, p) => <Link to={`/regional/projects/${p.id}`}>{s}</Link> },
              { title: '社区', dataIndex: 'orgName', width: 160 },
              { title: '起止日期', key: 'dates', width: 200, render: (_: unknown, p) => `${p.startDate} 至 ${p.endDate}` },
              { title: '状态', key: 'state', width: 130, render: (_: unknown, p) => <ProjectStateTag state={p.state} overdue={p.overdue} /> },
              { title: '投入资金', dataIndex: 'fundsFen', width: 110, align: 'right', render: (v: number | null) => yuanText(v) },
              { title: '评价', dataIndex: 'rating', width: 70, render: (r: number | null) => (r ? `${r} 星` : '—') },
            ]}
          />
        </ScrollRegion>
      </Card>
      <Card title={`${year} 年活动记录（${l.totals.activities} 次，${hoursText(l.totals.hours)}）`} size="small">
        <ScrollRegion label="活动记录">
          <Table<Activity>
            rowKey="id"
            size="small"
            dataSource={l.activities}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: `${year} 年没有活动记录` }}
            data-testid="rg-ledger-activities"
            columns={[
              { title: '日期', dataIndex: 'heldOn', width: 110 },
              { title: '活动', dataIndex: 'title', width: 180 },
              { title: '项目', dataIndex: 'projectTitle', width: 180, render: (s: string, a) => <Link to={`/regional/projects/${a.projectId}`}>{s}</Link> },
              { title: '参与人数', dataIndex: 'participants', width: 90, align: 'right' },
              { title: '服务时长', dataIndex: 'hours', width: 100, align: 'right', render: (h: number) => hoursText(h) },
              { title: '受益人数', dataIndex: 'beneficiaries', width: 90, align: 'right' },
              {
                title: '照片',
                key: 'photos',
                render: (_: unknown, a) =>
                  a.photos.length ? (
                    <Space wrap size={[8, 0]}>
                      {a.photos.map((f) => (
                        <FileLink key={f.id} href={photoUrl(a.projectId, a.id, f.id)} file={f} />
                      ))}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </ScrollRegion>
      </Card>
    </Space>
  );
}
