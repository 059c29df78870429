import type { Org, OrgSummary } from '@jiceng/contracts';
import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { domainLabel, OrgStatusTag, TermStatusTag, typeLabel } from '../../shared/labels.tsx';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { CHILDREN_PAGE_SIZE, useChildren } from './api.ts';

/** 下级组织: counts by type and the direct children (dissolved ones included, marked). */
export function ChildrenTab({ org }: { org: Org }) {
  const { page, pageSize, setPaging } = usePaging(CHILDREN_PAGE_SIZE);
  const { data, isFetching } = useChildren(org.id, page, pageSize);
  const counts = Object.entries(org.childCountsByType);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>直属下级组织共 <b>{org.childCount}</b> 个：</Typography.Text>
        {counts.length === 0 && <Typography.Text type="secondary">暂无</Typography.Text>}
        {counts.map(([type, n]) => (
          <Tag key={type} color="red" bordered={false}>{typeLabel(type)} {n}</Tag>
        ))}
      </Space>
      <Table<OrgSummary>
        size="middle"
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '暂无下级组织' }}
        pagination={serverPagination({ page, pageSize, total: data?.total ?? 0, onChange: setPaging, showTotal: (t) => `共 ${t} 个` })}
        columns={[
          { title: '组织名称', dataIndex: 'name', render: (name: string, o) => <Link to={`/orgs/${o.id}`}>{name}</Link> },
          { title: '类别', dataIndex: 'type', width: 110, render: (t: string) => typeLabel(t) },
          { title: '领域', dataIndex: 'domain', width: 100, render: (d: string) => domainLabel(d) },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <OrgStatusTag status={s} /> },
          {
            title: '换届状态',
            dataIndex: 'termStatus',
            width: 200,
            render: (s: string, o) => (
              <Space size={4}>
                <TermStatusTag status={s} />
                {o.termEndDate && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.termEndDate} 届满</Typography.Text>}
              </Space>
            ),
          },
          { title: '下级数', dataIndex: 'childCount', width: 80, align: 'right' },
        ]}
      />
    </>
  );
}
