import { DIRECTIVE_NOTE_MAX, DIRECTIVE_REPORT_MAX, type DirectiveDetail, type DirectiveTargetView } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useCloseDirective, useTargetSteps } from './api.ts';
import { toRecipients, type RecipientValues } from './form.ts';
import { RECIPIENT_ERRORS, RecipientsField } from './RecipientsField.tsx';

type Values = Record<string, unknown>;

/** A modal around one form: validates, runs, puts the server's field messages under their fields, closes on success. */
function FormModal(props: {
  title: string;
  okText: string;
  name: string;
  busy: boolean;
  danger?: boolean;
  width?: number;
  initialValues?: Values;
  aliases?: Record<string, string>;
  run: (v: Values) => Promise<unknown>;
  done: string;
  onClose: () => void;
  children: (form: ReturnType<typeof Form.useForm<Values>>[0]) => ReactNode;
}) {
  const [form] = Form.useForm<Values>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await props.run(v);
      showSuccess(props.done);
      props.onClose();
    } catch (e) {
      applyFieldErrors(form, e, props.aliases);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger }}
      width={props.width}
      confirmLoading={props.busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={props.onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name={props.name} initialValues={props.initialValues}>
        {props.children(form)}
      </Form>
    </Modal>
  );
}

interface TargetModalProps {
  directive: DirectiveDetail;
  target: DirectiveTargetView;
  onClose: () => void;
}

