import {
  RM_CORRECTABLE,
  rgProjectStateLabel,
  type RgProjectStateId,
  type RmAssembleInput,
  type RmAssembleResult,
  type RmReport,
  type RmReportDetail,
  type RmReportPage,
  type RmReportQuery,
  type RmRespondInput,
} from '@jiceng/contracts';
import { rmDefaultYear, rmRespondBy, type RmFigures } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { reportedUnits } from '../reportin/index.ts';
import { field, orNull, REPORT_KIND, type RegionMeetCore } from './regionmeet.core.ts';
import { isSide, isUnit, mayManage, workflowActor } from './regionmeet.policy.ts';
import { reportRepository as repo, type ReportRow, type SubjectFigures } from './regionmeet.reports.repository.ts';

const figuresOf = (s: SubjectFigures): RmFigures => ({
  activities: s.activities,
  participants: s.participants,
  hours: s.hours === null ? null : Math.round(s.hours * 10) / 10,
  beneficiaries: s.beneficiaries,
  projects: s.projects,
  resources: s.resources,
  needsClaimed: s.needs_claimed,
  fundsFen: Math.round(s.funds_fen),
  problemsSolved: s.problems_solved,
  feedbacks: s.feedbacks,
  satisfied: s.satisfied,
});

/** Whose report it is to answer: the 驻区单位 account that filed the unit's 双报到, or the member themself. */
export const isSubject = (actor: Actor, r: Pick<ReportRow, 'unit_id' | 'member_id' | 'unit_created_by'>) =>
  (isUnit(actor) && r.unit_id !== null && r.unit_created_by === actor.id) || (!!actor.memberId && r.member_id === actor.memberId && actor.scope === 'self');

/**
 * 双报告: each year's report of every standing resident unit and reported-in member, assembled from
 * the records (a snapshot: the figures as they stood, refreshed while unanswered), answered once by
 * the unit or the member — confirmed, or corrected with a note (rule rm-report-workflow).
 */
