import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReportInStatus, UnitReportIn } from '@jiceng/contracts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { App, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { fetchUnitUnmasked, REPORT_PAGE_SIZE, useUnitReports } from './api.ts';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { CancelReportModal } from './CancelReportModal.tsx';
import { countsText, ReportStatusTag, statusOptions } from './labels.tsx';
import { UnitReportModal } from './UnitReportModal.tsx';

export interface UnitTabProps {
  /** May file and cancel reports (community side with org:write, or a 驻区单位 account). */
  canFile: boolean;
  canUnmask: boolean;
  /** Set for a 驻区单位 account: the community it is bound to. */
  ownCommunity: { id: string; name: string } | null;
}

/** 驻区单位报到: units that reported to the communities in scope (a 驻区单位 account: its own reports). */
export function UnitReportTab({ canFile, canUnmask, ownCommunity }: UnitTabProps) {
  const { modal } = App.useApp();
  const [status, setStatus] = useState<ReportInStatus | undefined>('reported');
  const [q, setQ] = useState('');
  const { page, pageSize, setPaging, reset } = usePaging(REPORT_PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<UnitReportIn | null>(null);
  const { data, isFetching } = useUnitReports({ status, q: q || undefined, page, pageSize });
  const showPhone = async (u: UnitReportIn) => {
    const full = await fetchUnitUnmasked(u.id);
    modal.info({
      title: `${u.unitName}：${u.contactName}`,
      content: (
        <>
          联系电话：{full.phone}
          <br />
          <Typography.Text type="secondary">本次查看已记入审计日志</Typography.Text>
        </>
      ),
    });
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
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
          placeholder="单位名称"
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v.trim());
            reset();
          }}
        />
        <Typography.Text type="secondary">{countsText(data)}</Typography.Text>
        {canFile && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            驻区单位报到
          </Button>
        )}
        <ExportButton path="/api/report-ins/units/export" query={{ status, q: q || undefined }} fallbackName="驻区单位报到.xlsx" />
      </Space>
      <Table<UnitReportIn>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '还没有驻区单位报到' }}
        pagination={serverPagination({ page, pageSize, total: data?.total ?? 0, onChange: setPaging, showTotal: (n) => `共 ${n} 个单位` })}
        columns={[
          { title: '单位名称', dataIndex: 'unitName', ellipsis: true },
          { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
          { title: '报到社区', dataIndex: 'communityName', ellipsis: true },
          { title: '联系人', dataIndex: 'contactName', width: 90 },
          {
            title: '联系电话',
            dataIndex: 'phone',
            width: 160,
            render: (p: string, u) => (
              <Space size={4}>
                {p}
                {canUnmask && (
                  <Button size="small" type="link" icon={<EyeOutlined />} title="查看完整电话" onClick={() => void showPhone(u).catch(() => undefined)} />
                )}
              </Space>
            ),
          },
          { title: '可提供的资源', dataIndex: 'resources', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: '报到日期', dataIndex: 'reportDate', width: 110 },
          { title: '状态', dataIndex: 'status', width: 160, render: (s: string, u) => <ReportStatusTag status={s} date={u.cancelledDate} /> },
          ...(canFile
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 80,
                  render: (_: unknown, u: UnitReportIn) => u.status === 'reported' && <a onClick={() => setCancelling(u)}>注销</a>,
                },
              ]
            : []),
        ]}
      />
      {creating && <UnitReportModal ownCommunity={ownCommunity} onClose={() => setCreating(false)} />}
      {cancelling && (
        <CancelReportModal kind="units" id={cancelling.id} name={cancelling.unitName} reportDate={cancelling.reportDate} onClose={() => setCancelling(null)} />
      )}
    </>
  );
}
