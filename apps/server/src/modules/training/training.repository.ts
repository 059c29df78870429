import { sql, type SQL } from 'drizzle-orm';
import type { TrainingKind } from '@jiceng/contracts';
import type { TrainingRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

/** A session with its organizer and attendance counts. */
export interface SessionRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  kind: string;
  title: string;
  start_date: string;
  end_date: string;
  hours: number;
  online: boolean;
  place: string | null;
  provider: string | null;
  imported: boolean;
  attendees: number;
  absentees: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AttendanceRow {
  session_id: string;
  member_id: string;
  member_name: string;
  org_id: string;
  org_name: string;
  status: string;
  hours: number;
  recorded_by: string | null;
  updated_at: string;
}

/** A member as attendance and the import check them. */
export interface MemberRef {
  id: string;
  name: string;
  status: string;
  transferred_out_date: string | null;
  org_path: string;
}

/** One person's year as the SQL judges it (rule set training in packages/rules, the same formula). */
export interface HoursRow {
  member_id: string;
  name: string;
  org_id: string;
  org_name: string;
  joined_date: string;
  cadre_since: string | null;
  posts: string[] | null;
  secretary: boolean;
  sessions: number;
  training_hours: number;
  lectures: number;
  lecture_hours: number;
  total_hours: number;
  required: number;
  shortfall: number;
}

export interface SessionFilter {
  scopePath: string;
  kind?: string;
  year?: number;
  q?: string;
}

/**
 * 党课 attended at meetings per member in a year: a select of `(member_id uuid, lectures int)`.
 * The meeting module provides it; until then none are counted.
 */
export type LectureCounts = (regionId: string, yearStart: string, yearEnd: string) => SQL;
export const noLectures: LectureCounts = () => sql`select null::uuid as member_id, 0::int as lectures where false`;

/** What the hours SQL needs of a year. */
export interface HoursYear {
  year: number;
  rules: TrainingRuleSet;
  lectures: LectureCounts;
  /** Only the members of these organizations (a uuid[] expression: the to-do read model's recomputed ones). */
  orgRefs?: SQL | null;
}

const sessionSelect = sql`select s.id, s.org_id, o.name as org_name, o.path::text as org_path, s.kind, s.title, s.start_date::text as start_date, s.end_date::text as end_date,
  s.hours::float8 as hours, s.online, s.place, s.provider, s.imported,
  coalesce(a.attendees, 0)::int as attendees, coalesce(a.absentees, 0)::int as absentees, s.version, s.created_at::text as created_at, s.updated_at::text as updated_at
  from training_session s
  join org o on o.region_id = s.region_id and o.id = s.org_id
  left join lateral (select count(*) filter (where x.status <> 'absent') as attendees, count(*) filter (where x.status = 'absent') as absentees
    from training_attendance x where x.region_id = s.region_id and x.session_id = s.id) a on true`;

const attendanceSelect = sql`select a.session_id, a.member_id, m.name as member_name, m.org_id, o.name as org_name, a.status, a.hours::float8 as hours, a.recorded_by, a.updated_at::text as updated_at
  from training_attendance a
  join member m on m.region_id = a.region_id and m.id = a.member_id
  join org o on o.region_id = m.region_id and o.id = m.org_id`;

function sessionWhere(regionId: string, f: SessionFilter): SQL {
  const w: SQL[] = [sql`s.region_id = ${regionId}`, sql`o.path <@ ${f.scopePath}::ltree`];
  if (f.kind) w.push(sql`s.kind = ${f.kind}`);
  if (f.year) w.push(sql`s.start_date between ${`${f.year}-01-01`}::date and ${`${f.year}-12-31`}::date`);
  if (f.q) w.push(sql`strpos(s.title, ${f.q}) > 0`);
  return sql.join(w, sql` and `);
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Rule training-pro-rata and training-rounding in SQL: the minimum `min` owed from `since` in the
 * year (whole months left, the month of `since` counted; rounded up to the step). Held equal to
 * packages/rules `minimumOwed` by training.int.test.ts.
 */
function owedSql(min: number, since: SQL, y: HoursYear): SQL {
  const start = `${y.year}-01-01`;
  const end = `${y.year}-12-31`;
  const months = sql`(case when ${since} < ${start}::date then 12 when ${since} > ${end}::date then 0 else 13 - extract(month from ${since})::int end)`;
  const step = y.rules.hoursStep;
  if (y.rules.partYear === 'full') return sql`(case when ${months} = 0 then 0 else ${min}::numeric end)`;
  return sql`(case when ${months} = 12 then ${min}::numeric else ceil(${min}::numeric * ${months} / 12 / ${step}::numeric - 0.000000001) * ${step}::numeric end)`;
}

/**
 * Every member of the scope who belongs to the year (正式/预备, not transferred out, joined by its
 * end) with the year's hours and minimum (rules training-minimum-*, -kinds, -party-lecture). A
 * 书记/班子成员 is a person holding a seat of the rule set's posts during the year in their own
 * organization or an ancestor, matched by name (the committee stores names, not member ids).
 */
/** The members' organizations: under `scopePath` ('' for the whole region), and among `orgRefs` when given. */
const scopeOf = (scopePath: string, y: HoursYear): SQL =>
  sql`${scopePath ? sql`and o.path <@ ${scopePath}::ltree` : sql``} ${y.orgRefs ? sql`and o.id = any(${y.orgRefs})` : sql``}`;

export function hoursSql(regionId: string, scopePath: string, y: HoursYear): SQL {
  const start = `${y.year}-01-01`;
  const end = `${y.year}-12-31`;
  const counting = (Object.keys(y.rules.kinds) as TrainingKind[]).filter((k) => y.rules.kinds[k].counts);
  const lectureHours = y.rules.partyLecture.counts ? sql`coalesce(lec.lectures, 0) * ${y.rules.partyLecture.hours}::numeric` : sql`0::numeric`;
  const base = sql`with seat as (
      select c.person_name, o.path, c.post, greatest(c.start_date, ${start}::date) as since
      from org_committee_member c join org o on o.region_id = c.region_id and o.id = c.org_id
      where c.region_id = ${regionId} and o.status = 'active' and c.start_date <= ${end}::date and (c.end_date is null or c.end_date >= ${start}::date)
        and c.post in (${list(y.rules.cadrePosts)})
    ),
    att as (
      select a.member_id, count(*) filter (where a.status <> 'absent') as sessions,
        coalesce(sum(a.hours) filter (where s.kind in (${list(counting.length ? counting : ['-'])})), 0) as hours
      from training_attendance a join training_session s on s.region_id = a.region_id and s.id = a.session_id
      where a.region_id = ${regionId} and s.start_date between ${start}::date and ${end}::date
      group by a.member_id
    ),
    lec as (${y.lectures(regionId, start, end)}),
    -- seats by the holder's name (a hash join), then only those in the member's organization or above:
    -- a per-member scan of every seat took 1.8 s for a district of 100,000 members
    cadre as (
      select m.id as member_id, min(x.since) as since, array_agg(distinct x.post order by x.post) as posts, bool_or(x.post in (${list(y.rules.secretaryPosts)})) as secretary
      from member m join org o on o.region_id = m.region_id and o.id = m.org_id
      join seat x on x.person_name = m.name and x.path @> o.path
      where m.region_id = ${regionId} ${scopeOf(scopePath, y)}
      group by m.id
    ),
    person as (
      select m.id as member_id, m.name, m.org_id, o.name as org_name, o.path as org_path, m.joined_date, cs.since as cadre_since, cs.posts, coalesce(cs.secretary, false) as secretary,
        coalesce(att.sessions, 0)::int as sessions, coalesce(att.hours, 0) as training_hours, coalesce(lec.lectures, 0)::int as lectures, ${lectureHours} as lecture_hours
      from member m
      join org o on o.region_id = m.region_id and o.id = m.org_id
      left join att on att.member_id = m.id
      left join lec on lec.member_id = m.id
      left join cadre cs on cs.member_id = m.id
      where m.region_id = ${regionId} ${scopeOf(scopePath, y)} and m.status in ('full', 'probationary') and m.transferred_out_date is null and m.joined_date <= ${end}::date
    ),
    judged as (
      select p.*, p.training_hours + p.lecture_hours as total_hours,
        greatest(${owedSql(y.rules.memberMinHours, sql`p.joined_date`, y)},
          case when p.cadre_since is null then 0 else ${owedSql(y.rules.cadreMinHours, sql`greatest(p.cadre_since, p.joined_date)`, y)} end) as required
      from person p
    )
    select j.member_id, j.name, j.org_id, j.org_name, j.org_path, j.joined_date::text as joined_date, j.cadre_since::text as cadre_since, j.posts, j.secretary, j.sessions,
      j.training_hours::float8 as training_hours, j.lectures, j.lecture_hours::float8 as lecture_hours, j.total_hours::float8 as total_hours,
      j.required::float8 as required, greatest(0, j.required - j.total_hours)::float8 as shortfall
    from judged j`;
  return base;
}

export interface HoursFilter {
  role?: 'secretary' | 'committee' | 'member';
  short?: boolean;
  q?: string;
  memberId?: string;
}

function hoursWhere(f: HoursFilter): SQL {
  const w: SQL[] = [sql`true`];
  if (f.role === 'secretary') w.push(sql`h.secretary`);
  if (f.role === 'committee') w.push(sql`h.cadre_since is not null and not h.secretary`);
  if (f.role === 'member') w.push(sql`h.cadre_since is null`);
  if (f.short) w.push(sql`h.shortfall > 0`);
  if (f.q) w.push(sql`strpos(h.name, ${f.q}) > 0`);
  if (f.memberId) w.push(sql`h.member_id = ${f.memberId}`);
  return sql.join(w, sql` and `);
}

export const trainingRepository = {
  session(db: Database, regionId: string, id: string, lock = false) {
    return db.one<SessionRow>(sql`${sessionSelect} where s.region_id = ${regionId} and s.id = ${id} ${lock ? sql`for update of s` : sql``}`);
  },

  async sessions(db: Database, regionId: string, f: SessionFilter, page: number, pageSize: number) {
    const cond = sessionWhere(regionId, f);
    const items = await db.rows<SessionRow>(
      sql`${sessionSelect} where ${cond} order by s.start_date desc, s.created_at desc, s.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    const total =
      (
        await db.one<{ n: number }>(
          sql`select count(*)::int as n from training_session s join org o on o.region_id = s.region_id and o.id = s.org_id where ${cond}`,
        )
      )?.n ?? 0;
    return { items, total };
  },

  async insertSession(
    db: Database,
    regionId: string,
    s: {
      id: string;
      orgId: string;
      kind: string;
      title: string;
      startDate: string;
      endDate: string;
      hours: number;
      online: boolean;
      place: string | null;
      provider: string | null;
      imported: boolean;
      createdBy: string;
    },
  ) {
    await db.run(sql`insert into training_session (region_id, id, org_id, kind, title, start_date, end_date, hours, online, place, provider, imported, created_by)
      values (${regionId}, ${s.id}, ${s.orgId}, ${s.kind}, ${s.title}, ${s.startDate}, ${s.endDate}, ${s.hours}, ${s.online}, ${s.place}, ${s.provider}, ${s.imported}, ${s.createdBy})`);
  },

  /** Saves a form edit made from `expected`; 0 rows when someone saved in between. */
  updateSession(
    db: Database,
    regionId: string,
    id: string,
    s: { kind: string; title: string; startDate: string; endDate: string; hours: number; online: boolean; place: string | null; provider: string | null },
    expected: number,
  ) {
    return db.run(sql`update training_session set kind = ${s.kind}, title = ${s.title}, start_date = ${s.startDate}, end_date = ${s.endDate}, hours = ${s.hours}, online = ${s.online},
      place = ${s.place}, provider = ${s.provider}, version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id} and version = ${expected}`);
  },

  deleteSession(db: Database, regionId: string, id: string) {
    return db.run(sql`delete from training_session where region_id = ${regionId} and id = ${id}`);
  },

  /** 全程参加 follows the session's hours. */
  async followHours(db: Database, regionId: string, id: string, hours: number) {
    await db.run(
      sql`update training_attendance set hours = ${hours}, updated_at = now() where region_id = ${regionId} and session_id = ${id} and status = 'attended' and hours <> ${hours}`,
    );
  },

  /** Members of 部分参加 credited `hours` or more (they would exceed a session cut to `hours`). */
  partialAtLeast(db: Database, regionId: string, id: string, hours: number) {
    return db.rows<{ name: string }>(sql`select m.name from training_attendance a join member m on m.region_id = a.region_id and m.id = a.member_id
      where a.region_id = ${regionId} and a.session_id = ${id} and a.status = 'partial' and a.hours >= ${hours} order by m.name limit 5`);
  },

  attendance(db: Database, regionId: string, sessionId: string) {
    return db.rows<AttendanceRow>(
      sql`${attendanceSelect} where a.region_id = ${regionId} and a.session_id = ${sessionId} order by o.path, m.name, a.member_id`,
    );
  },

  attendanceOf(db: Database, regionId: string, sessionId: string, memberId: string) {
    return db.one<AttendanceRow>(sql`${attendanceSelect} where a.region_id = ${regionId} and a.session_id = ${sessionId} and a.member_id = ${memberId}`);
  },

  /** Records (or updates) one member's attendance: a member once per session, whoever writes last. */
  async upsertAttendance(db: Database, regionId: string, a: { sessionId: string; memberId: string; status: string; hours: number; recordedBy: string }) {
    await db.run(sql`insert into training_attendance (region_id, session_id, member_id, status, hours, recorded_by)
      values (${regionId}, ${a.sessionId}, ${a.memberId}, ${a.status}, ${a.hours}, ${a.recordedBy})
      on conflict (region_id, session_id, member_id) do update set status = excluded.status, hours = excluded.hours, recorded_by = excluded.recorded_by, updated_at = now()`);
  },

  removeAttendance(db: Database, regionId: string, sessionId: string, memberId: string) {
    return db.run(sql`delete from training_attendance where region_id = ${regionId} and session_id = ${sessionId} and member_id = ${memberId}`);
  },

  members(db: Database, regionId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([] as MemberRef[]);
    return db.rows<MemberRef>(sql`select m.id, m.name, m.status, m.transferred_out_date::text as transferred_out_date, o.path::text as org_path
      from member m join org o on o.region_id = m.region_id and o.id = m.org_id
      where m.region_id = ${regionId} and m.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  },

  /** Members by ID-number hash (the import's look-up). */
  membersByIdHash(db: Database, regionId: string, hashes: readonly string[]) {
    if (hashes.length === 0) return Promise.resolve([] as (MemberRef & { id_number_hash: string })[]);
    return db.rows<
      MemberRef & { id_number_hash: string }
    >(sql`select m.id, m.name, m.status, m.transferred_out_date::text as transferred_out_date, o.path::text as org_path, m.id_number_hash
      from member m join org o on o.region_id = m.region_id and o.id = m.org_id
      where m.region_id = ${regionId} and m.id_number_hash in (${list(hashes)})`);
  },

  /** Online courses already credited: member and course title, in the year. */
  onlineTaken(db: Database, regionId: string, memberIds: readonly string[], year: number) {
    if (memberIds.length === 0) return Promise.resolve([] as { member_id: string; title: string }[]);
    return db.rows<{
      member_id: string;
      title: string;
    }>(sql`select a.member_id, s.title from training_attendance a join training_session s on s.region_id = a.region_id and s.id = a.session_id
      where a.region_id = ${regionId} and s.kind = 'online' and s.start_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
        and a.member_id in (${sql.join(
          memberIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`);
  },

  /** A page of the hours list (or all of it when `pageSize` is null: the export and the statistics). */
  async hours(db: Database, regionId: string, scopePath: string, y: HoursYear, f: HoursFilter, page: number, pageSize: number | null) {
    const base = hoursSql(regionId, scopePath, y);
    const cond = hoursWhere(f);
    const limit = pageSize === null ? sql`` : sql`limit ${pageSize} offset ${(page - 1) * pageSize}`;
    const items = await db.rows<HoursRow>(
      sql`select * from (${base}) h where ${cond} order by h.org_path, (not h.secretary), (h.cadre_since is null), h.name, h.member_id ${limit}`,
    );
    const total = pageSize === null ? items.length : ((await db.one<{ n: number }>(sql`select count(*)::int as n from (${base}) h where ${cond}`))?.n ?? 0);
    return { items, total };
  },

  /** The statistics' person figures: members, 书记/班子成员 and 书记 alone, meeting the minimum or not. */
  hoursCounts(db: Database, regionId: string, scopePath: string, y: HoursYear) {
    return db.one<Record<'members' | 'members_met' | 'cadres' | 'cadres_met' | 'secretaries' | 'secretaries_met', number>>(sql`select
      count(*) filter (where h.cadre_since is null)::int as members, count(*) filter (where h.cadre_since is null and h.shortfall = 0)::int as members_met,
      count(*) filter (where h.cadre_since is not null)::int as cadres, count(*) filter (where h.cadre_since is not null and h.shortfall = 0)::int as cadres_met,
      count(*) filter (where h.secretary)::int as secretaries, count(*) filter (where h.secretary and h.shortfall = 0)::int as secretaries_met
      from (${hoursSql(regionId, scopePath, y)}) h`);
  },

  /** Sessions organized in the scope that start in the year, by kind: sessions, person-times and hours credited. */
  sessionCounts(db: Database, regionId: string, scopePath: string, year: number) {
    return db.rows<{ kind: string; sessions: number; person_times: number; total_hours: number }>(sql`select s.kind, count(distinct s.id)::int as sessions,
      count(a.member_id) filter (where a.status <> 'absent')::int as person_times, coalesce(sum(a.hours), 0)::float8 as total_hours
      from training_session s join org o on o.region_id = s.region_id and o.id = s.org_id
      left join training_attendance a on a.region_id = s.region_id and a.session_id = s.id
      where s.region_id = ${regionId} and o.path <@ ${scopePath}::ltree and s.start_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
      group by s.kind`);
  },

  /** One member's records of the year (the H5 page). */
  recordsOf(db: Database, regionId: string, memberId: string, year: number) {
    return db.rows<{
      session_id: string;
      title: string;
      kind: string;
      start_date: string;
      end_date: string;
      org_name: string;
      status: string;
      hours: number;
    }>(sql`select s.id as session_id, s.title, s.kind,
      s.start_date::text as start_date, s.end_date::text as end_date, o.name as org_name, a.status, a.hours::float8 as hours
      from training_attendance a join training_session s on s.region_id = a.region_id and s.id = a.session_id join org o on o.region_id = s.region_id and o.id = s.org_id
      where a.region_id = ${regionId} and a.member_id = ${memberId} and s.start_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
      order by s.start_date desc, s.id`);
  },

  /** The scope path of a member's branch (the H5 route's own hours). */
  memberPath(db: Database, regionId: string, memberId: string) {
    return db.one<{ path: string }>(
      sql`select o.path::text as path from member m join org o on o.region_id = m.region_id and o.id = m.org_id where m.region_id = ${regionId} and m.id = ${memberId}`,
    );
  },
};
export type TrainingRepository = typeof trainingRepository;
