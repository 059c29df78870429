import { PlusOutlined } from '@ant-design/icons';
import { KT_SHORT_MAX, KT_TITLE_MAX, type KtPlanSummary, type KtReviewSummary } from '@jiceng/contracts';
import { Button, DatePicker, Empty, Form, Input, Modal, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { serverPagination, usePaging } from '../../shared/pagination.ts';
import { useCreateReview, useReviews } from './api.ts';
import { toReviewInput, type ReviewFormValues } from './form.ts';
import { ReviewStateTag } from './labels.tsx';

/** 召开调度会: the server assembles every task of the plan as it stands today (progress, lag, overdue nodes, risks). */
function ReviewModal({ plan, onClose }: { plan: KtPlanSummary; onClose: () => void }) {
  const [form] = Form.useForm<ReviewFormValues>();
  const create = useCreateReview();
  const navigate = useNavigate();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(toReviewInput(plan.id, v), {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (r) => {
        showSuccess(`已创建「${r.title}」，共 ${r.items.length} 项任务待调度`);
        onClose();
        navigate(`/keytasks/reviews/${r.id}`);
      },
    });
  };
  return (
    <Modal
      open
      title="新建调度会"
      okText="创建"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">创建时汇总计划内每项任务的进度、滞后原因、逾期节点和风险，滞后任务标注“需决定”。</Typography.Paragraph>
      <Form<ReviewFormValues>
        form={form}
        layout="vertical"
        name="kt-review"
        initialValues={{ heldOn: dayjs(), title: `${plan.title}调度会（${dayjs().format('M月D日')}）` }}
      >
        <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请输入会议名称' }]}>
          <Input maxLength={KT_TITLE_MAX} />
        </Form.Item>
        <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
          <DatePicker style={{ width: 220 }} allowClear={false} />
        </Form.Item>
        <Form.Item name="place" label="地点">
          <Input maxLength={KT_SHORT_MAX} />
        </Form.Item>
        <Form.Item name="host" label="主持人">
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 调度会 of one plan: each meeting with how many tasks it reviewed, how many lagged and were decided; 新建调度会 for the owner. */
export function ReviewsTab({ plan }: { plan: KtPlanSummary }) {
  const paging = usePaging();
  const { data, isFetching } = useReviews({ planId: plan.id, page: paging.page, pageSize: paging.pageSize });
  const [creating, setCreating] = useState(false);
  if (plan.state === 'draft') return <Empty description="计划发布后才能召开调度会" />;
  return (
    <>
      {plan.owner && plan.state === 'published' && (
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建调度会
          </Button>
        </Space>
      )}
      <Table<KtReviewSummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: '还没有召开调度会' }}
        pagination={serverPagination({ ...paging, total: data?.total ?? 0, onChange: paging.setPaging, showTotal: (n) => `共 ${n} 次` })}
        data-testid="kt-reviews"
        columns={[
          { title: '会议名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/keytasks/reviews/${r.id}`}>{t}</Link> },
          { title: '会议日期', dataIndex: 'heldOn', width: 110 },
          { title: '地点', dataIndex: 'place', width: 160, render: (s: string | null) => s ?? '—' },
          { title: '主持人', dataIndex: 'host', width: 100, render: (s: string | null) => s ?? '—' },
          { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <ReviewStateTag state={s} /> },
          { title: '调度任务', dataIndex: 'taskCount', width: 90, align: 'right' },
          {
            title: '滞后',
            dataIndex: 'lagging',
            width: 70,
            align: 'right',
            render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
          },
          { title: '已决定', dataIndex: 'decided', width: 80, align: 'right' },
        ]}
      />
      {creating && <ReviewModal plan={plan} onClose={() => setCreating(false)} />}
    </>
  );
}
