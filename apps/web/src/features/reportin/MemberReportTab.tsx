import { PlusOutlined } from '@ant-design/icons';
import type { MemberReportIn, MemberReportInView, ReportInStatus } from '@jiceng/contracts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { Button, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { REPORT_PAGE_SIZE, useMemberReports } from './api.ts';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { CancelReportModal } from './CancelReportModal.tsx';
import { countsText, ReportStatusTag, statusOptions } from './labels.tsx';
import { MemberReportModal } from './MemberReportModal.tsx';

const VIEWS: { value: MemberReportInView; label: string }[] = [
  { value: 'community', label: '到本社区报到的党员' },
  { value: 'home', label: '本组织党员的报到情况' },
];

/** 在职党员报到: members who reported to the communities in scope, with their home branch; or the own members' reports. */
export function MemberReportTab({ canWrite }: { canWrite: boolean }) {
  const [view, setView] = useState<MemberReportInView>('community');
  const [status, setStatus] = useState<ReportInStatus | undefined>('reported');
  const [q, setQ] = useState('');
  const { page, pageSize, setPaging, reset } = usePaging(REPORT_PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<MemberReportIn | null>(null);
  const { data, isFetching } = useMemberReports({ view, status, q: q || undefined, page, pageSize });

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<MemberReportInView>
          value={view}
          onChange={(v) => {
            setView(v);
            reset();
          }}
          options={VIEWS}
        />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="报到状态"
          style={{ width: 140 }}
          options={statusOptions}
          value={status}
          onChange={(v?: ReportInStatus) => {
            setStatus(v);
            reset();
          }}
        />
        <Input.Search
          allowClear
          placeholder="党员姓名"
          style={{ width: 200 }}
          onSearch={(v) => {
            setQ(v.trim());
            reset();
          }}
        />
        <Typography.Text type="secondary">{countsText(data)}</Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记报到
          </Button>
        )}
        <ExportButton path="/api/report-ins/members/export" query={{ view, status, q: q || undefined }} fallbackName="在职党员报到.xlsx" />
      </Space>
      <Table<MemberReportIn>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: view === 'community' ? '还没有在职党员到本社区报到' : '本组织党员还没有报到记录' }}
        pagination={serverPagination({ page, pageSize, total: data?.total ?? 0, onChange: setPaging, showTotal: (n) => `共 ${n} 人` })}
        columns={[
          { title: '姓名', dataIndex: 'memberName', width: 100 },
          { title: '性别', dataIndex: 'gender', width: 60, render: (g: string) => (g === 'female' ? '女' : '男') },
          { title: '所在党支部', dataIndex: 'homeOrgName', ellipsis: true },
          { title: '报到社区', dataIndex: 'communityName', ellipsis: true },
          { title: '联系电话', dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
          { title: '服务意向及特长', dataIndex: 'intentions', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: '报到日期', dataIndex: 'reportDate', width: 110 },
          { title: '状态', dataIndex: 'status', width: 160, render: (s: string, r) => <ReportStatusTag status={s} date={r.cancelledDate} /> },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 80,
                  render: (_: unknown, r: MemberReportIn) => r.status === 'reported' && <a onClick={() => setCancelling(r)}>注销</a>,
                },
              ]
            : []),
        ]}
      />
      {creating && <MemberReportModal onClose={() => setCreating(false)} />}
      {cancelling && (
        <CancelReportModal
          kind="members"
          id={cancelling.id}
          name={cancelling.memberName}
          reportDate={cancelling.reportDate}
          onClose={() => setCancelling(null)}
        />
      )}
    </>
  );
}
