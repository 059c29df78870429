import {
  RM_GRADES,
  type RmCriteria,
  type RmGradeId,
  type RmLedger,
  type RmLedgerQuery,
  type RmRating,
  type RmRatingInput,
  type RmRatingPair,
  type RmUnitRatingInput,
} from '@jiceng/contracts';
import { rmDefaultYear, rmScore, rmSuggestUnitScores, type RmCriterion } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { conflict, forbidden, notFound, staleVersion } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { actingUnit } from '../reportin/index.ts';
import { field, orNull, RATING_KIND, type RegionMeetCore } from './regionmeet.core.ts';
import { isSide, isUnit, mayManage } from './regionmeet.policy.ts';
import { ratedUnit, ratingRepository as repo, type RatedUnitRow, type RatingRow } from './regionmeet.ratings.repository.ts';
import type { ReportService } from './regionmeet.reports.ts';
import { reportRepository } from './regionmeet.reports.repository.ts';

const presentRating = (r: RatingRow): RmRating => ({
  id: r.id,
  year: r.year,
  rater: r.rater,
  unitId: r.unit_id,
  unitName: r.unit_name,
  communityId: r.community_id,
  communityName: r.community_name,
  scores: r.scores,
  total: r.total,
  grade: r.grade as RmGradeId,
  comment: r.comment,
  ratedByName: r.rated_by_name,
  updatedAt: isoTime(r.updated_at),
  version: r.version,
});

/**
 * 双向评价 (rules rm-unit-criteria, rm-community-criteria, rm-score-range, rm-grade-bands): the
 * community rates each of its units, each unit rates its community, once a year each (changed later
 * only at the version the form showed); the ledger per unit and year gathers both with the report.
 */
