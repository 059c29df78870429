import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { searchMatch } from '../../platform/search/chinese-search.ts';

export interface FloatingRow {
  id: string;
  member_id: string;
  member_name: string;
  member_gender: string;
  member_id_number_masked: string;
  home_org_id: string;
  home_org_name: string;
  home_path: string;
  destination_place: string;
  destination_org_id: string | null;
  destination_org_name: string | null;
  destination_path: string | null;
  destination_since: string;
  reason: string;
  reason_note: string | null;
  contact_phone_enc: string;
  contact_phone_masked: string;
  left_date: string;
  expected_return_date: string | null;
  cert_no: string | null;
  cert_issued_date: string | null;
  cert_valid_until: string | null;
  status: string;
  arrival_date: string | null;
  arrival_contact: string | null;
  arrival_note: string | null;
  arrival_by: string | null;
  verified_date: string | null;
  verified_note: string | null;
  verified_by: string | null;
  returned_date: string | null;
  returned_note: string | null;
  created_at: string;
  updated_at: string;
}

/** The registration's own fields, as the service writes them (phone already encrypted and masked). */
export interface FloatingWrite {
  destinationPlace: string;
  destinationOrgId: string | null;
  destinationSince: string;
  reason: string;
  reasonNote: string | null;
  contactPhoneEnc: string;
  contactPhoneMasked: string;
  leftDate: string;
  expectedReturnDate: string | null;
  certNo: string | null;
  certIssuedDate: string | null;
  certValidUntil: string | null;
  status: string;
}

export interface FloatingSnapshot {
  memberId: string;
  memberName: string;
  memberGender: string;
  memberIdNumberMasked: string;
  homeOrgId: string;
  homeOrgName: string;
}

/** A step of 凡进必登 / 凡登必核 / 返回: which columns it fills. */
export type FloatingStep = 'arrival' | 'verified' | 'returned';

export interface FloatingFilter {
  scopePath: string;
  direction?: 'out' | 'in';
  status?: string;
  open?: boolean;
  memberId?: string;
  page?: number;
  pageSize?: number;
}

const select = sql`select f.id, f.member_id, f.member_name, f.member_gender, f.member_id_number_masked, f.home_org_id, f.home_org_name,
  h.path::text as home_path, f.destination_place, f.destination_org_id, d.name as destination_org_name, d.path::text as destination_path,
  f.destination_since, f.reason, f.reason_note, f.contact_phone_enc, f.contact_phone_masked, f.left_date, f.expected_return_date,
  f.cert_no, f.cert_issued_date, f.cert_valid_until, f.status, f.arrival_date, f.arrival_contact, f.arrival_note, f.arrival_by,
  f.verified_date, f.verified_note, f.verified_by, f.returned_date, f.returned_note,
  f.created_at::text as created_at, f.updated_at::text as updated_at
  from floating_member f
  join org h on h.region_id = f.region_id and h.id = f.home_org_id
  left join org d on d.region_id = f.region_id and d.id = f.destination_org_id`;

const inScope = (col: SQL, scopePath: string) => sql`${col} <@ ${scopePath}::ltree`;

/** The registrations an account sees: its branches' members away (out), those registered to its branches (in), or both. */
function sideCondition(scopePath: string, direction: 'out' | 'in' | undefined): SQL {
  const out = inScope(sql`h.path`, scopePath);
  const into = inScope(sql`d.path`, scopePath);
  if (direction === 'out') return out;
  if (direction === 'in') return into;
  return sql`(${out} or ${into})`;
}

function where(regionId: string, f: FloatingFilter): SQL {
  const w: SQL[] = [sql`f.region_id = ${regionId}`, sideCondition(f.scopePath, f.direction)];
  if (f.status) w.push(sql`f.status = ${f.status}`);
  if (f.open) w.push(sql`f.status <> 'returned'`);
  if (f.memberId) w.push(sql`f.member_id = ${f.memberId}`);
  return sql.join(w, sql` and `);
}

const stepColumns: Record<FloatingStep, (date: string, note: string | null, by: string, extra: string | null) => SQL> = {
  arrival: (date, note, by, contact) => sql`arrival_date = ${date}, arrival_note = ${note}, arrival_by = ${by}, arrival_contact = ${contact}`,
  verified: (date, note, by) => sql`verified_date = ${date}, verified_note = ${note}, verified_by = ${by}`,
  returned: (date, note) => sql`returned_date = ${date}, returned_note = ${note}`,
};

