import { PlusOutlined } from '@ant-design/icons';
import { Permission, type KtPlanSummary } from '@jiceng/contracts';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { usePlans } from './api.ts';
import { yearFromParams, yearOptions } from './form.ts';
import { PlanStateTag, ProgressCell } from './labels.tsx';
import { PlanModal } from './PlanModal.tsx';

const count = (n: number, warn = false) => (warn && n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n);

/**
 * 重点任务计划: the year's plans in the account's scope — who made each, its state, and its figures
 * (tasks, how many have a lead, are unclaimed or lagging, the weighted progress) — and 新建计划
 * (task:plan). The year lives in the URL (`?year=`).
 */
export default function KeyTaskPlansPage() {
  const me = useMe();
  const thisYear = dayjs().year();
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params, thisYear);
  const paging = usePaging();
  const { data, isFetching } = usePlans({ year, page: paging.page, pageSize: paging.pageSize });
  const [creating, setCreating] = useState(false);

  return (
    <Card
      title="重点任务计划"
      extra={
        hasPermission(me, Permission.TASK_PLAN) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建计划
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number>
          aria-label="年度"
          style={{ width: 120 }}
          value={year}
          options={yearOptions(thisYear)}
          onChange={(y) => {
            paging.reset();
            setParams(y === thisYear ? {} : { year: String(y) }, { replace: true });
          }}
        />
        <Typography.Text type="secondary">本级及下级党组织制定的计划，以及上级党组织发布、可揭榜认领的计划</Typography.Text>
      </Space>
      <ScrollRegion label="重点任务计划">
        <Table<KtPlanSummary>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1100 }}
          locale={{ emptyText: `${year} 年还没有重点任务计划` }}
          pagination={serverPagination({ ...paging, total: data?.total ?? 0, onChange: paging.setPaging, showTotal: (n) => `共 ${n} 个计划` })}
          data-testid="kt-plans"
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '计划名称',
              dataIndex: 'title',
              fixed: 'left',
              render: (title: string, p) => <Link to={`/keytasks/plans/${p.id}`}>{title}</Link>,
            },
            { title: '制定单位', dataIndex: 'orgName', width: 200, ellipsis: true },
            { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <PlanStateTag state={s} /> },
            { title: '任务数', key: 'tasks', width: 80, align: 'right', render: (_: unknown, p) => p.figures.tasks },
            { title: '已落实', key: 'claimed', width: 80, align: 'right', render: (_: unknown, p) => p.figures.claimed },
            { title: '待认领', key: 'unclaimed', width: 80, align: 'right', render: (_: unknown, p) => p.figures.unclaimed },
            { title: '滞后', key: 'lagging', width: 70, align: 'right', render: (_: unknown, p) => count(p.figures.lagging, true) },
            { title: '已验收', key: 'accepted', width: 80, align: 'right', render: (_: unknown, p) => p.figures.accepted },
            { title: '加权进度', key: 'progress', width: 170, render: (_: unknown, p) => <ProgressCell progress={p.figures.progress} /> },
          ]}
        />
      </ScrollRegion>
      {creating && <PlanModal year={year} onClose={() => setCreating(false)} />}
    </Card>
  );
}
