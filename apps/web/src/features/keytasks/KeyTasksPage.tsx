import { Permission, type KtStatus, type KtTaskSummary } from '@jiceng/contracts';
import { Card, Checkbox, Input, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useTasks } from './api.ts';
import { yearFromParams, yearOptions } from './form.ts';
import { STATUS_OPTIONS } from './labels.tsx';
import { taskColumns } from './taskColumns.tsx';

/**
 * 任务清单 across the year's plans: every task the account may see, or only those its organization
 * leads or supports (本单位任务, the default for accounts that report rather than plan), by status and
 * name. The year, status and 本单位 live in the URL (`?year=&status=lagging&mine=false`), so a to-do links here.
 */
export default function KeyTasksPage() {
  const me = useMe();
  const thisYear = dayjs().year();
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params, thisYear);
  const rawStatus = params.get('status') as KtStatus | null;
  const status = STATUS_OPTIONS.some((o) => o.value === rawStatus) ? rawStatus! : undefined;
  const mine = params.has('mine') ? params.get('mine') === 'true' : !hasPermission(me, Permission.TASK_PLAN);
  const paging = usePaging(50);
  const [q, setQ] = useState<string | undefined>();
  const set = (patch: { year?: number; status?: KtStatus | null; mine?: boolean }) => {
    const next = { year, status, mine, ...patch };
    const out: Record<string, string> = { mine: String(next.mine) };
    if (next.year !== thisYear) out.year = String(next.year);
    if (next.status) out.status = next.status;
    paging.reset();
    setParams(out, { replace: true });
  };
  const { data, isFetching } = useTasks({ year, status, mine: mine || undefined, q, page: paging.page, pageSize: paging.pageSize });

  return (
    <Card title="重点任务清单">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number> aria-label="年度" style={{ width: 120 }} value={year} options={yearOptions(thisYear)} onChange={(y) => set({ year: y })} />
        <Select<KtStatus>
          allowClear
          aria-label="进展状态"
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          options={STATUS_OPTIONS}
          onChange={(s) => set({ status: s ?? null })}
        />
        <Checkbox checked={mine} onChange={(e) => set({ mine: e.target.checked })}>
          只看本单位的任务
        </Checkbox>
        <Input.Search
          allowClear
          aria-label="任务名称"
          placeholder="任务名称"
          maxLength={30}
          style={{ width: 200 }}
          onSearch={(v) => {
            paging.reset();
            setQ(v.trim() || undefined);
          }}
        />
      </Space>
      <ScrollRegion label="重点任务清单">
        <Table<KtTaskSummary>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1480 }}
          locale={{ emptyText: mine ? '本单位没有牵头或配合的任务' : '没有符合条件的任务' }}
          pagination={serverPagination({ ...paging, total: data?.total ?? 0, onChange: paging.setPaging, showTotal: (n) => `共 ${n} 项任务` })}
          data-testid="kt-all-tasks"
          columns={taskColumns({ plan: true })}
        />
      </ScrollRegion>
    </Card>
  );
}
