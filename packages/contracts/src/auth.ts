import { Type, type Static } from '@sinclair/typebox';
import { Id, Timestamp, PageNumber, pageSizeField } from './common.ts';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;
/** Character classes (upper, lower, digit, symbol) a new password needs at least this many of. */
export const PASSWORD_MIN_CLASSES = 3;
/** What a new password must be, shown under every password field (the server's rule set decides). */
export const PASSWORD_RULE_HINT = `${PASSWORD_MIN}–${PASSWORD_MAX} 位，至少包含大写字母、小写字母、数字、符号中的 ${PASSWORD_MIN_CLASSES} 类；不能是常见密码，不能包含用户名，不能与原密码相同`;
/** Header that carries the CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'jc_sid';

export const LoginInput = Type.Object({
  username: Type.String({ minLength: 1, maxLength: USERNAME_MAX, description: '用户名' }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX, description: '密码' }),
});
export type LoginInput = Static<typeof LoginInput>;

export const Me = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  permissions: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean(),
  csrfToken: Type.String(),
  /** True when the database holds the demo district. */
  demo: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const PasswordChangeInput = Type.Object({
  oldPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX, description: '原密码' }),
  newPassword: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: '新密码' }),
});
export type PasswordChangeInput = Static<typeof PasswordChangeInput>;

const RoleSchema = Type.Unsafe<string>({
  type: 'string',
  enum: ['admin', 'department', 'street', 'community', 'secretary', 'grid_worker', 'supervisor', 'member', 'resident_unit'],
  description: '角色',
});

export const AccountInput = Type.Object({
  username: Type.String({ minLength: USERNAME_MIN, maxLength: USERNAME_MAX, pattern: '^[A-Za-z0-9_.-]+$', description: '用户名' }),
  displayName: Type.String({ minLength: 1, maxLength: 30, description: '姓名' }),
  role: RoleSchema,
  orgId: Id,
  password: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: '初始密码' }),
  /** For a 党员 account: the member record it may see as its own (the account is bound to that member's branch). */
  memberId: Type.Optional(Type.Unsafe<string>({ type: 'string', format: 'uuid', description: '关联党员档案' })),
});
export type AccountInput = Static<typeof AccountInput>;

export const AccountUpdate = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: '姓名' })),
  role: Type.Optional(RoleSchema),
  orgId: Type.Optional(Id),
  /** 停用 (true) or 启用 (false). */
  disabled: Type.Optional(Type.Boolean({ description: '停用' })),
});
export type AccountUpdate = Static<typeof AccountUpdate>;

export const PasswordResetInput = Type.Object({
  /** The new initial password; the user must change it at the next login. */
  newPassword: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, description: '新密码' }),
});
export type PasswordResetInput = Static<typeof PasswordResetInput>;

export const Account = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  /** The bound member record of a 党员 account. */
  memberId: Type.Union([Id, Type.Null()]),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Timestamp, Type.Null()]),
  lastLoginAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  /** Whether the reader may disable/enable it and reset its password (its role is one the reader may grant; never the reader's own). */
  manageable: Type.Boolean(),
});
export type Account = Static<typeof Account>;

export const AccountListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 30 })),
  role: Type.Optional(RoleSchema),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type AccountListQuery = Static<typeof AccountListQuery>;

/** The export takes the list's filters without paging. */
export const AccountExportQuery = Type.Omit(AccountListQuery, ['page', 'pageSize']);
export type AccountExportQuery = Static<typeof AccountExportQuery>;
