import { Form, Modal } from 'antd';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useCreateMember } from './api.ts';
import { toMemberInput, type MemberFormValues } from './memberForm.ts';
import { MemberFormFields } from './MemberFormFields.tsx';

const defaults: Partial<MemberFormValues> = { ethnicity: '汉族', status: 'full', categories: [] };

/** 登记党员: the full record; the server's field messages land under their fields. */
export function CreateMemberModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<MemberFormValues>();
  const create = useCreateMember();
  const navigate = useNavigate();

  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(toMemberInput(values), {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (m) => {
        showSuccess(`已登记党员「${m.name}」`);
        onClose();
        navigate(`/members/${m.id}`);
      },
    });
  };

  return (
    <Modal
      open
      title="登记党员"
      width={960}
      okText="登记"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      maskClosable={false}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 8 } }}
    >
      <Form<MemberFormValues> form={form} layout="vertical" initialValues={defaults} name="create-member">
        <MemberFormFields mode="create" />
      </Form>
    </Modal>
  );
}
