import type { TrainingHours, TrainingRole } from '@jiceng/contracts';
import { Card, Col, Input, Row, Select, Space, Statistic, Switch, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useHours, useTrainingStats } from './api.ts';
import { MetTag, roleOptions, roleText } from './labels.tsx';
import { formatHours, hoursFilterFromParams, hoursFilterToParams, metRows, rateText, toHoursQuery, yearOptions, type HoursFilter } from './trainingForm.ts';

const MetChart = lazy(() => import('./MetChart.tsx'));

/**
 * 学时统计: each person's year in the scope — 学时 from training and 党课 against the minimum of the
 * rule set (书记 and 班子成员 56, 党员 32; pro rata for a part year), the shortfall in red — with the
 * 达标 figures by category. The filter lives in the URL (the training 待办 opens `?orgId=&year=&short=true`).
 */
export default function TrainingHoursPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const f = hoursFilterFromParams(params);
  const set = (patch: Partial<HoursFilter>) => setParams(hoursFilterToParams({ ...f, ...patch, page: patch.page ?? 1 }), { replace: true });
  const query = toHoursQuery(f);
  const { data, isFetching } = useHours(query);
  const stats = useTrainingStats({ year: f.year, orgId: f.orgId });
  const s = stats.data;
  const rows = s ? metRows(s) : [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="学时统计"
        extra={
          s && (
            <Typography.Text type="secondary">
              {s.year} 年度最低学时：书记和班子成员 {formatHours(s.cadreMinimum)} 学时，党员 {formatHours(s.memberMinimum)} 学时（年中入党或任职的按月折算）
            </Typography.Text>
          )
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<number> aria-label="年度" style={{ width: 120 }} value={f.year} onChange={(year) => set({ year })} options={yearOptions()} />
          <OrgSelect
            allowClear
            aria-label="党组织"
            placeholder={`${me.orgName}（本级及下级）`}
            style={{ width: 260 }}
            value={f.orgId}
            initialLabel={s && s.orgId === f.orgId ? s.orgName : undefined}
            onChange={(orgId) => set({ orgId })}
          />
          <Select<TrainingRole>
            allowClear
            aria-label="人员类别"
            placeholder="全部人员"
            style={{ width: 130 }}
            value={f.role}
            onChange={(role) => set({ role })}
            options={roleOptions}
          />
          <Input.Search
            allowClear
            aria-label="姓名"
            placeholder="姓名"
            style={{ width: 160 }}
            maxLength={30}
            defaultValue={f.q}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
          <Space size={4}>
            <Switch checked={f.short} onChange={(short) => set({ short })} aria-label="仅看未达标" />
            <Typography.Text>仅看未达标</Typography.Text>
          </Space>
          <ExportButton path="/api/training/hours/export" query={query} fallbackName="培训学时.xlsx" />
        </Space>
        <Row gutter={16} style={{ marginBottom: 8 }}>
          {rows.map((r) => (
            <Col xs={12} md={4} key={r.key}>
              <Statistic title={`${r.label}达标率`} value={rateText(r.rate)} loading={stats.isPending} />
              <Typography.Text type="secondary">
                达标 {r.met} 人，未达标 {r.short} 人
              </Typography.Text>
            </Col>
          ))}
          <Col xs={24} md={12}>
            {s && s.members.total + s.cadres.total > 0 && (
              <Suspense fallback={<div style={{ height: 220 }} />}>
                <MetChart stats={s} />
              </Suspense>
            )}
          </Col>
        </Row>
      </Card>
      <Card title={`${f.year} 年度每人学时`}>
        <Table<TrainingHours>
          rowKey="memberId"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1100 }}
          locale={{ emptyText: f.short ? '没有未达标的人员' : '没有人员' }}
          pagination={serverPagination({
            page: f.page,
            pageSize: f.pageSize,
            total: data?.total ?? 0,
            onChange: (next) => set(next),
            showTotal: (n) => `共 ${n} 人`,
          })}
          columns={[
            { title: '姓名', dataIndex: 'name', fixed: 'left', width: 100 },
            { title: '所在党支部', dataIndex: 'orgName', ellipsis: true },
            {
              title: '人员类别',
              key: 'role',
              width: 150,
              render: (_: unknown, h) => (h.posts.length ? `${roleText(h.role)}（${h.posts.join('、')}）` : roleText(h.role)),
            },
            { title: '参训次数', dataIndex: 'sessions', width: 90, align: 'right' },
            { title: '培训学时', dataIndex: 'trainingHours', width: 90, align: 'right', render: formatHours },
            { title: '党课学时', dataIndex: 'lectureHours', width: 90, align: 'right', render: formatHours },
            {
              title: '合计学时',
              dataIndex: 'totalHours',
              width: 90,
              align: 'right',
              render: (h: number) => <Typography.Text strong>{formatHours(h)}</Typography.Text>,
            },
            { title: '应达学时', dataIndex: 'required', width: 90, align: 'right', render: formatHours },
            {
              title: '差额',
              dataIndex: 'shortfall',
              width: 80,
              align: 'right',
              render: (n: number) => (n > 0 ? <Typography.Text type="danger">{formatHours(n)}</Typography.Text> : '0'),
            },
            { title: '达标情况', key: 'met', width: 160, render: (_: unknown, h) => <MetTag met={h.met} shortfall={h.shortfall} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
