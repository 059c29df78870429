import crypto from 'node:crypto';
import { roleLabel, rolePermissions, roleScope, type LoginInput, type Me, type PasswordChangeInput, type Role } from '@jiceng/contracts';
import { isLockedOut, lockoutUntil, type LoginRuleSet } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { AccountRepository, AccountRow } from './account.repository.ts';
import type { LoginThrottle } from './login-throttle.service.ts';
import { argon2Passwords, assertAcceptablePassword, type PasswordHasher } from './password.ts';

const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export interface AuthDeps {
  db: Database;
  regionId: string;
  accounts: AccountRepository;
  audit: AuditService;
  throttle: LoginThrottle;
  clock: Clock;
  /** Rule login-failure-handling (the lockout option is read from it). */
  rules: LoginRuleSet;
  /** argon2id unless a test counts the checks. */
  passwords?: PasswordHasher;
  sessionTtlMinutes: number;
  isDemo(): Promise<boolean>;
  /** The region's root organization path: the scope of failed logins with an unknown username. */
  rootPath(): Promise<string | null>;
}

/**
 * The one answer to every refused login: unknown username, wrong password, disabled or locked
 * account. It never says which, nor how many tries are left (OWASP Authentication Cheat Sheet,
 * "Authentication and Error Messages").
 */
export const LOGIN_FAILED_MESSAGE = '用户名或密码错误（多次失败后需稍候再试）';

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
  const { db, regionId, accounts, audit, throttle, clock, rules } = deps;
  const passwords = deps.passwords ?? argon2Passwords;
  // An unknown username is checked against this hash, so it costs one verify like a known one.
  // Made once per process, with the same parameters as every stored hash.
  const dummyHash = passwords.hash(crypto.randomBytes(18).toString('base64url'));
  dummyHash.catch(() => undefined);
  const failed = () => new AppError('BAD_CREDENTIALS', LOGIN_FAILED_MESSAGE);
  const lockedAt = (row: AccountRow) => (row.locked_until ? new Date(isoTime(row.locked_until)) : null);
  let rootPath: string | null = null;

  return {
    /**
     * Checks the password: throttled per username and client address (429 while either waits);
     * every refusal is the same 401 after exactly one password verify. Returns the new session token.
     */
    async login(input: LoginInput, ip: string | null): Promise<{ token: string; actor: Actor }> {
      const username = input.username.trim();
      const reservation = await throttle.reserve(username, ip);
      const row = await accounts.byUsername(db, regionId, username);
      const ok = await passwords.verify(row?.password_hash ?? (await dummyHash), input.password);
      if (!row) {
        // Audited at the region's root (its administrators watch for password spraying), without the
        // typed name; one write like a known account's, so the answer takes as long.
        rootPath ??= await deps.rootPath();
        await db.transaction((tx) =>
          audit.record(
            tx,
            { id: null, displayName: null, ip },
            { action: 'auth.login_failed', entity: 'account', entityId: null, orgPath: rootPath, after: { reason: 'unknown_username' } },
          ),
        );
        throw failed();
      }
      const now = clock.now();
      const locked = isLockedOut(lockedAt(row), now, rules);
      const who = { id: row.id, displayName: row.display_name, ip };
      if (!ok || row.disabled || locked) {
        const reason = !ok ? 'wrong_password' : locked ? 'locked' : 'disabled';
        await db.transaction(async (tx) => {
          if (!ok && rules.lockout.enabled && !locked) {
            const until = lockoutUntil(await accounts.recordFailure(tx, regionId, row.id, now), now, rules);
            if (until) await accounts.lock(tx, regionId, row.id, until);
          }
          // In the account's own scope: its organization's administrators see who tried.
          await audit.record(tx, who, { action: 'auth.login_failed', entity: 'account', entityId: row.id, orgPath: row.org_path, after: { reason } });
        });
        throw failed();
      }
      const token = crypto.randomBytes(32).toString('base64url');
      const csrf = crypto.randomBytes(24).toString('base64url');
      await db.transaction(async (tx) => {
        await throttle.succeeded(tx, reservation);
        await accounts.recordSuccess(tx, regionId, row.id);
        await accounts.insertSession(tx, regionId, { tokenHash: tokenHash(token), accountId: row.id, csrfToken: csrf, ip, ttlMinutes: deps.sessionTtlMinutes });
        await audit.record(tx, who, { action: 'auth.login', entity: 'account', entityId: row.id, orgPath: row.org_path });
      });
      return { token, actor: { ...toActor({ ...row, csrf_token: csrf }, ip), regionId } };
    },

    async resolveSession(token: string, ip: string | null): Promise<Actor | null> {
      const row = await accounts.touchSession(db, regionId, tokenHash(token), deps.sessionTtlMinutes);
      if (!row || row.disabled) return null;
      return { ...toActor(row, ip), regionId, seen: row.seen };
    },

    async logout(actor: Actor, token: string): Promise<void> {
      await db.transaction(async (tx) => {
        await accounts.deleteSession(tx, regionId, tokenHash(token));
        await audit.record(tx, actor, { action: 'auth.logout', entity: 'account', entityId: actor.id, orgPath: actor.orgPath });
      });
    },

    /**
     * Changes the own password (also the forced first change) and ends every other session of the
     * account. The old password is checked under the login throttle, so a taken-over session
     * cannot guess it at full speed; the new one must pass rule password-quality.
     */
    async changePassword(actor: Actor, input: PasswordChangeInput, token: string): Promise<void> {
      const reservation = await throttle.reserve(actor.username, actor.ip);
      const row = await accounts.byId(db, regionId, actor.id);
      if (!row || !(await passwords.verify(row.password_hash, input.oldPassword))) {
        throw new AppError('VALIDATION', '原密码不正确', { fields: [{ field: 'oldPassword', message: '原密码不正确' }] });
      }
      await db.transaction((tx) => throttle.succeeded(tx, reservation));
      assertAcceptablePassword(input.newPassword, { username: row.username, oldPassword: input.oldPassword }, 'newPassword');
      const hash = await passwords.hash(input.newPassword);
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
