import type {
  RmAgendaCandidates,
  RmAgendaInput,
  RmMeeting,
  RmMeetingActionInput,
  RmMeetingCan,
  RmMeetingDetail,
  RmMeetingEditInput,
  RmMeetingInput,
  RmMeetingQuery,
  RmMinutesInput,
} from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { conflict, forbidden, staleVersion } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { reportedUnits } from '../reportin/index.ts';
import { field, MEETING_KIND, orNull, type RegionMeetCore } from './regionmeet.core.ts';
import { assertInScope, mayManage, meetingCan, workflowActor } from './regionmeet.policy.ts';
import { presentAgenda, presentCandidate, presentDecision, presentFollowup, presentMeeting } from './regionmeet.presenter.ts';
import { meetingRepository as repo, type MeetingRow } from './regionmeet.repository.ts';

/** What a change to a meeting needs the meeting to allow (the `can` flag), with the words of its refusal. */
const NEEDS: Record<Exclude<keyof RmMeetingCan, 'actions'>, string> = {
  edit: '修改会议信息',
  agenda: '修改议程',
  attendance: '登记出席情况（请先登记召开）',
  decide: '记录会议决定（请先登记召开）',
  followup: '交办落实事项（请先登记召开）',
  minutes: '提交会议纪要（请先登记召开）',
};

/**
 * 大党委 joint meetings: the list, the record and its parts, the workflow's steps (rule
 * rm-meeting-workflow). Every change locks the meeting's row first (`for update`), checks the
 * version the page showed, and moves the version on, so two editors never overwrite each other.
 */