/** 上报完成: what was done (the evidence files are on the row already); the forwarded ones' answers go with it. */
export function ReportModal({ directive: d, target: t, onClose }: TargetModalProps) {
  const steps = useTargetSteps(d.id, t.id);
  return (
    <FormModal
      title={`上报完成：${d.title}`}
      okText="上报"
      name="directive-report"
      busy={steps.report.isPending}
      done="已上报完成"
      onClose={onClose}
      run={(v) => steps.report.mutateAsync({ report: String(v.report).trim(), version: t.version })}
    >
      {() => (
        <>
          {d.evidence && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`完成标准：${d.evidence}`} />}
          {d.filesRequired && t.attachments.length === 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="该任务要求上传佐证材料，请先上传" />
          )}
          {t.children && (
            <Typography.Paragraph type="secondary">
              已转发 {t.children.total} 个下级单位，其中已完成 {t.children.done} 个；上报时一并附上各下级的办理情况。
            </Typography.Paragraph>
          )}
          <Form.Item name="report" label="完成情况" rules={[{ required: true, whitespace: true, min: 2, message: '请填写完成情况（至少2个字）' }]}>
            <Input.TextArea rows={5} maxLength={DIRECTIVE_REPORT_MAX} showCount />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** 申请延期: a later date and the reason; the issuer decides. */
export function ExtensionModal({ directive: d, target: t, onClose }: TargetModalProps) {
  const steps = useTargetSteps(d.id, t.id);
  return (
    <FormModal
      title={`申请延期：${d.title}`}
      okText="提交申请"
      name="directive-extension"
      busy={steps.extension.isPending}
      done={`已提交延期申请，待${t.issuerOrgName}决定`}
      onClose={onClose}
      run={(v) => steps.extension.mutateAsync({ dueOn: (v.dueOn as Dayjs).format('YYYY-MM-DD'), reason: String(v.reason).trim(), version: t.version })}
    >
      {() => (
        <>
          <Typography.Paragraph>现办结期限：{t.dueOn}</Typography.Paragraph>
          <Form.Item name="dueOn" label="申请延期至" rules={[{ required: true, message: '请选择延期后的日期' }]}>
            <DatePicker style={{ width: 220 }} disabledDate={(x: Dayjs) => !x.isAfter(dayjs(t.dueOn), 'day')} />
          </Form.Item>
          <Form.Item name="reason" label="延期原因" rules={[{ required: true, whitespace: true, min: 2, message: '请填写延期原因（至少2个字）' }]}>
            <Input.TextArea rows={3} maxLength={DIRECTIVE_NOTE_MAX} showCount />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** 同意 / 不同意延期 (once; refusing needs the reason). */
export function DecisionModal({ directive: d, target: t, onClose }: TargetModalProps) {
  const steps = useTargetSteps(d.id, t.id);
  return (
    <FormModal
      title={`延期申请：${t.orgName}`}
      okText="确定"
      name="directive-decision"
      busy={steps.decide.isPending}
      initialValues={{ grant: true }}
      done="已决定"
      onClose={onClose}
      run={(v) => steps.decide.mutateAsync({ grant: v.grant === true, reason: String(v.reason ?? '').trim() || null, version: t.version })}
    >
      {(form) => (
        <>
          {t.extension && (
            <Typography.Paragraph>
              申请将期限由 {t.dueOn} 延至 <b>{t.extension.dueOn}</b>，原因：{t.extension.reason}（请于 {t.extension.decideBy} 前决定）
            </Typography.Paragraph>
          )}
          <Form.Item name="grant" label="意见">
            <Radio.Group
              options={[
                { value: true, label: '同意延期' },
                { value: false, label: '不同意延期' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.grant !== b.grant}>
            {() => (
              <Form.Item
                name="reason"
                label="说明"
                rules={form.getFieldValue('grant') === false ? [{ required: true, whitespace: true, message: '不同意延期须填写意见' }] : []}
              >
                <Input.TextArea rows={3} maxLength={DIRECTIVE_NOTE_MAX} showCount />
              </Form.Item>
            )}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** 转发下级: the organizations below the recipient, due no later than its own date. */
export function ForwardModal({ directive: d, target: t, onClose }: TargetModalProps) {
  const steps = useTargetSteps(d.id, t.id);
  return (
    <FormModal
      title={`转发下级：${d.title}`}
      okText="转发"
      name="directive-forward"
      width={720}
      busy={steps.forward.isPending}
      initialValues={{ dueOn: dayjs(t.dueOn), recipients: { mode: 'type', orgType: 'branch' } }}
      aliases={RECIPIENT_ERRORS}
      done="已转发给下级"
      onClose={onClose}
      run={(v) => steps.forward.mutateAsync({ dueOn: (v.dueOn as Dayjs).format('YYYY-MM-DD'), recipients: toRecipients(v.recipients as RecipientValues) })}
    >
      {(form) => (
        <>
          <Form.Item name="dueOn" label="下级办结期限" extra={`不晚于本单位期限 ${t.dueOn}`} rules={[{ required: true, message: '请选择期限' }]}>
            <DatePicker style={{ width: 220 }} allowClear={false} disabledDate={(x: Dayjs) => x.isBefore(dayjs(), 'day') || x.isAfter(dayjs(t.dueOn), 'day')} />
          </Form.Item>
          <RecipientsField form={form} />
        </>
      )}
    </FormModal>
  );
}

/** 关闭任务: recipients still open are recorded 未完成. */
export function CloseModal({ directive: d, onClose }: { directive: DirectiveDetail; onClose: () => void }) {
  const close = useCloseDirective(d.id);
  const open = d.targets.filter((t) => ['sent', 'acknowledged', 'extension'].includes(t.state)).length;
  return (
    <FormModal
      title={`关闭任务：${d.title}`}
      okText="关闭任务"
      danger
      name="directive-close"
      busy={close.isPending}
      done="任务已关闭"
      onClose={onClose}
      run={(v) => close.mutateAsync({ note: String(v.note ?? '').trim() || null, version: d.version })}
    >
      {() => (
        <>
          {open > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`还有 ${open} 个单位未办结，关闭后记为「未完成」。`} />}
          <Form.Item name="note" label="关闭说明">
            <Input.TextArea rows={3} maxLength={DIRECTIVE_NOTE_MAX} showCount />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
