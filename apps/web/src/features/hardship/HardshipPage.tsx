import { PlusOutlined } from '@ant-design/icons';
import { hardshipStateLabel, Permission, type HardshipState, type HardshipSummary, type HardshipType } from '@jiceng/contracts';
import { Button, Card, Input, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { HARDSHIP_PAGE_SIZE, useHardshipList } from './api.ts';
import { HardshipDrawer } from './HardshipDrawer.tsx';
import { HardshipFormModal } from './HardshipFormModal.tsx';
import { typeOptions, typeText, VisitStatusTag, yuan } from './labels.tsx';

const stateOptions = Object.entries(hardshipStateLabel).map(([value, label]) => ({ value, label }));

/**
 * 困难党员帮扶: the records in scope with this quarter's visit status; `?memberId=` opens the new-record
 * form for that member, `?id=` the record (links from to-dos).
 */
export default function HardshipPage() {
  const me = useMe();
  const canWrite = hasPermission(me, Permission.MEMBER_WRITE);
  const [params, setParams] = useSearchParams();
  const memberId = params.get('memberId');
  const openId = params.get('id');
  const [type, setType] = useState<HardshipType | undefined>();
  const [state, setState] = useState<HardshipState | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const { page, pageSize, setPaging, reset: firstPage } = usePaging(HARDSHIP_PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const query = { type, state, overdue: overdue || undefined, q: q || undefined, page, pageSize };
  const { data, isFetching } = useHardshipList(query);

  /** Sets or removes search parameters in one navigation (two calls in a row would each start from the same old value). */
  const setParam = (key: string, value: string | null, drop?: string) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (drop) next.delete(drop);
    setParams(next, { replace: true });
  };
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    firstPage();
  };
  const closeForm = () => {
    setCreating(false);
    setParam('memberId', null);
  };

  return (
    <Card
      title="困难党员帮扶"
      extra={
        <Space>
          <Typography.Text type="secondary">结对帮扶，每季度走访慰问</Typography.Text>
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记困难党员</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder="全部类型" aria-label="困难类型" style={{ width: 140 }} options={typeOptions} value={type} onChange={reset(setType)} />
        <Select allowClear placeholder="全部状态" aria-label="帮扶状态" style={{ width: 120 }} options={stateOptions} value={state} onChange={reset(setState)} />
        <Input.Search allowClear placeholder="党员姓名" style={{ width: 200 }} onSearch={(v) => reset(setQ)(v.trim())} />
        <Space size={4}><Switch checked={overdue} onChange={reset(setOverdue)} aria-label="仅看走访逾期" />仅看走访逾期</Space>
        <ExportButton path="/api/hardship/export" query={query} fallbackName="困难党员帮扶.xlsx" />
      </Space>
      <Table<HardshipSummary>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '没有困难党员帮扶记录' }}
        pagination={serverPagination({ page, pageSize, total: data?.total ?? 0, onChange: setPaging })}
        columns={[
          { title: '姓名', dataIndex: 'memberName', width: 100, render: (n: string, r) => <a onClick={() => setParam('id', r.id)}>{n}</a> },
          { title: '所在党支部', dataIndex: 'orgName', ellipsis: true },
          { title: '困难类型', dataIndex: 'type', width: 100, render: typeText },
          { title: '认定日期', dataIndex: 'startDate', width: 110 },
          { title: '帮扶干部', dataIndex: 'cadreName', width: 100, render: (n: string | null) => n ?? <Typography.Text type="warning">未指定</Typography.Text> },
          { title: '最近走访', dataIndex: 'lastVisitDate', width: 110, render: (d: string | null) => d ?? '—' },
          { title: '慰问金合计', dataIndex: 'subsidyTotal', width: 120, align: 'right', render: yuan },
          { title: '走访状态', dataIndex: 'visitStatus', width: 230, render: (s: string, r) => <VisitStatusTag status={s} dueDate={r.visitDueDate} /> },
          { title: '操作', key: 'ops', width: 80, render: (_: unknown, r) => <a onClick={() => setParam('id', r.id)}>详情</a> },
        ]}
      />
      {canWrite && (creating || !!memberId) && <HardshipFormModal memberId={memberId} onClose={closeForm} onCreated={(id) => { setCreating(false); setParam('id', id, 'memberId'); }} />}
      {openId && <HardshipDrawer id={openId} canWrite={canWrite} canUnmask={hasPermission(me, Permission.PERSONAL_UNMASK)} visitor={me.displayName} onClose={() => setParam('id', null)} />}
    </Card>
  );
}
