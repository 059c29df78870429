import type { Org } from '@jiceng/contracts';
import { Alert, Form, Modal } from 'antd';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { typeLabel } from '../../shared/labels.tsx';
import { useCreateOrg } from './api.ts';
import { childDefaults, toOrgBody, type OrgFormValues } from './orgForm.ts';
import { OrgFormFields } from './OrgFormFields.tsx';

/** 新建下级组织 under `parent`. */
export function CreateOrgModal({ parent, open, onClose }: { parent: Org; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<OrgFormValues>();
  const create = useCreateOrg();
  const navigate = useNavigate();

  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(
      { ...toOrgBody(values), parentId: parent.id },
      {
        onError: (e) => applyFieldErrors(form, e, { parentId: 'type' }),
        onSuccess: (org) => {
          showSuccess(`已创建「${org.name}」`);
          form.resetFields();
          onClose();
          navigate(`/orgs/${parent.id}?tab=children`);
        },
      },
    );
  };

  return (
    <Modal
      title="新建下级组织"
      open={open}
      width={760}
      okText="创建"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={<>上级组织（隶属关系）：<b>{parent.name}</b>（{typeLabel(parent.type)}）</>}
      />
      <Form<OrgFormValues> form={form} layout="vertical" initialValues={childDefaults(parent)} preserve={false} name="create-org">
        <OrgFormFields />
      </Form>
    </Modal>
  );
}
