import { MEETING_REVIEW_CHECKLIST, MEETING_REVIEW_PASS_MARK, meetingReviewMarkLabel, type MeetingDetail } from '@jiceng/contracts';
import { Alert, Button, Form, Input, Modal, Popconfirm, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { showSuccess } from '../../shared/feedback.ts';
import { useApproveMeeting, useCancelMeeting, useMeetingStep, useReturnMeeting, type MeetingStep } from './api.ts';

type Mark = keyof typeof meetingReviewMarkLabel;
const SHARE: Record<Mark, number> = { met: 1, partly: 0.5, not_met: 0 };

/** The checklist items that apply to a meeting type (rule meeting-review-2026). */
export const checklistFor = (type: string) => MEETING_REVIEW_CHECKLIST.filter((i) => !i.onlyFor || (i.onlyFor as readonly string[]).includes(type));

/** The score the marks give, as the server computes it (weights scaled to 100 over the items that apply), to show while marking. */
export function previewScore(type: string, marks: Record<string, Mark | undefined>): { total: number; passed: boolean } {
  const items = checklistFor(type);
  const sum = items.reduce((s, i) => s + i.weight, 0);
  const total = Math.round((items.reduce((s, i) => s + i.weight * SHARE[marks[i.id] ?? 'not_met'], 0) * 1000) / sum) / 10;
  const mustPass = items.every((i) => !i.mustPass || marks[i.id] === 'met');
  return { total, passed: total >= MEETING_REVIEW_PASS_MARK && mustPass };
}

/** 审核通过 with the checklist (every item marked), or 退回 with the reason (the marks optional). */
function ReviewModal({ m, mode, onClose }: { m: MeetingDetail; mode: 'approve' | 'return'; onClose: () => void }) {
  const [form] = Form.useForm<{ marks: Record<string, Mark>; comment?: string; reason?: string }>();
  const approve = useApproveMeeting(m.id);
  const back = useReturnMeeting(m.id);
  const marks = Form.useWatch('marks', form) ?? {};
  const score = previewScore(m.type, marks);
  const items = checklistFor(m.type);
  const submit = (v: { marks?: Record<string, Mark>; comment?: string; reason?: string }) => {
    const done = { onSuccess: () => (showSuccess(mode === 'approve' ? '已审核通过' : '已退回修改'), onClose()), onError: () => undefined };
    const given = Object.fromEntries(Object.entries(v.marks ?? {}).filter(([, x]) => x)) as Record<string, Mark>;
    if (mode === 'approve') approve.mutate({ marks: given, comment: v.comment?.trim() || null, version: m.version }, done);
    else back.mutate({ reason: v.reason ?? '', ...(Object.keys(given).length ? { marks: given } : {}), version: m.version }, done);
  };
  return (
    <Modal
      open
      width={680}
      title={mode === 'approve' ? '审核通过（按审核要点评分）' : '退回修改'}
      okText={mode === 'approve' ? '审核通过' : '退回'}
      okButtonProps={{ danger: mode === 'return' }}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={approve.isPending || back.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} name={`meeting-${mode}`}>
        {mode === 'return' && (
          <Form.Item name="reason" label="退回原因" rules={[{ required: true, min: 2, message: '请填写退回原因（至少 2 个字）' }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder="写明需要补充或修改的内容" />
          </Form.Item>
        )}
        {items.map((i) => (
          <Form.Item
            key={i.id}
            name={['marks', i.id]}
            label={`${i.label}（${i.weight} 分${i.mustPass ? '，必须符合' : ''}）`}
            extra={i.hint}
            rules={mode === 'approve' ? [{ required: true, message: `请为「${i.label}」评分` }] : []}
          >
            <Radio.Group
              optionType="button"
              options={(Object.keys(meetingReviewMarkLabel) as Mark[]).map((k) => ({ value: k, label: meetingReviewMarkLabel[k] }))}
            />
          </Form.Item>
        ))}
        <Alert
          type={score.passed ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={`按当前评分得 ${score.total} 分（合格线 ${MEETING_REVIEW_PASS_MARK} 分，「会议记录签字」须符合）${score.passed ? '，可以审核通过' : '，未达到审核通过的要求'}`}
        />
        {mode === 'approve' && (
          <Form.Item name="comment" label="审核意见（选填）">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 取消会议 with the reason. */
function CancelModal({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelMeeting(m.id);
  return (
    <Modal
      open
      title="取消会议"
      okText="取消会议"
      okButtonProps={{ danger: true }}
      cancelText="返回"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={cancel.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="meeting-cancel"
        onFinish={(v) => cancel.mutate({ reason: v.reason, version: m.version }, { onSuccess: () => (showSuccess('会议已取消'), onClose()) })}
      >
        <Form.Item name="reason" label="取消原因" rules={[{ required: true, min: 2, message: '请填写取消原因（至少 2 个字）' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const STEPS: { action: MeetingStep; label: string; confirm: string }[] = [
  { action: 'notify', label: '发布通知', confirm: '发布通知后应到人员即确定，并生成签到码。确定发布？' },
  { action: 'hold', label: '确认召开', confirm: '确认会议已经召开？' },
  { action: 'submit', label: '提交审核', confirm: '提交后审核期间不能修改会议记录。确定提交？' },
  { action: 'archive', label: '归档', confirm: '确定将会议记录归档？' },
];

/** The workflow steps the server says the account may take now (`actions`), each with its confirmation or form. */
export function WorkflowBar({ m }: { m: MeetingDetail }) {
  const step = useMeetingStep(m.id);
  const [dialog, setDialog] = useState<'approve' | 'return' | 'cancel' | null>(null);
  const has = (a: string) => m.actions.includes(a);
  return (
    <Space wrap>
      {STEPS.filter((s) => has(s.action)).map((s) => (
        <Popconfirm
          key={s.action}
          title={s.confirm}
          okText="确定"
          cancelText="取消"
          onConfirm={() =>
            step.mutateAsync({ step: s.action, version: m.version }).then(
              () => showSuccess(`已${s.label}`),
              () => undefined,
            )
          }
        >
          <Button type={s.action === 'archive' ? 'default' : 'primary'} loading={step.isPending && step.variables?.step === s.action}>
            {s.label}
          </Button>
        </Popconfirm>
      ))}
      {has('approve') && (
        <Button type="primary" onClick={() => setDialog('approve')}>
          审核通过
        </Button>
      )}
      {has('return') && (
        <Button danger onClick={() => setDialog('return')}>
          退回修改
        </Button>
      )}
      {has('cancel') && (
        <Button danger onClick={() => setDialog('cancel')}>
          取消会议
        </Button>
      )}
      {m.actions.length === 0 && m.state !== 'archived' && m.state !== 'cancelled' && (
        <Typography.Text type="secondary">当前没有需要您办理的操作</Typography.Text>
      )}
      {(dialog === 'approve' || dialog === 'return') && <ReviewModal m={m} mode={dialog} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelModal m={m} onClose={() => setDialog(null)} />}
    </Space>
  );
}
