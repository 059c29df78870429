import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

export interface ResidentRow {
  id: string;
  phone_enc: string;
  name: string | null;
}
export interface ResidentCodeRow {
  id: string;
  code_hash: string;
  expires_at: string;
  attempts: number;
  used_at: string | null;
}
export interface ResidentSessionRow extends ResidentRow {
  csrf_token: string;
}

/** Residents, their login codes and sessions (migration 0039); SQL only. */
export const residentRepository = {
  /** Codes sent to a phone and from an address since `since` (the rate limits). */
  async sentSince(
    db: Database,
    regionId: string,
    phoneHash: string,
    ip: string | null,
    since: Date,
  ): Promise<{ phone: number; ip: number; last: string | null }> {
    const row = await db.one<{ phone: number; ip: number; last: string | null }>(sql`
      select (select count(*)::int from resident_code where region_id = ${regionId} and phone_hash = ${phoneHash} and created_at >= ${since.toISOString()}) as phone,
             (select count(*)::int from resident_code where region_id = ${regionId} and ip = ${ip} and created_at >= ${since.toISOString()}) as ip,
             (select max(created_at) from resident_code where region_id = ${regionId} and phone_hash = ${phoneHash}) as last`);
    return row ?? { phone: 0, ip: 0, last: null };
  },

  async insertCode(
    tx: Database,
    regionId: string,
    c: { id: string; phoneHash: string; ip: string | null; codeHash: string; at: Date; expiresAt: Date },
  ): Promise<void> {
    await tx.run(sql`insert into resident_code (region_id, id, phone_hash, ip, code_hash, created_at, expires_at)
      values (${regionId}, ${c.id}, ${c.phoneHash}, ${c.ip}, ${c.codeHash}, ${c.at.toISOString()}, ${c.expiresAt.toISOString()})`);
  },

  /** The newest code of a phone, locked until the transaction ends (one verification at a time). */
  async latestCodeForUpdate(tx: Database, regionId: string, phoneHash: string): Promise<ResidentCodeRow | undefined> {
    return tx.one<ResidentCodeRow>(sql`select id, code_hash, expires_at, attempts, used_at from resident_code
      where region_id = ${regionId} and phone_hash = ${phoneHash} order by created_at desc limit 1 for update`);
  },

  async countAttempt(tx: Database, regionId: string, id: string): Promise<void> {
    await tx.run(sql`update resident_code set attempts = attempts + 1 where region_id = ${regionId} and id = ${id}`);
  },

  async useCode(tx: Database, regionId: string, id: string, at: Date): Promise<boolean> {
    return (await tx.run(sql`update resident_code set used_at = ${at.toISOString()} where region_id = ${regionId} and id = ${id} and used_at is null`)) === 1;
  },

  /** The resident of a phone, created on first login. */
  async upsert(tx: Database, regionId: string, r: { id: string; phoneHash: string; phoneEnc: string; name: string | null; at: Date }): Promise<ResidentRow> {
    const row = await tx.one<ResidentRow>(sql`insert into resident (region_id, id, phone_hash, phone_enc, name, last_login_at)
      values (${regionId}, ${r.id}, ${r.phoneHash}, ${r.phoneEnc}, ${r.name}, ${r.at.toISOString()})
      on conflict (region_id, phone_hash) do update set last_login_at = excluded.last_login_at, name = coalesce(resident.name, excluded.name)
      returning id, phone_enc, name`);
    return row!;
  },

  async insertSession(tx: Database, regionId: string, s: { tokenHash: string; residentId: string; csrf: string; expiresAt: Date }): Promise<void> {
    await tx.run(sql`insert into resident_session (region_id, token_hash, resident_id, csrf_token, expires_at)
      values (${regionId}, ${s.tokenHash}, ${s.residentId}, ${s.csrf}, ${s.expiresAt.toISOString()})`);
  },

  async session(db: Database, regionId: string, tokenHash: string, now: Date): Promise<ResidentSessionRow | undefined> {
    return db.one<ResidentSessionRow>(sql`select r.id, r.phone_enc, r.name, s.csrf_token from resident_session s
      join resident r on r.region_id = s.region_id and r.id = s.resident_id
      where s.region_id = ${regionId} and s.token_hash = ${tokenHash} and s.expires_at > ${now.toISOString()}`);
  },

  async deleteSession(db: Database, regionId: string, tokenHash: string): Promise<void> {
    await db.run(sql`delete from resident_session where region_id = ${regionId} and token_hash = ${tokenHash}`);
  },

  async deleteExpired(db: Database, regionId: string, now: Date): Promise<void> {
    await db.run(sql`delete from resident_session where region_id = ${regionId} and expires_at <= ${now.toISOString()}`);
    await db.run(sql`delete from resident_code where region_id = ${regionId} and created_at < ${new Date(now.getTime() - 86_400_000).toISOString()}`);
  },

  async byId(db: Database, regionId: string, id: string): Promise<ResidentRow | undefined> {
    return db.one<ResidentRow>(sql`select id, phone_enc, name from resident where region_id = ${regionId} and id = ${id}`);
  },
};
