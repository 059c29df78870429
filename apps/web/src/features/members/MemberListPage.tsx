import { ImportOutlined, UserAddOutlined } from '@ant-design/icons';
import { Permission, type MemberSummary } from '@jiceng/contracts';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { appRoutes } from '../../routes.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { MemberExportButton } from '../member-import/MemberExportButton.tsx';
import { MEMBER_PAGE_SIZE, useMembers } from './api.ts';
import { CreateMemberModal } from './CreateMemberModal.tsx';
import { CategoryTags, genderText, MemberStatusTag, partyAgeText } from './labels.tsx';
import { filterFromParams, filterToParams, toListQuery, type MemberFilterState } from './memberFilter.ts';
import { MemberFilters } from './MemberFilters.tsx';
import { memberListTotal } from './memberListTotal.ts';

const IMPORT_PATH = '/members/import';

/** 党员管理: the members of the account's subtree, filtered and searched; 导出 (same filters), 导入党员名册, 登记党员. */
export default function MemberListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const query = toListQuery(filter);
  const { data, isFetching } = useMembers(query);
  const count = memberListTotal(data);
  const [creating, setCreating] = useState(false);
  const setFilter = (next: MemberFilterState) => setParams(filterToParams(next), { replace: true });
  const canImport = hasPermission(me, Permission.MEMBER_IMPORT) && appRoutes.some((r) => r.path === IMPORT_PATH);

  return (
    <Card
      title="党员管理"
      extra={
        <Space>
          <MemberExportButton query={query} />
          {canImport && (
            <Button icon={<ImportOutlined />} onClick={() => navigate(IMPORT_PATH)}>
              导入党员名册
            </Button>
          )}
          {hasPermission(me, Permission.MEMBER_WRITE) && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
              登记党员
            </Button>
          )}
        </Space>
      }
    >
      <MemberFilters value={filter} onChange={setFilter} />
      {count.narrowHint && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={count.narrowHint} />}
      <Table<MemberSummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 1100 }}
        locale={{ emptyText: filter.search ? '没有找到符合条件的党员，请检查姓名或号码' : '暂无党员' }}
        pagination={serverPagination({
          page: filter.page,
          pageSize: filter.pageSize ?? MEMBER_PAGE_SIZE,
          total: count.pagerTotal,
          onChange: (next) => setFilter({ ...filter, ...next }),
          showTotal: () => count.text,
        })}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100, fixed: 'left', render: (name: string, m) => <Link to={`/members/${m.id}`}>{name}</Link> },
          { title: '性别', dataIndex: 'gender', width: 60, render: genderText },
          { title: '年龄', dataIndex: 'age', width: 60 },
          {
            title: '公民身份号码',
            dataIndex: 'idNumber',
            width: 180,
            render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
          },
          { title: '所在党支部', dataIndex: 'orgName', ellipsis: true },
          { title: '状态', dataIndex: 'status', width: 150, render: (s: string, m) => <MemberStatusTag status={s} leaveReason={m.leaveReason} /> },
          { title: '党龄', dataIndex: 'partyAge', width: 80, render: (a: number | null, m) => partyAgeText(a, m.status) },
          { title: '人员标签', dataIndex: 'categories', width: 200, render: (c: string[]) => <CategoryTags categories={c} /> },
        ]}
      />
      {creating && <CreateMemberModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
