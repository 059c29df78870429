import { DEV_TEXT_MAX, type ApplicantDetail, type DevStepView } from '@jiceng/contracts';
import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Input, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, isStaleVersion } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useRecordStep } from './api.ts';
import { recorderText, refusalOf, stepState, toStepInput, waitingText, type StepFormValues } from './form.ts';
import { StepFields } from './StepFields.tsx';

/** The server's refusal, shown where the user is looking: which rule, and from when the step is possible. */
function Refusal({ refusal }: { refusal: { message: string; possibleFrom: string | null; stale: boolean } }) {
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="dev-refusal"
      message={refusal.message}
      description={
        refusal.stale
          ? '已重新载入最新记录，请核对后再次提交。'
          : refusal.possibleFrom && !refusal.message.includes(refusal.possibleFrom)
            ? `${refusal.possibleFrom} 起方可办理该步骤。`
            : undefined
      }
    />
  );
}

/**
 * 办理 one step: the date (not after today), what the step's `inputs` ask for, and a note; sent with
 * the version the page was loaded at. Recorded: the drawer closes and the page reloads. Refused: the
 * drawer stays open with the server's message (the rule, and from when it is possible) at its top.
 */
export function StepDrawer({ detail, step, onClose }: { detail: ApplicantDetail; step: DevStepView; onClose: () => void }) {
  const [form] = Form.useForm<StepFormValues>();
  const record = useRecordStep(detail.id);
  const [refusal, setRefusal] = useState<{ message: string; possibleFrom: string | null; stale: boolean } | null>(null);
  const waiting = stepState(step) === 'waiting';

  const submit = async (v: StepFormValues) => {
    setRefusal(null);
    try {
      await record.mutateAsync(toStepInput(step, v, detail.version));
      showSuccess(`已办理第${step.no}步「${step.label}」`);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e, {
        'talker.name': 'talkerName',
        'talker.post': 'talkerPost',
        'training.days': 'trainingDays',
        'training.hours': 'trainingHours',
      });
      setRefusal({ ...refusalOf(e), stale: isStaleVersion(e) });
    }
  };

  return (
    <Drawer
      open
      width={640}
      title={`办理第${step.no}步：${step.label}`}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={record.isPending} onClick={() => form.submit()} data-testid="dev-record-submit">
            提交
          </Button>
        </Space>
      }
    >
      {refusal && <Refusal refusal={refusal} />}
      {!refusal && waiting && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="该步骤目前尚不能办理" description={waitingText(step)} />}
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="发展对象">
          {detail.name}（{detail.orgName}）
        </Descriptions.Item>
        <Descriptions.Item label="办理方">{recorderText(step.by)}</Descriptions.Item>
        {step.documents.length > 0 && <Descriptions.Item label="形成材料">{step.documents.join('、')}</Descriptions.Item>}
        <Descriptions.Item label="依据">
          <Typography.Text type="secondary">{step.source}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Form<StepFormValues> form={form} layout="vertical" name={`dev-step-${step.key}`} initialValues={{ date: dayjs() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="date" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
          <DatePicker style={{ width: 220 }} allowClear={false} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <StepFields step={step} detail={detail} />
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={3} maxLength={DEV_TEXT_MAX} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
