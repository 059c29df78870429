import { FlagOutlined } from '@ant-design/icons';
import { Permission, type KtBoard, type KtPlanSummary, type KtTaskSummary } from '@jiceng/contracts';
import { Button, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { localPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useBoard } from './api.ts';
import { ClaimModal } from './ClaimModal.tsx';
import { LeadCell, ProgressCell, StatusTag } from './labels.tsx';

type Dept = KtBoard['byDepartment'][number];
const CLAIMABLE = ['open', 'assigned'];
/** Another organization's task on the board: its progress is theirs, not shown. */
const HIDDEN = (
  <Typography.Text type="secondary" title="其他单位的任务进展不公开">
    —
  </Typography.Text>
);

function BoardTable({ tasks, label, onClaim }: { tasks: KtTaskSummary[]; label: string; onClaim?: (t: KtTaskSummary) => void }) {
  return (
    <ScrollRegion label={label}>
      <Table<KtTaskSummary>
        rowKey="id"
        size="small"
        dataSource={tasks}
        pagination={tasks.length > 20 ? localPagination((n) => `共 ${n} 项`) : false}
        scroll={{ x: 760 }}
        locale={{ emptyText: label === '待认领任务' ? '所有任务都已落实牵头单位' : '还没有落实的任务' }}
        data-testid={label === '待认领任务' ? 'kt-board-open' : 'kt-board-claimed'}
        columns={[
          { title: '序号', dataIndex: 'no', width: 56 },
          { title: '任务', dataIndex: 'title', render: (s: string, t) => <Link to={`/keytasks/tasks/${t.id}`}>{s}</Link> },
          { title: '完成时限', dataIndex: 'deadline', width: 104 },
          { title: '牵头单位/责任人', key: 'lead', width: 200, render: (_: unknown, t) => <LeadCell task={t} /> },
          ...(label === '待认领任务'
            ? []
            : [
                {
                  title: '进度',
                  key: 'p',
                  width: 150,
                  render: (_: unknown, t: KtTaskSummary) => (t.limited ? HIDDEN : <ProgressCell progress={t.progress} status={t.status} />),
                },
                {
                  title: '状态',
                  key: 's',
                  width: 90,
                  render: (_: unknown, t: KtTaskSummary) => (t.limited ? HIDDEN : <StatusTag status={t.status} state={t.state} />),
                },
              ]),
          ...(onClaim
            ? [
                {
                  title: '操作',
                  key: 'claim',
                  width: 96,
                  render: (_: unknown, t: KtTaskSummary) =>
                    CLAIMABLE.includes(t.state) && (
                      <Button
                        size="small"
                        type={t.lead ? 'default' : 'primary'}
                        icon={<FlagOutlined />}
                        onClick={() => onClaim(t)}
                        aria-label={`${t.lead ? '认领配合' : '揭榜'}：${t.title}`}
                      >
                        {t.lead ? '配合' : '揭榜'}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </ScrollRegion>
  );
}

/**
 * 揭榜 board of a published plan: the tasks nobody leads yet and those with a confirmed lead, with
 * 揭榜 (牵头 or 配合) for accounts that report on tasks, and how many tasks each department took on.
 */
export function BoardTab({ plan }: { plan: KtPlanSummary }) {
  const me = useMe();
  const { data, isPending } = useBoard(plan.id);
  const [claiming, setClaiming] = useState<KtTaskSummary | null>(null);
  if (plan.state === 'draft') return <Empty description="计划发布后任务才进入揭榜" />;
  if (isPending || !data) return <PageLoading />;
  // the plan's owners confirm claims; the organizations below claim
  const canClaim = hasPermission(me, Permission.TASK_REPORT) && !plan.owner && plan.state === 'published';
  const open = data.tasks.filter((t) => !t.lead && t.state !== 'cancelled');
  const claimed = data.tasks.filter((t) => t.lead);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Typography.Title level={5}>
          待认领 <Tag color={open.length ? 'processing' : 'default'}>{open.length}</Tag>
        </Typography.Title>
        <BoardTable tasks={open} label="待认领任务" onClaim={canClaim ? setClaiming : undefined} />
      </Col>
      <Col xs={24} xl={12}>
        <Typography.Title level={5}>
          已落实 <Tag color="success">{claimed.length}</Tag>
        </Typography.Title>
        <BoardTable tasks={claimed} label="已落实任务" onClaim={canClaim ? setClaiming : undefined} />
      </Col>
      <Col span={24}>
        <Typography.Title level={5}>各单位认领情况</Typography.Title>
        <Table<Dept>
          rowKey={(d) => `${d.orgId}-${d.unitName}`}
          size="small"
          dataSource={data.byDepartment}
          pagination={data.byDepartment.length > 20 ? localPagination() : false}
          locale={{ emptyText: '还没有单位揭榜' }}
          data-testid="kt-board-departments"
          columns={[
            { title: '单位', dataIndex: 'orgName' },
            { title: '部门/科室', dataIndex: 'unitName', render: (u: string, d) => (u === d.orgName ? '—' : u) },
            { title: '牵头', dataIndex: 'lead', width: 80, align: 'right' },
            { title: '配合', dataIndex: 'support', width: 80, align: 'right' },
            { title: '待确认', dataIndex: 'pending', width: 80, align: 'right' },
          ]}
        />
      </Col>
      {claiming && <ClaimModal task={claiming} onClose={() => setClaiming(null)} />}
    </Row>
  );
}
