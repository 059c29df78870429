import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { searchVectorLiteral } from '../../platform/search/chinese-search.ts';
import type { MemberWrite } from './member.repository.ts';

/** A checked, encrypted row of an import, with the ids its member and history row get. */
export interface PendingMember {
  id: string;
  eventId: string;
  w: MemberWrite;
}

/** Rows of a failed import deleted per statement (each a short transaction of its own). */
export const DISCARD_BATCH = 5000;

const MEMBER_COLUMNS = sql.raw(`id, org_id, name, gender, ethnicity, birth_date, id_number_enc, id_number_hash, id_number_masked,
  education, occupation, work_unit, position, phone_enc, phone_hash, phone_masked, address_enc, address_masked,
  applied_date, joined_date, confirmed_date, status, categories, search`);

/** The job is not 完成: the only jobs whose rows may be deleted. */
const unfinished = (regionId: string, jobId: string) =>
  sql`exists (select 1 from member_import_job j where j.region_id = ${regionId} and j.id = ${jobId} and j.phase <> 'done')`;

/**
 * A roster import's members, written in place (member_row, migration 0028) under their job and
 * invisible through `member` until the job is 完成 (ADR 0008): each batch a short transaction of its
 * own while other requests go on; the flip is the job's 完成.
 */
export const pendingImportRepository = {
  /**
   * Writes one batch in file order (the rows as one JSON parameter, as insertMany) with each member's 'register'
   * history row, in one transaction. The unique ID-number key checks the batch against every
   * registration, visible or pending.
   */
  async write(
    db: Database,
    regionId: string,
    jobId: string,
    rows: PendingMember[],
    event: { reason: string; actorId: string | null; actorName: string | null },
  ): Promise<void> {
    if (rows.length === 0) return;
    const batch = JSON.stringify(rows.map(({ id, eventId, w }) => ({ ...w, id, eventId, search: searchVectorLiteral([w.name]) })));
    await db.transaction(async (tx) => {
      await tx.run(sql`insert into member_row (region_id, import_job_id, ${MEMBER_COLUMNS})
        select ${regionId}, ${jobId}::uuid, x.id, x."orgId", x.name, x.gender, x.ethnicity, x."birthDate", x."idNumberEnc", x."idNumberHash", x."idNumberMasked",
          x.education, x.occupation, x."workUnit", x.position, x."phoneEnc", x."phoneHash", x."phoneMasked", x."addressEnc", x."addressMasked",
          x."appliedDate", x."joinedDate", x."confirmedDate", x.status, x.categories, x.search::tsvector
        from jsonb_to_recordset(${batch}::jsonb) as x(id uuid, "orgId" uuid, name text, gender text, ethnicity text, "birthDate" date,
          "idNumberEnc" text, "idNumberHash" text, "idNumberMasked" text, education text, occupation text, "workUnit" text, position text,
          "phoneEnc" text, "phoneHash" text, "phoneMasked" text, "addressEnc" text, "addressMasked" text,
          "appliedDate" date, "joinedDate" date, "confirmedDate" date, status text, categories text[], search text)`);
      await tx.run(sql`insert into member_status_event (region_id, id, member_id, event, from_status, to_status, event_date, reason, actor_id, actor_name)
        select ${regionId}, x."eventId", x.id, 'register', x.status, x.status, x."joinedDate", ${event.reason}, ${event.actorId}::uuid, ${event.actorName}
        from jsonb_to_recordset(${batch}::jsonb) as x(id uuid, "eventId" uuid, status text, "joinedDate" date)`);
    });
  },

  /**
   * Inside the transaction that marks the job 完成 (the flip), after locking the job row: how many of
   * its members are written, and the organizations they belong to marked for the to-do read model
   * (its insert trigger marked them while the rows were still invisible).
   */
  async prepareFlip(tx: Database, regionId: string, jobId: string): Promise<number> {
    const n = await tx.one<{ n: number }>(sql`select count(*)::int as n from member_row where region_id = ${regionId} and import_job_id = ${jobId}`);
    await tx.run(sql`insert into todo_dirty (region_id, org_id)
      select distinct region_id, org_id from member_row where region_id = ${regionId} and import_job_id = ${jobId}`);
    return n?.n ?? 0;
  },

  /**
   * Deletes the members (and their history rows) of a job that is not 完成, DISCARD_BATCH per
   * statement so none holds the embedded engine long. A 完成 job's members are never touched.
   * Returns how many members.
   */
  async discard(db: Database, regionId: string, jobId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const n = await db.run(sql`with victims as (
          select id from member_row where region_id = ${regionId} and import_job_id = ${jobId} and ${unfinished(regionId, jobId)} limit ${DISCARD_BATCH}
        ), events as (
          delete from member_status_event e using victims v where e.region_id = ${regionId} and e.member_id = v.id
        )
        delete from member_row m using victims v where m.region_id = ${regionId} and m.id = v.id`);
      deleted += n;
      if (n < DISCARD_BATCH) return deleted;
    }
  },

  /** Deletes the members of every job that failed (killed, refused, crashed) and left some. Returns how many. */
  async discardFinished(db: Database, regionId: string): Promise<number> {
    const jobs = await db.rows<{ id: string }>(sql`select j.id from member_import_job j
      where j.region_id = ${regionId} and j.phase = 'failed'
        and exists (select 1 from member_row m where m.region_id = j.region_id and m.import_job_id = j.id)`);
    let deleted = 0;
    for (const j of jobs) deleted += await pendingImportRepository.discard(db, regionId, j.id);
    return deleted;
  },

  /** Members of one job, or of every job, that are not visible (tests). */
  async count(db: Database, regionId: string, jobId?: string): Promise<number> {
    const r = await db.one<{ n: number }>(
      sql`select count(*)::int as n from member_row m where m.region_id = ${regionId} and m.import_job_id is not null
        and m.import_job_id in (select j.id from member_import_job j where j.phase <> 'done') ${jobId ? sql`and m.import_job_id = ${jobId}` : sql``}`,
    );
    return r?.n ?? 0;
  },
};
export type PendingImportRepository = typeof pendingImportRepository;
