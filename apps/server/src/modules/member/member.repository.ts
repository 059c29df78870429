import { sql, type SQL } from 'drizzle-orm';
import { MEMBER_COUNT_CAP, type MemberListQuery } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { searchMatch, searchVector, searchVectorLiteral } from '../../platform/search/chinese-search.ts';

export interface MemberRow {
  id: string;
  /** Optimistic-locking version of the form fields (and status). */
  version: number;
  org_id: string;
  org_name: string;
  org_path: string;
  name: string;
  gender: string;
  ethnicity: string;
  birth_date: string;
  id_number_enc: string;
  id_number_masked: string;
  education: string;
  occupation: string;
  work_unit: string | null;
  position: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  address_enc: string | null;
  address_masked: string | null;
  applied_date: string | null;
  joined_date: string;
  confirmed_date: string | null;
  status: string;
  leave_reason: string | null;
  left_date: string | null;
  probation_extended_months: number | null;
  suspended_from_status: string | null;
  discipline_until: string | null;
  categories: string[];
  transferred_out_date: string | null;
  has_photo: boolean;
  created_at: string;
  updated_at: string;
}

/** What the service writes: personal fields already encrypted, hashed and masked. */
export interface MemberWrite {
  orgId: string;
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  education: string;
  occupation: string;
  workUnit: string | null;
  position: string | null;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  addressEnc: string | null;
  addressMasked: string | null;
  appliedDate: string | null;
  joinedDate: string;
  confirmedDate: string | null;
  status: string;
  categories: string[];
}

export interface LifecycleWrite {
  status: string;
  confirmedDate: string | null;
  probationExtendedMonths: number | null;
  suspendedFromStatus: string | null;
  disciplineUntil: string | null;
  leaveReason: string | null;
  leftDate: string | null;
}

const columns = sql`m.id, m.org_id, o.name as org_name, o.path::text as org_path, m.name, m.gender, m.ethnicity, m.birth_date,
  m.id_number_enc, m.id_number_masked, m.education, m.occupation, m.work_unit, m.position, m.phone_enc, m.phone_masked,
  m.address_enc, m.address_masked, m.applied_date, m.joined_date, m.confirmed_date, m.status, m.leave_reason, m.left_date,
  m.probation_extended_months, m.suspended_from_status, m.discipline_until, m.categories, m.transferred_out_date,
  exists (select 1 from member_photo p where p.region_id = m.region_id and p.member_id = m.id) as has_photo,
  m.version, m.created_at::text as created_at, m.updated_at::text as updated_at`;
const from = sql`from member m join org o on o.region_id = m.region_id and o.id = m.org_id`;

