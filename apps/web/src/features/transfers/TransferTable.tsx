import {
  TRANSFER_KINDS,
  transferKindLabel,
  type Transfer,
  type TransferDirection,
  type TransferKind,
  type TransferListQuery,
  type TransferStatus,
} from '@jiceng/contracts';
import { Select, Space, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { TRANSFER_PAGE_SIZE, useTransfer, useTransfers } from './api.ts';
import { kindText, TransferStatusTag } from './labels.tsx';
import { TransferActions } from './TransferActions.tsx';
import { TransferDrawer } from './TransferDrawer.tsx';

/** Which list a tab shows: 转出, 转入, or the register of outgoing letters. */
export type TransferView = 'out' | 'in' | 'register';

const STATUS_OPTIONS: Record<TransferView, { value: TransferStatus; label: string }[]> = {
  out: [
    { value: 'pending', label: '待接收 / 待回执' },
    { value: 'accepted', label: '已接收' },
    { value: 'received', label: '已登记回执' },
    { value: 'returned', label: '已退回' },
    { value: 'cancelled', label: '已撤销 / 已作废' },
  ],
  in: [
    { value: 'pending', label: '待接收' },
    { value: 'accepted', label: '已接收 / 已转入' },
    { value: 'returned', label: '已退回' },
    { value: 'cancelled', label: '已撤销' },
  ],
  register: [
    { value: 'pending', label: '待回执' },
    { value: 'received', label: '已登记回执' },
    { value: 'cancelled', label: '已作废' },
  ],
};
const DIRECTION: Record<TransferView, TransferDirection> = { out: 'out', in: 'in', register: 'out' };
const thisYear = dayjs().year();
const yearOptions = Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }));

interface Filter {
  status?: TransferStatus;
  kind?: TransferKind;
  year?: number;
  overdue: boolean;
  page: number;
  pageSize: number;
}

/** A list of transfers with its filters; a name opens the transfer, the last column holds its buttons. */
export function TransferTable({ view, focusId }: { view: TransferView; focusId?: string }) {
  const [f, setF] = useState<Filter>({
    status: view === 'in' || view === 'register' ? 'pending' : undefined,
    overdue: false,
    page: 1,
    pageSize: TRANSFER_PAGE_SIZE,
  });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q: TransferListQuery = {
    direction: DIRECTION[view],
    status: f.status,
    kind: view === 'register' ? 'letter_out' : f.kind,
    year: f.year,
    overdue: view === 'register' && f.overdue ? true : undefined,
    page: f.page,
    pageSize: f.pageSize,
  };
  const { data, isFetching } = useTransfers(q);
  // A link may name one transfer (a to-do's 去办理): it opens at once, wherever it is in the list.
  const [openId, setOpenId] = useState<string | null>(focusId ?? null);
  const focused = useTransfer(focusId);
  const open = data?.items.find((x) => x.id === openId) ?? (openId && openId === focusId ? focused.data : undefined);
  const kinds = TRANSFER_KINDS.filter((k) => (view === 'in' ? k !== 'letter_out' : k !== 'letter_in'));

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 180 }}
          value={f.status}
          onChange={(status?: TransferStatus) => set({ status })}
          options={STATUS_OPTIONS[view]}
        />
        {view !== 'register' && (
          <Select
            allowClear
            placeholder="全部方式"
            aria-label="转接方式"
            style={{ width: 160 }}
            value={f.kind}
            onChange={(kind?: TransferKind) => set({ kind })}
            options={kinds.map((k) => ({ value: k, label: transferKindLabel[k] }))}
          />
        )}
        <Select
          allowClear
          placeholder="全部年度"
          aria-label="年度"
          style={{ width: 120 }}
          value={f.year}
          onChange={(year?: number) => set({ year })}
          options={yearOptions}
        />
        {view === 'register' && (
          <Space>
            <Switch checked={f.overdue} onChange={(overdue) => set({ overdue })} aria-label="只看逾期未回执" />
            <Typography.Text>只看逾期未回执</Typography.Text>
          </Space>
        )}
        <ExportButton path="/api/transfers/export" query={q} fallbackName="组织关系转接.xlsx" />
      </Space>
      <Table<Transfer>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 1000 }}
        locale={{ emptyText: view === 'in' ? '没有待办理的转入' : '暂无记录' }}
        pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (next) => set(next) })}
        columns={[
          { title: '姓名', dataIndex: 'memberName', width: 100, fixed: 'left', render: (n: string, t) => <a onClick={() => setOpenId(t.id)}>{n}</a> },
          ...(view === 'register'
            ? [{ title: '介绍信编号', dataIndex: 'letterNo', width: 130 }]
            : [{ title: '方式', dataIndex: 'kind', width: 130, render: kindText }]),
          { title: '转出党组织', dataIndex: 'fromOrgName', ellipsis: true },
          { title: '接收党组织', dataIndex: 'toOrgName', ellipsis: true },
          { title: view === 'register' ? '开具日期' : '发起日期', dataIndex: 'startedOn', width: 110 },
          ...(view === 'register'
            ? [
                { title: '有效期至', dataIndex: 'validUntil', width: 110 },
                { title: '党费缴至', dataIndex: 'duesPaidTo', width: 90 },
              ]
            : [{ title: '办结日期', dataIndex: 'completedOn', width: 110, render: (d: string | null) => d ?? '—' }]),
          { title: '状态', key: 'status', width: 160, render: (_: unknown, t) => <TransferStatusTag t={t} /> },
          { title: '操作', key: 'ops', width: 220, render: (_: unknown, t) => <TransferActions t={t} /> },
        ]}
      />
      {open && <TransferDrawer t={open} onClose={() => setOpenId(null)} />}
    </>
  );
}
