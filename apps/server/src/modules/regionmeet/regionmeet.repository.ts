import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** A joint meeting with its community's name and the counts its list shows. */
export interface MeetingRow {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  title: string;
  held_on: string;
  place: string;
  host: string | null;
  state: string;
  version: number;
  minutes: string | null;
  cancel_reason: string | null;
  agenda_count: number;
  decision_count: number;
  followup_count: number;
  followups_overdue: number;
  present: number;
  recorded: number;
  created_at: string;
}

export interface CommunityRow {
  id: string;
  path: string;
  name: string;
  type: string;
  domain: string;
  status: string;
}

export interface AgendaRow {
  id: string;
  seq: number;
  kind: 'need' | 'project' | 'free';
  ref_id: string | null;
  title: string;
  note: string | null;
  ref_state: string | null;
}

export interface DecisionRow {
  id: string;
  seq: number;
  kind: 'text' | 'need' | 'project';
  text: string;
  need_id: string | null;
  project_id: string | null;
  ref_title: string | null;
  ref_state: string | null;
  created_at: string;
}

export interface FollowupRow {
  id: string;
  meeting_id: string;
  title: string;
  owner_kind: 'unit' | 'community';
  owner_unit_id: string | null;
  owner_name: string;
  due_on: string;
  done_on: string | null;
  done_note: string | null;
  version: number;
}

export interface AttendanceRow {
  unit_id: string;
  status: 'present' | 'absent' | 'leave';
  attendee: string | null;
  note: string | null;
}

export interface CandidateRow {
  kind: 'need' | 'project';
  id: string;
  title: string;
  state: string;
  detail: string;
}

const select = (today: string) => sql`select m.id, m.org_id, m.org_path::text as org_path, o.name as org_name, m.title, m.held_on::text as held_on,
  m.place, m.host, m.state, m.version, m.minutes, m.cancel_reason, m.created_at::text as created_at,
  (select count(*)::int from rm_agenda_item a where a.region_id = m.region_id and a.meeting_id = m.id) as agenda_count,
  (select count(*)::int from rm_decision d where d.region_id = m.region_id and d.meeting_id = m.id) as decision_count,
  (select count(*)::int from rm_followup f where f.region_id = m.region_id and f.meeting_id = m.id) as followup_count,
  (select count(*)::int from rm_followup f where f.region_id = m.region_id and f.meeting_id = m.id and f.done_on is null and f.due_on < ${today}::date) as followups_overdue,
  (select count(*)::int from rm_attendance t where t.region_id = m.region_id and t.meeting_id = m.id and t.status = 'present') as present,
  (select count(*)::int from rm_attendance t where t.region_id = m.region_id and t.meeting_id = m.id) as recorded
  from rm_meeting m join org o on o.region_id = m.region_id and o.id = m.org_id`;

export interface MeetingFilter {
  scopePath: string;
  state?: string;
  year?: number;
}

function where(regionId: string, f: MeetingFilter): SQL {
  const w: SQL[] = [sql`m.region_id = ${regionId}`, sql`m.org_path <@ ${f.scopePath}::ltree`];
  if (f.state) w.push(sql`m.state = ${f.state}`);
  if (f.year) w.push(sql`extract(year from m.held_on)::int = ${f.year}`);
  return sql.join(w, sql` and `);
}

