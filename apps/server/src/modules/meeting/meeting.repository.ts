import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** One meeting as read, with its organization's current path and the attendance counts. */
export interface MeetingRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  type: string;
  title: string;
  topics: string;
  meeting_date: string;
  start_time: string;
  end_time: string;
  starts_at: string;
  place: string | null;
  online: boolean;
  lecture_by_secretary: boolean;
  state: string;
  version: number;
  host_name: string | null;
  recorder_name: string | null;
  speakers_points: string | null;
  decisions: string | null;
  open_items: string | null;
  chosen_member_ids: string[];
  guests: string[];
  review_score: string | null;
  review_passed: boolean | null;
  review_marks: Record<string, string> | null;
  review_comment: string | null;
  reviewed_by_name: string | null;
  return_reason: string | null;
  cancel_reason: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
  n_expected: number;
  n_present: number;
  n_leave: number;
  n_absent: number;
  n_guests: number;
}

export interface AttendeeRow {
  id: string;
  seq: number;
  role: 'expected' | 'guest';
  member_id: string | null;
  name: string;
  post: string | null;
  member_status: string | null;
  discipline_until: string | null;
  attendance: 'present' | 'leave' | 'absent' | null;
  reason: string | null;
  signed_at: string | null;
  method: 'code' | 'qr' | 'secretary' | null;
}

export interface VoteRow {
  id: string;
  motion: string;
  kind: string;
  method: string;
  yes: number;
  no: number;
  abstain: number;
  written_yes: number;
  written_no: number;
  written_abstain: number;
  entitled: number;
  entitled_present: number;
  quorum_met: boolean;
  passed: boolean;
  explanation: string;
}

export interface AmendmentRow {
  id: string;
  field: string;
  before: string | null;
  after: string;
  reason: string;
  actor_name: string | null;
  at: string;
}

/** The planned fields as the service writes them. */
export interface MeetingPlanWrite {
  type: string;
  title: string;
  topics: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  place: string | null;
  online: boolean;
  hostName: string | null;
  recorderName: string | null;
  chosenMemberIds: string[];
  guests: string[];
  /** 党课 only (the service refuses it for other types). */
  lectureBySecretary: boolean;
}

export interface MeetingRecordWrite {
  hostName: string;
  recorderName: string;
  topics: string;
  speakersPoints: string;
  decisions: string | null;
  openItems: string | null;
}

export interface MeetingFilter {
  scopePath: string;
  state?: string;
  type?: string;
  orgPath?: string;
  from?: string;
  to?: string;
  q?: string;
  /** Only the meetings overdue on this day. */
  overdueOn?: string;
  /** The last day a record may wait (today − record limit): records of meetings on or before it are overdue. */
  recordOverdueBefore?: string;
  page: number;
  pageSize: number;
}

