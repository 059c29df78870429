import { EditOutlined } from '@ant-design/icons';
import { DEV_YEAR_MAX, DEV_YEAR_MIN, devStageLabel, Permission, type DevYearReport } from '@jiceng/contracts';
import { Button, Card, Col, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useDevYear, useSavePlan, YEAR_EXPORT_PATH } from './api.ts';
import { completionRate, PIPELINE_STAGES, rateText, yearOptions } from './form.ts';

const DevYearChart = lazy(() => import('./DevYearChart.tsx'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type YearRow = DevYearReport['rows'][number] & { isTotal?: boolean };
type ApproverRow = DevYearReport['byApprover'][number];

/** 计划发展 of one row while 设置计划 is on: the quota and its 保存. */
function QuotaEditor({ row, year }: { row: YearRow; year: number }) {
  const save = useSavePlan();
  const [quota, setQuota] = useState<number | null>(row.quota);
  return (
    <Space size={4}>
      <InputNumber<number>
        aria-label={`${row.orgName}计划发展人数`}
        min={0}
        max={100_000}
        precision={0}
        style={{ width: 90 }}
        value={quota}
        onChange={setQuota}
      />
      <Button
        size="small"
        loading={save.isPending}
        disabled={quota === null || quota === row.quota}
        aria-label={`保存${row.orgName}的计划`}
        onClick={() =>
          save.mutate({ orgId: row.orgId, year, quota: quota ?? 0 }, { onSuccess: () => showSuccess(`已设置${row.orgName}${year}年计划发展 ${quota} 人`) })
        }
      >
        保存
      </Button>
    </Space>
  );
}

/**
 * 发展计划与统计: a year of the organization's children — 计划发展 against 发展 (接收预备党员), 完成率,
 * 转正 / 延长预备期 / 取消资格, and who is on the way now by stage — with the total, a chart, the
 * annual report's breakdown by approving organization, 导出, and 设置计划 (development:approve).
 */
export default function DevYearPage() {
  const me = useMe();
  const thisYear = dayjs().year();
  const [params, setParams] = useSearchParams();
  const rawOrg = params.get('orgId');
  const rawYear = Number(params.get('year'));
  const orgId = rawOrg && UUID.test(rawOrg) ? rawOrg : undefined;
  const year = Number.isInteger(rawYear) && rawYear >= DEV_YEAR_MIN && rawYear <= DEV_YEAR_MAX ? rawYear : thisYear;
  const set = (patch: { orgId?: string; year?: number }) => {
    const next = { orgId, year, ...patch };
    const out: Record<string, string> = {};
    if (next.orgId) out.orgId = next.orgId;
    if (next.year !== thisYear) out.year = String(next.year);
    setParams(out, { replace: true });
  };
  const query = { orgId, year };
  const { data: r, isFetching } = useDevYear(query);
  const canPlan = hasPermission(me, Permission.DEV_APPROVE);
  const [editing, setEditing] = useState(false);
  const rows: YearRow[] = r ? [...r.rows, { ...r.total, orgName: '合计', isTotal: true }] : [];
  const strong = (row: YearRow, v: string | number) => (row.isTotal ? <Typography.Text strong>{v}</Typography.Text> : v);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="发展计划与统计"
        extra={
          <Space wrap>
            <ExportButton path={YEAR_EXPORT_PATH} query={query} fallbackName="发展党员统计.xlsx" />
            {canPlan && (
              <Button icon={<EditOutlined />} type={editing ? 'primary' : 'default'} onClick={() => setEditing((e) => !e)}>
                {editing ? '完成设置' : '设置计划'}
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<number> aria-label="年度" style={{ width: 120 }} value={year} onChange={(y) => set({ year: y })} options={yearOptions(thisYear)} />
          <OrgSelect
            allowClear
            aria-label="党组织"
            placeholder={`${me.orgName}（本级及下级）`}
            style={{ width: 280 }}
            value={orgId}
            initialLabel={r && r.orgId === orgId ? r.orgName : undefined}
            onChange={(id) => set({ orgId: id })}
          />
          {r && (
            <Typography.Text type="secondary">
              {r.orgName}下级党组织 {r.year} 年发展党员情况
            </Typography.Text>
          )}
        </Space>
        <ScrollRegion label="发展计划完成情况">
          <Table<YearRow>
            rowKey={(x) => (x.isTotal ? 'total' : x.orgId)}
            size="small"
            loading={isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1200 }}
            locale={{ emptyText: '没有下级党组织' }}
            data-testid="dev-year-table"
            columns={[
              { title: '组织', dataIndex: 'orgName', fixed: 'left', width: 200, render: (n: string, x) => strong(x, n) },
              {
                title: '计划发展',
                key: 'quota',
                width: editing ? 170 : 90,
                align: 'right',
                render: (_: unknown, x) =>
                  editing && !x.isTotal ? <QuotaEditor key={`${x.orgId}-${year}`} row={x} year={year} /> : strong(x, x.quota ?? '未设置'),
              },
              { title: '已发展', dataIndex: 'developed', width: 80, align: 'right', render: (n: number, x) => strong(x, n) },
              { title: '完成率', key: 'rate', width: 80, align: 'right', render: (_: unknown, x) => strong(x, rateText(completionRate(x))) },
              { title: '转正', dataIndex: 'confirmed', width: 70, align: 'right', render: (n: number, x) => strong(x, n) },
              { title: '延长预备期', dataIndex: 'extended', width: 96, align: 'right', render: (n: number, x) => strong(x, n) },
              { title: '取消资格', dataIndex: 'cancelled', width: 84, align: 'right', render: (n: number, x) => strong(x, n) },
              ...PIPELINE_STAGES.map((stage) => ({
                title: `现有${devStageLabel[stage]}`,
                key: stage,
                width: 120,
                align: 'right' as const,
                render: (_: unknown, x: YearRow) => strong(x, x.pipeline[stage] ?? 0),
              })),
            ]}
          />
        </ScrollRegion>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={`${year} 年计划与发展`} size="small">
            {r && r.rows.length > 0 ? (
              <Suspense fallback={<div style={{ height: 300 }} />}>
                <DevYearChart report={r} />
              </Suspense>
            ) : (
              <Typography.Text type="secondary">暂无数据</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="发展与转正按审批组织" size="small">
            <Table<ApproverRow>
              rowKey="orgName"
              size="small"
              loading={isFetching}
              dataSource={r?.byApprover}
              pagination={false}
              locale={{ emptyText: '本年度没有审批记录' }}
              data-testid="dev-by-approver"
              columns={[
                { title: '审批组织', dataIndex: 'orgName' },
                { title: '发展', dataIndex: 'developed', align: 'right', width: 70 },
                { title: '转正', dataIndex: 'confirmed', align: 'right', width: 70 },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
