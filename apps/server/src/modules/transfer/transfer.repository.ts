import { sql, type SQL } from 'drizzle-orm';
import type { TransferDirection, TransferKind, TransferStatus } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { searchMatch } from '../../platform/search/chinese-search.ts';

export interface TransferRow {
  id: string;
  kind: TransferKind;
  status: TransferStatus;
  member_id: string;
  from_org_id: string | null;
  to_org_id: string | null;
  /** Current paths of the two branches (null outside the deployment), for the data scope. */
  from_org_path: string | null;
  to_org_path: string | null;
  from_org_name: string;
  to_org_name: string;
  member_name: string;
  member_gender: string;
  member_birth_date: string;
  member_id_number_masked: string;
  member_status: string;
  reason: string | null;
  started_on: string;
  completed_on: string | null;
  return_reason: string | null;
  cancel_reason: string | null;
  letter_no: string | null;
  valid_until: string | null;
  dues_paid_to: string | null;
  receipt_note: string | null;
  created_by_name: string | null;
  decided_by_name: string | null;
  created_at: string;
  updated_at: string;
}

/** A new transfer as the service writes it. */
export interface TransferWrite {
  id: string;
  kind: TransferKind;
  status: TransferStatus;
  memberId: string;
  fromOrgId: string | null;
  toOrgId: string | null;
  fromOrgName: string;
  toOrgName: string;
  member: { name: string; gender: string; birthDate: string; idNumberMasked: string; status: string };
  reason: string | null;
  startedOn: string;
  completedOn: string | null;
  letter: { year: number | null; seq: number | null; no: string; validUntil: string | null; duesPaidTo: string | null } | null;
  actorId: string;
  actorName: string;
}

/** What a decision writes besides the status. */
export interface TransferDecision {
  completedOn?: string | null;
  returnReason?: string | null;
  cancelReason?: string | null;
  receiptNote?: string | null;
  actorId: string;
  actorName: string;
}

export interface TransferFilter {
  scopePath: string;
  direction: TransferDirection;
  status?: TransferStatus;
  kind?: TransferKind;
  year?: number;
  overdueOn?: string;
  page: number;
  pageSize: number;
}

const columns = sql`t.id, t.kind, t.status, t.member_id, t.from_org_id, t.to_org_id, fo.path::text as from_org_path, tor.path::text as to_org_path,
  t.from_org_name, t.to_org_name, t.member_name, t.member_gender, t.member_birth_date, t.member_id_number_masked, t.member_status,
  t.reason, t.started_on, t.completed_on, t.return_reason, t.cancel_reason, t.letter_no, t.valid_until, t.dues_paid_to, t.receipt_note,
  t.created_by_name, t.decided_by_name, t.created_at::text as created_at, t.updated_at::text as updated_at`;
const from = sql`from transfer t
  left join org fo on fo.region_id = t.region_id and fo.id = t.from_org_id
  left join org tor on tor.region_id = t.region_id and tor.id = t.to_org_id`;

const outOf = (scope: string) => sql`fo.path <@ ${scope}::ltree`;
const into = (scope: string) => sql`tor.path <@ ${scope}::ltree`;

function where(regionId: string, f: Omit<TransferFilter, 'page' | 'pageSize'>): SQL {
  const side = f.direction === 'out' ? outOf(f.scopePath) : f.direction === 'in' ? into(f.scopePath) : sql`(${outOf(f.scopePath)} or ${into(f.scopePath)})`;
  const w: SQL[] = [sql`t.region_id = ${regionId}`, side];
  if (f.status) w.push(sql`t.status = ${f.status}`);
  if (f.kind) w.push(sql`t.kind = ${f.kind}`);
  if (f.year) w.push(sql`t.started_on >= make_date(${f.year}::int, 1, 1) and t.started_on < make_date(${f.year + 1}::int, 1, 1)`);
  if (f.overdueOn) w.push(sql`t.kind = 'letter_out' and t.status = 'pending' and t.valid_until < ${f.overdueOn}::date`);
  return sql.join(w, sql` and `);
}

export const PENDING_KEY = 'transfer_member_id_pending_key';

