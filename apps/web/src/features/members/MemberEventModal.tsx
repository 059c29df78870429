import { leaveReasonLabel, memberEventLabel, REASON_MAX, type LeaveReason, type Member, type MemberEvent, type MemberEventInput } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useMemberEvent } from './api.ts';

interface EventFormValues {
  date: Dayjs;
  reason: string;
  leaveReason?: Exclude<LeaveReason, 'probation_cancelled'>;
  months?: number;
  until?: Dayjs;
}

/** 出党方式 offered for 出党; 取消预备党员资格 has its own event. */
const leaveOptions = (Object.entries(leaveReasonLabel) as [LeaveReason, string][]).filter(([k]) => k !== 'probation_cancelled').map(([value, label]) => ({ value, label }));

const REASON_HINT: Partial<Record<MemberEvent, string>> = {
  confirm: '如：经支部大会讨论通过，上级党委批准按期转正',
  extend_probation: '如：支部大会决定延长预备期，并写明需要继续考察的方面',
  suspend: '如：与党组织失去联系超过 6 个月，经查找仍无音讯',
  leave: '写明支部大会或上级党组织的决定',
};

/** One status event (转正, 延长预备期, 停止党籍, 出党 …): date, reason and what the event needs. */
export function MemberEventModal({ member, event, onClose }: { member: Member; event: MemberEvent; onClose: () => void }) {
  const [form] = Form.useForm<EventFormValues>();
  const apply = useMemberEvent(member.id);
  const label = memberEventLabel[event];

  const submit = async () => {
    const v = await form.validateFields();
    const body: MemberEventInput = { event, date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() };
    if (event === 'leave') body.leaveReason = v.leaveReason;
    if (event === 'extend_probation') body.months = v.months;
    if (event === 'discipline_start') body.until = v.until?.format('YYYY-MM-DD');
    apply.mutate(body, {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: () => {
        showSuccess(`已办理「${label}」`);
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={`${label}：${member.name}`}
      okText="确认办理"
      okButtonProps={{ danger: event === 'leave' || event === 'cancel_probation' }}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={apply.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      {apply.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={messageOf(apply.error)} data-testid="event-error" />}
      {member.probationEndDate && (event === 'confirm' || event === 'extend_probation') && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`预备期至 ${member.probationEndDate} 届满`} />
      )}
      <Form<EventFormValues> form={form} layout="vertical" initialValues={{ date: dayjs() }} name="member-event">
        <Form.Item name="date" label="决定日期" tooltip="支部大会决议或上级党组织批准的日期" rules={[{ required: true, message: '请选择决定日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {event === 'leave' && (
          <Form.Item name="leaveReason" label="出党方式" rules={[{ required: true, message: '请选择出党方式' }]}>
            <Select options={leaveOptions} placeholder="请选择" />
          </Form.Item>
        )}
        {event === 'extend_probation' && (
          <Form.Item name="months" label="延长月数" extra="预备期只能延长一次，不少于 6 个月、不超过 12 个月" rules={[{ required: true, message: '请填写延长月数' }]}>
            <InputNumber min={6} max={12} precision={0} addonAfter="个月" style={{ width: 200 }} />
          </Form.Item>
        )}
        {event === 'discipline_start' && (
          <Form.Item name="until" label="留党察看期满日期" extra="留党察看最长两年" rules={[{ required: true, message: '请选择留党察看期满日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }, { min: 2, message: '原因至少 2 个字' }]}>
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount placeholder={REASON_HINT[event] ?? '写明决定的依据'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
