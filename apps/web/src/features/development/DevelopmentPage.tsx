import { UserAddOutlined } from '@ant-design/icons';
import { Permission, type ApplicantSummary, type DevStage } from '@jiceng/contracts';
import { Button, Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { APPLICANTS_EXPORT_PATH, useApplicants, useDevBoard } from './api.ts';
import { ApplicantModal } from './ApplicantModal.tsx';
import { DevBoardPanel } from './DevBoardPanel.tsx';
import { listFilterFromParams, listFilterToParams, STAGE_OPTIONS, STATE_OPTIONS, toApplicantQuery, type DevListFilter, type DevListState } from './form.ts';
import { DueCell, StageTag } from './labels.tsx';

/**
 * 发展党员: the subtree's pipeline (counts by stage and by child, who is stuck) and the applicants —
 * filtered by organization, stage, state, passed limits and name, with their last step and next
 * limit — 导出 with the same filters, and 登记入党申请 (development:record). The filter lives in the
 * URL (`?orgId=&stage=&state=&overdue=true&q=`), so the board, a to-do or a link opens it.
 */
export default function DevelopmentPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const f = listFilterFromParams(params);
  const set = (patch: Partial<DevListFilter>) => setParams(listFilterToParams({ ...f, ...patch, page: patch.page ?? 1 }), { replace: true });
  const query = toApplicantQuery(f);
  const { data, isFetching } = useApplicants(query);
  const board = useDevBoard(f.orgId);
  const [creating, setCreating] = useState(false);
  const [typed, setTyped] = useState(f.q ?? '');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <DevBoardPanel
        board={board.data}
        loading={board.isFetching}
        onStage={(stage: DevStage) => set({ stage, state: 'active' })}
        onOrg={(orgId) => set({ orgId })}
      />
      <Card
        title="发展党员名册"
        extra={
          <Space wrap>
            <ExportButton path={APPLICANTS_EXPORT_PATH} query={query} fallbackName="发展党员名册.xlsx" />
            {hasPermission(me, Permission.DEV_RECORD) && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
                登记入党申请
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <OrgSelect
            allowClear
            aria-label="党组织"
            placeholder={`${me.orgName}（本级及下级）`}
            style={{ width: 280 }}
            value={f.orgId}
            initialLabel={board.data && board.data.orgId === f.orgId ? board.data.orgName : undefined}
            onChange={(orgId) => set({ orgId })}
          />
          <Select<DevStage>
            allowClear
            aria-label="阶段"
            placeholder="全部阶段"
            style={{ width: 150 }}
            value={f.stage}
            onChange={(stage) => set({ stage })}
            options={STAGE_OPTIONS}
          />
          <Select<DevListState> aria-label="状态" style={{ width: 120 }} value={f.state} onChange={(state) => set({ state })} options={STATE_OPTIONS} />
          <Checkbox checked={f.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
            仅看逾期
          </Checkbox>
          <Input.Search
            allowClear
            aria-label="姓名"
            placeholder="姓名"
            style={{ width: 180 }}
            maxLength={30}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Space>
        <ScrollRegion label="发展党员名册">
          <Table<ApplicantSummary>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items}
            scroll={{ x: 1200 }}
            locale={{ emptyText: f.q || f.stage || f.overdue || f.orgId ? '没有符合条件的人员' : '还没有登记入党申请' }}
            pagination={serverPagination({
              page: f.page,
              pageSize: f.pageSize,
              total: data?.total ?? 0,
              onChange: (p) => set(p),
              showTotal: (n) => `共 ${n.toLocaleString('zh-CN')} 人`,
            })}
            data-testid="dev-applicants"
            columns={[
              { title: '姓名', dataIndex: 'name', fixed: 'left', width: 100, render: (name: string, r) => <Link to={`/development/${r.id}`}>{name}</Link> },
              { title: '性别', dataIndex: 'gender', width: 60 },
              { title: '党支部', dataIndex: 'orgName', width: 180, ellipsis: true },
              {
                title: '阶段/状态',
                key: 'stage',
                width: 150,
                render: (_: unknown, r) => <StageTag stage={r.stage} ended={r.ended} stateLabel={r.stateLabel} />,
              },
              { title: '递交申请日期', dataIndex: 'appliedOn', width: 120 },
              { title: '最近步骤', dataIndex: 'lastStep', width: 220, render: (s: string | null) => s ?? '—' },
              { title: '下一时限', key: 'nextDue', width: 170, render: (_: unknown, r) => <DueCell due={r.nextDue} /> },
              {
                title: '说明',
                dataIndex: 'stuck',
                render: (s: string | null, r) =>
                  s ? <Typography.Text type={r.nextDue?.status === 'overdue' ? 'danger' : 'warning'}>{s}</Typography.Text> : '—',
              },
            ]}
          />
        </ScrollRegion>
      </Card>
      {creating && <ApplicantModal onClose={() => setCreating(false)} />}
    </Space>
  );
}
