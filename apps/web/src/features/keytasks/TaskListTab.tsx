import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { type KtPlanSummary, type KtStatus, type KtTaskSummary } from '@jiceng/contracts';
import { Button, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { ImportButtons } from '../../shared/ImportButtons.tsx';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { downloadPlanErrorReport, downloadPlanTemplate, planExportPath, useImportPlan, usePublishPlan, useTasks } from './api.ts';
import { STATUS_OPTIONS } from './labels.tsx';
import { taskColumns } from './taskColumns.tsx';
import { TaskFormModal } from './TaskFormModal.tsx';

/** 导入任务清单 (the owner's, before the plan is archived): template, upload all or nothing, every bad row named. */
function PlanImport({ planId }: { planId: string }) {
  return (
    <ImportButtons
      what="重点任务"
      nothing="没有导入任何任务"
      uploadLabel="导入任务清单"
      upload={useImportPlan(planId)}
      template={() => downloadPlanTemplate(planId)}
      report={downloadPlanErrorReport(planId)}
    />
  );
}

/** 发布: the drafts go on the board; the organizations below may then 揭榜. */
function PublishButton({ plan, drafts }: { plan: KtPlanSummary; drafts: number }) {
  const publish = usePublishPlan(plan.id);
  return (
    <Popconfirm
      title={plan.state === 'draft' ? `发布「${plan.title}」？` : `发布新增的 ${drafts} 项任务？`}
      description="发布后任务进入揭榜，推进目标和完成时限只能依据会议决定调整。"
      okText="发布"
      cancelText="取消"
      onConfirm={() =>
        publish.mutateAsync(plan.version).then(
          () => showSuccess(`已发布「${plan.title}」`),
          () => undefined,
        )
      }
    >
      <Button type="primary" icon={<SendOutlined />} loading={publish.isPending}>
        {plan.state === 'draft' ? '发布计划' : '发布新增任务'}
      </Button>
    </Popconfirm>
  );
}

/**
 * 任务清单 of one plan: 序号, 类别, 任务, 推进目标, 完成时限, 牵头单位/责任人, 进度 and 状态, filtered by
 * status and name; 导出; for the plan's owner 新增任务, the import and 发布.
 */
export function TaskListTab({ plan }: { plan: KtPlanSummary }) {
  const [status, setStatus] = useState<KtStatus | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const paging = usePaging(50);
  const { data, isFetching } = useTasks({ planId: plan.id, status, q, page: paging.page, pageSize: paging.pageSize });
  const [adding, setAdding] = useState(false);
  const editable = plan.owner && plan.state !== 'archived';
  const drafts = (data?.items ?? []).filter((t) => t.state === 'draft').length;

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select<KtStatus>
            allowClear
            aria-label="进展状态"
            placeholder="全部状态"
            style={{ width: 140 }}
            value={status}
            options={STATUS_OPTIONS}
            onChange={(s) => {
              paging.reset();
              setStatus(s);
            }}
          />
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
        <Space wrap>
          <ExportButton path={planExportPath(plan.id)} fallbackName={`${plan.title}.xlsx`} />
          {editable && <PlanImport planId={plan.id} />}
          {editable && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增任务
            </Button>
          )}
          {editable && (drafts > 0 || (plan.state === 'draft' && ((data?.total ?? 0) > 0 || plan.figures.tasks > 0))) && (
            <PublishButton plan={plan} drafts={drafts} />
          )}
        </Space>
      </Space>
      <ScrollRegion label="任务清单">
        <Table<KtTaskSummary>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1300 }}
          locale={{ emptyText: status || q ? '没有符合条件的任务' : '还没有任务，请新增或导入任务清单' }}
          pagination={serverPagination({ ...paging, total: data?.total ?? 0, onChange: paging.setPaging, showTotal: (n) => `共 ${n} 项任务` })}
          data-testid="kt-tasks"
          columns={taskColumns()}
        />
      </ScrollRegion>
      {adding && <TaskFormModal planId={plan.id} onClose={() => setAdding(false)} />}
    </>
  );
}