export function createRatingService(core: RegionMeetCore, reports: ReportService) {
  const { db, regionId, audit, clock, rules } = core;
  const criteria: RmCriteria = {
    ruleSet: rules.id,
    unit: rules.unitCriteria.map((c) => ({ ...c })),
    community: rules.communityCriteria.map((c) => ({ ...c })),
    grades: rules.grades.map((g) => ({ ...g })),
  };
  const yearOf = (y: number | undefined) => y ?? rmDefaultYear(clock.today());

  async function pairOf(tx: Database, actor: Actor, u: RatedUnitRow, year: number): Promise<RmRatingPair> {
    const [ratings, reportRows] = await Promise.all([
      repo.pair(tx, regionId, year, u.id),
      reportRepository.list(tx, regionId, { year, unitIds: [u.id] }, 1, 1),
    ]);
    const report = reportRows.items[0] ?? null;
    const own = isUnit(actor) && u.created_by === actor.id && u.status === 'reported';
    return {
      year,
      unitId: u.id,
      unitName: u.unit_name,
      communityId: u.community_id,
      communityName: u.community_name,
      criteria,
      ofUnit: ratings.find((r) => r.rater === 'community') ? presentRating(ratings.find((r) => r.rater === 'community')!) : null,
      ofCommunity: ratings.find((r) => r.rater === 'unit') ? presentRating(ratings.find((r) => r.rater === 'unit')!) : null,
      suggested: report && isSide(actor) ? rmSuggestUnitScores(report.figures, rules) : null,
      report: report ? reports.present(report) : null,
      can: { rateUnit: u.status === 'reported' && mayManage(actor, u.community_path), rateCommunity: own },
    };
  }

  /** One side's rating of the pair: the first, or a change at the version the form showed. */
  async function save(
    tx: Database,
    actor: Actor,
    u: RatedUnitRow,
    rater: 'community' | 'unit',
    list: readonly RmCriterion[],
    input: RmRatingInput,
  ): Promise<void> {
    if (input.year > Number(clock.today().slice(0, 4))) throw field('year', `${input.year} 年还没到，不能评价`);
    const score = rmScore(list, input.scores, rules);
    if (!score.ok) throw field(`scores.${score.field}`, score.refusal);
    const comment = orNull(input.comment);
    const existing = await repo.one(tx, regionId, input.year, rater, u.id);
    const w = { ruleSet: rules.id, scores: input.scores, total: score.total, grade: score.grade.grade, comment, by: actor.id, byName: actor.displayName };
    const id = existing?.id ?? newId();
    if (!existing) {
      await repo.insert(tx, regionId, { id, year: input.year, rater, unitId: u.id, communityId: u.community_id, orgPath: u.community_path, ...w });
    } else {
      if (input.version === undefined) throw conflict('本年度已经评价过（可能刚被他人提交）；如需修改，请刷新后在原评价上修改');
      if (!(await repo.update(tx, regionId, { id: existing.id, version: input.version, ...w }))) throw staleVersion('该评价');
    }
    await audit.record(tx, actor, {
      action: 'rm_rating.save',
      entity: RATING_KIND,
      entityId: id,
      entityName: `${u.unit_name} ${input.year}年双向评价`,
      orgPath: u.community_path,
      after: { rater, year: input.year, total: score.total, grade: score.grade.label },
    });
  }

  /** A unit the community side sees (in scope; 404 outside). */
  async function sideUnit(tx: Database, actor: Actor, unitId: string): Promise<RatedUnitRow> {
    const u = await ratedUnit(tx, regionId, unitId);
    if (!u || !isSide(actor) || !pathInScope(actor, u.community_path)) throw notFound('驻区单位');
    return u;
  }

  /** The 驻区单位 account's own unit (its earliest, or the one named). */
  async function ownUnit(tx: Database, actor: Actor, unitId: string | undefined): Promise<RatedUnitRow> {
    if (!isUnit(actor)) throw forbidden();
    const u = await ratedUnit(tx, regionId, (await actingUnit(tx, actor, unitId)).id);
    if (!u) throw notFound('驻区单位');
    return u;
  }

  return {
    criteria,

    pair: async (actor: Actor, unitId: string, year?: number): Promise<RmRatingPair> => pairOf(db, actor, await sideUnit(db, actor, unitId), yearOf(year)),

    /** The community rates one of its units. */
    rateUnit: (actor: Actor, unitId: string, input: RmRatingInput): Promise<RmRatingPair> =>
      db.transaction(async (tx) => {
        const u = await sideUnit(tx, actor, unitId);
        if (!mayManage(actor, u.community_path)) throw forbidden('评价驻区单位须有区域化党建管理权限');
        if (u.status !== 'reported') throw conflict(`「${u.unit_name}」已注销报到，不能再评价`);
        await save(tx, actor, u, 'community', rules.unitCriteria, input);
        return pairOf(tx, actor, u, input.year);
      }),

    unitPair: async (actor: Actor, q: { year?: number; unitId?: string }): Promise<RmRatingPair> =>
      pairOf(db, actor, await ownUnit(db, actor, q.unitId), yearOf(q.year)),

    /** A unit rates its community. */
    rateCommunity: (actor: Actor, input: RmUnitRatingInput): Promise<RmRatingPair> =>
      db.transaction(async (tx) => {
        const u = await ownUnit(tx, actor, input.unitId);
        await save(tx, actor, u, 'unit', rules.communityCriteria, input);
        return pairOf(tx, actor, u, input.year);
      }),

    async ledger(actor: Actor, q: RmLedgerQuery): Promise<RmLedger> {
      const scope = await core.scopeOf(db, actor, q.orgId);
      const year = yearOf(q.year);
      const [page, figures] = await Promise.all([
        repo.ledger(db, regionId, scope.path, year, q.q?.trim() || null, q.page ?? 1, q.pageSize ?? 20),
        repo.figures(db, regionId, scope.path, year),
      ]);
      const n = (rater: string, grade: string) => figures.grades.find((g) => g.rater === rater && g.grade === grade)?.n ?? 0;
      return {
        items: page.items.map((r) => ({
          unitId: r.unit_id,
          unitName: r.unit_name,
          communityId: r.community_id,
          communityName: r.community_name,
          streetName: r.street_name,
          reportId: r.report_id,
          reportState: r.report_state as RmLedger['items'][number]['reportState'],
          figures: r.figures,
          ofUnit: r.unit_total === null ? null : { total: r.unit_total, grade: r.unit_grade as RmGradeId },
          ofCommunity: r.community_total === null ? null : { total: r.community_total, grade: r.community_grade as RmGradeId },
        })),
        total: page.total,
        year,
        criteria,
        distribution: RM_GRADES.map((grade) => ({ grade, ofUnit: n('community', grade), ofCommunity: n('unit', grade) })),
        unrated: figures.unrated,
        canRate: mayManage(actor, scope.path),
      };
    },

    /** The scope's name (the export's file name). */
    scopeName: async (actor: Actor, orgId: string | undefined) => (await core.scopeOf(db, actor, orgId)).name,
  };
}
export type RatingService = ReturnType<typeof createRatingService>;
