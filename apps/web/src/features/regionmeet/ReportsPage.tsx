import { SyncOutlined } from '@ant-design/icons';
import { Permission, RM_REPORT_STATES, RM_SUBJECT_KINDS, rmReportStateLabel, rmSubjectKindLabel, type RmReport, type RmReportQuery } from '@jiceng/contracts';
import { Button, Card, Popconfirm, Select, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { yuanText } from '../regional/form.ts';
import { useAssemble, useReports } from './api.ts';
import { ReportStateTag, yearChoices } from './labels.tsx';

type Filter = Omit<RmReportQuery, 'page' | 'pageSize'> & { page: number; pageSize: number; year: number };

/**
 * 双报告: the yearly reports of the resident units and reported-in members of the communities in
 * scope (last year's by default), by state; 生成 for regional:manage (once per unit and year; the
 * unanswered ones brought up to the records).
 */
export default function ReportsPage() {
  const me = useMe();
  const canManage = hasPermission(me, Permission.REGION_MANAGE);
  const thisYear = dayjs().year();
  const [f, setF] = useState<Filter>({ page: 1, pageSize: DEFAULT_PAGE_SIZE, year: thisYear - 1 });
  const set = (patch: Partial<Filter>) => setF({ ...f, ...patch, page: patch.page ?? 1 });
  const { data, isFetching } = useReports(f);
  const assemble = useAssemble();
  const run = () =>
    assemble.mutate(
      { year: f.year, ...(f.orgId ? { orgId: f.orgId } : {}) },
      { onError: (e) => showError(messageOf(e)), onSuccess: (r) => showSuccess(`已生成 ${r.created} 份，更新 ${r.refreshed} 份，共 ${r.total} 份`) },
    );

  return (
    <Card
      title="双报告"
      extra={
        canManage && (
          <Popconfirm title={`按记录生成 ${f.year} 年双报告？已确认的报告不会改变。`} okText="生成" cancelText="取消" onConfirm={run}>
            <Button type="primary" icon={<SyncOutlined />} loading={assemble.isPending}>
              生成{f.year}年报告
            </Button>
          </Popconfirm>
        )
      }
    >
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
        <Select
          allowClear
          aria-label="报告对象"
          placeholder="全部对象"
          style={{ width: 120 }}
          value={f.subjectKind}
          onChange={(subjectKind) => set({ subjectKind })}
          options={RM_SUBJECT_KINDS.map((k) => ({ value: k, label: rmSubjectKindLabel[k] }))}
        />
        <Select
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 120 }}
          value={f.state}
          onChange={(state) => set({ state })}
          options={RM_REPORT_STATES.map((s) => ({ value: s, label: rmReportStateLabel[s] }))}
        />
      </Space>
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic title="待确认" value={data?.byState.pending ?? 0} />
        <Statistic title="已确认" value={data?.byState.confirmed ?? 0} />
        <Statistic title="已更正" value={data?.byState.corrected ?? 0} />
      </Space>
      <ScrollRegion label="双报告列表">
        <Table<RmReport>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (p) => set(p) })}
          columns={[
            { title: '报告对象', dataIndex: 'subjectName', render: (_, r) => <Link to={`/regional/reports/${r.id}`}>{r.subjectName}</Link> },
            { title: '类别', width: 90, render: (_, r) => rmSubjectKindLabel[r.subjectKind] },
            { title: '社区', dataIndex: 'communityName' },
            { title: '活动', width: 70, render: (_, r) => r.figures.activities },
            { title: '项目', width: 70, render: (_, r) => r.figures.projects },
            { title: '资金', width: 110, render: (_, r) => yuanText(r.figures.fundsFen) },
            { title: '解决问题', width: 90, render: (_, r) => r.figures.problemsSolved },
            { title: '状态', width: 170, render: (_, r) => <ReportStateTag state={r.state} overdue={r.overdue} /> },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
