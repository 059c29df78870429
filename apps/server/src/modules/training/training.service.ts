import {
  attendanceStatusLabel,
  TRAINING_KINDS,
  trainingKindLabel,
  type Attendance,
  type AttendanceInput,
  type TrainingHours,
  type TrainingHoursQuery,
  type TrainingMine,
  type TrainingSession,
  type TrainingSessionInput,
  type TrainingSessionQuery,
  type TrainingSessionUpdate,
  type TrainingStats,
  type TrainingYearQuery,
} from '@jiceng/contracts';
import { trainingRulesFor } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { assertVersion, conflict, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { OrgService } from '../org/index.ts';
import { assertSessionInScope, assertSubtree, inOrganizerSubtree } from './training.policy.ts';
import { presentAttendance, presentHours, presentSession } from './training.presenter.ts';
import type { HoursYear, LectureCounts, SessionRow, TrainingRepository } from './training.repository.ts';

export interface TrainingServiceDeps {
  db: Database;
  regionId: string;
  repo: TrainingRepository;
  orgs: Pick<OrgService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
  lectures: LectureCounts;
}

const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });
const VALID_DATE = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const trimOrNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** 党员教育培训: sessions in the account's subtree, attendance with hours, yearly hours and statistics. */
export function createTrainingService(deps: TrainingServiceDeps) {
  const { db, regionId, repo, orgs, audit, clock, lectures } = deps;
  const thisYear = () => Number(clock.today().slice(0, 4));
  const yearOf = (year: number | undefined): HoursYear => {
    const y = year ?? thisYear();
    return { year: y, rules: trainingRulesFor(y), lectures };
  };

  function checkSessionFields(s: { title: string; startDate: string; endDate: string }): void {
    if (s.title.trim().length < 2) throw field('title', '请填写培训名称');
    if (!VALID_DATE(s.startDate)) throw field('startDate', '开始日期不是有效日期');
    if (!VALID_DATE(s.endDate)) throw field('endDate', '结束日期不是有效日期');
    if (s.endDate < s.startDate) throw field('endDate', '结束日期不能早于开始日期');
    if (s.startDate < '2000-01-01') throw field('startDate', '开始日期不能早于 2000 年');
    const latest = `${thisYear() + 1}-12-31`;
    if (s.endDate > latest) throw field('endDate', `结束日期不能晚于 ${latest}`);
  }

  async function load(tx: Database, actor: Actor, id: string, lock = false): Promise<SessionRow> {
    const row = await repo.session(tx, regionId, id, lock);
    assertSessionInScope(actor, row);
    return row;
  }

  async function scopeOf(actor: Actor, orgId: string | undefined): Promise<{ id: string; path: string; name: string }> {
    assertSubtree(actor);
    if (!orgId) return { id: actor.orgId, path: actor.orgPath, name: actor.orgName };
    const o = await orgs.resolveInScope(actor, orgId);
    return { id: o.id, path: o.path, name: o.name };
  }

  const service = {
    async list(actor: Actor, q: TrainingSessionQuery): Promise<{ items: TrainingSession[]; total: number }> {
      const scope = await scopeOf(actor, q.orgId);
      const { items, total } = await repo.sessions(
        db,
        regionId,
        { scopePath: scope.path, kind: q.kind, year: q.year, q: q.q?.trim() || undefined },
        q.page ?? 1,
        q.pageSize ?? 20,
      );
      return { items: items.map(presentSession), total };
    },

    async get(actor: Actor, id: string): Promise<TrainingSession> {
      return presentSession(await load(db, actor, id));
    },

    async create(actor: Actor, input: TrainingSessionInput): Promise<TrainingSession> {
      assertSubtree(actor);
      checkSessionFields(input);
      return db.transaction(async (tx) => {
        const org = input.orgId ? await orgs.resolveInScope(actor, input.orgId, tx) : await orgs.resolveInScope(actor, actor.orgId, tx);
        if (org.status !== 'active') throw invalid(`「${org.name}」已撤销，不能举办培训`);
        const id = newId();
        const w = {
          id,
          orgId: org.id,
          kind: input.kind,
          title: input.title.trim(),
          startDate: input.startDate,
          endDate: input.endDate,
          hours: input.hours,
          online: input.kind === 'online' ? true : (input.online ?? false),
          place: trimOrNull(input.place),
          provider: trimOrNull(input.provider),
          imported: false,
          createdBy: actor.displayName,
        };
        await repo.insertSession(tx, regionId, w);
        await audit.record(tx, actor, {
          action: 'training.create',
          entity: 'training_session',
          entityId: id,
          orgPath: org.path,
          after: { ...w, kindLabel: trainingKindLabel[input.kind] },
        });
        return presentSession((await repo.session(tx, regionId, id))!);
      });
    },

    /** Saves a form edit made from version `expected`; 全程参加 records follow a change of hours. */
    async update(actor: Actor, id: string, input: TrainingSessionUpdate, expected: number | null): Promise<TrainingSession> {
      const { version: _sent, ...patch } = input;
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        assertVersion(row.version, expected, '该培训');
        const before = {
          kind: row.kind,
          title: row.title,
          startDate: row.start_date,
          endDate: row.end_date,
          hours: row.hours,
          online: row.online,
          place: row.place,
          provider: row.provider,
        };
        const merged = {
          ...before,
          ...patch,
          place: patch.place === undefined ? row.place : trimOrNull(patch.place),
          provider: patch.provider === undefined ? row.provider : trimOrNull(patch.provider),
        };
        merged.title = merged.title.trim();
        if (merged.kind === 'online') merged.online = true;
        if (!TRAINING_KINDS.includes(merged.kind as never)) throw field('kind', '「培训类型」的取值不在允许范围内');
        checkSessionFields(merged);
        if (merged.hours < row.hours) {
          const over = await repo.partialAtLeast(tx, regionId, id, merged.hours);
          if (over.length)
            throw conflict(
              `${over.map((m) => `「${m.name}」`).join('、')}部分参加的认定学时不少于 ${merged.hours} 学时，请先调整其参训记录再减少本次培训的学时`,
            );
        }
        if ((await repo.updateSession(tx, regionId, id, merged, expected)) === 0) throw staleVersion('该培训');
        if (merged.hours !== row.hours) await repo.followHours(tx, regionId, id, merged.hours);
        await audit.record(tx, actor, { action: 'training.update', entity: 'training_session', entityId: id, orgPath: row.org_path, before, after: merged });
        return presentSession((await repo.session(tx, regionId, id))!);
      });
    },

    /** Deletes the session with its attendance (audited with how many records went). */
    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        await repo.deleteSession(tx, regionId, id);
        await audit.record(tx, actor, {
          action: 'training.delete',
          entity: 'training_session',
          entityId: id,
          orgPath: row.org_path,
          before: { title: row.title, kind: row.kind, startDate: row.start_date, hours: row.hours, attendees: row.attendees, absentees: row.absentees },
        });
      });
    },

    async attendance(actor: Actor, id: string): Promise<Attendance[]> {
      await load(db, actor, id);
      return (await repo.attendance(db, regionId, id)).map(presentAttendance);
    },

    /**
     * Records a sign-in sheet: each member of the organizer's subtree once per session (a member
     * recorded before is updated), whole or not at all. 全程参加 takes the session's hours, 部分参加
     * fewer, 缺席 none.
     */
    async record(actor: Actor, id: string, input: AttendanceInput): Promise<Attendance[]> {
      const seen = new Set<string>();
      for (const r of input.records) {
        if (seen.has(r.memberId)) throw invalid('同一党员在本次提交中出现了多次，请每人只保留一条参训记录');
        seen.add(r.memberId);
      }
      return db.transaction(async (tx) => {
        const s = await load(tx, actor, id);
        if (s.start_date > clock.today()) throw conflict(`该培训 ${s.start_date} 才开始，开始后才能登记参训情况`);
        const found = new Map((await repo.members(tx, regionId, [...seen])).map((m) => [m.id, m]));
        const writes = input.records.map((r) => {
          const m = found.get(r.memberId);
          if (!m || !pathInScope(actor, m.org_path)) throw notFound('党员');
          if (!inOrganizerSubtree(s.org_path, m.org_path))
            throw invalid(`「${m.name}」不在主办组织「${s.org_name}」及其下级组织中，不能登记为本次培训的参训党员`);
          if (m.status === 'left') throw invalid(`「${m.name}」已出党，不能登记参训情况`);
          if (m.transferred_out_date) throw invalid(`「${m.name}」的组织关系已转出，不能登记参训情况`);
          let hours = 0;
          if (r.status === 'attended') {
            if (r.hours !== undefined && r.hours !== s.hours) throw field('hours', `全程参加按本次培训的 ${s.hours} 学时认定；学时不同请选择“部分参加”`);
            hours = s.hours;
          } else if (r.status === 'partial') {
            if (r.hours === undefined) throw field('hours', `「${m.name}」部分参加，请填写认定学时`);
            if (r.hours >= s.hours) throw field('hours', `「${m.name}」部分参加的认定学时应少于本次培训的 ${s.hours} 学时`);
            hours = r.hours;
          } else if (r.hours !== undefined) throw field('hours', `「${m.name}」缺席，不认定学时`);
          return { sessionId: id, memberId: m.id, name: m.name, status: r.status, hours, recordedBy: actor.displayName };
        });
        for (const w of writes) await repo.upsertAttendance(tx, regionId, w);
        await audit.record(tx, actor, {
          action: 'training.attendance',
          entity: 'training_session',
          entityId: id,
          orgPath: s.org_path,
          after: {
            records: writes.map((w) => ({
              memberId: w.memberId,
              memberName: w.name,
              status: w.status,
              statusLabel: attendanceStatusLabel[w.status],
              hours: w.hours,
            })),
          },
        });
        const rows = await repo.attendance(tx, regionId, id);
        return rows.filter((r) => seen.has(r.member_id)).map(presentAttendance);
      });
    },

    async removeAttendance(actor: Actor, id: string, memberId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await load(tx, actor, id);
        const before = await repo.attendanceOf(tx, regionId, id, memberId);
        if (!before) throw notFound('参训记录');
        await repo.removeAttendance(tx, regionId, id, memberId);
        await audit.record(tx, actor, {
          action: 'training.attendance_remove',
          entity: 'training_session',
          entityId: id,
          orgPath: s.org_path,
          before: { memberId, memberName: before.member_name, status: before.status, hours: before.hours },
        });
      });
    },

    /** Each person's year in the scope against the minimum of the rule set in force. */
    async hours(actor: Actor, q: TrainingHoursQuery, pageSize: number | null = q.pageSize ?? 20): Promise<{ items: TrainingHours[]; total: number }> {
      const scope = await scopeOf(actor, q.orgId);
      const { items, total } = await repo.hours(
        db,
        regionId,
        scope.path,
        yearOf(q.year),
        { role: q.role, short: q.short, q: q.q?.trim() || undefined },
        q.page ?? 1,
        pageSize,
      );
      return { items: items.map(presentHours), total };
    },

    /** A 党员's own year: hours against the minimum and the records (H5). */
    async mine(actor: Actor, year: number | undefined): Promise<TrainingMine> {
      if (!actor.memberId) throw notFound('本人培训记录（账号尚未关联党员档案，请联系党支部）');
      const y = yearOf(year);
      const branch = await repo.memberPath(db, regionId, actor.memberId);
      if (!branch) throw notFound('本人培训记录');
      const { items } = await repo.hours(db, regionId, branch.path, y, { memberId: actor.memberId }, 1, 1);
      const records = await repo.recordsOf(db, regionId, actor.memberId, y.year);
      return {
        year: y.year,
        hours: items[0] ? presentHours(items[0]) : null,
        records: records.map((r) => ({
          sessionId: r.session_id,
          title: r.title,
          kind: r.kind,
          startDate: r.start_date,
          endDate: r.end_date,
          orgName: r.org_name,
          status: r.status,
          hours: r.hours,
        })),
      };
    },

    /** The figures of the annual statistical report's training table for the scope and year. */
    async stats(actor: Actor, q: TrainingYearQuery): Promise<TrainingStats> {
      const scope = await scopeOf(actor, q.orgId);
      const y = yearOf(q.year);
      const [kinds, people] = await Promise.all([repo.sessionCounts(db, regionId, scope.path, y.year), repo.hoursCounts(db, regionId, scope.path, y)]);
      const byKind = TRAINING_KINDS.map((kind) => {
        const k = kinds.find((x) => x.kind === kind);
        return { kind, label: trainingKindLabel[kind], sessions: k?.sessions ?? 0, personTimes: k?.person_times ?? 0, totalHours: k?.total_hours ?? 0 };
      });
      const p = people!;
      const counts = (total: number, met: number) => ({ total, met, short: total - met });
      return {
        year: y.year,
        orgId: scope.id,
        orgName: scope.name,
        ruleSet: y.rules.id,
        memberMinimum: y.rules.memberMinHours,
        cadreMinimum: y.rules.cadreMinHours,
        sessions: byKind.reduce((s, k) => s + k.sessions, 0),
        personTimes: byKind.reduce((s, k) => s + k.personTimes, 0),
        totalHours: byKind.reduce((s, k) => s + k.totalHours, 0),
        byKind,
        members: counts(p.members, p.members_met),
        cadres: counts(p.cadres, p.cadres_met),
        secretaries: counts(p.secretaries, p.secretaries_met),
      };
    },

    /** The scope's name for file names. */
    scopeOf,
  };
  return service;
}
export type TrainingService = ReturnType<typeof createTrainingService>;