const uuids = (ids: readonly string[]) =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]::uuid[]`
    : sql`'{}'::uuid[]`;
const texts = (xs: readonly string[]) =>
  xs.length
    ? sql`array[${sql.join(
        xs.map((x) => sql`${x}::text`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

const columns = sql`m.id, m.org_id, o.name as org_name, o.path::text as org_path, m.type, m.title, m.topics, m.meeting_date::text as meeting_date,
  m.start_time, m.end_time, m.starts_at::text as starts_at, m.place, m.online, m.lecture_by_secretary, m.state, m.version, m.host_name, m.recorder_name,
  m.speakers_points, m.decisions, m.open_items, m.chosen_member_ids::text[] as chosen_member_ids, m.guests, m.review_score::text as review_score,
  m.review_passed, m.review_marks, m.review_comment, m.reviewed_by_name, m.return_reason, m.cancel_reason, m.created_by_name,
  m.created_at::text as created_at, m.updated_at::text as updated_at,
  coalesce(c.n_expected, 0)::int as n_expected, coalesce(c.n_present, 0)::int as n_present, coalesce(c.n_leave, 0)::int as n_leave,
  coalesce(c.n_absent, 0)::int as n_absent, coalesce(c.n_guests, 0)::int as n_guests`;
const from = sql`from meeting m join org o on o.region_id = m.region_id and o.id = m.org_id
  left join lateral (select count(*) filter (where a.role = 'expected') as n_expected,
      count(*) filter (where a.role = 'expected' and a.attendance = 'present') as n_present,
      count(*) filter (where a.role = 'expected' and a.attendance = 'leave') as n_leave,
      count(*) filter (where a.role = 'expected' and a.attendance = 'absent') as n_absent,
      count(*) filter (where a.role = 'guest') as n_guests
    from meeting_attendee a where a.region_id = m.region_id and a.meeting_id = m.id) c on true`;

/** Overdue on `today`: not held past its date, or held and the record not submitted by the limit. */
export const overdueSql = (today: string, recordOverdueBefore: string) =>
  sql`((m.state in ('plan','notice') and m.meeting_date < ${today}::date) or (m.state in ('held','recorded') and m.meeting_date < ${recordOverdueBefore}::date))`;

function where(regionId: string, f: Omit<MeetingFilter, 'page' | 'pageSize'>): SQL {
  const w: SQL[] = [sql`m.region_id = ${regionId}`, sql`o.path <@ ${f.scopePath}::ltree`];
  if (f.state) w.push(sql`m.state = ${f.state}`);
  if (f.type) w.push(sql`m.type = ${f.type}`);
  if (f.orgPath) w.push(sql`o.path <@ ${f.orgPath}::ltree`);
  if (f.from) w.push(sql`m.meeting_date >= ${f.from}::date`);
  if (f.to) w.push(sql`m.meeting_date <= ${f.to}::date`);
  if (f.q) w.push(sql`strpos(m.title, ${f.q}) > 0`);
  if (f.overdueOn && f.recordOverdueBefore) w.push(overdueSql(f.overdueOn, f.recordOverdueBefore));
  return sql.join(w, sql` and `);
}

/** Meetings, their attendees, votes and amendments (migration 0029); SQL only. */
export const meetingRepository = {
  byId(db: Database, regionId: string, id: string) {
    return db.one<MeetingRow>(sql`select ${columns} ${from} where m.region_id = ${regionId} and m.id = ${id}`);
  },

  async list(db: Database, regionId: string, f: MeetingFilter) {
    const cond = where(regionId, f);
    const items = await db.rows<MeetingRow>(sql`select ${columns} ${from} where ${cond}
      order by m.meeting_date desc, m.start_time desc, m.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
    const total = await db.one<{ n: number }>(
      sql`select count(*)::int as n from meeting m join org o on o.region_id = m.region_id and o.id = m.org_id where ${cond}`,
    );
    return { items, total: total?.n ?? 0 };
  },

  async insert(db: Database, regionId: string, id: string, orgId: string, w: MeetingPlanWrite, actor: { id: string; name: string }) {
    await db.run(sql`insert into meeting (region_id, id, org_id, type, title, topics, meeting_date, start_time, end_time, starts_at, place, online,
        host_name, recorder_name, chosen_member_ids, guests, lecture_by_secretary, created_by, created_by_name)
      values (${regionId}, ${id}, ${orgId}, ${w.type}, ${w.title}, ${w.topics}, ${w.date}::date, ${w.startTime}, ${w.endTime}, ${w.startsAt}::timestamptz,
        ${w.place}, ${w.online}, ${w.hostName}, ${w.recorderName}, ${uuids(w.chosenMemberIds)}, ${texts(w.guests)}, ${w.lectureBySecretary}, ${actor.id}, ${actor.name})`);
  },

  /** Changes the plan of a meeting still in `states` at `expected`; false when it moved on. */
  async updatePlan(db: Database, regionId: string, id: string, expected: number, states: readonly string[], w: MeetingPlanWrite): Promise<boolean> {
    const n = await db.run(sql`update meeting set title = ${w.title}, topics = ${w.topics}, meeting_date = ${w.date}::date, start_time = ${w.startTime},
        end_time = ${w.endTime}, starts_at = ${w.startsAt}::timestamptz, place = ${w.place}, online = ${w.online}, host_name = ${w.hostName},
        recorder_name = ${w.recorderName}, chosen_member_ids = ${uuids(w.chosenMemberIds)}, guests = ${texts(w.guests)},
        lecture_by_secretary = ${w.lectureBySecretary}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id} and version = ${expected} and state in (${sql.join(
        states.map((s) => sql`${s}`),
        sql`, `,
      )})`);
    return n === 1;
  },

  /** Saves the record of a meeting still in `states` (at `expected` when given); false when it moved on. */
  async updateRecord(db: Database, regionId: string, id: string, expected: number | null, states: readonly string[], w: MeetingRecordWrite): Promise<boolean> {
    const n = await db.run(sql`update meeting set host_name = ${w.hostName}, recorder_name = ${w.recorderName}, topics = ${w.topics},
        speakers_points = ${w.speakersPoints}, decisions = ${w.decisions}, open_items = ${w.openItems}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id} ${expected === null ? sql`` : sql`and version = ${expected}`} and state in (${sql.join(
        states.map((s) => sql`${s}`),
        sql`, `,
      )})`);
    return n === 1;
  },

  /** The review's score and marks, written with the approve or return step. */
  async setReview(
    db: Database,
    regionId: string,
    id: string,
    r: { score: number | null; passed: boolean | null; marks: unknown; comment: string | null; by: string },
  ) {
    await db.run(sql`update meeting set review_score = ${r.score}, review_passed = ${r.passed}, review_marks = ${r.marks === null ? null : JSON.stringify(r.marks)}::jsonb,
        review_comment = ${r.comment}, reviewed_by_name = ${r.by} where region_id = ${regionId} and id = ${id}`);
  },

  /** Bumps the version (a change to the meeting's parts: attendance, votes, attachments). */
  async touch(db: Database, regionId: string, id: string) {
    await db.run(sql`update meeting set version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  org(db: Database, regionId: string, id: string) {
    return db.one<{ id: string; name: string; type: string; status: string; path: string }>(
      sql`select id, name, type, status, path::text as path from org where region_id = ${regionId} and id = ${id}`,
    );
  },

  /** Members of the branch who take part in its meetings: 正式 and 预备党员 not transferred out. */
  branchMembers(db: Database, regionId: string, orgId: string) {
    return db.rows<{
      id: string;
      name: string;
      status: string;
      discipline_until: string | null;
    }>(sql`select id, name, status, discipline_until::text as discipline_until
      from member where region_id = ${regionId} and org_id = ${orgId} and status in ('full','probationary') and transferred_out_date is null
      order by joined_date, name, id`);
  },

  /** Members of the region by id with their branch's path (the service checks the scope). */
  membersByIds(db: Database, regionId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.rows<{ id: string; name: string; status: string; discipline_until: string | null; org_path: string }>(sql`select m.id, m.name, m.status,
        m.discipline_until::text as discipline_until, o.path::text as org_path
      from member m join org o on o.region_id = m.region_id and o.id = m.org_id where m.region_id = ${regionId} and m.id = any(${uuids(ids)})`);
  },

  /** The sitting committee on `today`, each linked to the branch's member of the same name when exactly one has it. */
  committee(db: Database, regionId: string, orgId: string, today: string) {
    return db.rows<{
      name: string;
      post: string;
      member_id: string | null;
      status: string | null;
      discipline_until: string | null;
    }>(sql`select c.person_name as name, c.post,
        mm.id as member_id, mm.status, mm.discipline_until::text as discipline_until
      from org_committee_member c
      left join lateral (select m.id, m.status, m.discipline_until from member m where m.region_id = c.region_id and m.org_id = c.org_id and m.name = c.person_name
          and m.status in ('full','probationary') and m.transferred_out_date is null
          and (select count(*) from member m2 where m2.region_id = c.region_id and m2.org_id = c.org_id and m2.name = c.person_name and m2.status in ('full','probationary')) = 1) mm on true
      where c.region_id = ${regionId} and c.org_id = ${orgId} and (c.end_date is null or c.end_date >= ${today}::date) and c.start_date <= ${today}::date
      order by case c.post when 'secretary' then 0 when 'deputy_secretary' then 1 else 2 end, c.start_date, c.person_name`);
  },

  attendees(db: Database, regionId: string, meetingId: string) {
    return db.rows<AttendeeRow>(sql`select id, seq, role, member_id, name, post, member_status, discipline_until::text as discipline_until, attendance, reason,
        signed_at::text as signed_at, method from meeting_attendee where region_id = ${regionId} and meeting_id = ${meetingId} order by seq`);
  },

  async insertAttendees(db: Database, regionId: string, meetingId: string, rows: Omit<AttendeeRow, 'attendance' | 'reason' | 'signed_at' | 'method'>[]) {
    if (rows.length === 0) return;
    await db.run(
      sql`insert into meeting_attendee (region_id, meeting_id, id, seq, role, member_id, name, post, member_status, discipline_until) values ${sql.join(
        rows.map(
          (r) =>
            sql`(${regionId}, ${meetingId}, ${r.id}, ${r.seq}, ${r.role}, ${r.member_id}::uuid, ${r.name}, ${r.post}, ${r.member_status}, ${r.discipline_until}::date)`,
        ),
        sql`, `,
      )}`,
    );
  },

  /** Sets one expected attendee's attendance; false when there is no such expected attendee. */
  async setAttendance(
    db: Database,
    regionId: string,
    meetingId: string,
    attendeeId: string,
    a: { attendance: string; reason: string | null; signedAt: string | null; method: string | null },
  ): Promise<boolean> {
    const n =
      await db.run(sql`update meeting_attendee set attendance = ${a.attendance}, reason = ${a.reason}, signed_at = ${a.signedAt}::timestamptz, method = ${a.method}
      where region_id = ${regionId} and meeting_id = ${meetingId} and id = ${attendeeId}`);
    return n === 1;
  },

  /** Marks a member present by sign-in, once (the first time stays). */
  async signedIn(db: Database, regionId: string, meetingId: string, memberId: string, at: string, method: string) {
    await db.run(sql`update meeting_attendee set attendance = 'present', reason = null, signed_at = coalesce(signed_at, ${at}::timestamptz), method = coalesce(method, ${method})
      where region_id = ${regionId} and meeting_id = ${meetingId} and member_id = ${memberId} and role = 'expected'`);
  },

  votes(db: Database, regionId: string, meetingId: string) {
    return db.rows<VoteRow>(sql`select id, motion, kind, method, yes, no, abstain, written_yes, written_no, written_abstain, entitled, entitled_present, quorum_met, passed, explanation
      from meeting_vote where region_id = ${regionId} and meeting_id = ${meetingId} order by created_at, id`);
  },

  async insertVote(db: Database, regionId: string, meetingId: string, v: VoteRow, by: string) {
    await db.run(sql`insert into meeting_vote (region_id, meeting_id, id, motion, kind, method, yes, no, abstain, written_yes, written_no, written_abstain,
        entitled, entitled_present, quorum_met, passed, explanation, created_by_name)
      values (${regionId}, ${meetingId}, ${v.id}, ${v.motion}, ${v.kind}, ${v.method}, ${v.yes}, ${v.no}, ${v.abstain}, ${v.written_yes}, ${v.written_no}, ${v.written_abstain},
        ${v.entitled}, ${v.entitled_present}, ${v.quorum_met}, ${v.passed}, ${v.explanation}, ${by})`);
  },

  async deleteVote(db: Database, regionId: string, meetingId: string, voteId: string): Promise<VoteRow | undefined> {
    return db.one<VoteRow>(sql`delete from meeting_vote where region_id = ${regionId} and meeting_id = ${meetingId} and id = ${voteId}
      returning id, motion, kind, method, yes, no, abstain, written_yes, written_no, written_abstain, entitled, entitled_present, quorum_met, passed, explanation`);
  },

  amendments(db: Database, regionId: string, meetingId: string) {
    return db.rows<AmendmentRow>(sql`select id, field, before, after, reason, actor_name, at::text as at from meeting_amendment
      where region_id = ${regionId} and meeting_id = ${meetingId} order by at, id`);
  },

  async insertAmendment(
    db: Database,
    regionId: string,
    meetingId: string,
    a: Omit<AmendmentRow, 'at' | 'actor_name'> & { actorId: string; actorName: string },
  ) {
    await db.run(sql`insert into meeting_amendment (region_id, meeting_id, id, field, before, after, reason, actor_id, actor_name)
      values (${regionId}, ${meetingId}, ${a.id}, ${a.field}, ${a.before}, ${a.after}, ${a.reason}, ${a.actorId}, ${a.actorName})`);
  },

  /** Active accounts bound to these members (who get the notice). */
  accountsOf(db: Database, regionId: string, memberIds: readonly string[]) {
    if (memberIds.length === 0) return Promise.resolve([]);
    return db.rows<{ id: string }>(
      sql`select id from account where region_id = ${regionId} and disabled = false and member_id = any(${uuids(memberIds)}) order by id`,
    );
  },

  /** A member's own meetings once noticed, newest first. */
  mine(db: Database, regionId: string, memberId: string) {
    return db.rows<
      MeetingRow & { my_attendance: string | null; my_signed_at: string | null }
    >(sql`select ${columns}, me.attendance as my_attendance, me.signed_at::text as my_signed_at
      ${from} join meeting_attendee me on me.region_id = m.region_id and me.meeting_id = m.id and me.member_id = ${memberId} and me.role = 'expected'
      where m.region_id = ${regionId} and m.state <> 'plan'
      order by m.meeting_date desc, m.start_time desc limit 100`);
  },
};
export type MeetingRepository = typeof meetingRepository;