export const transferRepository = {
  byId(db: Database, regionId: string, id: string) {
    return db.one<TransferRow>(sql`select ${columns} ${from} where t.region_id = ${regionId} and t.id = ${id}`);
  },

  /** The member's open transfer, if any. */
  pendingFor(db: Database, regionId: string, memberId: string) {
    return db.one<{ id: string; kind: TransferKind; to_org_name: string }>(sql`select id, kind, to_org_name from transfer
      where region_id = ${regionId} and member_id = ${memberId} and status = 'pending'`);
  },

  async list(db: Database, regionId: string, f: TransferFilter) {
    const cond = where(regionId, f);
    const items = await db.rows<TransferRow>(sql`select ${columns} ${from} where ${cond}
      order by t.started_on desc, t.created_at desc, t.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
    const total = await db.one<{ n: number }>(sql`select count(*)::int as n ${from} where ${cond}`);
    return { items, total: total?.n ?? 0 };
  },

  /** Every transfer of one member, newest first (the member's own view). */
  ofMember(db: Database, regionId: string, memberId: string) {
    return db.rows<TransferRow>(sql`select ${columns} ${from} where t.region_id = ${regionId} and t.member_id = ${memberId}
      order by t.started_on desc, t.created_at desc`);
  },

  /** Inserts; a second open transfer of the member violates PENDING_KEY. */
  async insert(db: Database, regionId: string, w: TransferWrite) {
    const l = w.letter;
    await db.run(sql`insert into transfer (region_id, id, kind, status, member_id, from_org_id, to_org_id, from_org_name, to_org_name,
        member_name, member_gender, member_birth_date, member_id_number_masked, member_status, reason, started_on, completed_on,
        letter_year, letter_seq, letter_no, valid_until, dues_paid_to, created_by, created_by_name)
      values (${regionId}, ${w.id}, ${w.kind}, ${w.status}, ${w.memberId}, ${w.fromOrgId}, ${w.toOrgId}, ${w.fromOrgName}, ${w.toOrgName},
        ${w.member.name}, ${w.member.gender}, ${w.member.birthDate}, ${w.member.idNumberMasked}, ${w.member.status}, ${w.reason}, ${w.startedOn}, ${w.completedOn},
        ${l?.year ?? null}, ${l?.seq ?? null}, ${l?.no ?? null}, ${l?.validUntil ?? null}, ${l?.duesPaidTo ?? null}, ${w.actorId}, ${w.actorName})`);
  },

  /**
   * Moves a pending transfer to `to`; answers false when it is no longer pending (another request
   * decided it first). The row count is the arbiter, so exactly one of two racing decisions wins.
   */
  async decide(db: Database, regionId: string, id: string, to: TransferStatus, d: TransferDecision): Promise<boolean> {
    const n = await db.run(sql`update transfer set status = ${to}, completed_on = ${d.completedOn ?? null}, return_reason = coalesce(${d.returnReason ?? null}, return_reason),
        cancel_reason = coalesce(${d.cancelReason ?? null}, cancel_reason), receipt_note = coalesce(${d.receiptNote ?? null}, receipt_note),
        decided_by = ${d.actorId}, decided_by_name = ${d.actorName}, updated_at = now()
      where region_id = ${regionId} and id = ${id} and status = 'pending'`);
    return n === 1;
  },

  /** The next outgoing letter number of the year: bumps the counter row, locked until commit. */
  async nextLetterSeq(db: Database, regionId: string, year: number): Promise<number> {
    const r = await db.one<{ last_seq: number }>(sql`insert into transfer_letter_counter (region_id, year, last_seq) values (${regionId}, ${year}, 1)
      on conflict (region_id, year) do update set last_seq = transfer_letter_counter.last_seq + 1 returning last_seq`);
    return r!.last_seq;
  },

  /** Any organization of the region by id, unscoped (the receiving branch may lie outside the sender's scope). */
  org(db: Database, regionId: string, id: string) {
    return db.one<{ id: string; name: string; type: string; status: string; path: string }>(
      sql`select id, name, type, status, path::text as path from org where region_id = ${regionId} and id = ${id}`,
    );
  },

  /** Active organizations of the given types across the region whose name matches `q`. */
  searchOrgs(db: Database, regionId: string, q: string, types: readonly string[], limit: number) {
    return db.rows<{ id: string; name: string; parent_name: string | null }>(sql`select o.id, o.name, p.name as parent_name
      from org o left join org p on p.region_id = o.region_id and p.id = o.parent_id
      where o.region_id = ${regionId} and o.status = 'active' and o.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)})
        and ${searchMatch(sql`o.search`, q)}
      order by o.path limit ${limit}`);
  },

  /** Completed transfers touching the scope in `year`, per month, counted by side. */
  stats(db: Database, regionId: string, scopePath: string, year: number) {
    return db.rows<{ month: number; kind: TransferKind; from_in: boolean; to_in: boolean; n: number }>(sql`select
        extract(month from t.completed_on)::int as month, t.kind,
        coalesce(fo.path <@ ${scopePath}::ltree, false) as from_in, coalesce(tor.path <@ ${scopePath}::ltree, false) as to_in, count(*)::int as n
      ${from}
      where t.region_id = ${regionId} and t.status in ('accepted','received')
        and t.completed_on >= make_date(${year}::int, 1, 1) and t.completed_on < make_date(${year + 1}::int, 1, 1)
        and (${outOf(scopePath)} or ${into(scopePath)})
      group by 1, 2, 3, 4`);
  },

  /** Open transfers touching the scope: waiting on the scope (in) and sent by it (out). */
  async pendingCounts(db: Database, regionId: string, scopePath: string) {
    const r = await db.one<{ pending_in: number; pending_out: number }>(sql`select
        count(*) filter (where ${into(scopePath)})::int as pending_in, count(*) filter (where ${outOf(scopePath)})::int as pending_out
      ${from} where t.region_id = ${regionId} and t.status = 'pending'`);
    return { pendingIn: r?.pending_in ?? 0, pendingOut: r?.pending_out ?? 0 };
  },
};
export type TransferRepository = typeof transferRepository;
