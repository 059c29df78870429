import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

export interface SigninCodeRow {
  kind: string;
  record_id: string;
  code: string;
  opens_at: string;
  closes_at: string;
}

export interface SigninRow {
  member_id: string;
  at: string;
  method: 'code' | 'qr' | 'secretary';
  recorded_by: string | null;
}

const CODE_COLUMNS = sql`kind, record_id, code, opens_at::text as opens_at, closes_at::text as closes_at`;

export const signinRepository = {
  /** Sets the record's one live code (replacing an earlier one). */
  async upsertCode(db: Database, regionId: string, c: { kind: string; recordId: string; code: string; opensAt: Date; closesAt: Date }): Promise<void> {
    await db.run(sql`insert into signin_code (region_id, kind, record_id, code, opens_at, closes_at)
      values (${regionId}, ${c.kind}, ${c.recordId}, ${c.code}, ${c.opensAt.toISOString()}, ${c.closesAt.toISOString()})
      on conflict (region_id, kind, record_id) do update set code = excluded.code, opens_at = excluded.opens_at, closes_at = excluded.closes_at, created_at = now()`);
  },

  codeOf(db: Database, regionId: string, kind: string, recordId: string): Promise<SigninCodeRow | undefined> {
    return db.one<SigninCodeRow>(sql`select ${CODE_COLUMNS} from signin_code where region_id = ${regionId} and kind = ${kind} and record_id = ${recordId}`);
  },

  byCode(db: Database, regionId: string, code: string): Promise<SigninCodeRow | undefined> {
    return db.one<SigninCodeRow>(sql`select ${CODE_COLUMNS} from signin_code where region_id = ${regionId} and code = ${code}`);
  },

  async deleteCode(db: Database, regionId: string, kind: string, recordId: string): Promise<void> {
    await db.run(sql`delete from signin_code where region_id = ${regionId} and kind = ${kind} and record_id = ${recordId}`);
  },

  /**
   * Records a sign-in unless the person signed in already; the stored row either way. A concurrent
   * twin waits on the primary key, then does nothing and reads the winner's row.
   */
  async insertOnce(
    db: Database,
    regionId: string,
    s: { kind: string; recordId: string; memberId: string; at: Date; method: SigninRow['method']; recordedBy: string | null },
  ): Promise<{ inserted: boolean; row: SigninRow }> {
    const [row] = await db.rows<SigninRow>(sql`insert into signin (region_id, kind, record_id, member_id, at, method, recorded_by)
      values (${regionId}, ${s.kind}, ${s.recordId}, ${s.memberId}, ${s.at.toISOString()}, ${s.method}, ${s.recordedBy})
      on conflict (region_id, kind, record_id, member_id) do nothing
      returning member_id, at::text as at, method, recorded_by`);
    if (row) return { inserted: true, row };
    const first = await db.one<SigninRow>(sql`select member_id, at::text as at, method, recorded_by from signin
      where region_id = ${regionId} and kind = ${s.kind} and record_id = ${s.recordId} and member_id = ${s.memberId}`);
    if (!first) throw new Error('sign-in row vanished between insert and read');
    return { inserted: false, row: first };
  },

  attendance(db: Database, regionId: string, kind: string, recordId: string): Promise<SigninRow[]> {
    return db.rows<SigninRow>(sql`select member_id, at::text as at, method, recorded_by from signin
      where region_id = ${regionId} and kind = ${kind} and record_id = ${recordId} order by at, member_id`);
  },
};