export const floatingRepository = {
  byId(db: Database, regionId: string, id: string) {
    return db.one<FloatingRow>(sql`${select} where f.region_id = ${regionId} and f.id = ${id}`);
  },

  /** Locks the registration for a step, so two concurrent steps cannot both apply. */
  byIdForUpdate(db: Database, regionId: string, id: string) {
    return db.one<FloatingRow>(sql`${select} where f.region_id = ${regionId} and f.id = ${id} for update of f`);
  },

  openByMember(db: Database, regionId: string, memberId: string) {
    return db.one<{ id: string }>(sql`select id from floating_member where region_id = ${regionId} and member_id = ${memberId} and status <> 'returned'`);
  },

  async list(db: Database, regionId: string, f: FloatingFilter) {
    const cond = where(regionId, f);
    const size = f.pageSize ?? 20;
    const items = await db.rows<FloatingRow>(sql`${select} where ${cond}
      order by (f.status = 'returned'), f.left_date desc, f.id limit ${size} offset ${((f.page ?? 1) - 1) * size}`);
    const total = await db.one<{ n: number }>(sql`select count(*)::int as n from floating_member f
      join org h on h.region_id = f.region_id and h.id = f.home_org_id
      left join org d on d.region_id = f.region_id and d.id = f.destination_org_id where ${cond}`);
    return { items, total: total?.n ?? 0 };
  },

  async insert(db: Database, regionId: string, id: string, s: FloatingSnapshot, w: FloatingWrite) {
    await db.run(sql`insert into floating_member (region_id, id, member_id, member_name, member_gender, member_id_number_masked, home_org_id, home_org_name,
        destination_place, destination_org_id, destination_since, reason, reason_note, contact_phone_enc, contact_phone_masked, left_date,
        expected_return_date, cert_no, cert_issued_date, cert_valid_until, status)
      values (${regionId}, ${id}, ${s.memberId}, ${s.memberName}, ${s.memberGender}, ${s.memberIdNumberMasked}, ${s.homeOrgId}, ${s.homeOrgName},
        ${w.destinationPlace}, ${w.destinationOrgId}, ${w.destinationSince}, ${w.reason}, ${w.reasonNote}, ${w.contactPhoneEnc}, ${w.contactPhoneMasked}, ${w.leftDate},
        ${w.expectedReturnDate}, ${w.certNo}, ${w.certIssuedDate}, ${w.certValidUntil}, ${w.status})`);
  },

  /** Rewrites the registration's fields; a new destination clears the arrival and confirmation (凡进必登 again). */
  async update(db: Database, regionId: string, id: string, w: FloatingWrite, resetSteps: boolean) {
    const reset = resetSteps ? sql`, arrival_date = null, arrival_contact = null, arrival_note = null, arrival_by = null, verified_date = null, verified_note = null, verified_by = null` : sql``;
    await db.run(sql`update floating_member set destination_place = ${w.destinationPlace}, destination_org_id = ${w.destinationOrgId},
      destination_since = ${w.destinationSince}, reason = ${w.reason}, reason_note = ${w.reasonNote}, contact_phone_enc = ${w.contactPhoneEnc},
      contact_phone_masked = ${w.contactPhoneMasked}, left_date = ${w.leftDate}, expected_return_date = ${w.expectedReturnDate}, cert_no = ${w.certNo},
      cert_issued_date = ${w.certIssuedDate}, cert_valid_until = ${w.certValidUntil}, status = ${w.status}${reset}, updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  /** Records a step and moves the status; `extra` is the destination's contact person for an arrival. */
  async step(db: Database, regionId: string, id: string, step: FloatingStep, status: string, s: { date: string; note: string | null; by: string; extra?: string | null }) {
    await db.run(sql`update floating_member set ${stepColumns[step](s.date, s.note, s.by, s.extra ?? null)}, status = ${status}, updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  /** Active organizations that may receive floating members, anywhere in the region, by name. */
  destinations(db: Database, regionId: string, q: string, types: readonly string[], limit = 20) {
    return db.rows<{ id: string; name: string; parent_name: string | null }>(sql`select o.id, o.name, p.name as parent_name from org o
      left join org p on p.region_id = o.region_id and p.id = o.parent_id
      where o.region_id = ${regionId} and o.status = 'active' and o.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)})
        and ${searchMatch(sql`o.search`, q)} order by o.depth, o.name limit ${limit}`);
  },

  /** One organization of the region, without scope (the destination may be in another street). */
  org(db: Database, regionId: string, id: string) {
    return db.one<{ id: string; name: string; path: string; type: string; status: string }>(
      sql`select id, name, path::text as path, type, status from org where region_id = ${regionId} and id = ${id}`,
    );
  },
};
export type FloatingRepository = typeof floatingRepository;
