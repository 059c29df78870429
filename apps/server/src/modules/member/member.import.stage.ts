import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { searchVectorLiteral } from '../../platform/search/chinese-search.ts';
import type { MemberWrite } from './member.repository.ts';

/** A checked, encrypted row of an import, with the ids its member and history row will get. */
export interface StagedMember {
  id: string;
  eventId: string;
  w: MemberWrite;
}

/** Staged rows deleted per statement (each a short transaction of its own). */
export const DISCARD_BATCH = 5000;

const MEMBER_COLUMNS = sql.raw(`id, org_id, name, gender, ethnicity, birth_date, id_number_enc, id_number_hash, id_number_masked,
  education, occupation, work_unit, position, phone_enc, phone_hash, phone_masked, address_enc, address_masked,
  applied_date, joined_date, confirmed_date, status, categories, search`);

/**
 * member_import_stage (migration 0019): a roster import's rows written in short statements while
 * other requests go on, then moved into member by one `insert … select` in the final transaction.
 */
export const importStageRepository = {
  /** Stages rows `from`, `from + 1` … of the file in one statement (the batch as one JSON parameter, as insertMany). */
  async stage(db: Database, regionId: string, jobId: string, from: number, rows: StagedMember[]): Promise<void> {
    if (rows.length === 0) return;
    const batch = JSON.stringify(rows.map(({ id, eventId, w }, i) => ({ ...w, seq: from + i, id, eventId, search: searchVectorLiteral([w.name]) })));
    await db.run(sql`insert into member_import_stage (region_id, job_id, seq, event_id, ${MEMBER_COLUMNS})
      select ${regionId}, ${jobId}, x.seq, x."eventId", x.id, x."orgId", x.name, x.gender, x.ethnicity, x."birthDate", x."idNumberEnc", x."idNumberHash", x."idNumberMasked",
        x.education, x.occupation, x."workUnit", x.position, x."phoneEnc", x."phoneHash", x."phoneMasked", x."addressEnc", x."addressMasked",
        x."appliedDate", x."joinedDate", x."confirmedDate", x.status, x.categories, x.search::tsvector
      from jsonb_to_recordset(${batch}::jsonb) as x(seq integer, "eventId" uuid, id uuid, "orgId" uuid, name text, gender text, ethnicity text, "birthDate" date,
        "idNumberEnc" text, "idNumberHash" text, "idNumberMasked" text, education text, occupation text, "workUnit" text, position text,
        "phoneEnc" text, "phoneHash" text, "phoneMasked" text, "addressEnc" text, "addressMasked" text,
        "appliedDate" date, "joinedDate" date, "confirmedDate" date, status text, categories text[], search text)`);
  },

  /**
   * Inside the final transaction: the job's staged rows become members, in file order, each with its
   * 'register' history row. Returns how many of each were written.
   */
  async move(
    tx: Database,
    regionId: string,
    jobId: string,
    event: { reason: string; actorId: string | null; actorName: string | null },
  ): Promise<{ members: number; events: number }> {
    const staged = sql`from member_import_stage where region_id = ${regionId} and job_id = ${jobId} order by seq`;
    const members = await tx.run(sql`insert into member (region_id, ${MEMBER_COLUMNS}) select region_id, ${MEMBER_COLUMNS} ${staged}`);
    const events =
      await tx.run(sql`insert into member_status_event (region_id, id, member_id, event, from_status, to_status, event_date, reason, actor_id, actor_name)
      select region_id, event_id, id, 'register', status, status, joined_date, ${event.reason}, ${event.actorId}::uuid, ${event.actorName} ${staged}`);
    return { members, events };
  },

  /** Deletes a job's staged rows, DISCARD_BATCH per statement (so none holds the embedded engine long). Returns how many. */
  async discard(db: Database, regionId: string, jobId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const n = await db.run(sql`delete from member_import_stage where region_id = ${regionId} and job_id = ${jobId}
        and seq < (select min(seq) + ${DISCARD_BATCH} from member_import_stage where region_id = ${regionId} and job_id = ${jobId})`);
      deleted += n;
      if (n === 0) return deleted;
    }
  },

  /** Deletes the staged rows of every job that is no longer running (done, or failed: killed, refused, crashed). Returns how many. */
  async discardFinished(db: Database, regionId: string): Promise<number> {
    const jobs = await db.rows<{ job_id: string }>(sql`select distinct s.job_id from member_import_stage s
      join member_import_job j on j.region_id = s.region_id and j.id = s.job_id
      where s.region_id = ${regionId} and j.phase in ('done', 'failed')`);
    let deleted = 0;
    for (const j of jobs) deleted += await importStageRepository.discard(db, regionId, j.job_id);
    return deleted;
  },

  /** Staged rows of one job, or of every job (tests). */
  async count(db: Database, regionId: string, jobId?: string): Promise<number> {
    const r = await db.one<{ n: number }>(
      sql`select count(*)::int as n from member_import_stage where region_id = ${regionId} ${jobId ? sql`and job_id = ${jobId}` : sql``}`,
    );
    return r?.n ?? 0;
  },
};
export type ImportStageRepository = typeof importStageRepository;
