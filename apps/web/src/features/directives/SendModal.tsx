import { DIRECTIVE_CONTENT_MAX, DIRECTIVE_EVIDENCE_MAX, DIRECTIVE_TITLE_MAX, directiveKindLabel, DIRECTIVE_KINDS } from '@jiceng/contracts';
import { Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useSendDirective } from './api.ts';
import { DEFAULT_RECIPIENTS, toDirectiveInput, type SendFormValues } from './form.ts';
import { RECIPIENT_ERRORS, RecipientsField } from './RecipientsField.tsx';

const KIND_OPTIONS = DIRECTIVE_KINDS.map((value) => ({ value, label: directiveKindLabel[value] }));

/**
 * 下发任务: what (任务 needs 签收 and 上报完成, 通知 only 签收), by when, what counts as done and
 * whether evidence files are required, and who receives it. Opens the new directive.
 */
export function SendModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<SendFormValues>();
  const send = useSendDirective();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form);

  const submit = async () => {
    const v = await form.validateFields();
    send.mutate(toDirectiveInput(v), {
      onError: (e) => applyFieldErrors(form, e, RECIPIENT_ERRORS),
      onSuccess: (d) => {
        showSuccess(`已下发「${d.title}」给 ${d.counts.total} 个单位`);
        onClose();
        navigate(`/directives/${d.id}`);
      },
    });
  };

  return (
    <Modal
      open
      title="下发任务"
      width={760}
      okText="下发"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={send.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<SendFormValues>
        form={form}
        layout="vertical"
        name="directive-send"
        initialValues={{ kind: 'task', dueOn: dayjs().add(7, 'day'), filesRequired: false, recipients: DEFAULT_RECIPIENTS }}
      >
        <Form.Item name="kind" label="类别" extra="通知只需接收单位签收；任务还须上报完成情况">
          <Radio.Group optionType="button" options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={DIRECTIVE_TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item name="content" label="任务内容" rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}>
          <Input.TextArea rows={4} maxLength={DIRECTIVE_CONTENT_MAX} showCount />
        </Form.Item>
        <Form.Item name="dueOn" label={kind === 'notice' ? '签收期限' : '办结期限'} rules={[{ required: true, message: '请选择期限' }]}>
          <DatePicker style={{ width: 220 }} allowClear={false} disabledDate={(d: Dayjs) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        {kind !== 'notice' && (
          <>
            <Form.Item name="evidence" label="完成标准及佐证要求">
              <Input.TextArea rows={2} maxLength={DIRECTIVE_EVIDENCE_MAX} placeholder="如：上报排查台账、现场照片" />
            </Form.Item>
            <Form.Item name="filesRequired" valuePropName="checked">
              <Checkbox>上报完成时须上传佐证材料</Checkbox>
            </Form.Item>
          </>
        )}
        <RecipientsField form={form} />
      </Form>
    </Modal>
  );
}
