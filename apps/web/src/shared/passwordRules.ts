import { PASSWORD_MIN } from '@jiceng/contracts';
import type { Rule } from 'antd/es/form';

/** Form rules of a new password (the server checks the full rule set and says what is missing). */
export const newPasswordRules: Rule[] = [
  { required: true, message: '请输入新密码' },
  { min: PASSWORD_MIN, message: `新密码至少 ${PASSWORD_MIN} 位` },
];

/** Form rules of the 确认新密码 field: equal to the `newPassword` field. */
export const confirmPasswordRules: Rule[] = [
  { required: true, message: '请再次输入新密码' },
  ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) =>
      !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
  }),
];
