import type { RmLedgerRow } from '@jiceng/contracts';
import { Card, Col, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { yuanText } from '../regional/form.ts';
import { LEDGER_EXPORT, useLedger } from './api.ts';
import { GradeTag, ReportStateTag, yearChoices } from './labels.tsx';
import { GradeChart } from './RmCharts.tsx';

/**
 * 双向评价台账: one row per resident unit and year in scope — its report and both ratings — with the
 * grade distribution over the whole scope, the units still to rate, 评价 for regional:manage, 导出.
 */
export default function LedgerPage() {
  const thisYear = dayjs().year();
  const [f, setF] = useState<{ page: number; pageSize: number; year: number; orgId?: string; q?: string }>({
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
    year: thisYear - 1,
  });
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch, page: patch.page ?? 1 });
  const { data, isFetching } = useLedger(f);

  return (
    <Card title="双报告与双向评价台账" extra={<ExportButton path={LEDGER_EXPORT} query={f} fallbackName="双向评价台账.xlsx" />}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="年度" style={{ width: 110 }} value={f.year} onChange={(year) => set({ year })} options={yearChoices(thisYear)} />
        <OrgSelect
          allowClear
          aria-label="组织"
          placeholder="全部组织"
          style={{ width: 240 }}
          value={f.orgId}
          onChange={(orgId) => set({ orgId: orgId ?? undefined })}
        />
        <Input.Search
          allowClear
          aria-label="单位名称"
          placeholder="单位名称"
          maxLength={30}
          style={{ width: 200 }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
      </Space>
      {data && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} md={6}>
            <Statistic title="驻区单位" value={data.total} />
            <Statistic title="社区尚未评价" value={data.unrated} valueStyle={data.unrated ? { color: '#c4161c' } : undefined} style={{ marginTop: 16 }} />
          </Col>
          <Col xs={24} md={18}>
            <GradeChart ledger={data} />
          </Col>
        </Row>
      )}
      <ScrollRegion label="双向评价台账">
        <Table<RmLedgerRow>
          rowKey="unitId"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (p) => set(p) })}
          columns={[
            { title: '驻区单位', dataIndex: 'unitName' },
            { title: '社区', dataIndex: 'communityName' },
            { title: '街道', dataIndex: 'streetName', render: (v: string | null) => v ?? '' },
            {
              title: '双报告',
              width: 150,
              render: (_, r) =>
                r.reportId && r.reportState ? (
                  <Link to={`/regional/reports/${r.reportId}`}>
                    <ReportStateTag state={r.reportState} />
                  </Link>
                ) : (
                  <Typography.Text type="secondary">未生成</Typography.Text>
                ),
            },
            { title: '活动', width: 70, render: (_, r) => r.figures?.activities ?? '—' },
            { title: '资金', width: 110, render: (_, r) => (r.figures ? yuanText(r.figures.fundsFen) : '—') },
            { title: '社区评价单位', width: 130, render: (_, r) => (r.ofUnit ? <GradeTag grade={r.ofUnit.grade} total={r.ofUnit.total} /> : '未评价') },
            {
              title: '单位评价社区',
              width: 130,
              render: (_, r) => (r.ofCommunity ? <GradeTag grade={r.ofCommunity.grade} total={r.ofCommunity.total} /> : '未评价'),
            },
            {
              title: '',
              width: 80,
              render: (_, r) => <Link to={`/regional/ratings/${r.unitId}?year=${data?.year ?? f.year}`}>{data?.canRate && !r.ofUnit ? '评价' : '查看'}</Link>,
            },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
