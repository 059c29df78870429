import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** One failed-login counter: per username (known or not) or per client address; the key is a hash. */
export interface ThrottleKey {
  kind: 'username' | 'ip';
  keyHash: string;
}

export interface ThrottleRow {
  kind: 'username' | 'ip';
  key_hash: string;
  failures: number;
  last_failure_at: string | null;
}

const keyList = (keys: ThrottleKey[]) =>
  sql.join(
    keys.map((k) => sql`(${k.kind}, ${k.keyHash})`),
    sql`, `,
  );

/** Failed-login counters (migration 0015); SQL only. */
export const loginThrottleRepository = {
  /** Creates the missing counters and locks all of them until the transaction ends. */
  async lock(tx: Database, regionId: string, keys: ThrottleKey[]): Promise<ThrottleRow[]> {
    await tx.run(sql`insert into login_throttle (region_id, kind, key_hash)
      values ${sql.join(
        keys.map((k) => sql`(${regionId}, ${k.kind}, ${k.keyHash})`),
        sql`, `,
      )}
      on conflict (region_id, kind, key_hash) do nothing`);
    return tx.rows<ThrottleRow>(sql`select kind, key_hash, failures, last_failure_at::text as last_failure_at from login_throttle
      where region_id = ${regionId} and (kind, key_hash) in (${keyList(keys)})
      order by kind, key_hash for update`);
  },

  async set(tx: Database, regionId: string, key: ThrottleKey, failures: number, lastFailureAt: Date | null): Promise<void> {
    await tx.run(sql`update login_throttle set failures = ${failures}, last_failure_at = ${lastFailureAt?.toISOString() ?? null}::timestamptz
      where region_id = ${regionId} and kind = ${key.kind} and key_hash = ${key.keyHash}`);
  },

  /**
   * Takes back one failure counted in advance at `countedAt`; the previous last-failure time comes
   * back unless another failure was counted since. A counter left at zero is deleted.
   */
  async takeBack(tx: Database, regionId: string, key: ThrottleKey, countedAt: Date, previousFailureAt: Date | null): Promise<void> {
    const at = countedAt.toISOString();
    await tx.run(sql`update login_throttle set failures = greatest(failures - 1, 0),
        last_failure_at = case when last_failure_at = ${at}::timestamptz then ${previousFailureAt?.toISOString() ?? null}::timestamptz else last_failure_at end
      where region_id = ${regionId} and kind = ${key.kind} and key_hash = ${key.keyHash}`);
    await tx.run(sql`delete from login_throttle where region_id = ${regionId} and kind = ${key.kind} and key_hash = ${key.keyHash} and failures = 0`);
  },

  async clear(tx: Database, regionId: string, key: ThrottleKey): Promise<void> {
    await tx.run(sql`delete from login_throttle where region_id = ${regionId} and kind = ${key.kind} and key_hash = ${key.keyHash}`);
  },

  /** Deletes counters whose last failure is before `before` (they no longer delay or count). */
  deleteStale(db: Database, regionId: string, before: Date): Promise<number> {
    return db.run(
      sql`delete from login_throttle where region_id = ${regionId} and (last_failure_at is null or last_failure_at < ${before.toISOString()}::timestamptz)`,
    );
  },
};
export type LoginThrottleRepository = typeof loginThrottleRepository;
