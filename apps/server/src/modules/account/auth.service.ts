import crypto from 'node:crypto';
import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES, roleLabel, rolePermissions, roleScope, type LoginInput, type Me, type PasswordChangeInput, type Role } from '@jiceng/contracts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { AccountRepository, AccountRow } from './account.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';

const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export interface AuthDeps {
  db: Database;
  regionId: string;
  accounts: AccountRepository;
  audit: AuditService;
  sessionTtlMinutes: number;
  isDemo(): Promise<boolean>;
}

function toActor(row: AccountRow & { csrf_token: string }, ip: string | null): Actor {
  const role = row.role as Role;
  return {
    id: row.id,
    regionId: '',
    username: row.username,
    displayName: row.display_name,
    role,
    orgId: row.org_id,
    orgPath: row.org_path,
    orgName: row.org_name,
    permissions: rolePermissions[role],
    scope: roleScope[role],
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    memberId: row.member_id,
    ip,
  };
}

/** Login, logout, sessions and password change. */
export function createAuthService(deps: AuthDeps) {
  const { db, regionId, accounts, audit } = deps;
  const wrongCredentials = () => new AppError('BAD_CREDENTIALS', '用户名或密码错误');

  return {
    /** Checks the password; 5 failures lock the account for 15 minutes. Returns the new session token. */
    async login(input: LoginInput, ip: string | null): Promise<{ token: string; actor: Actor }> {
      const row = await accounts.byUsername(db, regionId, input.username.trim());
      if (!row) {
        await hashPassword(input.password); // same work as a real check, so timing does not reveal usernames
        throw wrongCredentials();
      }
      const who = { id: row.id, displayName: row.display_name, ip };
      if (row.locked_until && new Date(isoTime(row.locked_until)) > new Date()) {
        throw new AppError('LOCKED', `密码连续错误 ${LOGIN_MAX_FAILURES} 次，账号已锁定 ${LOGIN_LOCK_MINUTES} 分钟，请稍后再试或联系管理员解锁`);
      }
      if (!(await verifyPassword(row.password_hash, input.password))) {
        const r = await accounts.recordFailure(db, regionId, row.id, LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES);
        await audit.record(db, who, { action: 'auth.login_failed', entity: 'account', entityId: row.id, orgPath: row.org_path });
        if (r?.locked) throw new AppError('LOCKED', `密码连续错误 ${LOGIN_MAX_FAILURES} 次，账号已锁定 ${LOGIN_LOCK_MINUTES} 分钟，请稍后再试或联系管理员解锁`);
        throw new AppError('BAD_CREDENTIALS', `用户名或密码错误，再错 ${LOGIN_MAX_FAILURES - (r?.failed_attempts ?? 0)} 次将锁定账号`);
      }
      if (row.disabled) throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系管理员');
      const token = crypto.randomBytes(32).toString('base64url');
      const csrf = crypto.randomBytes(24).toString('base64url');
      await db.transaction(async (tx) => {
        await accounts.recordSuccess(tx, regionId, row.id);
        await accounts.insertSession(tx, regionId, { tokenHash: tokenHash(token), accountId: row.id, csrfToken: csrf, ip, ttlMinutes: deps.sessionTtlMinutes });
        await audit.record(tx, who, { action: 'auth.login', entity: 'account', entityId: row.id, orgPath: row.org_path });
      });
      return { token, actor: { ...toActor({ ...row, csrf_token: csrf }, ip), regionId } };
    },

    async resolveSession(token: string, ip: string | null): Promise<Actor | null> {
      const row = await accounts.touchSession(db, regionId, tokenHash(token), deps.sessionTtlMinutes);
      if (!row || row.disabled) return null;
      return { ...toActor(row, ip), regionId };
    },

    async logout(actor: Actor, token: string): Promise<void> {
      await db.transaction(async (tx) => {
        await accounts.deleteSession(tx, regionId, tokenHash(token));
        await audit.record(tx, actor, { action: 'auth.logout', entity: 'account', entityId: actor.id, orgPath: actor.orgPath });
      });
    },

    /** Changes the own password and ends every other session of the account. */
    async changePassword(actor: Actor, input: PasswordChangeInput, token: string): Promise<void> {
      const row = await accounts.byId(db, regionId, actor.id);
      if (!row || !(await verifyPassword(row.password_hash, input.oldPassword))) throw new AppError('VALIDATION', '原密码不正确');
      if (input.oldPassword === input.newPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同');
      const hash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await accounts.setPassword(tx, regionId, actor.id, hash, false);
        await accounts.deleteSessionsOf(tx, regionId, actor.id, tokenHash(token));
        await audit.record(tx, actor, { action: 'auth.password_change', entity: 'account', entityId: actor.id, orgPath: actor.orgPath });
      });
    },

    async me(actor: Actor): Promise<Me> {
      return {
        id: actor.id,
        username: actor.username,
        displayName: actor.displayName,
        role: actor.role,
        roleLabel: roleLabel[actor.role],
        orgId: actor.orgId,
        orgName: actor.orgName,
        permissions: [...actor.permissions],
        mustChangePassword: actor.mustChangePassword,
        csrfToken: actor.csrfToken,
        demo: await deps.isDemo(),
      };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
