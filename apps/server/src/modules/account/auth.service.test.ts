import { describe, expect, it } from 'vitest';
import { LOGIN_RULES, type LoginRuleSet } from '@jiceng/rules';
import type { AuditEvent, AuditService } from '../../platform/audit/audit.service.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { AccountRepository, AccountRow } from './account.repository.ts';
import { createAuthService, LOGIN_FAILED_MESSAGE } from './auth.service.ts';
import type { LoginThrottle } from './login-throttle.service.ts';
import type { PasswordHasher } from './password.ts';

const NOW = '2026-11-22T04:00:00Z';
const account = (username: string, over: Partial<AccountRow> = {}): AccountRow => ({
  id: `id-${username}`,
  username,
  display_name: username,
  role: 'secretary',
  org_id: 'org',
  org_name: '支部',
  org_path: 'r.a.a1',
  password_hash: `hash-of:right-${username}`,
  disabled: false,
  failed_attempts: 0,
  locked_until: null,
  must_change_password: false,
  last_login_at: null,
  created_at: NOW,
  member_id: null,
  ...over,
});

/** The auth service over fakes: accounts by username, a counting hasher, a recording audit. */
function setup(rows: AccountRow[], rules: LoginRuleSet = LOGIN_RULES) {
  const verified: string[] = [];
  const audited: AuditEvent[] = [];
  const passwords: PasswordHasher = {
    hash: async (plain) => `hash-of:${plain}`,
    verify: async (stored, plain) => {
      verified.push(stored);
      return stored === `hash-of:${plain}`;
    },
  };
  const db = { transaction: async <T>(fn: (tx: Database) => Promise<T>) => fn(db as unknown as Database) } as unknown as Database;
  const accounts = {
    byUsername: async (_db: Database, _r: string, username: string) => rows.find((r) => r.username === username),
    recordFailure: async () => 1,
    lock: async () => undefined,
    recordSuccess: async () => undefined,
    insertSession: async () => undefined,
  } as unknown as AccountRepository;
  const throttle = {
    reserve: async () => ({ at: new Date(NOW), counted: [] }),
    succeeded: async () => undefined,
  } as unknown as LoginThrottle;
  const audit = { record: async (_tx: Database, _who: unknown, e: AuditEvent) => void audited.push(e) } as unknown as AuditService;
  const auth = createAuthService({
    db,
    regionId: '320102',
    accounts,
    audit,
    throttle,
    clock: fixedClock(NOW),
    rules,
    passwords,
    sessionTtlMinutes: 60,
    isDemo: async () => false,
    rootPath: async () => 'r',
  });
  /** The refusal `login` throws (it must throw). */
  const refusal = async (username: string, password: string) => {
    const e = await auth.login({ username, password }, '10.0.0.1').then(
      () => null,
      (err: unknown) => err,
    );
    if (!(e instanceof AppError)) throw new Error(`login ${username} was not refused`);
    return { status: e.status, code: e.code, message: e.message, details: e.details };
  };
  return { auth, verified, audited, refusal };
}

describe('rule login-failure-handling: every refusal is the same answer after one password verify', () => {
  it('verifies once against a fixed dummy hash for an unknown username, once against the stored hash otherwise', async () => {
    const strict: LoginRuleSet = { ...LOGIN_RULES, lockout: { ...LOGIN_RULES.lockout, enabled: true } };
    const rows = [account('wrong'), account('disabled', { disabled: true }), account('locked', { locked_until: '2026-11-22 04:10:00+00' })];
    const { verified, refusal, audited } = setup(rows, strict);
    const answers = [
      await refusal('nobody', 'right-nobody'),
      await refusal('nobody', 'anything'),
      await refusal('wrong', 'not-it'),
      await refusal('disabled', 'right-disabled'),
      await refusal('locked', 'right-locked'),
    ];
    for (const a of answers) expect(a).toEqual({ status: 401, code: 'BAD_CREDENTIALS', message: LOGIN_FAILED_MESSAGE, details: undefined });
    expect(verified).toHaveLength(5);
    // One dummy hash, made once, used for every unknown username.
    expect(verified[0]).toMatch(/^hash-of:/);
    expect(verified[1]).toBe(verified[0]);
    expect(verified.slice(2)).toEqual(['hash-of:right-wrong', 'hash-of:right-disabled', 'hash-of:right-locked']);
    expect(audited.map((e) => [e.entityId, e.orgPath, (e.after as { reason: string }).reason])).toEqual([
      [null, 'r', 'unknown_username'],
      [null, 'r', 'unknown_username'],
      ['id-wrong', 'r.a.a1', 'wrong_password'],
      ['id-disabled', 'r.a.a1', 'disabled'],
      ['id-locked', 'r.a.a1', 'locked'],
    ]);
  });

  it('lets the right password in once the lock has ended, or when the lockout option is off', async () => {
    const { auth, verified } = setup([account('locked', { locked_until: '2026-11-22 04:10:00+00' })]);
    await expect(auth.login({ username: 'locked', password: 'right-locked' }, null)).resolves.toMatchObject({ actor: { username: 'locked' } });
    expect(verified).toEqual(['hash-of:right-locked']);
  });
});
