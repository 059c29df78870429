import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { RM_DECISION_KINDS, RM_TEXT_MAX, RM_TITLE_MAX, rmDecisionKindLabel, type RmDecisionKind, type RmMeetingDetail } from '@jiceng/contracts';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { CategorySelect, URGENCY_OPTIONS } from '../regional/labels.tsx';
import { useCandidates, useMeetingSteps } from './api.ts';
import { FollowupTag } from './labels.tsx';

interface DecisionValues {
  kind: RmDecisionKind;
  text: string;
  projectId?: string;
  categoryCode?: string;
  title?: string;
  description?: string;
  beneficiaries?: string;
  beneficiaryCount?: number | null;
  urgency?: 'urgent' | 'soon' | 'normal';
}

/** 记录决定: free text; a need entered into 需求清单 (source 联席会议); or a note on one of the community's projects. */
function DecisionModal({ m, onClose }: { m: RmMeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<DecisionValues>();
  const kind = Form.useWatch('kind', form) ?? 'text';
  const projects = (useCandidates(m.id, true).data?.items ?? []).filter((c) => c.kind === 'project');
  const steps = useMeetingSteps(m.id);
  const submit = async () => {
    const v = await form.validateFields();
    steps.decide.mutate(
      {
        kind: v.kind,
        text: v.text.trim(),
        projectId: v.kind === 'project' ? v.projectId : null,
        need:
          v.kind === 'need'
            ? {
                categoryCode: v.categoryCode!,
                title: v.title!.trim(),
                description: v.description!.trim(),
                beneficiaries: v.beneficiaries!.trim(),
                beneficiaryCount: v.beneficiaryCount ?? null,
                urgency: v.urgency!,
              }
            : null,
      },
      {
        onError: (e) => applyFieldErrors(form, e, { 'need.categoryCode': 'categoryCode', 'need.title': 'title' }),
        onSuccess: () => {
          showSuccess(v.kind === 'need' ? '已记录决定，新增需求已进入需求清单' : '已记录决定');
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      width={640}
      title="记录会议决定"
      okText="记录"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={steps.decide.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="rm-decision" initialValues={{ kind: 'text', urgency: 'normal' }}>
        <Form.Item name="kind" label="决定类型">
          <Radio.Group optionType="button" options={RM_DECISION_KINDS.map((k) => ({ value: k, label: rmDecisionKindLabel[k] }))} />
        </Form.Item>
        <Form.Item name="text" label="决定内容" rules={[{ required: true, min: 2, message: '请填写决定内容' }]}>
          <Input.TextArea rows={3} maxLength={RM_TEXT_MAX} showCount />
        </Form.Item>
        {kind === 'project' && (
          <Form.Item
            name="projectId"
            label="调整的项目"
            rules={[{ required: true, message: '请选择项目' }]}
            extra="在此记录调整意见（如调整时间、增加单位），项目本身到项目清单中修改"
          >
            <Select options={projects.map((p) => ({ value: p.id, label: `${p.title}（${p.stateLabel}）` }))} placeholder="本社区待确认或实施中的项目" />
          </Form.Item>
        )}
        {kind === 'need' && (
          <>
            <Form.Item name="categoryCode" label="需求类别" rules={[{ required: true, message: '请选择类别' }]}>
              <CategorySelect />
            </Form.Item>
            <Form.Item name="title" label="需求名称" rules={[{ required: true, min: 2, max: RM_TITLE_MAX, message: '请填写需求名称' }]}>
              <Input maxLength={RM_TITLE_MAX} />
            </Form.Item>
            <Form.Item name="description" label="需求描述" rules={[{ required: true, message: '请填写需求描述' }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="beneficiaries" label="受益对象" rules={[{ required: true, min: 2, message: '请填写受益对象' }]}>
                <Input maxLength={100} placeholder="描述对象，不写姓名电话" />
              </Form.Item>
              <Form.Item name="beneficiaryCount" label="受益人数">
                <InputNumber min={0} max={1_000_000} precision={0} />
              </Form.Item>
              <Form.Item name="urgency" label="紧急程度">
                <Select style={{ width: 100 }} options={URGENCY_OPTIONS} />
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function DecisionsCard({ m }: { m: RmMeetingDetail }) {
  const [open, setOpen] = useState(false);
  const steps = useMeetingSteps(m.id);
  return (
    <Card
      size="small"
      title="会议决定"
      extra={
        m.can.decide && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            记录决定
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.decisions}
        locale={{ emptyText: '尚无会议决定' }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '类型', width: 90, render: (_, d) => rmDecisionKindLabel[d.kind] },
          { title: '决定内容', dataIndex: 'text' },
          {
            title: '关联需求或项目',
            render: (_, d) =>
              d.needId ? (
                <Link to={`/regional/needs/${d.needId}`}>{d.refTitle}</Link>
              ) : d.projectId ? (
                <Link to={`/regional/projects/${d.projectId}`}>{d.refTitle}</Link>
              ) : (
                '—'
              ),
          },
          { title: '当前状态', width: 100, render: (_, d) => d.refStateLabel ?? '—' },
          {
            title: '',
            width: 70,
            render: (_, d) =>
              m.can.decide && d.kind !== 'need' ? (
                <Popconfirm
                  title="删除这条决定？"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => steps.removeDecision.mutate(d.id, { onError: (e) => showError(messageOf(e)) })}
                >
                  <Button type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {open && <DecisionModal m={m} onClose={() => setOpen(false)} />}
    </Card>
  );
}

/** 交办落实事项: what, whose (a member unit or the community), by when. */
function FollowupModal({ m, onClose }: { m: RmMeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; owner: string; dueOn: Dayjs }>();
  const steps = useMeetingSteps(m.id);
  const submit = async () => {
    const v = await form.validateFields();
    const unit = v.owner !== 'community';
    steps.followup.mutate(
      { title: v.title.trim(), ownerKind: unit ? 'unit' : 'community', ownerUnitId: unit ? v.owner : null, dueOn: v.dueOn.format('YYYY-MM-DD') },
      { onError: (e) => applyFieldErrors(form, e, { ownerUnitId: 'owner' }), onSuccess: onClose },
    );
  };
  return (
    <Modal
      open
      title="交办落实事项"
      okText="交办"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={steps.followup.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="rm-followup" initialValues={{ owner: 'community' }}>
        <Form.Item name="title" label="落实事项" rules={[{ required: true, min: 2, message: '请填写落实事项' }]}>
          <Input.TextArea rows={2} maxLength={RM_TEXT_MAX} />
        </Form.Item>
        <Form.Item name="owner" label="责任方">
          <Select options={[{ value: 'community', label: `社区：${m.orgName}` }, ...m.attendance.map((a) => ({ value: a.unitId, label: a.unitName }))]} />
        </Form.Item>
        <Form.Item name="dueOn" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FollowupsCard({ m }: { m: RmMeetingDetail }) {
  const [open, setOpen] = useState(false);
  const steps = useMeetingSteps(m.id);
  const mayClose = m.can.minutes || m.state === 'archived';
  return (
    <Card
      size="small"
      title="落实事项"
      extra={
        m.can.followup && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            交办事项
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.followups}
        locale={{ emptyText: '尚无落实事项' }}
        columns={[
          { title: '落实事项', dataIndex: 'title' },
          { title: '责任方', dataIndex: 'ownerName' },
          { title: '完成时限', dataIndex: 'dueOn', width: 110 },
          { title: '状态', width: 100, render: (_, f) => <FollowupTag status={f.status} /> },
          { title: '落实情况', render: (_, f) => (f.doneOn ? `${f.doneOn} ${f.doneNote ?? ''}` : <Typography.Text type="secondary">—</Typography.Text>) },
          {
            title: '',
            width: 90,
            render: (_, f) =>
              mayClose && !f.doneOn ? (
                <Popconfirm
                  title="确认该事项已落实？"
                  okText="办结"
                  cancelText="取消"
                  onConfirm={() =>
                    steps.done.mutate(
                      { followupId: f.id, version: f.version },
                      { onError: (e) => showError(messageOf(e)), onSuccess: () => showSuccess('已办结') },
                    )
                  }
                >
                  <Button type="link" icon={<CheckOutlined />}>
                    办结
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {open && <FollowupModal m={m} onClose={() => setOpen(false)} />}
    </Card>
  );
}
