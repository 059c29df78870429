import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** The yearly plan, the log, and what the job reads: SQL of the agreement's own records. */

export interface CommitmentRow {
  id: string;
  agreement_id: string;
  heading: string;
  content: string;
  due_on: string;
  side: 'a' | 'b';
  done_on: string | null;
  done_note: string | null;
}

export interface LogRow {
  id: string;
  agreement_id: string;
  kind: 'activity' | 'problem' | 'fund';
  on_date: string;
  heading: string | null;
  title: string | null;
  participants: number | null;
  count: number | null;
  amount_fen: number | null;
  source: string | null;
  purpose: string | null;
  description: string | null;
  side: 'a' | 'b';
  recorded_by_name: string | null;
}

export interface LogWrite {
  id: string;
  agreementId: string;
  kind: 'activity' | 'problem' | 'fund';
  on: string;
  heading: string | null;
  title: string | null;
  participants: number | null;
  count: number | null;
  amountFen: number | null;
  source: string | null;
  purpose: string | null;
  description: string | null;
  side: 'a' | 'b';
  recordedBy: string | null;
  recordedByName: string | null;
}

const commitmentCols = sql`id, agreement_id, heading, content, due_on::text as due_on, side, done_on::text as done_on, done_note`;
const logCols = sql`id, agreement_id, kind, on_date::text as on_date, heading, title, participants, count, amount_fen::float8 as amount_fen, source, purpose,
  description, side, recorded_by_name`;

export const cobuildRecordsRepository = {
  plan(db: Database, regionId: string, agreementId: string): Promise<CommitmentRow[]> {
    return db.rows<CommitmentRow>(sql`select ${commitmentCols} from cobuild_commitment where region_id = ${regionId} and agreement_id = ${agreementId}
      order by due_on, created_at, id`);
  },

  commitment(db: Database, regionId: string, agreementId: string, id: string): Promise<CommitmentRow | undefined> {
    return db.one<CommitmentRow>(
      sql`select ${commitmentCols} from cobuild_commitment where region_id = ${regionId} and agreement_id = ${agreementId} and id = ${id}`,
    );
  },

  async insertCommitment(
    tx: Database,
    regionId: string,
    c: { id: string; agreementId: string; heading: string; content: string; dueOn: string; side: string; createdBy: string | null },
  ): Promise<void> {
    await tx.run(sql`insert into cobuild_commitment (region_id, id, agreement_id, heading, content, due_on, side, created_by)
      values (${regionId}, ${c.id}, ${c.agreementId}, ${c.heading}, ${c.content}, ${c.dueOn}::date, ${c.side}, ${c.createdBy})`);
  },

  async updateCommitment(tx: Database, regionId: string, id: string, c: { heading: string; content: string; dueOn: string; side: string }): Promise<void> {
    await tx.run(sql`update cobuild_commitment set heading = ${c.heading}, content = ${c.content}, due_on = ${c.dueOn}::date, side = ${c.side}
      where region_id = ${regionId} and id = ${id}`);
  },

  async deleteCommitment(tx: Database, regionId: string, id: string): Promise<void> {
    await tx.run(sql`delete from cobuild_commitment where region_id = ${regionId} and id = ${id}`);
  },

  /** Marks it done once: false when it already was (a concurrent twin won). */
  async markDone(tx: Database, regionId: string, id: string, doneOn: string, note: string | null, by: string): Promise<boolean> {
    return (
      (await tx.run(sql`update cobuild_commitment set done_on = ${doneOn}::date, done_note = ${note}, done_by_name = ${by}
        where region_id = ${regionId} and id = ${id} and done_on is null`)) > 0
    );
  },

  log(db: Database, regionId: string, agreementId: string): Promise<LogRow[]> {
    return db.rows<LogRow>(sql`select ${logCols} from cobuild_log where region_id = ${regionId} and agreement_id = ${agreementId}
      order by on_date desc, created_at desc, id`);
  },

  entry(db: Database, regionId: string, agreementId: string, id: string): Promise<LogRow | undefined> {
    return db.one<LogRow>(sql`select ${logCols} from cobuild_log where region_id = ${regionId} and agreement_id = ${agreementId} and id = ${id}`);
  },

  async insertEntry(tx: Database, regionId: string, e: LogWrite): Promise<void> {
    await tx.run(sql`insert into cobuild_log (region_id, id, agreement_id, kind, on_date, heading, title, participants, count, amount_fen, source, purpose,
        description, side, recorded_by, recorded_by_name)
      values (${regionId}, ${e.id}, ${e.agreementId}, ${e.kind}, ${e.on}::date, ${e.heading}, ${e.title}, ${e.participants}, ${e.count}, ${e.amountFen},
        ${e.source}, ${e.purpose}, ${e.description}, ${e.side}, ${e.recordedBy}, ${e.recordedByName})`);
  },

  async deleteEntry(tx: Database, regionId: string, id: string): Promise<void> {
    await tx.run(sql`delete from cobuild_log where region_id = ${regionId} and id = ${id}`);
  },

  // ------------------------------------------------------------------ the job

  /** Agreements in force whose term ended before `today`. */
  ended(db: Database, regionId: string, today: string, limit: number): Promise<{ id: string }[]> {
    return db.rows(sql`select id from cobuild_agreement where region_id = ${regionId} and state = 'active' and end_on < ${today}::date
      order by end_on, id limit ${limit}`);
  },

  /** Agreements in force ending within the window that were not reminded yet, with both organizations. */
  dueForReminder(
    db: Database,
    regionId: string,
    today: string,
    windowDays: number,
  ): Promise<{ id: string; title: string; end_on: string; org_a_id: string; org_b_id: string; org_a_name: string; org_b_name: string }[]> {
    return db.rows(sql`select a.id, a.title, a.end_on::text as end_on, a.org_a_id, a.org_b_id, oa.name as org_a_name, ob.name as org_b_name
      from cobuild_agreement a join org oa on oa.region_id = a.region_id and oa.id = a.org_a_id join org ob on ob.region_id = a.region_id and ob.id = a.org_b_id
      where a.region_id = ${regionId} and a.state = 'active' and a.expiry_reminded_at is null
        and a.end_on between ${today}::date and ${today}::date + ${windowDays}::int
      order by a.end_on, a.id limit 500`);
  },

  /** Records the reminder once: false when another run already did. */
  async markReminded(db: Database, regionId: string, id: string): Promise<boolean> {
    return (
      (await db.run(sql`update cobuild_agreement set expiry_reminded_at = now() where region_id = ${regionId} and id = ${id}
        and state = 'active' and expiry_reminded_at is null`)) > 0
    );
  },
};
export type CobuildRecordsRepository = typeof cobuildRecordsRepository;
