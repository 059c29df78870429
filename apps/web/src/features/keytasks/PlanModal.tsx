import { KT_TEXT_MAX, KT_TITLE_MAX } from '@jiceng/contracts';
import { Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useCreatePlan } from './api.ts';
import { chosen, toPlanInput, yearOptions, type PlanFormValues } from './form.ts';

/**
 * 新建计划: the committee whose plan it is (the account's own by default), the year and the name.
 * Tasks are added or imported on the plan's page, then published onto the board. Opens the plan.
 */
export function PlanModal({ year, onClose }: { year: number; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<PlanFormValues>();
  const create = useCreatePlan();
  const navigate = useNavigate();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(toPlanInput(v), {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (p) => {
        showSuccess(`已创建「${p.title}」`);
        onClose();
        navigate(`/keytasks/plans/${p.id}`);
      },
    });
  };
  return (
    <Modal
      open
      title="新建重点任务计划"
      okText="创建"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<PlanFormValues> form={form} layout="vertical" name="kt-plan" initialValues={{ orgId: me.orgId, year, title: `${me.orgName}${year}年度重点任务` }}>
        <Form.Item name="orgId" label="制定计划的党组织" rules={[chosen('请选择党组织')]}>
          <OrgSelect initialLabel={me.orgName} />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[chosen('请选择年度')]}>
          <Select options={yearOptions(dayjs().year())} />
        </Form.Item>
        <Form.Item name="title" label="计划名称" rules={[{ required: true, whitespace: true, message: '请输入计划名称' }]}>
          <Input maxLength={KT_TITLE_MAX} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={3} maxLength={KT_TEXT_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
