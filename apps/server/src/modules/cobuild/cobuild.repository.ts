import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** An agreement with both organizations' names and its ledger's totals (as of `today`). */
export interface AgreementRow {
  id: string;
  title: string;
  term_no: number;
  org_a_id: string;
  org_a_path: string;
  org_a_name: string;
  org_a_parent: string | null;
  org_b_id: string;
  org_b_path: string;
  org_b_name: string;
  org_b_parent: string | null;
  partner_kind: 'village' | 'community' | 'enterprise';
  drafting_side: 'a' | 'b';
  start_on: string;
  end_on: string;
  headings: string[];
  state: 'draft' | 'pending' | 'active' | 'expired' | 'terminated';
  version: number;
  renewed_from_id: string | null;
  renewed_to_id: string | null;
  signed_on: string | null;
  signed_by_name: string | null;
  terminated_on: string | null;
  last_reason: string | null;
  expiry_reminded_at: string | null;
  created_by_name: string | null;
  updated_at: string;
  activities: number;
  participants: number;
  problems: number;
  funds_fen: number;
  c_total: number;
  c_done: number;
  c_overdue: number;
}

export interface ContactRow {
  id: string;
  side: 'a' | 'b';
  name: string;
  post: string;
  phone_enc: string;
  phone_masked: string;
}

export interface ContactWrite {
  side: 'a' | 'b';
  name: string;
  post: string;
  phoneEnc: string;
  phoneMasked: string;
}

/** An organization as a side of an agreement. */
export interface SideOrgRow {
  id: string;
  path: string;
  name: string;
  type: string;
  domain: string;
  status: string;
  parent_name: string | null;
}

export interface AgreementWrite {
  id: string;
  title: string;
  termNo: number;
  orgA: SideOrgRow;
  orgB: SideOrgRow;
  partnerKind: string;
  draftingSide: 'a' | 'b';
  startOn: string;
  endOn: string;
  headings: string[];
  renewedFromId: string | null;
  ruleSet: string;
  createdBy: string | null;
  createdByName: string | null;
}

export interface AgreementFilter {
  scopePath: string;
  today: string;
  graceDays: number;
  windowDays: number;
  state?: string;
  partnerKind?: string;
  side?: 'a' | 'b';
  expiring?: boolean;
  q?: string;
}

const inScope = (path: string) => sql`(a.org_a_path <@ ${path}::ltree or a.org_b_path <@ ${path}::ltree)`;

const select = (today: string, graceDays: number) => sql`select a.id, a.title, a.term_no, a.org_a_id, a.org_a_path::text as org_a_path,
  oa.name as org_a_name, pa.name as org_a_parent, a.org_b_id, a.org_b_path::text as org_b_path, ob.name as org_b_name, pb.name as org_b_parent,
  a.partner_kind, a.drafting_side, a.start_on::text as start_on, a.end_on::text as end_on, a.headings, a.state, a.version, a.renewed_from_id,
  (select n.id from cobuild_agreement n where n.region_id = a.region_id and n.renewed_from_id = a.id) as renewed_to_id,
  a.signed_on::text as signed_on, a.signed_by_name, a.terminated_on::text as terminated_on, a.last_reason, a.expiry_reminded_at::text as expiry_reminded_at,
  a.created_by_name, a.updated_at::text as updated_at,
  coalesce(l.activities, 0)::int as activities, coalesce(l.participants, 0)::int as participants, coalesce(l.problems, 0)::int as problems,
  coalesce(l.funds_fen, 0)::float8 as funds_fen, coalesce(c.c_total, 0)::int as c_total, coalesce(c.c_done, 0)::int as c_done, coalesce(c.c_overdue, 0)::int as c_overdue
  from cobuild_agreement a
  join org oa on oa.region_id = a.region_id and oa.id = a.org_a_id left join org pa on pa.region_id = oa.region_id and pa.id = oa.parent_id
  join org ob on ob.region_id = a.region_id and ob.id = a.org_b_id left join org pb on pb.region_id = ob.region_id and pb.id = ob.parent_id
  left join lateral (select count(*) filter (where g.kind = 'activity') as activities, sum(g.participants) filter (where g.kind = 'activity') as participants,
      sum(g.count) filter (where g.kind = 'problem') as problems, sum(g.amount_fen) filter (where g.kind = 'fund') as funds_fen
    from cobuild_log g where g.region_id = a.region_id and g.agreement_id = a.id) l on true
  left join lateral (select count(*) as c_total, count(k.done_on) as c_done,
      count(*) filter (where k.done_on is null and k.due_on + ${graceDays}::int < ${today}::date) as c_overdue
    from cobuild_commitment k where k.region_id = a.region_id and k.agreement_id = a.id) c on true`;

