import { KT_REASON_MAX, KT_SHORT_MAX, type KtTaskSummary } from '@jiceng/contracts';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useClaimTask } from './api.ts';
import { chosen, toClaimInput, type ClaimFormValues } from './form.ts';

const required = (message: string) => [{ required: true, whitespace: true, message }];

/**
 * 揭榜认领 for the account's organization (or one in its scope), 定人定岗定责: 牵头 (while nobody leads the task) or 配合, the
 * department or office that takes it on, its 责任人, 岗位 and 责任. The plan's owner confirms it.
 */
export function ClaimModal({ task, onClose }: { task: Pick<KtTaskSummary, 'id' | 'no' | 'title' | 'lead'>; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<ClaimFormValues>();
  const claim = useClaimTask(task.id);
  const submit = async () => {
    const v = await form.validateFields();
    claim.mutate(toClaimInput(v), {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: () => {
        showSuccess(`已揭榜「${task.title}」，等待计划制定单位确认`);
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title={`揭榜认领：${task.no}. ${task.title}`}
      okText="揭榜"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={claim.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="认领须经计划制定单位确认后落实。" />
      <Form<ClaimFormValues> form={form} layout="vertical" name="kt-claim" initialValues={{ orgId: me.orgId, role: task.lead ? 'support' : 'lead' }}>
        <Form.Item name="orgId" label="认领单位" rules={[chosen('请选择认领单位')]} extra="本单位或所辖的党组织">
          <OrgSelect initialLabel={me.orgName} />
        </Form.Item>
        <Form.Item name="role" label="认领方式" rules={[chosen('请选择认领方式')]}>
          <Radio.Group>
            <Radio value="lead" disabled={!!task.lead}>
              牵头
            </Radio>
            <Radio value="support">配合</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="unitName" label="部门/科室" extra="不填即为本单位">
          <Input maxLength={KT_SHORT_MAX} placeholder={me.orgName} />
        </Form.Item>
        <Form.Item name="ownerName" label="责任人" rules={required('请输入责任人')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="post" label="岗位" rules={required('请输入责任人岗位')}>
          <Input maxLength={KT_SHORT_MAX} placeholder="如：社区党委书记" />
        </Form.Item>
        <Form.Item name="duty" label="责任" rules={required('请写明承担的责任')}>
          <Input.TextArea rows={3} maxLength={KT_REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
