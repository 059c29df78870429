import { PlusOutlined } from '@ant-design/icons';
import { Permission, type LostContactRecord, type LostContactStatus } from '@jiceng/contracts';
import { Button, Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { PAGE_SIZE, useLostContacts } from './api.ts';
import { LostContactDrawer } from './LostContactDrawer.tsx';
import { LostContactFormModal } from './LostContactFormModal.tsx';
import { LostStatusTag, memberStatusText, ProposalTag } from './labels.tsx';

type Filter = LostContactStatus | 'all';

/** 失联党员: who is out of contact, since when, what was tried, and what the branch should consider. */
export default function LostContactPage() {
  const me = useMe();
  const canWrite = hasPermission(me, Permission.MEMBER_WRITE);
  const [params, setParams] = useSearchParams();
  const memberId = params.get('memberId');
  const openId = params.get('id');
  const [status, setStatus] = useState<Filter>('lost');
  const { page, pageSize, setPaging, reset } = usePaging(PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<LostContactRecord | null>(null);
  const query = { status: status === 'all' ? undefined : status, page, pageSize };
  const { data, isFetching } = useLostContacts(query);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <Card
      title="失联党员"
      extra={
        <Space>
          <Typography.Text type="secondary">失联满六个月提示研究停止党籍，停止党籍后满两年提示研究除名</Typography.Text>
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记失联党员</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Filter> value={status} onChange={(v) => { setStatus(v); reset(); }} options={[{ value: 'lost', label: '失联中' }, { value: 'found', label: '已恢复联系' }, { value: 'all', label: '全部' }]} />
        <ExportButton path="/api/lost-contact/export" query={query} fallbackName="失联党员.xlsx" />
      </Space>
      <Table<LostContactRecord>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '没有失联党员记录' }}
        pagination={serverPagination({ page, pageSize, total: data?.total ?? 0, onChange: setPaging, showTotal: (n) => `共 ${n} 人` })}
        columns={[
          { title: '姓名', dataIndex: 'memberName', render: (n: string, r) => <a onClick={() => setParam('id', r.id)}>{n}</a> },
          { title: '所在党支部', dataIndex: 'orgName', ellipsis: true },
          { title: '党籍状态', dataIndex: 'memberStatus', width: 110, render: (s: string) => memberStatusText(s) },
          { title: '最后联系日期', dataIndex: 'lastContactDate', width: 120 },
          { title: '失联时长', dataIndex: 'monthsLost', width: 100, render: (m: number) => `${m} 个月` },
          { title: '联系次数', dataIndex: 'attemptCount', width: 90 },
          { title: '状态', dataIndex: 'status', width: 110, render: (s: string) => <LostStatusTag status={s} /> },
          { title: '处置提示', key: 'proposal', width: 130, render: (_: unknown, r) => <ProposalTag proposal={r.proposal} dueDate={r.proposalDueDate} /> },
          { title: '操作', key: 'ops', width: 140, render: (_: unknown, r) => <Space><a onClick={() => setParam('id', r.id)}>详情</a><Link to={`/members/${r.memberId}`}>党员档案</Link></Space> },
        ]}
      />
      {canWrite && (creating || !!memberId) && <LostContactFormModal record={null} memberId={memberId} onClose={() => { setCreating(false); setParam('memberId', null); }} />}
      {editing && <LostContactFormModal record={editing} memberId={null} onClose={() => setEditing(null)} />}
      {openId && <LostContactDrawer id={openId} canWrite={canWrite} onEdit={setEditing} onClose={() => setParam('id', null)} />}
    </Card>
  );
}
