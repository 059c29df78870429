import type { Role } from '@jiceng/contracts';

/** Password of every demo account (none must change it at login). */
export const DEMO_PASSWORD = 'Demo@2026';

/**
 * Names of the demo organizations the accounts are bound to and the e2e tests navigate. The demo
 * accounts' scopes all lie in the FIRST street, 孝陵街道; 梅园街道 is the "other street" a street
 * account must not see.
 */
export const DEMO_ORG = {
  root: '中共演示区委员会',
  street: '中共孝陵街道工作委员会',
  otherStreet: '中共梅园街道工作委员会',
  /** A 大党委: 兼职委员 from resident units sit on its committee. */
  community: '中共梅花山社区委员会',
  branch: '梅花山社区第一党支部',
  grid: '梅花山社区第一网格党支部',
  /** Terms pinned in 孝陵街道 so the 换届预警 page always shows each status (dates relative to seed day). */
  termDueSoon: '中共苜蓿园社区委员会',
  termOverdue: '中共卫岗社区委员会',
  termSeriouslyOverdue: '中共前湖社区总支部委员会',
  termMissing: '中共紫金社区委员会',
} as const;

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  /** Full name of the organization the account is bound to (its data scope). */
  orgName: string;
}

/** The demo accounts (password DEMO_PASSWORD), one per role, documented in the README. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员', orgName: DEMO_ORG.root },
  { username: 'zuzhibu', role: 'department', displayName: '陈立新', orgName: DEMO_ORG.root },
  { username: 'jiedao', role: 'street', displayName: '刘志刚', orgName: DEMO_ORG.street },
  { username: 'shequ', role: 'community', displayName: '王秀兰', orgName: DEMO_ORG.community },
  { username: 'shuji', role: 'secretary', displayName: '张建华', orgName: DEMO_ORG.branch },
  { username: 'wangge', role: 'grid_worker', displayName: '李明', orgName: DEMO_ORG.grid },
  { username: 'dudao', role: 'supervisor', displayName: '赵国庆', orgName: DEMO_ORG.street },
  { username: 'dangyuan', role: 'member', displayName: '孙丽', orgName: DEMO_ORG.branch },
  { username: 'danwei', role: 'resident_unit', displayName: '演示区人民医院', orgName: DEMO_ORG.community },
];
