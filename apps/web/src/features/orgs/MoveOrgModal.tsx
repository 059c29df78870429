import type { Org } from '@jiceng/contracts';
import { Alert, Form, Modal } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useMoveOrg } from './api.ts';

/** 调整隶属关系: moves the organization (with its whole subtree) under a new parent. */
export function MoveOrgModal({ org, open, onClose }: { org: Org; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ newParentId: string }>();
  const move = useMoveOrg(org.id);
  const parentName = org.ancestors[org.ancestors.length - 1]?.name ?? '无';

  const submit = async () => {
    const { newParentId } = await form.validateFields();
    move.mutate(newParentId, {
      onError: (e) => applyFieldErrors(form, e, { parentId: 'newParentId' }),
      onSuccess: (moved) => {
        showSuccess(`已将「${moved.name}」调整到新的上级组织`);
        onClose();
      },
    });
  };

  return (
    <Modal title="调整隶属关系" open={open} okText="确认调整" onOk={() => void submit().catch(() => undefined)} confirmLoading={move.isPending} onCancel={onClose} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`「${org.name}」及其全部下级组织将一并调整。当前上级组织：${parentName}`} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="newParentId" label="新的上级组织" rules={[{ required: true, message: '请搜索并选择新的上级组织' }]}>
          <OrgSelect excludeIds={[org.id, org.parentId ?? '']} placeholder="输入名称搜索上级组织" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
