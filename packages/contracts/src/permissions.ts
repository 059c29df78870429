/**
 * Permission keys and the roles built from them. Every route names exactly one key (or `public` /
 * `authenticated`); the data scope (an account's organization subtree) is checked separately.
 */
export const Permission = {
  ORG_READ: 'org:read',
  ORG_WRITE: 'org:write',
  ORG_IMPORT: 'org:import',
  ACCOUNT_READ: 'account:read',
  ACCOUNT_MANAGE: 'account:manage',
  AUDIT_READ: 'audit:read',
  PERSONAL_UNMASK: 'personal:unmask',
  TODO_READ: 'todo:read',
  MEMBER_READ: 'member:read',
  MEMBER_WRITE: 'member:write',
  MEMBER_IMPORT: 'member:import',
  /** A 党员 account reading its own record. */
  MEMBER_SELF: 'member:self',
  /** 党员教育培训: sessions, attendance, hours and statistics of the scope. */
  TRAINING_READ: 'training:read',
  TRAINING_WRITE: 'training:write',
  /** 三会一课 records of the scope: read, plan and record, review (督导). A 党员's own meetings go by member:self. */
  MEETING_READ: 'meeting:read',
  MEETING_WRITE: 'meeting:write',
  MEETING_REVIEW: 'meeting:review',
  /** A subtree's own 组织生活 frequencies (compliance calendar), effective from a date. */
  COMPLIANCE_RULES: 'compliance:rules',
  /** 群众诉求 (issue 10): the requests, timelines and figures of the scope. */
  SERVICE_READ: 'service:read',
  /** The desk (受理/派单/改派/催办/提级/回访) of the scope's requests. */
  SERVICE_DISPATCH: 'service:dispatch',
  /** Taking and handling the orders dispatched to the account (its grid, itself, its team or department). */
  SERVICE_HANDLE: 'service:handle',
  /** The scope's service categories, dispatch rules and Open311 keys. */
  SERVICE_CONFIG: 'service:config',
  /** 微心愿: a 党员 claims and fulfils a wish. */
  WISH_CLAIM: 'wish:claim',
  /** 党费 (issue 11): the scope's members' dues bases and the calculator. A 党员's own dues come by member self-service. */
  DUES_READ: 'dues:read',
  /** Setting and deleting the scope's members' dues bases. */
  DUES_RECORD: 'dues:record',
  /** 发展党员 (issue 12): the scope's applicants, their paths, board and statistics. */
  DEV_READ: 'development:read',
  /** Registering applicants and recording the branch's steps (谈话, 支委会, 考察, 支部大会 …). */
  DEV_RECORD: 'development:record',
  /** The superior committee's steps for the branches below it: 备案, 预审, 谈话, 审批; the yearly plan. */
  DEV_APPROVE: 'development:approve',
  /** 重点任务 and 下发任务 (issue 13): the scope's plans, the board, progress, reviews and the tasks sent down. */
  TASK_READ: 'task:read',
  /** A committee's own plans and tasks sent down: publish, confirm claims, hold 调度会, accept, record accountability, 催办. */
  TASK_PLAN: 'task:plan',
  /** An owner's part: claim a task (揭榜), report progress, act on decisions, sign for and answer the tasks sent down. */
  TASK_REPORT: 'task:report',
  /** 区域化党建 (issue 14): the scope's needs, resources, projects, agreements, venues, reports and figures. */
  REGION_READ: 'regional:read',
  /** Recording needs and a project's activities (community, village, grid). */
  REGION_RECORD: 'regional:record',
  /** The community's side: 立项, closing and rating projects, joint meetings, agreements, venues, two-way assessment. */
  REGION_MANAGE: 'regional:manage',
  /** A 驻区单位 account's side: its resources, claims, consent to projects, its yearly report, rating the community, booking rooms. */
  REGION_UNIT: 'regional:unit',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const ALL_PERMISSIONS = Object.values(Permission) as Permission[];

/**
 * A route either needs a permission, only a logged-in account, a resident logged in by phone
 * (群众, H5: `resident`), or nothing.
 */
export type RouteAccess = Permission | 'public' | 'authenticated' | 'resident';

export const Role = {
  ADMIN: 'admin',
  DEPARTMENT: 'department',
  STREET: 'street',
  COMMUNITY: 'community',
  SECRETARY: 'secretary',
  GRID_WORKER: 'grid_worker',
  SUPERVISOR: 'supervisor',
  MEMBER: 'member',
  RESIDENT_UNIT: 'resident_unit',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as Role[];

/** Chinese role names, shown everywhere a role is. */
export const roleLabel: Record<Role, string> = {
  admin: '系统管理员',
  department: '组织部',
  street: '街道/乡镇党(工)委',
  community: '社区/村党组织',
  secretary: '党支部书记/党务工作者',
  grid_worker: '网格员',
  supervisor: '督导员',
  member: '党员',
  resident_unit: '驻区单位',
};

const P = Permission;
/** What each role may do, within its own scope. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: ALL_PERMISSIONS.filter((p) => p !== P.MEMBER_SELF && p !== P.WISH_CLAIM && p !== P.REGION_UNIT),
  department: [
    P.ORG_READ,
    P.ORG_WRITE,
    P.ORG_IMPORT,
    P.ACCOUNT_READ,
    P.ACCOUNT_MANAGE,
    P.AUDIT_READ,
    P.PERSONAL_UNMASK,
    P.TODO_READ,
    P.MEMBER_READ,
    P.MEMBER_WRITE,
    P.MEMBER_IMPORT,
    P.TRAINING_READ,
    P.TRAINING_WRITE,
    P.MEETING_READ,
    P.MEETING_WRITE,
    P.MEETING_REVIEW,
    P.COMPLIANCE_RULES,
    P.SERVICE_READ,
    P.SERVICE_DISPATCH,
    P.SERVICE_HANDLE,
    P.SERVICE_CONFIG,
    P.DUES_READ,
    P.DUES_RECORD,
    P.DEV_READ,
    P.DEV_RECORD,
    P.DEV_APPROVE,
    P.TASK_READ,
    P.TASK_PLAN,
    P.TASK_REPORT,
    P.REGION_READ,
    P.REGION_RECORD,
    P.REGION_MANAGE,
  ],
  street: [
    P.ORG_READ,
    P.ORG_WRITE,
    P.ORG_IMPORT,
    P.ACCOUNT_READ,
    P.ACCOUNT_MANAGE,
    P.AUDIT_READ,
    P.PERSONAL_UNMASK,
    P.TODO_READ,
    P.MEMBER_READ,
    P.MEMBER_WRITE,
    P.MEMBER_IMPORT,
    P.TRAINING_READ,
    P.TRAINING_WRITE,
    P.MEETING_READ,
    P.MEETING_WRITE,
    P.MEETING_REVIEW,
    P.COMPLIANCE_RULES,
    P.SERVICE_READ,
    P.SERVICE_DISPATCH,
    P.SERVICE_HANDLE,
    P.SERVICE_CONFIG,
    P.DUES_READ,
    P.DUES_RECORD,
    P.DEV_READ,
    P.DEV_RECORD,
    P.DEV_APPROVE,
    P.TASK_READ,
    P.TASK_PLAN,
    P.TASK_REPORT,
    P.REGION_READ,
    P.REGION_RECORD,
    P.REGION_MANAGE,
  ],
  community: [
    P.ORG_READ,
    P.ORG_WRITE,
    P.ORG_IMPORT,
    P.ACCOUNT_READ,
    P.ACCOUNT_MANAGE,
    P.TODO_READ,
    P.MEMBER_READ,
    P.MEMBER_WRITE,
    P.MEMBER_IMPORT,
    P.PERSONAL_UNMASK,
    P.TRAINING_READ,
    P.TRAINING_WRITE,
    P.MEETING_READ,
    P.MEETING_WRITE,
    P.SERVICE_READ,
    P.SERVICE_DISPATCH,
    P.SERVICE_HANDLE,
    P.SERVICE_CONFIG,
    P.DUES_READ,
    P.DUES_RECORD,
    P.DEV_READ,
    P.DEV_RECORD,
    P.DEV_APPROVE,
    P.TASK_READ,
    P.TASK_PLAN,
    P.TASK_REPORT,
    P.REGION_READ,
    P.REGION_RECORD,
    P.REGION_MANAGE,
  ],
  secretary: [
    P.ORG_READ,
    P.ORG_WRITE,
    P.ACCOUNT_READ,
    P.ACCOUNT_MANAGE,
    P.TODO_READ,
    P.MEMBER_READ,
    P.MEMBER_WRITE,
    P.MEMBER_IMPORT,
    P.PERSONAL_UNMASK,
    P.TRAINING_READ,
    P.TRAINING_WRITE,
    P.MEETING_READ,
    P.MEETING_WRITE,
    P.SERVICE_READ,
    P.SERVICE_HANDLE,
    P.DUES_READ,
    P.DUES_RECORD,
    P.DEV_READ,
    P.DEV_RECORD,
    P.TASK_READ,
    P.TASK_REPORT,
    P.REGION_READ,
    P.REGION_RECORD,
  ],
  grid_worker: [P.ORG_READ, P.TODO_READ, P.SERVICE_HANDLE, P.REGION_READ, P.REGION_RECORD],
  // 督导员 review the records of their subtree (street and department hold the same power: they appoint them)
  supervisor: [P.ORG_READ, P.TODO_READ, P.MEMBER_READ, P.TRAINING_READ, P.MEETING_READ, P.MEETING_REVIEW, P.SERVICE_READ, P.DUES_READ, P.DEV_READ, P.TASK_READ, P.REGION_READ],
  member: [P.TODO_READ, P.MEMBER_SELF, P.SERVICE_HANDLE, P.WISH_CLAIM],
  resident_unit: [P.ORG_READ, P.TODO_READ, P.REGION_UNIT],
};

/**
 * Whether the account's scope is its organization's subtree or only its own record. A 党员 account
 * sees only itself.
 */
export const roleScope: Record<Role, 'subtree' | 'self'> = {
  admin: 'subtree',
  department: 'subtree',
  street: 'subtree',
  community: 'subtree',
  secretary: 'subtree',
  grid_worker: 'subtree',
  supervisor: 'subtree',
  member: 'self',
  resident_unit: 'self',
};

/**
 * Level of a role in the hierarchy (0 = highest). An account may grant only roles at its own level
 * or below, and only permissions it holds itself.
 */
export const roleRank: Record<Role, number> = {
  admin: 0,
  department: 1,
  street: 2,
  community: 3,
  secretary: 4,
  grid_worker: 5,
  supervisor: 5,
  member: 6,
  resident_unit: 6,
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