export function createReportService(core: RegionMeetCore) {
  const { db, regionId, audit, clock, rules, reports: wf } = core;

  const present = (r: ReportRow): RmReport => ({
    id: r.id,
    year: r.year,
    subjectKind: r.subject_kind,
    unitId: r.unit_id,
    memberId: r.member_id,
    subjectName: r.subject_name,
    communityId: r.community_id,
    communityName: r.community_name,
    figures: r.figures,
    corrected: r.corrected,
    state: r.state as RmReport['state'],
    version: r.version,
    responseNote: r.response_note,
    respondedByName: r.responded_by_name,
    respondedAt: isoTime(r.responded_at),
    assembledAt: isoTime(r.assembled_at),
    respondBy: rmRespondBy(r.year, rules),
    overdue: r.state === 'pending' && rmRespondBy(r.year, rules) < clock.today(),
  });

  /** Visible to the community side in scope, or to its own unit or member; 404 otherwise. */
  function assertVisible(actor: Actor, r: ReportRow | undefined): asserts r is ReportRow {
    if (!r || !((isSide(actor) && pathInScope(actor, r.org_path)) || isSubject(actor, r))) throw notFound('双报告');
  }

  async function detail(tx: Database, actor: Actor, r: ReportRow): Promise<RmReportDetail> {
    const [projects, history] = await Promise.all([repo.projects(tx, regionId, r), wf.history(tx, r.id)]);
    return {
      ...present(r),
      projects: projects.map((p) => ({
        id: p.id,
        title: p.title,
        stateLabel: rgProjectStateLabel[p.state as RgProjectStateId] ?? p.state,
        startDate: p.start_date,
        endDate: p.end_date,
      })),
      history,
      can: { respond: r.state === 'pending' && isSubject(actor, r) },
    };
  }

  /**
   * Makes the year's missing reports of every standing unit and member under `path` (one per subject
   * and year: the unique indexes make a rerun, a restart or a second process harmless) and brings
   * the unanswered ones up to the records.
   */
  async function assembleUnder(path: string, year: number): Promise<{ created: number; refreshed: number }> {
    const at = clock.now().toISOString();
    const subjects = [...(await repo.unitFigures(db, regionId, path, year)), ...(await repo.memberFigures(db, regionId, path, year))];
    let created = 0;
    let refreshed = 0;
    for (let i = 0; i < subjects.length; i += 200) {
      await db.transaction(async (tx) => {
        for (const s of subjects.slice(i, i + 200)) {
          const figures = figuresOf(s);
          if (await repo.insert(tx, regionId, { id: newId(), year, s, figures, at })) created++;
          else if (await repo.refresh(tx, regionId, { year, s, figures, at })) refreshed++;
        }
      });
    }
    return { created, refreshed };
  }

  async function respond(actor: Actor, id: string, input: RmRespondInput): Promise<RmReportDetail> {
    return db.transaction(async (tx) => {
      const r = await repo.byId(tx, regionId, id);
      assertVisible(actor, r);
      if (!isSubject(actor, r)) throw forbidden('双报告由报告单位或党员本人确认');
      const note = orNull(input.note);
      const corrected =
        input.action === 'correct' && input.corrected
          ? Object.fromEntries(Object.entries(input.corrected).filter(([k]) => (RM_CORRECTABLE as readonly string[]).includes(k)))
          : null;
      if (input.action === 'confirm' && (input.corrected || note)) throw field('note', '确认无误时不填写更正内容；如有出入请选择“更正”');
      if (input.action === 'correct' && !note) throw field('note', '请填写更正说明（哪里有出入、实际情况如何）');
      await wf.apply(tx, {
        recordId: id,
        orgPath: r.org_path,
        action: input.action,
        actor: workflowActor(actor, 'subject'),
        currentState: r.state,
        reason: note,
        version: input.version,
        entityName: `${r.subject_name} ${r.year}年双报告`,
        at: clock.now().toISOString(),
        fields: {
          corrected: corrected && Object.keys(corrected).length ? JSON.stringify(corrected) : null,
          response_note: note,
          responded_by: actor.id,
          responded_by_name: actor.displayName,
          responded_at: clock.now().toISOString(),
        },
        data: corrected ? { corrected } : undefined,
      });
      return detail(tx, actor, (await repo.byId(tx, regionId, id))!);
    });
  }

  return {
    present,
    assembleUnder,

    async list(actor: Actor, q: RmReportQuery): Promise<RmReportPage> {
      const scope = await core.scopeOf(db, actor, q.orgId);
      const year = q.year ?? rmDefaultYear(clock.today());
      const { items, total, states } = await repo.list(
        db,
        regionId,
        { scopePath: scope.path, year, subjectKind: q.subjectKind, state: q.state },
        q.page ?? 1,
        q.pageSize ?? 20,
      );
      const n = (s: string) => states.find((x) => x.state === s)?.n ?? 0;
      return { items: items.map(present), total, year, byState: { pending: n('pending'), confirmed: n('confirmed'), corrected: n('corrected') } };
    },

    async get(actor: Actor, id: string): Promise<RmReportDetail> {
      const r = await repo.byId(db, regionId, id);
      assertVisible(actor, r);
      return detail(db, actor, r);
    },

    /** 生成双报告 on demand, for the communities under the organization (the community side with regional:manage). */
    async assemble(actor: Actor, input: RmAssembleInput): Promise<RmAssembleResult> {
      const scope = await core.scopeOf(db, actor, input.orgId);
      if (!mayManage(actor, scope.path)) throw forbidden('生成双报告须有区域化党建管理权限');
      const thisYear = Number(clock.today().slice(0, 4));
      if (input.year > thisYear) throw field('year', `${input.year} 年还没到，不能生成该年度的双报告`);
      const { created, refreshed } = await assembleUnder(scope.path, input.year);
      await db.transaction((tx) =>
        audit.record(tx, actor, {
          action: 'rm_report.assemble',
          entity: REPORT_KIND,
          entityId: null,
          entityName: `${scope.name} ${input.year}年双报告`,
          orgPath: scope.path,
          after: { year: input.year, created, refreshed },
        }),
      );
      return { year: input.year, created, refreshed, total: await repo.count(db, regionId, scope.path, input.year) };
    },

    /** A 驻区单位 account's own reports (of the units it reported), newest year first. */
    async unitReports(actor: Actor, q: { year?: number }): Promise<RmReport[]> {
      if (!isUnit(actor)) return [];
      const own = (await reportedUnits.ofAccount(db, actor)).map((u) => u.id);
      const years = q.year ? [q.year] : [rmDefaultYear(clock.today()) + 1, rmDefaultYear(clock.today())];
      const rows = await Promise.all(years.map((year) => repo.list(db, regionId, { year, unitIds: own }, 1, 200)));
      return rows.flatMap((r) => r.items.filter((x) => isSubject(actor, x)).map(present));
    },

    /** A 党员's own reports. */
    async memberReports(actor: Actor, q: { year?: number }): Promise<RmReport[]> {
      if (!actor.memberId) return [];
      const years = q.year ? [q.year] : [rmDefaultYear(clock.today()) + 1, rmDefaultYear(clock.today())];
      const rows = await Promise.all(years.map((year) => repo.list(db, regionId, { year, memberId: actor.memberId! }, 1, 200)));
      return rows.flatMap((r) => r.items.map(present));
    },

    respond,
  };
}
export type ReportService = ReturnType<typeof createReportService>;
