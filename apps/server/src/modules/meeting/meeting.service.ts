import type {
  Meeting,
  MeetingApproveInput,
  MeetingCancelInput,
  MeetingDetail,
  MeetingListQuery,
  MeetingPlanInput,
  MeetingReturnInput,
  MeetingUpdateInput,
} from '@jiceng/contracts';
import {
  MEETING_TIME_LIMITS,
  MEETING_TYPE_RULES,
  MEMBER_HOME_ORG_TYPES,
  REVIEW_RULES_2026,
  scoreReview,
  signInWindow,
  type MeetingType,
  type ReviewMark,
} from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, assertVersion, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { MEETING_KIND, startsAtOf, type MeetingCore, type MeetingDeps } from './meeting.core.ts';
import { presentMeeting } from './meeting.presenter.ts';
import type { AttendeeRow, MeetingPlanWrite, MeetingRow } from './meeting.repository.ts';

const PLAN_STATES = ['plan', 'notice'] as const;
const clean = (s: string | null | undefined) => s?.trim() || null;

/** Plan, notice, hold, review, archive and cancel; the lists. (Record, attendance, votes and amendments: meeting.record.ts.) */
export function createMeetingService(deps: MeetingDeps, core: MeetingCore) {
  const { db, regionId, audit, clock, meetings, signin, notifications } = deps;

  /** The branch a meeting is planned in: in the account's scope, active, a branch that holds members. */
  async function branch(tx: Database, actor: Actor, orgId: string) {
    const org = await meetings.org(tx, regionId, orgId);
    if (!org || actor.scope !== 'subtree' || !pathInScope(actor, org.path)) throw notFound('党组织');
    if (org.status !== 'active') throw invalid(`「${org.name}」已撤销，不能计划会议`);
    if (!(MEMBER_HOME_ORG_TYPES as readonly string[]).includes(org.type)) throw invalid(`三会一课由党支部召开，「${org.name}」不是党支部`);
    return org;
  }

  /** The planned fields checked: times in order, the people a 谈心谈话 or 其他 names in scope. */
  async function planned(tx: Database, actor: Actor, type: MeetingType, p: Omit<MeetingPlanWrite, 'type' | 'startsAt'>): Promise<MeetingPlanWrite> {
    if (p.endTime <= p.startTime) throw invalid('结束时间应晚于开始时间', { fields: [{ field: 'endTime', message: '结束时间应晚于开始时间' }] });
    const audience = MEETING_TYPE_RULES[type].audience;
    const ids = [...new Set(p.chosenMemberIds)];
    if (audience === 'pair' && ids.length !== 2) throw invalid('谈心谈话须选择谈话双方两人', { fields: [{ field: 'memberIds', message: '请选择两人' }] });
    if (audience === 'chosen' && ids.length === 0) throw invalid('请选择参会党员', { fields: [{ field: 'memberIds', message: '请选择参会党员' }] });
    if (audience !== 'pair' && audience !== 'chosen' && ids.length > 0) throw invalid('本类会议的应到人员由党组织自动确定（发布通知时），不能指定参会党员');
    const found = await meetings.membersByIds(tx, regionId, ids);
    for (const id of ids) {
      const m = found.find((x) => x.id === id);
      if (!m || !pathInScope(actor, m.org_path)) throw notFound('党员');
      if (m.status !== 'full' && m.status !== 'probationary') throw invalid(`${m.name}不是正式党员或预备党员，不能作为参会人员`);
    }
    if (p.lectureBySecretary && type !== 'party_lecture')
      throw invalid('只有党课可以标记为书记讲党课', { fields: [{ field: 'lectureBySecretary', message: '只有党课可以标记为书记讲党课' }] });
    const guests = [...new Set(p.guests.map((g) => g.trim()).filter(Boolean))];
    return { ...p, type, chosenMemberIds: ids, guests, startsAt: startsAtOf(p.date, p.startTime) };
  }

  /** 应到 at notice time: by the type's audience (the branch's members, its sitting committee, the chosen), plus 列席 guests. */
  async function expectedAttendees(tx: Database, row: MeetingRow): Promise<Omit<AttendeeRow, 'attendance' | 'reason' | 'signed_at' | 'method'>[]> {
    const audience = MEETING_TYPE_RULES[row.type as MeetingType].audience;
    const out: Omit<AttendeeRow, 'attendance' | 'reason' | 'signed_at' | 'method'>[] = [];
    const push = (
      p: { member_id: string | null; name: string; post?: string | null; status: string | null; discipline_until: string | null },
      role: 'expected' | 'guest' = 'expected',
    ) =>
      out.push({
        id: newId(),
        seq: out.length + 1,
        role,
        member_id: p.member_id,
        name: p.name,
        post: p.post ?? null,
        member_status: p.status,
        discipline_until: p.discipline_until,
      });
    if (audience === 'committee') {
      for (const c of await meetings.committee(tx, regionId, row.org_id, row.meeting_date)) push({ ...c, status: c.status ?? 'full' });
    } else if (audience === 'pair' || audience === 'chosen') {
      const found = await meetings.membersByIds(tx, regionId, row.chosen_member_ids);
      for (const id of row.chosen_member_ids) {
        const m = found.find((x) => x.id === id);
        if (m && (m.status === 'full' || m.status === 'probationary'))
          push({ member_id: m.id, name: m.name, status: m.status, discipline_until: m.discipline_until });
      }
    } else {
      // branch_members; a 党小组 has no member list of its own in the schema, so its meeting expects the branch's members
      for (const m of await meetings.branchMembers(tx, regionId, row.org_id))
        push({ member_id: m.id, name: m.name, status: m.status, discipline_until: m.discipline_until });
    }
    for (const g of row.guests) push({ member_id: null, name: g, status: null, discipline_until: null }, 'guest');
    return out;
  }

  const step = (actor: Actor, id: string, run: (tx: Database, row: MeetingRow) => Promise<unknown>) =>
    db.transaction(async (tx) => {
      const row = await core.load(tx, actor, id);
      await run(tx, row);
      return core.detail(tx, actor, id);
    });

  return {
    async list(actor: Actor, q: MeetingListQuery): Promise<{ items: Meeting[]; total: number }> {
      const today = clock.today();
      let orgPath: string | undefined;
      if (q.orgId) {
        const org = await meetings.org(db, regionId, q.orgId);
        if (!org || !pathInScope(actor, org.path)) throw notFound('党组织');
        orgPath = org.path;
      }
      const recordOverdueBefore = new Date(Date.parse(`${today}T00:00:00Z`) - MEETING_TIME_LIMITS.recordSubmitDays * 86_400_000).toISOString().slice(0, 10);
      const { items, total } = await meetings.list(db, regionId, {
        scopePath: actor.orgPath,
        state: q.state,
        type: q.type,
        orgPath,
        from: q.from,
        to: q.to,
        q: q.q,
        ...(q.overdue ? { overdueOn: today, recordOverdueBefore } : {}),
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
      return { items: items.map((r) => presentMeeting(r, actor, today)), total };
    },

    get: (actor: Actor, id: string): Promise<MeetingDetail> => core.detail(db, actor, id),

    /** 计划会议 (state 计划). */
    async plan(actor: Actor, input: MeetingPlanInput): Promise<MeetingDetail> {
      return db.transaction(async (tx) => {
        const org = await branch(tx, actor, input.orgId);
        const w = await planned(tx, actor, input.type, {
          title: input.title.trim(),
          topics: input.topics.trim(),
          date: input.date,
          startTime: input.startTime,
          endTime: input.endTime,
          place: clean(input.place),
          online: input.online ?? false,
          hostName: clean(input.hostName),
          recorderName: clean(input.recorderName),
          chosenMemberIds: input.memberIds ?? [],
          guests: input.guests ?? [],
          lectureBySecretary: input.lectureBySecretary ?? false,
        });
        const id = newId();
        await meetings.insert(tx, regionId, id, org.id, w, { id: actor.id, name: actor.displayName });
        await audit.record(tx, actor, {
          action: 'meeting.create',
          entity: MEETING_KIND,
          entityId: id,
          entityName: w.title,
          orgPath: org.path,
          after: { ...w },
        });
        return core.detail(tx, actor, id);
      });
    },

    /** 修改会议计划: before it is held; the people only before the notice (the notice fixes 应到). */
    async update(actor: Actor, id: string, input: MeetingUpdateInput, expected: number | null): Promise<MeetingDetail> {
      return db.transaction(async (tx) => {
        const row = await core.load(tx, actor, id);
        assertVersion(row.version, expected, '该会议');
        if (!(PLAN_STATES as readonly string[]).includes(row.state))
          throw new AppError('CONFLICT', '会议已召开，计划不能再修改；请填写会议记录', { state: row.state });
        const peopleChanged =
          (input.memberIds && input.memberIds.join() !== row.chosen_member_ids.join()) || (input.guests && input.guests.join() !== row.guests.join());
        if (row.state === 'notice' && peopleChanged) throw invalid('会议通知已发布，应到人员已确定，不能再修改参会人员');
        const w = await planned(tx, actor, row.type as MeetingType, {
          title: input.title?.trim() ?? row.title,
          topics: input.topics?.trim() ?? row.topics,
          date: input.date ?? row.meeting_date,
          startTime: input.startTime ?? row.start_time,
          endTime: input.endTime ?? row.end_time,
          place: input.place !== undefined ? clean(input.place) : row.place,
          online: input.online ?? row.online,
          hostName: input.hostName !== undefined ? clean(input.hostName) : row.host_name,
          recorderName: input.recorderName !== undefined ? clean(input.recorderName) : row.recorder_name,
          chosenMemberIds: input.memberIds ?? row.chosen_member_ids,
          guests: input.guests ?? row.guests,
          lectureBySecretary: input.lectureBySecretary ?? row.lecture_by_secretary,
        });
        if (!(await meetings.updatePlan(tx, regionId, id, expected, PLAN_STATES, w))) throw staleVersion('该会议');
        // a new time moves the sign-in window: the code is issued again (the old one and its QR stop)
        if (row.state === 'notice' && w.startsAt !== isoTime(row.starts_at)) {
          const win = signInWindow(w.startsAt);
          await signin.issueCode(tx, { kind: MEETING_KIND, recordId: id, opensAt: new Date(win.opensAt), closesAt: new Date(win.closesAt) });
        }
        await audit.record(tx, actor, {
          action: 'meeting.update',
          entity: MEETING_KIND,
          entityId: id,
          entityName: w.title,
          orgPath: row.org_path,
          before: { title: row.title, topics: row.topics, date: row.meeting_date, startTime: row.start_time, endTime: row.end_time, place: row.place },
          after: { title: w.title, topics: w.topics, date: w.date, startTime: w.startTime, endTime: w.endTime, place: w.place },
        });
        return core.detail(tx, actor, id);
      });
    },

    /** 发布通知: 应到 fixed from the organization, the sign-in code issued for the window; members notified after commit. */
    async notify(actor: Actor, id: string, version?: number): Promise<MeetingDetail> {
      let notice: { title: string; body: string; memberIds: string[] } | null = null;
      const detail = await step(actor, id, async (tx, row) => {
        const people = await expectedAttendees(tx, row);
        const expected = people.filter((p) => p.role === 'expected');
        if (expected.length === 0)
          throw invalid(
            row.type === 'committee_meeting'
              ? '该党支部没有在任的支部委员，不能发布支委会通知；请先维护班子成员'
              : '没有应到人员（该党支部暂无正式党员或预备党员），不能发布通知',
          );
        await core.step(tx, actor, row, 'notify', {
          version,
          data: { expected: expected.length, guests: people.length - expected.length },
          after: async (t) => {
            await meetings.insertAttendees(t, regionId, id, people);
            const win = signInWindow(startsAtOf(row.meeting_date, row.start_time));
            await signin.issueCode(t, { kind: MEETING_KIND, recordId: id, opensAt: new Date(win.opensAt), closesAt: new Date(win.closesAt) });
          },
        });
        notice = {
          title: `会议通知：${row.title}`,
          body: `${row.org_name}定于 ${row.meeting_date} ${row.start_time}—${row.end_time} 在${row.online ? '线上' : (row.place ?? '（地点待定）')}召开${row.title}，议题：${row.topics}。请准时参加，会前 30 分钟可扫码或输入签到码签到。`,
          memberIds: expected.flatMap((p) => (p.member_id ? [p.member_id] : [])),
        };
      });
      const n = notice as { title: string; body: string; memberIds: string[] } | null;
      if (n)
        for (const a of await meetings.accountsOf(db, regionId, n.memberIds))
          await notifications.sendOnce({ accountId: a.id, dedupeKey: `meeting.notice:${id}`, title: n.title, body: n.body, link: '/h5.html#/meetings' });
      return detail;
    },

    /** 确认召开: not before the meeting has started. */
    hold: (actor: Actor, id: string, version?: number) =>
      step(actor, id, async (tx, row) => {
        if (row.state === 'notice' && clock.now().getTime() < Date.parse(startsAtOf(row.meeting_date, row.start_time)))
          throw new AppError('RULE_VIOLATION', `会议尚未开始（${row.meeting_date} ${row.start_time}），不能确认召开`);
        await core.step(tx, actor, row, 'hold', { version });
      }),

    submit: (actor: Actor, id: string, version?: number) =>
      step(actor, id, async (tx, row) => {
        if ((row.state === 'recorded' || row.state === 'returned') && !(row.host_name && row.recorder_name && row.speakers_points))
          throw invalid('请先填写主持人、记录人和发言要点，再提交审核');
        await core.step(tx, actor, row, 'submit', { version, fields: { submitted_at: clock.now().toISOString() } });
      }),

    /** 退回修改 with the reason (and the marks, if scored). */
    returnBack: (actor: Actor, id: string, input: MeetingReturnInput) =>
      step(actor, id, async (tx, row) => {
        const score = input.marks ? checkedScore(row, input.marks) : null;
        await core.step(tx, actor, row, 'return', {
          reason: input.reason,
          version: input.version,
          fields: { return_reason: input.reason.trim() },
          data: score ? { score: score.total } : {},
          after: (t) =>
            meetings.setReview(t, regionId, id, {
              score: score?.total ?? null,
              passed: score ? false : null,
              marks: input.marks ?? null,
              comment: input.reason.trim(),
              by: actor.displayName,
            }),
        });
      }),

    /** 审核通过: only with a passing score (rule meeting-review-2026); the record is immutable from here on. */
    approve: (actor: Actor, id: string, input: MeetingApproveInput) =>
      step(actor, id, async (tx, row) => {
        const score = checkedScore(row, input.marks);
        if (row.state === 'submitted' && !score.passed)
          throw new AppError('RULE_VIOLATION', `${score.explanation}，不能审核通过，请退回修改`, { score: score.total });
        await core.step(tx, actor, row, 'approve', {
          version: input.version,
          data: { score: score.total },
          after: (t) =>
            meetings.setReview(t, regionId, id, { score: score.total, passed: true, marks: input.marks, comment: clean(input.comment), by: actor.displayName }),
        });
      }),

    archive: (actor: Actor, id: string, version?: number) => step(actor, id, (tx, row) => core.step(tx, actor, row, 'archive', { version })),

    /** 取消会议 (not yet held), with the reason; the sign-in code stops. */
    cancel: (actor: Actor, id: string, input: MeetingCancelInput) =>
      step(actor, id, (tx, row) =>
        core.step(tx, actor, row, 'cancel', {
          reason: input.reason,
          version: input.version,
          fields: { cancel_reason: input.reason.trim() },
          after: (t) => signin.withdraw(t, MEETING_KIND, id),
        }),
      ),
  };
}
export type MeetingService = ReturnType<typeof createMeetingService>;

/** The review's score, refusing marks for items the checklist does not have. */
function checkedScore(row: MeetingRow, marks: Record<string, string>) {
  const known = new Set(REVIEW_RULES_2026.items.map((i) => i.id));
  const unknown = Object.keys(marks).filter((k) => !known.has(k));
  if (unknown.length) throw invalid(`审核要点「${unknown.join('、')}」不存在，请按审核清单评分`);
  return scoreReview(row.type as MeetingType, marks as Record<string, ReviewMark>);
}
