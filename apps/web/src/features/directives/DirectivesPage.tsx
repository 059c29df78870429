import { SendOutlined } from '@ant-design/icons';
import { DIRECTIVE_Q_MAX, directiveStateLabel, DIRECTIVE_STATES, Permission, type DirectiveState, type DirectiveSummary } from '@jiceng/contracts';
import { Button, Card, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useDirectives } from './api.ts';
import { listFilterFromParams, listFilterToParams, toDirectiveQuery, type DirectiveBox, type DirectiveListFilter } from './form.ts';
import { StateTag, StatusTag } from './labels.tsx';
import { SendModal } from './SendModal.tsx';

const STATE_OPTIONS = DIRECTIVE_STATES.map((value) => ({ value, label: directiveStateLabel[value] }));

/** 已完成 n/总数, with who has not signed and who is late. */
function CountsCell({ d }: { d: DirectiveSummary }) {
  const c = d.counts;
  if (c.total === 0) return <>—</>;
  return (
    <Space size={8} wrap>
      <span>
        已完成 {c.done}/{c.total}
      </span>
      {c.notAcknowledged > 0 && <Typography.Text type="warning">未签收 {c.notAcknowledged}</Typography.Text>}
      {c.overdue > 0 && <Typography.Text type="danger">逾期 {c.overdue}</Typography.Text>}
      {c.extension > 0 && <Typography.Text type="warning">延期申请 {c.extension}</Typography.Text>}
    </Space>
  );
}

/**
 * 任务督办: the directives the account's organization (and its subtree) sent, and those sent to it,
 * each with how its recipients stand; 下发任务 for who may send (task:plan). The filter lives in the
 * URL (`?box=received&state=open&q=`), so a to-do or a link opens it.
 */
export default function DirectivesPage() {
  const me = useMe();
  const canSend = hasPermission(me, Permission.TASK_PLAN);
  const [params, setParams] = useSearchParams();
  const f = listFilterFromParams(params, canSend ? 'sent' : 'received');
  const set = (patch: Partial<DirectiveListFilter>) => setParams(listFilterToParams({ ...f, ...patch, page: patch.page ?? 1 }), { replace: true });
  const { data, isFetching } = useDirectives(toDirectiveQuery(f));
  const [sending, setSending] = useState(false);
  const [typed, setTyped] = useState(f.q ?? '');

  return (
    <Card
      title="任务督办"
      extra={
        canSend && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)}>
            下发任务
          </Button>
        )
      }
    >
      <Tabs
        activeKey={f.box}
        onChange={(box) => set({ box: box as DirectiveBox })}
        items={[
          { key: 'sent', label: '本单位下发' },
          { key: 'received', label: '本单位收到' },
        ]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<DirectiveState>
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 140 }}
          value={f.state}
          onChange={(state) => set({ state })}
          options={STATE_OPTIONS}
        />
        <Input.Search
          allowClear
          aria-label="标题"
          placeholder="标题关键字"
          style={{ width: 220 }}
          maxLength={DIRECTIVE_Q_MAX}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
      </Space>
      <ScrollRegion label="下发任务列表">
        <Table<DirectiveSummary>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1000 }}
          data-testid="directive-list"
          locale={{ emptyText: f.box === 'sent' ? '还没有下发的任务' : '还没有收到的任务' }}
          pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (p) => set(p) })}
          columns={[
            { title: '标题', dataIndex: 'title', render: (title: string, r) => <Link to={`/directives/${r.id}`}>{title}</Link> },
            { title: '类别', dataIndex: 'kindLabel', width: 70 },
            { title: '发起单位', dataIndex: 'orgName', width: 200, ellipsis: true },
            { title: '期限', dataIndex: 'dueOn', width: 110 },
            { title: '状态', key: 'state', width: 90, render: (_: unknown, r) => <StateTag state={r.state} label={r.stateLabel} /> },
            f.box === 'received'
              ? { title: '本单位', key: 'mine', width: 110, render: (_: unknown, r: DirectiveSummary) => (r.mine ? <StatusTag status={r.mine.status} /> : '—') }
              : { title: '办理情况', key: 'counts', width: 300, render: (_: unknown, r: DirectiveSummary) => <CountsCell d={r} /> },
          ]}
        />
      </ScrollRegion>
      {sending && <SendModal onClose={() => setSending(false)} />}
    </Card>
  );
}
