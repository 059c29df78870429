import type { RgStats } from '@jiceng/contracts';
import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useStats } from './api.ts';
import { hoursText, yearFromParams, yearOptions, yuanText } from './form.ts';

const ChildChart = lazy(() => import('./RgCharts.tsx').then((m) => ({ default: m.ChildChart })));
const CategoryChart = lazy(() => import('./RgCharts.tsx').then((m) => ({ default: m.CategoryChart })));
const MonthChart = lazy(() => import('./RgCharts.tsx').then((m) => ({ default: m.MonthChart })));

type Child = RgStats['byChild'][number];
type Figures = RgStats['totals'];

const chart = (node: ReactNode) => <Suspense fallback={<div style={{ height: 300 }} />}>{node}</Suspense>;
const rate = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : '—');

function FigureCards({ t }: { t: Figures }) {
  const items: [string, ReactNode, string?][] = [
    ['登记需求', `${t.needs} 项`],
    ['已满足', `${t.met} 项`, `满足率 ${rate(t.met, t.needs)}`],
    ['按期满足', `${t.onTime} 项`, `按期率 ${rate(t.onTime, t.met)}`],
    ['实施项目', `${t.projects} 个`],
    ['参与单位', `${t.units} 家`],
    ['服务时长', hoursText(t.hours)],
    ['投入资金', yuanText(t.fundsFen)],
    ['解决实际问题', `${t.problemsSolved} 件`],
  ];
  return (
    <Row gutter={[16, 16]} data-testid="rg-stats-figures">
      {items.map(([title, value, note]) => (
        <Col xs={12} md={6} xl={3} key={title}>
          <Card size="small">
            <Statistic title={title} value={value as string} />
            {note && <Typography.Text type="secondary">{note}</Typography.Text>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 区域化党建统计 (regional:read) of the account's organization or one in its scope for a year (`?year=`):
 * needs recorded, met and met on time, projects, units taking part, hours, funds and problems
 * solved; bars by child organization and by category, a line by month, and the by-child table.
 */
export default function StatsPage() {
  const me = useMe();
  const thisYear = dayjs().year();
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params, thisYear);
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data: s, isPending } = useStats({ year, orgId });
  return (
    <Card
      title="区域化党建统计"
      extra={
        <Space wrap>
          <Select<number>
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            options={yearOptions(thisYear)}
            onChange={(y) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true })}
          />
          <OrgSelect allowClear aria-label="组织" placeholder={`${me.orgName}（本级）`} style={{ width: 240 }} value={orgId} onChange={(v) => setOrgId(v)} />
        </Space>
      }
    >
      {isPending || !s ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {s.orgName} {s.year} 年
          </Typography.Text>
          <FigureCards t={s.totals} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="各下级组织" size="small">
                {s.byChild.length ? chart(<ChildChart stats={s} />) : <Empty description="没有下级组织" />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="按类别" size="small">
                {s.byCategory.length ? chart(<CategoryChart stats={s} />) : <Empty description="暂无数据" />}
              </Card>
            </Col>
            <Col span={24}>
              <Card title="按月" size="small">
                {chart(<MonthChart stats={s} />)}
              </Card>
            </Col>
          </Row>
          <Card title="各下级组织明细" size="small">
            <ScrollRegion label="各下级组织明细">
              <Table<Child>
                rowKey="orgId"
                size="small"
                dataSource={s.byChild}
                pagination={false}
                scroll={{ x: 1000 }}
                locale={{ emptyText: '没有下级组织' }}
                data-testid="rg-stats-children"
                columns={[
                  { title: '组织', dataIndex: 'orgName', fixed: 'left', width: 200 },
                  { title: '登记需求', dataIndex: 'needs', align: 'right', width: 90 },
                  { title: '已满足', dataIndex: 'met', align: 'right', width: 90 },
                  { title: '满足率', key: 'metRate', align: 'right', width: 90, render: (_: unknown, r) => rate(r.met, r.needs) },
                  { title: '按期满足', dataIndex: 'onTime', align: 'right', width: 90 },
                  { title: '项目', dataIndex: 'projects', align: 'right', width: 80 },
                  { title: '参与单位', dataIndex: 'units', align: 'right', width: 90 },
                  { title: '服务时长', dataIndex: 'hours', align: 'right', width: 110, render: (h: number) => hoursText(h) },
                  { title: '投入资金', dataIndex: 'fundsFen', align: 'right', width: 120, render: (v: number) => yuanText(v) },
                  { title: '解决问题', dataIndex: 'problemsSolved', align: 'right', width: 90 },
                ]}
              />
            </ScrollRegion>
          </Card>
        </Space>
      )}
    </Card>
  );
}