/** SQL of joint meetings and what hangs on them: agenda, attendance, decisions, follow-ups. */
export const meetingRepository = {
  org(db: Database, regionId: string, id: string): Promise<CommunityRow | undefined> {
    return db.one<CommunityRow>(sql`select id, path::text as path, name, type, domain, status from org where region_id = ${regionId} and id = ${id}`);
  },

  /** The meeting; `lock` holds its row until the transaction ends (every change to it and its parts takes it first). */
  byId(db: Database, regionId: string, id: string, today: string, lock = false): Promise<MeetingRow | undefined> {
    return lock
      ? db
          .one<{ id: string }>(sql`select id from rm_meeting where region_id = ${regionId} and id = ${id} for update`)
          .then((r) => (r ? db.one<MeetingRow>(sql`${select(today)} where m.region_id = ${regionId} and m.id = ${id}`) : undefined))
      : db.one<MeetingRow>(sql`${select(today)} where m.region_id = ${regionId} and m.id = ${id}`);
  },

  async list(db: Database, regionId: string, today: string, f: MeetingFilter, page: number, pageSize: number) {
    const w = where(regionId, f);
    const [items, total] = await Promise.all([
      db.rows<MeetingRow>(sql`${select(today)} where ${w} order by m.held_on desc, m.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`),
      db.one<{ n: number }>(sql`select count(*)::int as n from rm_meeting m where ${w}`),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  async insert(
    tx: Database,
    regionId: string,
    m: { id: string; orgId: string; orgPath: string; title: string; heldOn: string; place: string; host: string | null; by: string },
  ) {
    await tx.run(sql`insert into rm_meeting (region_id, id, org_id, org_path, title, held_on, place, host, created_by)
      values (${regionId}, ${m.id}, ${m.orgId}, ${m.orgPath}::ltree, ${m.title}, ${m.heldOn}::date, ${m.place}, ${m.host}, ${m.by})`);
  },

  /** Moves the version on (after a change to the meeting or its parts, its row already locked). */
  async touch(
    tx: Database,
    regionId: string,
    id: string,
    set: { title?: string; heldOn?: string; place?: string; host?: string | null; minutes?: string } = {},
  ) {
    const cols: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
    if (set.title !== undefined) cols.push(sql`title = ${set.title}`);
    if (set.heldOn !== undefined) cols.push(sql`held_on = ${set.heldOn}::date`);
    if (set.place !== undefined) cols.push(sql`place = ${set.place}`);
    if (set.host !== undefined) cols.push(sql`host = ${set.host}`);
    if (set.minutes !== undefined) cols.push(sql`minutes = ${set.minutes}`, sql`minutes_at = now()`);
    await tx.run(sql`update rm_meeting set ${sql.join(cols, sql`, `)} where region_id = ${regionId} and id = ${id}`);
  },

  agenda(db: Database, regionId: string, meetingId: string): Promise<AgendaRow[]> {
    return db.rows<AgendaRow>(sql`select a.id, a.seq, a.kind, a.ref_id, a.title, a.note, coalesce(n.state, p.state) as ref_state
      from rm_agenda_item a
      left join rg_need n on a.kind = 'need' and n.region_id = a.region_id and n.id = a.ref_id
      left join rg_project p on a.kind = 'project' and p.region_id = a.region_id and p.id = a.ref_id
      where a.region_id = ${regionId} and a.meeting_id = ${meetingId} order by a.seq`);
  },

  async replaceAgenda(
    tx: Database,
    regionId: string,
    meetingId: string,
    items: { id: string; kind: string; refId: string | null; title: string; note: string | null }[],
  ) {
    await tx.run(sql`delete from rm_agenda_item where region_id = ${regionId} and meeting_id = ${meetingId}`);
    for (const [i, it] of items.entries())
      await tx.run(sql`insert into rm_agenda_item (region_id, id, meeting_id, seq, kind, ref_id, title, note)
        values (${regionId}, ${it.id}, ${meetingId}, ${i + 1}, ${it.kind}, ${it.refId}, ${it.title}, ${it.note})`);
  },

  /**
   * What the agenda may name: the community's open and claimed needs and its proposed and active
   * projects (a project belongs to the community of its need), newest first.
   */
  candidates(db: Database, regionId: string, communityId: string): Promise<CandidateRow[]> {
    return db.rows<CandidateRow>(sql`select * from (
        select 'need' as kind, n.id, n.title, n.state, n.urgency as detail, n.created_at from rg_need n
          where n.region_id = ${regionId} and n.community_id = ${communityId} and n.state in ('open', 'claimed')
        union all
        select 'project', p.id, p.title, p.state, p.start_date::text || ' 至 ' || p.end_date::text, p.created_at from rg_project p
          join rg_need n on n.region_id = p.region_id and n.id = p.need_id
          where p.region_id = ${regionId} and n.community_id = ${communityId} and p.state in ('proposed', 'active')
      ) x order by x.kind, x.created_at desc, x.id limit 200`);
  },

  /** A project of the community (through its need), any state. */
  project(db: Database, regionId: string, communityId: string, id: string): Promise<{ id: string; title: string; state: string } | undefined> {
    return db.one(sql`select p.id, p.title, p.state from rg_project p join rg_need n on n.region_id = p.region_id and n.id = p.need_id
      where p.region_id = ${regionId} and p.id = ${id} and n.community_id = ${communityId}`);
  },

  attendance(db: Database, regionId: string, meetingId: string): Promise<AttendanceRow[]> {
    return db.rows<AttendanceRow>(sql`select unit_id, status, attendee, note from rm_attendance where region_id = ${regionId} and meeting_id = ${meetingId}`);
  },

  async upsertAttendance(
    tx: Database,
    regionId: string,
    meetingId: string,
    r: { unitId: string; status: string; attendee: string | null; note: string | null },
  ) {
    await tx.run(sql`insert into rm_attendance (region_id, meeting_id, unit_id, status, attendee, note)
      values (${regionId}, ${meetingId}, ${r.unitId}, ${r.status}, ${r.attendee}, ${r.note})
      on conflict (region_id, meeting_id, unit_id) do update set status = excluded.status, attendee = excluded.attendee, note = excluded.note`);
  },

  /** The 大党委's 兼职委员 on the meeting day (the community's committee, post part_time). */
  partTime(db: Database, regionId: string, orgId: string, on: string): Promise<{ person_name: string; unit_name: string | null }[]> {
    return db.rows(sql`select person_name, unit_name from org_committee_member
      where region_id = ${regionId} and org_id = ${orgId} and post = 'part_time' and start_date <= ${on}::date and (end_date is null or end_date >= ${on}::date)
      order by unit_name, person_name`);
  },

  decisions(db: Database, regionId: string, meetingId: string): Promise<DecisionRow[]> {
    return db.rows<DecisionRow>(sql`select d.id, d.seq, d.kind, d.text, d.need_id, d.project_id, coalesce(n.title, p.title) as ref_title,
        coalesce(n.state, p.state) as ref_state, d.created_at::text as created_at
      from rm_decision d
      left join rg_need n on n.region_id = d.region_id and n.id = d.need_id
      left join rg_project p on p.region_id = d.region_id and p.id = d.project_id
      where d.region_id = ${regionId} and d.meeting_id = ${meetingId} order by d.seq`);
  },

  async insertDecision(
    tx: Database,
    regionId: string,
    d: { id: string; meetingId: string; kind: string; text: string; needId: string | null; projectId: string | null; by: string },
  ) {
    await tx.run(sql`insert into rm_decision (region_id, id, meeting_id, seq, kind, text, need_id, project_id, created_by)
      values (${regionId}, ${d.id}, ${d.meetingId},
        (select coalesce(max(seq), 0) + 1 from rm_decision where region_id = ${regionId} and meeting_id = ${d.meetingId}),
        ${d.kind}, ${d.text}, ${d.needId}, ${d.projectId}, ${d.by})`);
  },

  async deleteDecision(tx: Database, regionId: string, meetingId: string, id: string): Promise<DecisionRow | undefined> {
    const row = (await meetingRepository.decisions(tx, regionId, meetingId)).find((d) => d.id === id);
    if (row) await tx.run(sql`delete from rm_decision where region_id = ${regionId} and meeting_id = ${meetingId} and id = ${id}`);
    return row;
  },

  followups(db: Database, regionId: string, meetingId: string): Promise<FollowupRow[]> {
    return db.rows<FollowupRow>(sql`select f.id, f.meeting_id, f.title, f.owner_kind, f.owner_unit_id, coalesce(u.unit_name, o.name) as owner_name,
        f.due_on::text as due_on, f.done_on::text as done_on, f.done_note, f.version
      from rm_followup f join rm_meeting m on m.region_id = f.region_id and m.id = f.meeting_id
      join org o on o.region_id = m.region_id and o.id = m.org_id
      left join unit_report_in u on u.region_id = f.region_id and u.id = f.owner_unit_id
      where f.region_id = ${regionId} and f.meeting_id = ${meetingId} order by f.due_on, f.created_at, f.id`);
  },

  async insertFollowup(
    tx: Database,
    regionId: string,
    f: { id: string; meetingId: string; orgPath: string; title: string; ownerKind: string; ownerUnitId: string | null; dueOn: string },
  ) {
    await tx.run(sql`insert into rm_followup (region_id, id, meeting_id, org_path, title, owner_kind, owner_unit_id, due_on)
      values (${regionId}, ${f.id}, ${f.meetingId}, ${f.orgPath}::ltree, ${f.title}, ${f.ownerKind}, ${f.ownerUnitId}, ${f.dueOn}::date)`);
  },

  /** 办结: only a follow-up still open (and at `version`, when given) — of two at once, one wins. */
  async markDone(tx: Database, regionId: string, id: string, f: { on: string; note: string | null; by: string; version?: number }): Promise<boolean> {
    const n =
      await tx.run(sql`update rm_followup set done_on = ${f.on}::date, done_note = ${f.note}, done_by = ${f.by}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id} and done_on is null ${f.version !== undefined ? sql`and version = ${f.version}` : sql``}`);
    return n > 0;
  },
};
export type MeetingRepository = typeof meetingRepository;

/** The path of the region's root organization (the yearly job's scope), or null before there is one. */
export const rootPath = (db: Database, regionId: string): Promise<string | null> =>
  db
    .one<{ path: string }>(sql`select path::text as path from org where region_id = ${regionId} and parent_id is null order by depth limit 1`)
    .then((r) => r?.path ?? null);
