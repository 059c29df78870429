import { sql, type SQL } from 'drizzle-orm';
import type { AccountListQuery } from '@jiceng/contracts';
import { generationsColumns, generationsOf } from '../../platform/cache/change-marks.ts';
import type { Database } from '../../platform/db/database.ts';

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  org_id: string;
  org_name: string;
  org_path: string;
  password_hash: string;
  disabled: boolean;
  failed_attempts: number;
  locked_until: string | null;
  must_change_password: boolean;
  last_login_at: string | null;
  created_at: string;
  member_id: string | null;
}

export interface SessionRow extends AccountRow {
  csrf_token: string;
  expires_at: string;
}

const accountColumns = sql`a.id, a.username, a.display_name, a.role, a.org_id, o.name as org_name, o.path::text as org_path,
  a.password_hash, a.disabled, a.failed_attempts, a.locked_until::text as locked_until, a.must_change_password,
  a.last_login_at::text as last_login_at, a.created_at::text as created_at, a.member_id`;

export const accountRepository = {
  byUsername(db: Database, regionId: string, username: string) {
    return db.one<AccountRow>(sql`select ${accountColumns} from account a join org o on o.region_id = a.region_id and o.id = a.org_id
      where a.region_id = ${regionId} and a.username = ${username}`);
  },

  byId(db: Database, regionId: string, id: string) {
    return db.one<AccountRow>(sql`select ${accountColumns} from account a join org o on o.region_id = a.region_id and o.id = a.org_id
      where a.region_id = ${regionId} and a.id = ${id}`);
  },

  /** Accounts bound to organizations inside `scopePath`. */
  async list(db: Database, regionId: string, scopePath: string, q: AccountListQuery) {
    const where: SQL[] = [sql`a.region_id = ${regionId}`, sql`o.path <@ ${scopePath}::ltree`];
    if (q.role) where.push(sql`a.role = ${q.role}`);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
      where.push(sql`(a.username ilike ${like} or a.display_name like ${like})`);
    }
    const cond = sql.join(where, sql` and `);
    const size = q.pageSize ?? 20;
    const items = await db.rows<AccountRow>(sql`select ${accountColumns} from account a join org o on o.region_id = a.region_id and o.id = a.org_id
      where ${cond} order by o.path, a.username limit ${size} offset ${((q.page ?? 1) - 1) * size}`);
    const total = await db.one<{ n: number }>(
      sql`select count(*)::int as n from account a join org o on o.region_id = a.region_id and o.id = a.org_id where ${cond}`,
    );
    return { items, total: total?.n ?? 0 };
  },

  async insert(
    db: Database,
    regionId: string,
    a: {
      id: string;
      username: string;
      displayName: string;
      role: string;
      orgId: string;
      passwordHash: string;
      mustChangePassword: boolean;
      memberId?: string | null;
    },
  ) {
    await db.run(sql`insert into account (region_id, id, username, display_name, role, org_id, password_hash, must_change_password, member_id)
      values (${regionId}, ${a.id}, ${a.username}, ${a.displayName}, ${a.role}, ${a.orgId}, ${a.passwordHash}, ${a.mustChangePassword}, ${a.memberId ?? null})`);
  },

  /** The account already bound to a member record, if any. */
  byMember(db: Database, regionId: string, memberId: string) {
    return db.one<{ username: string }>(sql`select username from account where region_id = ${regionId} and member_id = ${memberId}`);
  },

  async update(db: Database, regionId: string, id: string, p: { displayName?: string; role?: string; orgId?: string; disabled?: boolean }) {
    await db.run(sql`update account set
      display_name = coalesce(${p.displayName ?? null}, display_name),
      role = coalesce(${p.role ?? null}, role),
      org_id = coalesce(${p.orgId ?? null}::uuid, org_id),
      disabled = coalesce(${p.disabled ?? null}::boolean, disabled),
      updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  async setPassword(db: Database, regionId: string, id: string, hash: string, mustChange: boolean) {
    await db.run(sql`update account set password_hash = ${hash}, must_change_password = ${mustChange}, failed_attempts = 0, locked_until = null, updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  /**
   * Lockout option: counts a wrong password in a row and returns the count; a lock that ended
   * before `now` is lifted and the count starts over.
   */
  async recordFailure(db: Database, regionId: string, id: string, now: Date): Promise<number> {
    const at = now.toISOString();
    const row = await db.one<{ failed_attempts: number }>(sql`update account set
      failed_attempts = case when locked_until is not null and locked_until <= ${at}::timestamptz then 1 else failed_attempts + 1 end,
      locked_until = case when locked_until is not null and locked_until <= ${at}::timestamptz then null else locked_until end
      where region_id = ${regionId} and id = ${id}
      returning failed_attempts`);
    return row?.failed_attempts ?? 0;
  },

  /** Lockout option: the account refuses every login until `until` (a password reset lifts it). */
  async lock(db: Database, regionId: string, id: string, until: Date) {
    await db.run(sql`update account set locked_until = ${until.toISOString()}::timestamptz where region_id = ${regionId} and id = ${id}`);
  },

  async recordSuccess(db: Database, regionId: string, id: string) {
    await db.run(sql`update account set failed_attempts = 0, locked_until = null, last_login_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  async insertSession(db: Database, regionId: string, s: { tokenHash: string; accountId: string; csrfToken: string; ip: string | null; ttlMinutes: number }) {
    await db.run(sql`insert into session (region_id, token_hash, account_id, csrf_token, ip, expires_at)
      values (${regionId}, ${s.tokenHash}, ${s.accountId}, ${s.csrfToken}, ${s.ip}, now() + make_interval(mins => ${s.ttlMinutes}))`);
  },

  /**
   * The live session and its account, with the region's change generations (for read caches);
   * slides the expiry forward once half of it has passed.
   */
  async touchSession(db: Database, regionId: string, tokenHash: string, ttlMinutes: number) {
    const row = await db.onePrepared<SessionRow & { renew: boolean }>(
      'jc_session',
      sql`select ${accountColumns}, s.csrf_token, s.expires_at::text as expires_at,
        s.expires_at < now() + make_interval(mins => ${ttlMinutes / 2}) as renew, ${generationsColumns(sql`s.region_id`)}
      from session s join account a on a.region_id = s.region_id and a.id = s.account_id
      join org o on o.region_id = a.region_id and o.id = a.org_id
      where s.region_id = ${regionId} and s.token_hash = ${tokenHash} and s.expires_at > now()`,
    );
    if (row?.renew) {
      await db.run(
        sql`update session set expires_at = now() + make_interval(mins => ${ttlMinutes}) where region_id = ${regionId} and token_hash = ${tokenHash}`,
      );
    }
    return row && { ...row, seen: generationsOf(row as unknown as Record<string, unknown>) };
  },

  async deleteSession(db: Database, regionId: string, tokenHash: string) {
    await db.run(sql`delete from session where region_id = ${regionId} and token_hash = ${tokenHash}`);
  },

  async deleteSessionsOf(db: Database, regionId: string, accountId: string, exceptTokenHash: string | null = null) {
    await db.run(sql`delete from session where region_id = ${regionId} and account_id = ${accountId} and token_hash is distinct from ${exceptTokenHash}`);
  },

  async deleteExpiredSessions(db: Database) {
    return db.run(sql`delete from session where expires_at <= now()`);
  },

  async count(db: Database, regionId: string) {
    return (await db.one<{ n: number }>(sql`select count(*)::int as n from account where region_id = ${regionId}`))?.n ?? 0;
  },

  /** Active accounts bound exactly to one of `orgIds` with one of `roles` (notification targets). */
  listBoundTo(db: Database, regionId: string, orgIds: string[], roles: string[]) {
    if (orgIds.length === 0) return Promise.resolve([] as { id: string; org_id: string }[]);
    return db.rows<{ id: string; org_id: string }>(sql`select id, org_id from account
      where region_id = ${regionId} and disabled = false
        and org_id in (${sql.join(
          orgIds.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})
        and role in (${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )})`);
  },
};
export type AccountRepository = typeof accountRepository;
