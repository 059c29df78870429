import { PlusOutlined } from '@ant-design/icons';
import { floatingStatusLabel, Permission, type FloatingListQuery, type FloatingRecord, type FloatingStatus } from '@jiceng/contracts';
import { Button, Card, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { PAGE_SIZE, useFloating, useFloatingList, type FloatingStepKind } from './api.ts';
import { FloatingActions, type FloatingAction } from './FloatingActions.tsx';
import { FloatingDrawer } from './FloatingDrawer.tsx';
import { FloatingFormModal } from './FloatingFormModal.tsx';
import { FloatingStepModal } from './FloatingStepModal.tsx';
import { FloatingAlerts, FloatingStatusTag } from './labels.tsx';

type TabKey = 'out' | 'in' | 'verify';
const TABS: { key: TabKey; label: string; query: FloatingListQuery }[] = [
  { key: 'out', label: '流出登记', query: { direction: 'out' } },
  { key: 'in', label: '流入登记（凡进必登）', query: { direction: 'in' } },
  { key: 'verify', label: '待核实（凡登必核）', query: { direction: 'out', status: 'pending_verify' } },
];
const statusOptions = Object.entries(floatingStatusLabel).map(([value, label]) => ({ value, label }));

/** 流动党员: 流出登记 of the own members, 流入登记 of members registered to the own branches, and 核实. */
export default function FloatingPage() {
  const me = useMe();
  const canWrite = hasPermission(me, Permission.MEMBER_WRITE);
  const canUnmask = hasPermission(me, Permission.PERSONAL_UNMASK);
  const [params, setParams] = useSearchParams();
  const tab = (TABS.find((x) => x.key === params.get('tab'))?.key ?? 'out') as TabKey;
  const memberId = params.get('memberId');
  const openId = params.get('id');
  const [status, setStatus] = useState<FloatingStatus | undefined>();
  const [openOnly, setOpenOnly] = useState(true);
  const { page, pageSize, setPaging, reset } = usePaging(PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<FloatingRecord | null>(null);
  const [stepping, setStepping] = useState<{ record: FloatingRecord; kind: FloatingStepKind } | null>(null);
  const base = TABS.find((x) => x.key === tab)!.query;
  const query: FloatingListQuery = { ...base, status: base.status ?? status, open: openOnly || undefined, page, pageSize };
  const { data, isFetching } = useFloatingList(query);
  const opened = useFloating(openId, false);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const act = (r: FloatingRecord, a: FloatingAction) => (a === 'edit' ? setEditing(r) : setStepping({ record: r, kind: a }));
  const showForm = canWrite && (creating || !!memberId);

  return (
    <Card
      title="流动党员"
      extra={
        <Space>
          <Typography.Text type="secondary">凡进必登、凡登必核；同一流入地满六个月应转接组织关系</Typography.Text>
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>流出登记</Button>}
        </Space>
      }
    >
      <Tabs activeKey={tab} onChange={(k) => { setParam('tab', k); reset(); }} items={TABS.map((x) => ({ key: x.key, label: x.label }))} />
      <Space wrap style={{ marginBottom: 16 }}>
        {tab !== 'verify' && <Select allowClear placeholder="全部状态" aria-label="状态" style={{ width: 180 }} options={statusOptions} value={status} onChange={(v?: FloatingStatus) => { setStatus(v); reset(); }} />}
        <Space size={4}><Switch checked={openOnly} onChange={(v) => { setOpenOnly(v); reset(); }} aria-label="仅显示未结束" />仅显示未结束</Space>
        <ExportButton path="/api/floating/export" query={query} fallbackName="流动党员.xlsx" />
      </Space>
      <Table<FloatingRecord>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: tab === 'in' ? '没有登记流入本组织的流动党员' : '没有流动党员登记' }}
        pagination={serverPagination({ page, pageSize, total: data?.total ?? 0, onChange: setPaging })}
        columns={[
          { title: '姓名', dataIndex: 'memberName', width: 100, render: (n: string, r) => <a onClick={() => setParam('id', r.id)}>{n}</a> },
          { title: tab === 'in' ? '流出地党组织' : '所在党支部', dataIndex: 'homeOrgName', ellipsis: true },
          { title: '流入地', dataIndex: 'destinationPlace', ellipsis: true },
          ...(tab === 'in' ? [] : [{ title: '流入地党组织', dataIndex: 'destinationOrgName', ellipsis: true, render: (n: string | null) => n ?? '—' }]),
          { title: '外出日期', dataIndex: 'leftDate', width: 110 },
          { title: '状态', dataIndex: 'status', width: 130, render: (s: string) => <FloatingStatusTag status={s} /> },
          { title: '提示', key: 'alerts', width: 140, render: (_: unknown, r) => <FloatingAlerts r={r} /> },
          { title: '操作', key: 'ops', width: 220, render: (_: unknown, r) => <FloatingActions r={r} canWrite={canWrite} onAction={(a) => act(r, a)} /> },
        ]}
      />
      {showForm && <FloatingFormModal record={null} memberId={memberId} onClose={() => { setCreating(false); setParam('memberId', null); }} />}
      {editing && <FloatingFormModal record={editing} memberId={null} onClose={() => setEditing(null)} />}
      {stepping && <FloatingStepModal record={stepping.record} kind={stepping.kind} onClose={() => setStepping(null)} />}
      {openId && <FloatingDrawer id={openId} canWrite={canWrite} canUnmask={canUnmask} onClose={() => setParam('id', null)} onAction={(a) => opened.data && act(opened.data, a)} />}
    </Card>
  );
}