function where(regionId: string, f: AgreementFilter): SQL {
  const w: SQL[] = [sql`a.region_id = ${regionId}`, inScope(f.scopePath)];
  if (f.state) w.push(sql`a.state = ${f.state}`);
  if (f.partnerKind) w.push(sql`a.partner_kind = ${f.partnerKind}`);
  if (f.side === 'a') w.push(sql`a.org_a_path <@ ${f.scopePath}::ltree`);
  if (f.side === 'b') w.push(sql`a.org_b_path <@ ${f.scopePath}::ltree`);
  if (f.expiring) w.push(sql`a.state = 'active' and a.end_on between ${f.today}::date and ${f.today}::date + ${f.windowDays}::int`);
  if (f.q)
    w.push(sql`(strpos(a.title, ${f.q}) > 0 or exists (select 1 from org x where x.region_id = a.region_id and x.id in (a.org_a_id, a.org_b_id)
      and strpos(x.name, ${f.q}) > 0))`);
  return sql.join(w, sql` and `);
}

const orgCols = sql`o.id, o.path::text as path, o.name, o.type, o.domain, o.status, p.name as parent_name
  from org o left join org p on p.region_id = o.region_id and p.id = o.parent_id`;

export const cobuildRepository = {
  byId(db: Database, regionId: string, id: string, today: string, graceDays: number): Promise<AgreementRow | undefined> {
    return db.one<AgreementRow>(sql`${select(today, graceDays)} where a.region_id = ${regionId} and a.id = ${id}`);
  },

  /** Holds the agreement's row until the transaction ends (every change locks it first). */
  async lock(tx: Database, regionId: string, id: string): Promise<boolean> {
    return !!(await tx.one(sql`select id from cobuild_agreement where region_id = ${regionId} and id = ${id} for update`));
  },

  async list(db: Database, regionId: string, f: AgreementFilter, page: number, pageSize: number): Promise<{ items: AgreementRow[]; total: number }> {
    const w = where(regionId, f);
    const [items, total] = await Promise.all([
      db.rows<AgreementRow>(sql`${select(f.today, f.graceDays)} where ${w}
        order by case a.state when 'pending' then 0 when 'active' then 1 when 'draft' then 2 else 3 end, a.end_on, a.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
      db.one<{ n: number }>(sql`select count(*)::int as n from cobuild_agreement a where ${w}`),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  contacts(db: Database, regionId: string, agreementId: string): Promise<ContactRow[]> {
    return db.rows<ContactRow>(sql`select id, side, name, post, phone_enc, phone_masked from cobuild_contact
      where region_id = ${regionId} and agreement_id = ${agreementId} order by side, sort, id`);
  },

  async insert(tx: Database, regionId: string, w: AgreementWrite): Promise<void> {
    await tx.run(sql`insert into cobuild_agreement (region_id, id, title, term_no, org_a_id, org_a_path, org_b_id, org_b_path, partner_kind, drafting_side,
        start_on, end_on, headings, renewed_from_id, rule_set, created_by, created_by_name)
      values (${regionId}, ${w.id}, ${w.title}, ${w.termNo}, ${w.orgA.id}, ${w.orgA.path}::ltree, ${w.orgB.id}, ${w.orgB.path}::ltree, ${w.partnerKind},
        ${w.draftingSide}, ${w.startOn}::date, ${w.endOn}::date, ${JSON.stringify(w.headings)}::jsonb, ${w.renewedFromId}, ${w.ruleSet}, ${w.createdBy},
        ${w.createdByName})`);
  },

  /** A draft's fields (the caller checked state and version under the row lock). */
  async update(tx: Database, regionId: string, id: string, f: { title: string; startOn: string; endOn: string; headings: string[] }): Promise<void> {
    await tx.run(sql`update cobuild_agreement set title = ${f.title}, start_on = ${f.startOn}::date, end_on = ${f.endOn}::date,
      headings = ${JSON.stringify(f.headings)}::jsonb, version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  async touch(tx: Database, regionId: string, id: string): Promise<void> {
    await tx.run(sql`update cobuild_agreement set version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  /** Replaces the contacts of `sides` with `contacts` (in order). */
  async replaceContacts(tx: Database, regionId: string, agreementId: string, sides: readonly ('a' | 'b')[], contacts: ContactWrite[], newId: () => string) {
    if (sides.length === 0) return;
    await tx.run(
      sql`delete from cobuild_contact where region_id = ${regionId} and agreement_id = ${agreementId} and side in (${sql.join(
        sides.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
    let sort = 0;
    for (const c of contacts)
      await tx.run(sql`insert into cobuild_contact (region_id, id, agreement_id, side, sort, name, post, phone_enc, phone_masked)
        values (${regionId}, ${newId()}, ${agreementId}, ${c.side}, ${sort++}, ${c.name}, ${c.post}, ${c.phoneEnc}, ${c.phoneMasked})`);
  },

  /** Agreements of the pair (either way round) whose term overlaps, other than `exceptId` and not terminated. */
  overlapping(
    db: Database,
    regionId: string,
    q: { orgAId: string; orgBId: string; startOn: string; endOn: string; exceptId: string | null },
  ): Promise<{ id: string; state: string; start_on: string; end_on: string } | undefined> {
    return db.one(sql`select id, state, start_on::text as start_on, end_on::text as end_on from cobuild_agreement
      where region_id = ${regionId} and state <> 'terminated' and (id <> ${q.exceptId ?? '00000000-0000-0000-0000-000000000000'}::uuid)
        and ((org_a_id = ${q.orgAId} and org_b_id = ${q.orgBId}) or (org_a_id = ${q.orgBId} and org_b_id = ${q.orgAId}))
        and start_on <= ${q.endOn}::date and end_on >= ${q.startOn}::date
      order by start_on limit 1`);
  },

  org(db: Database, regionId: string, id: string): Promise<SideOrgRow | undefined> {
    return db.one<SideOrgRow>(sql`select ${orgCols} where o.region_id = ${regionId} and o.id = ${id}`);
  },

  /** Active organizations named exactly so (the import's look-up; two of one name are reported as such). */
  orgsNamed(db: Database, regionId: string, names: readonly string[]): Promise<SideOrgRow[]> {
    if (names.length === 0) return Promise.resolve([]);
    return db.rows<SideOrgRow>(
      sql`select ${orgCols} where o.region_id = ${regionId} and o.status = 'active' and o.name in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )})`,
    );
  },

  /** Organizations a side may be (active, not a 党小组; for side B only the partner domains), by name keyword. */
  orgOptions(db: Database, regionId: string, q: { domains: readonly string[] | null; excludedTypes: readonly string[]; q?: string }): Promise<SideOrgRow[]> {
    const w: SQL[] = [sql`o.region_id = ${regionId}`, sql`o.status = 'active'`];
    if (q.excludedTypes.length)
      w.push(
        sql`o.type not in (${sql.join(
          q.excludedTypes.map((t) => sql`${t}`),
          sql`, `,
        )})`,
      );
    if (q.domains)
      w.push(
        sql`o.domain in (${sql.join(
          q.domains.map((d) => sql`${d}`),
          sql`, `,
        )})`,
      );
    if (q.q) w.push(sql`strpos(o.name, ${q.q}) > 0`);
    return db.rows<SideOrgRow>(sql`select ${orgCols} where ${sql.join(w, sql` and `)} order by o.depth, o.path limit 30`);
  },
};
export type CobuildRepository = typeof cobuildRepository;
