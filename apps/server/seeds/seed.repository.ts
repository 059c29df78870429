import { sql, type SQL } from 'drizzle-orm';
import { orgRepository } from '../src/modules/org/org.repository.ts';
import type { Database } from '../src/platform/db/database.ts';
import { searchVector } from '../src/platform/search/chinese-search.ts';
import type { OrgPlan } from './org-plan.ts';

/**
 * Seed-only writes: a whole plan in multi-row INSERTs, no audit (seeding is not a user action). The
 * rows are those the org service writes (same path labels, depth and search vector); the service
 * itself inserts one row per call, which is too slow for thousands of organizations on PGlite.
 */

/** Rows per statement: well below PostgreSQL's 65535 bind parameters at 14 per organization. */
const CHUNK = 500;

async function insertChunked<T>(db: Database, rows: T[], head: SQL, row: (r: T) => SQL): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.run(sql`${head} values ${sql.join(rows.slice(i, i + CHUNK).map(row), sql`, `)}`);
  }
}

export interface SeedAccount {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgId: string;
  passwordHash: string;
}

/** One 民主评议 grade as the appraisal repository's upsert writes it. */
export interface SeedAppraisal {
  id: string;
  orgId: string;
  year: number;
  memberId: string;
  grade: string;
  gradedBy: string;
  gradedByName: string;
}

/** A 组织处置 as the appraisal repository writes it, with its result when done. */
export interface SeedDisposition {
  id: string;
  appraisalId: string;
  memberId: string;
  orgId: string;
  kind: string;
  startDate: string;
  deadline: string | null;
  done: { on: string; result: string } | null;
}

/** A 走访慰问 as the hardship repository writes it. */
export interface SeedVisit {
  id: string;
  hardshipId: string;
  visitDate: string;
  visitor: string;
  content: string;
  amount: string;
  recordedBy: string;
}

export const seedRepository = {
  /** Inserts organizations (parents before children), their units, terms and committee members. */
  async insertPlan(db: Database, regionId: string, plan: OrgPlan): Promise<void> {
    await insertChunked(
      db,
      plan.orgs,
      sql`insert into org (region_id, id, parent_id, path, depth, name, short_name, code, type, domain, formation_mode, approval_doc_no, approval_date, search)`,
      (o) => sql`(${regionId}, ${o.id}, ${o.parentId}, ${o.path}::ltree, ${o.depth}, ${o.name}, ${o.shortName}, ${o.code}, ${o.type}, ${o.domain},
        ${o.formationMode}, ${o.approvalDocNo}, ${o.approvalDate}::date, ${searchVector([o.name, o.shortName])})`,
    );
    const units = plan.orgs.flatMap((o) => o.units.map((u, i) => ({ orgId: o.id, seq: i + 1, ...u })));
    await insertChunked(
      db,
      units,
      sql`insert into org_unit (region_id, org_id, seq, name, credit_code, category)`,
      (u) => sql`(${regionId}, ${u.orgId}, ${u.seq}, ${u.name}, ${u.creditCode ?? null}, ${u.category})`,
    );
    await insertChunked(
      db,
      plan.terms,
      sql`insert into org_term (region_id, id, org_id, term_no, start_date, end_date, term_years)`,
      (t) => sql`(${regionId}, ${t.id}, ${t.orgId}, ${t.termNo}, ${t.startDate}::date, ${t.endDate}::date, ${t.termYears})`,
    );
    await insertChunked(
      db,
      plan.members,
      sql`insert into org_committee_member (region_id, id, org_id, person_name, post, unit_name, start_date, end_date)`,
      (m) => sql`(${regionId}, ${m.id}, ${m.orgId}, ${m.personName}, ${m.post}, ${m.unitName}, ${m.startDate}::date, ${m.endDate}::date)`,
    );
    // the bulk inserts bypass the repository's upkeep of each organization's stored columns
    await orgRepository.rebuildStoredColumns(db, regionId);
  },

  /** Accounts that need no password change (demo and benchmark logins). */
  async insertAccounts(db: Database, regionId: string, accounts: SeedAccount[]): Promise<void> {
    await insertChunked(
      db,
      accounts,
      sql`insert into account (region_id, id, username, display_name, role, org_id, password_hash, must_change_password)`,
      (a) => sql`(${regionId}, ${a.id}, ${a.username}, ${a.displayName}, ${a.role}, ${a.orgId}, ${a.passwordHash}, false)`,
    );
  },

  /**
   * Whole branch-years of grades and their dispositions in multi-row INSERTs (the service writes one
   * member per statement; a year of the district is thousands of rows).
   */
  async insertAppraisals(db: Database, regionId: string, grades: SeedAppraisal[], dispositions: SeedDisposition[]): Promise<void> {
    await insertChunked(
      db,
      grades,
      sql`insert into appraisal (region_id, id, org_id, year, member_id, grade, graded_by, graded_by_name)`,
      (a) => sql`(${regionId}, ${a.id}, ${a.orgId}, ${a.year}, ${a.memberId}, ${a.grade}, ${a.gradedBy}, ${a.gradedByName})`,
    );
    await insertChunked(
      db,
      dispositions,
      sql`insert into appraisal_disposition (region_id, id, appraisal_id, member_id, org_id, kind, start_date, deadline, status, result, completed_date)`,
      (d) => sql`(${regionId}, ${d.id}, ${d.appraisalId}, ${d.memberId}, ${d.orgId}, ${d.kind}, ${d.startDate}::date, ${d.deadline}::date,
        ${d.done ? 'done' : 'in_progress'}, ${d.done?.result ?? null}, ${d.done?.on ?? null}::date)`,
    );
  },

  /** Hardship visits in multi-row INSERTs (the service logs one visit per request). */
  async insertVisits(db: Database, regionId: string, visits: SeedVisit[]): Promise<void> {
    await insertChunked(
      db,
      visits,
      sql`insert into hardship_visit (region_id, id, hardship_id, visit_date, visitor, content, amount, recorded_by)`,
      (v) => sql`(${regionId}, ${v.id}, ${v.hardshipId}, ${v.visitDate}::date, ${v.visitor}, ${v.content}, ${v.amount}::numeric(12,2), ${v.recordedBy})`,
    );
  },

  /** Binds a demo account to its member record. */
  async linkAccountMember(db: Database, regionId: string, username: string, memberId: string): Promise<void> {
    await db.run(sql`update account set member_id = ${memberId} where region_id = ${regionId} and username = ${username}`);
  },
};
