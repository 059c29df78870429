import type { AccountInput, AccountUpdate, Role } from '@jiceng/contracts';

/** What the account form holds; which fields are shown depends on new/edit and the role. */
export interface AccountFormValues {
  /** New accounts only. */
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  /** New accounts only (initial password). */
  password: string;
  /** Edit only (停用账号 switch). */
  disabled: boolean;
  /** New 党员 accounts only: the member record it is bound to. */
  memberId?: string | null;
}

/** Form values → the new-account body; a member record only for a 党员 account. */
export function toAccountInput(v: AccountFormValues): AccountInput {
  return {
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    role: v.role,
    orgId: v.orgId,
    password: v.password,
    ...(v.role === 'member' && v.memberId ? { memberId: v.memberId } : {}),
  };
}

/** Form values → the edit body: name, role, organization and 停用 (never username, password or member). */
export function toAccountUpdate(v: AccountFormValues): AccountUpdate {
  return { displayName: v.displayName.trim(), role: v.role, orgId: v.orgId, disabled: v.disabled === true };
}
