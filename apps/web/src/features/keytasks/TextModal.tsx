import { Alert, Form, Input, Modal } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';

/**
 * A step that takes one text (完成情况, 撤销原因, 落实情况, 不予确认的理由): the text is required and
 * trimmed; the server's field message for it (`field`) lands under it. Closes once `run` resolves.
 */
export function TextModal(props: {
  title: string;
  label: string;
  field: string;
  okText: string;
  max: number;
  danger?: boolean;
  hint?: string;
  busy: boolean;
  run: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await props.run(v[props.field]!.trim());
      props.onClose();
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger }}
      confirmLoading={props.busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={props.onClose}
      maskClosable={false}
      destroyOnHidden
    >
      {props.hint && <Alert type={props.danger ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} message={props.hint} />}
      <Form form={form} layout="vertical" name={`kt-${props.field}`}>
        <Form.Item name={props.field} label={props.label} rules={[{ required: true, whitespace: true, message: `请填写${props.label}` }]}>
          <Input.TextArea rows={4} maxLength={props.max} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
