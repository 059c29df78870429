import {
  grantableRoleOptions,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_RULE_HINT,
  ROLES,
  roleLabel,
  USERNAME_MAX,
  USERNAME_MIN,
  type Account,
  type Role,
} from '@jiceng/contracts';
import { Form, Input, Modal, Select, Switch } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { MemberPicker } from '../../shared/MemberPicker.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { toAccountInput, toAccountUpdate, type AccountFormValues as AccountForm } from './accountForm.ts';
import { useCreateAccount, useUpdateAccount } from './api.ts';

/** Every role (the list's filter); the form offers only the roles the current account may grant. */
export const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel[r] }));

/** Extra hint under the organization field for roles bound to a particular kind of organization. */
const orgHint: Partial<Record<Role, string>> = {
  member: '请选择该党员所在的党支部',
  resident_unit: '请选择该单位报到的社区（村）党组织',
};

/**
 * 新建账号 (account null) or 修改账号: name, role (only those the current account may grant), bound
 * organization (searched inside its scope), 启用/停用.
 */
export function AccountModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const me = useMe();
  const grantable = grantableRoleOptions(me.role as Role);
  const [form] = Form.useForm<AccountForm>();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const pending = create.isPending || update.isPending;
  const role = Form.useWatch('role', form);

  const submit = async () => {
    const v = await form.validateFields();
    const done = (text: string) => () => {
      showSuccess(text);
      onClose();
    };
    const onError = (e: unknown) => applyFieldErrors(form, e);
    if (account) {
      update.mutate({ id: account.id, patch: toAccountUpdate(v) }, { onError, onSuccess: done('账号已保存') });
    } else {
      create.mutate(toAccountInput(v), { onError, onSuccess: done(`已创建账号「${v.username.trim()}」，请将初始密码告知使用人，首次登录需修改密码`) });
    }
  };

  return (
    <Modal
      open
      title={account ? `修改账号：${account.username}` : '新建账号'}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={pending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AccountForm>
        form={form}
        layout="vertical"
        initialValues={
          account
            ? { displayName: account.displayName, role: account.role as Role, orgId: account.orgId, disabled: account.disabled }
            : { role: grantable[0]?.value, disabled: false }
        }
      >
        {!account && (
          <Form.Item
            name="username"
            label="用户名"
            extra="登录时使用，只能包含字母、数字、下划线、点和短横线"
            rules={[
              { required: true, message: '请输入用户名' },
              { min: USERNAME_MIN, message: `用户名至少 ${USERNAME_MIN} 个字符` },
              { pattern: /^[A-Za-z0-9_.-]+$/, message: '用户名只能包含字母、数字、下划线、点和短横线' },
            ]}
          >
            <Input maxLength={USERNAME_MAX} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={grantable} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label="所属组织"
          extra={`账号只能查看和办理该组织及其下级组织的事项${orgHint[role] ? `；${orgHint[role]}` : ''}`}
          rules={[{ required: true, message: '请搜索并选择所属组织' }]}
        >
          <OrgSelect initialLabel={account?.orgName} style={{ width: '100%' }} />
        </Form.Item>
        {!account && role === 'member' && (
          <Form.Item
            name="memberId"
            label="关联党员档案"
            extra="关联后，该党员登录即可查看本人档案、转接和评议；所属组织请选择该党员所在党支部"
            rules={[{ required: true, message: '请搜索并选择要关联的党员' }]}
          >
            <MemberPicker />
          </Form.Item>
        )}
        {!account && (
          <Form.Item
            name="password"
            label="初始密码"
            extra={`${PASSWORD_RULE_HINT}。使用人首次登录后需修改`}
            rules={[
              { required: true, message: '请输入初始密码' },
              { min: PASSWORD_MIN, message: `密码至少 ${PASSWORD_MIN} 位` },
            ]}
          >
            <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" />
          </Form.Item>
        )}
        {account && (
          <Form.Item
            name="disabled"
            label="账号状态"
            extra="停用后该账号不能再登录，已登录的也会退出"
            // The switch is on while the account is enabled: it reads 启用 on and 停用 off.
            getValueProps={(disabled: boolean) => ({ checked: !disabled })}
            normalize={(checked: boolean) => !checked}
          >
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
