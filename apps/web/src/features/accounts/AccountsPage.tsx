import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Permission, type Account } from '@jiceng/contracts';
import { Badge, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { exportAccounts, useAccounts, useSetDisabled, type AccountFilter } from './api.ts';
import { AccountModal, roleOptions } from './AccountModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

function AccountState({ a }: { a: Account }) {
  if (a.disabled) return <Badge status="default" text="已停用" />;
  if (a.lockedUntil && dayjs(a.lockedUntil).isAfter(dayjs())) return <Badge status="error" text={`已锁定至 ${dayjs(a.lockedUntil).format('HH:mm')}`} />;
  return <Badge status="success" text="已启用" />;
}

/** 停用 / 启用 in one click, after a confirmation that says what happens. */
function ToggleDisabled({ a }: { a: Account }) {
  const toggle = useSetDisabled();
  const next = !a.disabled;
  return (
    <Popconfirm
      title={next ? `停用账号「${a.username}」？` : `启用账号「${a.username}」？`}
      description={next ? '停用后该账号不能再登录，已登录的也会退出' : '启用后该账号可以重新登录'}
      okText={next ? '停用' : '启用'}
      cancelText="取消"
      onConfirm={() =>
        toggle.mutate({ id: a.id, disabled: next }, { onSuccess: () => showSuccess(next ? `已停用「${a.displayName}」` : `已启用「${a.displayName}」`) })
      }
    >
      <a>{next ? '停用' : '启用'}</a>
    </Popconfirm>
  );
}

/**
 * 账号管理: the accounts of the own organization and below; create, edit, 停用/启用 and reset the
 * password of the accounts whose roles the current account may grant; export the filtered list.
 */
export default function AccountsPage() {
  const me = useMe();
  const canManage = hasPermission(me, Permission.ACCOUNT_MANAGE);
  const [filter, setFilter] = useState<AccountFilter>({ q: '', role: undefined, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const { data, isFetching } = useAccounts(filter);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [exporting, setExporting] = useState(false);

  const runExport = () => {
    setExporting(true);
    exportAccounts(filter)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setExporting(false));
  };

  return (
    <Card
      title="账号管理"
      extra={
        <Space>
          <Button icon={<ExportOutlined />} loading={exporting} onClick={runExport}>
            导出
          </Button>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建账号
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="用户名或姓名" style={{ width: 240 }} onSearch={(q) => setFilter((f) => ({ ...f, q, page: 1 }))} />
        <Select
          allowClear
          placeholder="全部角色"
          aria-label="角色"
          style={{ width: 220 }}
          options={roleOptions}
          value={filter.role}
          onChange={(role?: string) => setFilter((f) => ({ ...f, role, page: 1 }))}
        />
      </Space>
      <Table<Account>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        // at phone width the fixed columns left none for the names (a username ran one letter a line under the status)
        scroll={{ x: 960 }}
        pagination={serverPagination({
          page: filter.page,
          pageSize: filter.pageSize,
          total: data?.total ?? 0,
          onChange: (next) => setFilter((f) => ({ ...f, ...next })),
          showTotal: (t) => `共 ${t} 个账号`,
        })}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleLabel', render: (l: string) => <Tag>{l}</Tag> },
          { title: '所属组织', dataIndex: 'orgName', ellipsis: true },
          { title: '状态', key: 'state', width: 150, render: (_: unknown, a) => <AccountState a={a} /> },
          {
            title: '最近登录',
            dataIndex: 'lastLoginAt',
            width: 150,
            render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '从未登录'),
          },
          ...(canManage
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 190,
                  render: (_: unknown, a: Account) =>
                    a.manageable ? (
                      <Space>
                        <a onClick={() => setEditing(a)}>修改</a>
                        <ToggleDisabled a={a} />
                        <a onClick={() => setResetting(a)}>重置密码</a>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {editing && <AccountModal account={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
