import { PlusOutlined } from '@ant-design/icons';
import { Permission, type Account } from '@jiceng/contracts';
import { Badge, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ACCOUNT_PAGE_SIZE, useAccounts, type AccountFilter } from './api.ts';
import { AccountModal, roleOptions } from './AccountModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

function AccountState({ a }: { a: Account }) {
  if (a.disabled) return <Badge status="default" text="已停用" />;
  if (a.lockedUntil && dayjs(a.lockedUntil).isAfter(dayjs())) return <Badge status="error" text={`已锁定至 ${dayjs(a.lockedUntil).format('HH:mm')}`} />;
  return <Badge status="success" text="正常" />;
}

/** 账号管理: the accounts of the own organization and below; create, edit, disable, reset password. */
export default function AccountsPage() {
  const me = useMe();
  const canManage = hasPermission(me, Permission.ACCOUNT_MANAGE);
  const [filter, setFilter] = useState<AccountFilter>({ q: '', role: undefined, page: 1 });
  const { data, isFetching } = useAccounts(filter);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);

  return (
    <Card title="账号管理" extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新建账号</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="用户名或姓名" style={{ width: 240 }} onSearch={(q) => setFilter((f) => ({ ...f, q, page: 1 }))} />
        <Select allowClear placeholder="全部角色" style={{ width: 220 }} options={roleOptions} value={filter.role} onChange={(role?: string) => setFilter((f) => ({ ...f, role, page: 1 }))} />
      </Space>
      <Table<Account>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        pagination={{ current: filter.page, pageSize: ACCOUNT_PAGE_SIZE, total: data?.total ?? 0, onChange: (page) => setFilter((f) => ({ ...f, page })), showTotal: (t) => `共 ${t} 个账号` }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleLabel', render: (l: string) => <Tag>{l}</Tag> },
          { title: '所属组织', dataIndex: 'orgName', ellipsis: true },
          { title: '状态', key: 'state', width: 150, render: (_: unknown, a) => <AccountState a={a} /> },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '从未登录') },
          ...(canManage
            ? [{
                title: '操作',
                key: 'ops',
                width: 150,
                render: (_: unknown, a: Account) => (
                  <Space>
                    <a onClick={() => setEditing(a)}>修改</a>
                    <a onClick={() => setResetting(a)}>重置密码</a>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing && <AccountModal account={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