const textArray = (a: string[]) =>
  sql`array[${sql.join(
    a.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

/** A member already holding an ID number: named to the writer only when in the writer's scope. */
export interface RegisteredId {
  id: string;
  id_number_hash: string;
  name: string;
  org_name: string;
  org_path: string;
}

export interface MemberFilter extends MemberListQuery {
  scopePath: string;
  /** Name of the organization at the scope's root (export file names). */
  scopeName?: string;
  idNumberHash?: string;
  phoneHash?: string;
  today: string;
}

/** The members of a subtree matching the list filters (shared by list, count and export). */
function where(regionId: string, f: MemberFilter): SQL {
  const w: SQL[] = [sql`m.region_id = ${regionId}`, sql`o.path <@ ${f.scopePath}::ltree`];
  if (!f.includeLeft && f.status !== 'left') w.push(sql`m.status <> 'left' and m.transferred_out_date is null`);
  if (f.status) w.push(sql`m.status = ${f.status}`);
  if (f.category) w.push(sql`m.categories @> ${textArray([f.category])}`);
  if (f.education) w.push(sql`m.education = ${f.education}`);
  if (f.occupation) w.push(sql`m.occupation = ${f.occupation}`);
  if (f.q) w.push(searchMatch(sql`m.search`, f.q));
  if (f.idNumberHash) w.push(sql`m.id_number_hash = ${f.idNumberHash}`);
  if (f.phoneHash) w.push(sql`m.phone_hash = ${f.phoneHash}`);
  // age n ⇔ born on or before today − n years, and after today − (n+1) years
  if (f.ageMin !== undefined) w.push(sql`m.birth_date <= (${f.today}::date - make_interval(years => ${f.ageMin}))::date`);
  if (f.ageMax !== undefined) w.push(sql`m.birth_date > (${f.today}::date - make_interval(years => ${f.ageMax + 1}))::date`);
  if (f.partyAgeMin !== undefined) w.push(sql`m.confirmed_date <= (${f.today}::date - make_interval(years => ${f.partyAgeMin}))::date`);
  if (f.partyAgeMax !== undefined) w.push(sql`m.confirmed_date > (${f.today}::date - make_interval(years => ${f.partyAgeMax + 1}))::date`);
  return sql.join(w, sql` and `);
}

export const memberRepository = {
  byId(db: Database, regionId: string, id: string) {
    return db.one<MemberRow>(sql`select ${columns} ${from} where m.region_id = ${regionId} and m.id = ${id}`);
  },

  /** Locks the member row for a change of status or branch. */
  byIdForUpdate(db: Database, regionId: string, id: string) {
    return db.one<MemberRow>(sql`select ${columns} ${from} where m.region_id = ${regionId} and m.id = ${id} for update of m`);
  },

  /** The member holding this ID number (other than `exceptId`), with its branch path for the scope check. */
  idNumberTaken(db: Database, regionId: string, hash: string, exceptId: string | null) {
    return db.one<RegisteredId>(sql`select m.id, m.id_number_hash, m.name, o.name as org_name, o.path::text as org_path ${from}
      where m.region_id = ${regionId} and m.id_number_hash = ${hash} and m.id is distinct from ${exceptId}::uuid`);
  },

  /** The members holding any of these ID numbers (imports), with their branch paths for the scope check. */
  existingIdHashes(db: Database, regionId: string, hashes: string[]) {
    if (hashes.length === 0) return Promise.resolve([] as RegisteredId[]);
    return db.rows<RegisteredId>(sql`select m.id, m.id_number_hash, m.name, o.name as org_name, o.path::text as org_path ${from}
      where m.region_id = ${regionId} and m.id_number_hash = any(${textArray(hashes)})`);
  },

  /**
   * A page of the list and how many match. Counting stops at `countCap` matches, or at the end of
   * the requested page when that lies further (so `total` never falls short of the page shown):
   * `capped` then says that more match. A page that is not full ends the list, so its total needs
   * no count at all.
   */
  async list(db: Database, regionId: string, f: MemberFilter, countCap: number = MEMBER_COUNT_CAP) {
    const cond = where(regionId, f);
    const size = f.pageSize ?? 20;
    const offset = ((f.page ?? 1) - 1) * size;
    const items = await db.rows<MemberRow>(sql`select ${columns} ${from} where ${cond}
      order by o.path, m.name, m.id limit ${size} offset ${offset}`);
    if (items.length > 0 && items.length < size) return { items, total: offset + items.length, capped: false };
    if (items.length === 0 && offset === 0) return { items, total: 0, capped: false };
    const limit = Math.max(countCap, offset + size);
    const counted = await db.one<{ n: number }>(sql`select count(*)::int as n from (select 1 ${from} where ${cond} limit ${limit + 1}) s`);
    const n = counted?.n ?? 0;
    return { items, total: Math.min(n, limit), capped: n > limit };
  },

  /** Every matching member in order, in pages of `batch` (export). */
  async *stream(db: Database, regionId: string, f: MemberFilter, batch = 2000): AsyncGenerator<MemberRow[]> {
    const cond = where(regionId, f);
    for (let offset = 0; ; offset += batch) {
      const rows = await db.rows<MemberRow>(sql`select ${columns} ${from} where ${cond} order by o.path, m.name, m.id limit ${batch} offset ${offset}`);
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < batch) return;
    }
  },

  /** One member; the column list lives in insertMany. */
  async insert(db: Database, regionId: string, id: string, w: MemberWrite) {
    await memberRepository.insertMany(db, regionId, [{ id, w }]);
  },

  /** Writes the form fields if the record is still at `expected`; returns 0 when it moved on. */
  update(
    db: Database,
    regionId: string,
    id: string,
    w: Omit<MemberWrite, 'orgId' | 'joinedDate' | 'confirmedDate' | 'status'>,
    expected: number,
  ): Promise<number> {
    return db.run(sql`update member set name = ${w.name}, gender = ${w.gender}, ethnicity = ${w.ethnicity}, birth_date = ${w.birthDate},
      id_number_enc = ${w.idNumberEnc}, id_number_hash = ${w.idNumberHash}, id_number_masked = ${w.idNumberMasked},
      education = ${w.education}, occupation = ${w.occupation}, work_unit = ${w.workUnit}, position = ${w.position},
      phone_enc = ${w.phoneEnc}, phone_hash = ${w.phoneHash}, phone_masked = ${w.phoneMasked}, address_enc = ${w.addressEnc}, address_masked = ${w.addressMasked},
      applied_date = ${w.appliedDate}, categories = ${textArray(w.categories)}, search = ${searchVector([w.name])}, updated_at = now(), version = version + 1
      where region_id = ${regionId} and id = ${id} and version = ${expected}`);
  },

  async setLifecycle(db: Database, regionId: string, id: string, l: LifecycleWrite) {
    await db.run(sql`update member set status = ${l.status}, confirmed_date = ${l.confirmedDate}, probation_extended_months = ${l.probationExtendedMonths},
      suspended_from_status = ${l.suspendedFromStatus}, discipline_until = ${l.disciplineUntil}, leave_reason = ${l.leaveReason}, left_date = ${l.leftDate},
      updated_at = now(), version = version + 1 where region_id = ${regionId} and id = ${id}`);
  },

  /** Moves the member's relation to another branch (transfers), only from the expected branch. */
  async moveToOrg(db: Database, regionId: string, id: string, fromOrgId: string, toOrgId: string): Promise<boolean> {
    return (
      (await db.run(sql`update member set org_id = ${toOrgId}, updated_at = now() where region_id = ${regionId} and id = ${id} and org_id = ${fromOrgId}`)) ===
      1
    );
  },

  async setPhoto(db: Database, regionId: string, memberId: string, contentType: string, data: Buffer) {
    await db.run(sql`insert into member_photo (region_id, member_id, content_type, data) values (${regionId}, ${memberId}, ${contentType}, ${data})
      on conflict (region_id, member_id) do update set content_type = excluded.content_type, data = excluded.data, updated_at = now()`);
  },

  photo(db: Database, regionId: string, memberId: string) {
    return db.one<{ content_type: string; data: Uint8Array }>(
      sql`select content_type, data from member_photo where region_id = ${regionId} and member_id = ${memberId}`,
    );
  },

  async markTransferredOut(db: Database, regionId: string, id: string, date: string | null) {
    await db.run(sql`update member set transferred_out_date = ${date}, updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  async setCategory(db: Database, regionId: string, id: string, category: string, on: boolean) {
    await db.run(sql`update member set categories = ${on ? sql`array(select distinct unnest(categories || array[${category}]::text[]))` : sql`array_remove(categories, ${category})`},
      updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  async insertEvent(
    db: Database,
    regionId: string,
    e: {
      id: string;
      memberId: string;
      event: string;
      fromStatus: string;
      toStatus: string;
      date: string;
      reason: string;
      detail: unknown;
      actorId: string | null;
      actorName: string | null;
    },
  ) {
    await db.run(sql`insert into member_status_event (region_id, id, member_id, event, from_status, to_status, event_date, reason, detail, actor_id, actor_name)
      values (${regionId}, ${e.id}, ${e.memberId}, ${e.event}, ${e.fromStatus}, ${e.toStatus}, ${e.date}, ${e.reason}, ${JSON.stringify(e.detail ?? null)}::jsonb, ${e.actorId}, ${e.actorName})`);
  },

  events(db: Database, regionId: string, memberId: string) {
    return db.rows<{
      id: string;
      event: string;
      from_status: string;
      to_status: string;
      event_date: string;
      reason: string;
      detail: unknown;
      actor_name: string | null;
      created_at: string;
    }>(
      sql`select id, event, from_status, to_status, event_date, reason, detail, actor_name, created_at::text as created_at
        from member_status_event where region_id = ${regionId} and member_id = ${memberId} order by created_at, id`,
    );
  },

  details(db: Database, regionId: string, memberId: string, kind: string) {
    return db.rows<{ id: string; kind: string; data: Record<string, unknown>; start_date: string | null; end_date: string | null }>(
      sql`select id, kind, data, start_date, end_date from member_detail where region_id = ${regionId} and member_id = ${memberId} and kind = ${kind}
        order by start_date nulls last, created_at`,
    );
  },

  detail(db: Database, regionId: string, memberId: string, id: string) {
    return db.one<{ id: string; kind: string; data: Record<string, unknown>; start_date: string | null; end_date: string | null }>(
      sql`select id, kind, data, start_date, end_date from member_detail where region_id = ${regionId} and member_id = ${memberId} and id = ${id}`,
    );
  },

  async insertDetail(
    db: Database,
    regionId: string,
    d: { id: string; memberId: string; kind: string; data: unknown; startDate: string | null; endDate: string | null },
  ) {
    await db.run(sql`insert into member_detail (region_id, id, member_id, kind, data, start_date, end_date)
      values (${regionId}, ${d.id}, ${d.memberId}, ${d.kind}, ${JSON.stringify(d.data)}::jsonb, ${d.startDate}, ${d.endDate})`);
  },

  async deleteDetail(db: Database, regionId: string, id: string) {
    await db.run(sql`delete from member_detail where region_id = ${regionId} and id = ${id}`);
  },

  /** Every organization of a subtree, any type or status (the roster import matches branch names). */
  orgsInScope(db: Database, regionId: string, scopePath: string) {
    return db.rows<{ id: string; name: string; type: string; status: string }>(sql`select id, name, type, status from org
      where region_id = ${regionId} and path <@ ${scopePath}::ltree order by path`);
  },

  /**
   * Many members in one statement (roster import): the batch travels as one JSON parameter, which
   * PGlite parses about three times faster than 25 bound parameters a row (and it has no parameter limit).
   */
  async insertMany(db: Database, regionId: string, rows: { id: string; w: MemberWrite }[]) {
    if (rows.length === 0) return;
    const batch = JSON.stringify(rows.map(({ id, w }) => ({ ...w, id, search: searchVectorLiteral([w.name]) })));
    await db.run(sql`insert into member (region_id, id, org_id, name, gender, ethnicity, birth_date, id_number_enc, id_number_hash, id_number_masked,
        education, occupation, work_unit, position, phone_enc, phone_hash, phone_masked, address_enc, address_masked,
        applied_date, joined_date, confirmed_date, status, categories, search)
      select ${regionId}, x.id, x."orgId", x.name, x.gender, x.ethnicity, x."birthDate", x."idNumberEnc", x."idNumberHash", x."idNumberMasked",
        x.education, x.occupation, x."workUnit", x.position, x."phoneEnc", x."phoneHash", x."phoneMasked", x."addressEnc", x."addressMasked",
        x."appliedDate", x."joinedDate", x."confirmedDate", x.status, x.categories, x.search::tsvector
      from jsonb_to_recordset(${batch}::jsonb) as x(id uuid, "orgId" uuid, name text, gender text, ethnicity text, "birthDate" date,
        "idNumberEnc" text, "idNumberHash" text, "idNumberMasked" text, education text, occupation text, "workUnit" text, position text,
        "phoneEnc" text, "phoneHash" text, "phoneMasked" text, "addressEnc" text, "addressMasked" text,
        "appliedDate" date, "joinedDate" date, "confirmedDate" date, status text, categories text[], search text)`);
  },

  /** Many status-history rows in one statement, as one JSON parameter (the roster import's 'register' events). */
  async insertEvents(
    db: Database,
    regionId: string,
    events: { id: string; memberId: string; event: string; status: string; date: string; reason: string; actorId: string | null; actorName: string | null }[],
  ) {
    if (events.length === 0) return;
    await db.run(sql`insert into member_status_event (region_id, id, member_id, event, from_status, to_status, event_date, reason, actor_id, actor_name)
      select ${regionId}, x.id, x."memberId", x.event, x.status, x.status, x.date, x.reason, x."actorId", x."actorName"
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(id uuid, "memberId" uuid, event text, status text, date date, reason text, "actorId" uuid, "actorName" text)`);
  },
};
export type MemberRepository = typeof memberRepository;
