import { LOGIN_RULES, type LoginRuleSet } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import { newId } from '../../platform/ids.ts';
import { createAccountExportService } from './account.export.ts';
import { accountLockRepository } from './account.lock.repository.ts';
import { accountRepository } from './account.repository.ts';
import { registerAccountRoutes } from './account.routes.ts';
import { createAccountService } from './account.service.ts';
import { createAuthService } from './auth.service.ts';
import { loginThrottleRepository } from './login-throttle.repository.ts';
import { createLoginThrottle } from './login-throttle.service.ts';
import { hashPassword } from './password.ts';

export { hashPassword };

/** Accounts, sessions and login. */
export function createAccountModule(deps: {
  db: Database;
  regionId: string;
  audit: AuditService;
  orgs: OrgService;
  members: MemberService;
  clock: Clock;
  /** Turns on the hard lockout option of rule login-failure-handling (LOGIN_LOCKOUT). */
  loginLockout: boolean;
  sessionTtlMinutes: number;
  secureCookie: boolean;
  isDemo(): Promise<boolean>;
}) {
  const rules: LoginRuleSet = { ...LOGIN_RULES, lockout: { ...LOGIN_RULES.lockout, enabled: deps.loginLockout } };
  const throttle = createLoginThrottle({ ...deps, throttles: loginThrottleRepository, rules });
  const auth = createAuthService({ ...deps, accounts: accountRepository, throttle, rules, rootPath: async () => (await deps.orgs.root())?.path ?? null });
  const service = createAccountService({ ...deps, accounts: accountRepository, locks: accountLockRepository });
  const exporter = createAccountExportService({ service, clock: deps.clock });
  return {
    auth,
    service,
    /** Accounts bound to these organizations with these roles (notification targets). */
    boundTo: (orgIds: string[], roles: string[]) => accountRepository.listBoundTo(deps.db, deps.regionId, orgIds, roles),
    count: () => accountRepository.count(deps.db, deps.regionId),
    deleteExpiredSessions: () => accountRepository.deleteExpiredSessions(deps.db),
    /** Forgets login-throttle counters that no longer delay anyone. */
    deleteStaleThrottles: () => throttle.deleteStale(),
    /** Creates an account without an actor (first start, demo seed). */
    async bootstrap(a: { username: string; displayName: string; role: string; orgId: string; password: string; mustChangePassword: boolean }) {
      await accountRepository.insert(deps.db, deps.regionId, { id: newId(), username: a.username, displayName: a.displayName, role: a.role, orgId: a.orgId, passwordHash: await hashPassword(a.password), mustChangePassword: a.mustChangePassword });
    },
    register: (app: App) => registerAccountRoutes(app, auth, service, exporter, deps),
  };
}
export type AccountModule = ReturnType<typeof createAccountModule>;