export function createMeetingService(core: RegionMeetCore) {
  const { db, regionId, audit, clock, rules, meetings: wf } = core;

  async function load(tx: Database, actor: Actor, id: string, lock = false): Promise<MeetingRow> {
    const row = await repo.byId(tx, regionId, id, clock.today(), lock);
    assertInScope(actor, row, '联席会议');
    return row;
  }

  /** The meeting locked for a change: in scope, the account may manage it, the version is current, the state allows `need`. */
  async function loadForChange(tx: Database, actor: Actor, id: string, version: number | undefined, need: keyof typeof NEEDS | null): Promise<MeetingRow> {
    const row = await load(tx, actor, id, true);
    if (!mayManage(actor, row.org_path)) throw forbidden('联席会议由社区（村）党组织或上级办理');
    if (version !== undefined && version !== row.version) throw staleVersion('该联席会议');
    if (need && !meetingCan(actor, row)[need]) throw conflict(`联席会议当前为「${wf.label(row.state)}」，不能${NEEDS[need]}`, { state: row.state });
    return row;
  }

  /** The standing units of the meeting's community (its 大党委's member units). */
  const unitsOf = async (tx: Database, row: Pick<MeetingRow, 'org_id' | 'org_path'>) =>
    (await reportedUnits.under(tx, regionId, row.org_path)).filter((u) => u.communityId === row.org_id);

  async function detail(tx: Database, actor: Actor, id: string): Promise<RmMeetingDetail> {
    const row = await load(tx, actor, id);
    const today = clock.today();
    const [agenda, attendance, units, decisions, followups, partTime, history] = await Promise.all([
      repo.agenda(tx, regionId, id),
      repo.attendance(tx, regionId, id),
      unitsOf(tx, row),
      repo.decisions(tx, regionId, id),
      repo.followups(tx, regionId, id),
      repo.partTime(tx, regionId, row.org_id, row.held_on),
      wf.history(tx, id),
    ]);
    const byUnit = new Map(attendance.map((a) => [a.unit_id, a]));
    const listed = new Set(units.map((u) => u.id));
    return {
      ...presentMeeting(row, today, rules),
      minutes: row.minutes,
      cancelReason: row.cancel_reason,
      agenda: agenda.map(presentAgenda),
      attendance: [
        ...units.map((u) => ({ unitId: u.id, unitName: u.unitName })),
        // a unit recorded at the meeting that has since left the community stays on its record
        ...attendance.filter((a) => !listed.has(a.unit_id)).map((a) => ({ unitId: a.unit_id, unitName: '（已注销报到的单位）' })),
      ].map((u) => {
        const a = byUnit.get(u.unitId);
        return {
          ...u,
          partTime: partTime.filter((p) => p.unit_name === u.unitName).map((p) => p.person_name),
          status: a?.status ?? null,
          attendee: a?.attendee ?? null,
          note: a?.note ?? null,
        };
      }),
      decisions: decisions.map(presentDecision),
      followups: followups.map((f) => presentFollowup(f, today, rules)),
      partTime: partTime.map((p) => ({ personName: p.person_name, unitName: p.unit_name })),
      history,
      can: meetingCan(actor, row),
    };
  }

  const auditStep = (tx: Database, actor: Actor, row: MeetingRow, action: string, after: Record<string, unknown>) =>
    audit.record(tx, actor, { action: `rm_meeting.${action}`, entity: MEETING_KIND, entityId: row.id, entityName: row.title, orgPath: row.org_path, after });

  const text = (s: string, name: string, what: string) => {
    const t = s.trim();
    if (t.length < 2) throw field(name, `请填写${what}`);
    return t;
  };

  return {
    unitsOf,
    detail,
    loadForChange,
    auditStep,

    async list(actor: Actor, q: RmMeetingQuery): Promise<{ items: RmMeeting[]; total: number }> {
      const scope = await core.scopeOf(db, actor, q.orgId);
      const { items, total } = await repo.list(
        db,
        regionId,
        clock.today(),
        { scopePath: scope.path, state: q.state, year: q.year },
        q.page ?? 1,
        q.pageSize ?? 20,
      );
      return { items: items.map((r) => presentMeeting(r, clock.today(), rules)), total };
    },

    get: (actor: Actor, id: string) => detail(db, actor, id),

    create: (actor: Actor, input: RmMeetingInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const c = await core.communityIn(tx, actor, input.orgId ?? actor.orgId);
        if (!mayManage(actor, c.path)) throw forbidden('联席会议由社区（村）党组织或上级办理');
        const id = newId();
        const m = {
          id,
          orgId: c.id,
          orgPath: c.path,
          title: text(input.title, 'title', '会议议题'),
          heldOn: input.heldOn,
          place: text(input.place, 'place', '会议地点'),
          host: orNull(input.host),
          by: actor.id,
        };
        await repo.insert(tx, regionId, m);
        await audit.record(tx, actor, {
          action: 'rm_meeting.create',
          entity: MEETING_KIND,
          entityId: id,
          entityName: m.title,
          orgPath: c.path,
          after: { title: m.title, heldOn: m.heldOn, place: m.place, orgName: c.name },
        });
        return detail(tx, actor, id);
      }),

    update: (actor: Actor, id: string, input: RmMeetingEditInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, input.version, 'edit');
        if (row.state === 'held' && input.heldOn > clock.today()) throw field('heldOn', '会议已召开，会议日期不能晚于今天');
        const set = {
          title: text(input.title, 'title', '会议议题'),
          heldOn: input.heldOn,
          place: text(input.place, 'place', '会议地点'),
          host: orNull(input.host),
        };
        await repo.touch(tx, regionId, id, set);
        await auditStep(tx, actor, row, 'update', set);
        return detail(tx, actor, id);
      }),

    /** What the agenda can be built from: the community's open needs and live projects. */
    async candidates(actor: Actor, id: string): Promise<RmAgendaCandidates> {
      const row = await load(db, actor, id);
      return { items: (await repo.candidates(db, regionId, row.org_id)).map(presentCandidate) };
    },

    /** The agenda in its order: needs and projects of the community (each once), and free items. */
    setAgenda: (actor: Actor, id: string, input: RmAgendaInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, input.version, 'agenda');
        const candidates = new Map((await repo.candidates(tx, regionId, row.org_id)).map((c) => [`${c.kind}:${c.id}`, c]));
        const current = new Map((await repo.agenda(tx, regionId, id)).filter((a) => a.ref_id).map((a) => [`${a.kind}:${a.ref_id}`, a]));
        const seen = new Set<string>();
        const items = input.items.map((it, i) => {
          const where = `items.${i}`;
          if (it.kind === 'free') {
            if (it.refId) throw field(where, '其他议题不关联需求或项目');
            return { id: newId(), kind: it.kind, refId: null, title: text(it.title ?? '', where, `第 ${i + 1} 项议题`), note: orNull(it.note) };
          }
          if (!it.refId) throw field(where, `第 ${i + 1} 项议题请选择${it.kind === 'need' ? '需求' : '项目'}`);
          const key = `${it.kind}:${it.refId}`;
          if (seen.has(key)) throw field(where, `第 ${i + 1} 项议题与前面的议题重复`);
          seen.add(key);
          // a need or project already on the agenda stays, even when it has moved on since
          const ref = candidates.get(key) ?? current.get(key);
          if (!ref)
            throw field(where, `第 ${i + 1} 项议题：所选${it.kind === 'need' ? '需求不是本社区待认领或已认领的需求' : '项目不是本社区待确认或实施中的项目'}`);
          return { id: newId(), kind: it.kind, refId: it.refId, title: orNull(it.title) ?? ref.title, note: orNull(it.note) };
        });
        await repo.replaceAgenda(tx, regionId, id, items);
        await repo.touch(tx, regionId, id);
        await auditStep(tx, actor, row, 'agenda', { items: items.map((x) => x.title) });
        return detail(tx, actor, id);
      }),

    setMinutes: (actor: Actor, id: string, input: RmMinutesInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, input.version, 'minutes');
        const minutes = input.minutes.trim();
        if (minutes.length < 10) throw field('minutes', '会议纪要至少10个字');
        await repo.touch(tx, regionId, id, { minutes });
        await auditStep(tx, actor, row, 'minutes', { length: minutes.length });
        return detail(tx, actor, id);
      }),

    /** 登记召开 / 归档 / 退回修改 / 取消会议 through the platform workflow. */
    act: (actor: Actor, id: string, input: RmMeetingActionInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, input.version, null);
        const reason = orNull(input.reason);
        if (input.action === 'hold' && row.state === 'draft' && row.held_on > clock.today())
          throw field('heldOn', `会议日期 ${row.held_on} 还没到，不能登记召开；如会期提前，请先修改会议日期`);
        if (input.action === 'archive' && row.state === 'held') {
          if (!row.minutes) throw field('minutes', '请先提交会议纪要，再归档');
          if (row.recorded === 0 && (await unitsOf(tx, row)).length > 0) throw field('attendance', '请先登记各成员单位的出席情况，再归档');
        }
        await wf.apply(tx, {
          recordId: id,
          orgPath: row.org_path,
          action: input.action,
          actor: workflowActor(actor, 'community'),
          currentState: row.state,
          reason,
          version: row.version,
          entityName: row.title,
          at: clock.now().toISOString(),
          fields: input.action === 'hold' ? { held_at: clock.now().toISOString() } : input.action === 'cancel' ? { cancel_reason: reason } : {},
        });
        return detail(tx, actor, id);
      }),
  };
}
export type MeetingService = ReturnType<typeof createMeetingService>;
