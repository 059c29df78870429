import { isValidAmount, VISIT_CONTENT_MAX, VISITOR_MAX } from '@jiceng/contracts';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useAddVisit } from './api.ts';

interface Values {
  visitDate: Dayjs;
  visitor: string;
  content: string;
  amount: string;
}

const amountRule = { validator: (_: unknown, v?: string) => (!v || isValidAmount(v) ? Promise.resolve() : Promise.reject(new Error('慰问金应为不小于 0 的金额，最多两位小数'))) };

/** 登记走访慰问: date (not before the record, not in the future), visitor, what was done, 慰问金 in 元. */
export function VisitFormModal({ hardshipId, startDate, visitor, onClose }: { hardshipId: string; startDate: string; visitor: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const add = useAddVisit(hardshipId);
  const submit = async () => {
    const v = await form.validateFields();
    add.mutate({ visitDate: v.visitDate.format('YYYY-MM-DD'), visitor: v.visitor.trim(), content: v.content.trim(), amount: v.amount.trim() }, {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: () => {
        showSuccess('走访慰问已登记');
        onClose();
      },
    });
  };
  const disabled = (d: Dayjs) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(startDate), 'day');
  return (
    <Modal open title="登记走访慰问" okText="登记" onOk={() => void submit().catch(() => undefined)} confirmLoading={add.isPending} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Form form={form} layout="vertical" initialValues={{ visitDate: dayjs(), visitor, amount: '0' }}>
        <Form.Item name="visitDate" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabled} />
        </Form.Item>
        <Form.Item name="visitor" label="走访人" rules={[{ required: true, whitespace: true, message: '请填写走访人' }]}>
          <Input maxLength={VISITOR_MAX} />
        </Form.Item>
        <Form.Item name="content" label="走访慰问情况" rules={[{ required: true, whitespace: true, min: 2, message: '请填写走访慰问情况' }]}>
          <Input.TextArea rows={3} maxLength={VISIT_CONTENT_MAX} showCount />
        </Form.Item>
        <Form.Item name="amount" label="慰问金（元）" rules={[{ required: true, message: '请填写慰问金，没有请填 0' }, amountRule]}>
          <Input inputMode="decimal" suffix="元" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
