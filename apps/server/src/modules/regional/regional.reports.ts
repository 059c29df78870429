import type { RgStats, RgUnitLedger, RgUnitSummary } from '@jiceng/contracts';
import { notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { reportedUnits } from '../reportin/index.ts';
import type { RegionalCore } from './regional.core.ts';
import { isSide, isUnit } from './regional.policy.ts';
import { presentActivity, presentNeed, presentProject, presentResource } from './regional.presenter.ts';
import { regionalStatsRepository as stats, type FigureRow } from './regional.stats.repository.ts';

const figures = (r: FigureRow | undefined) => ({
  needs: r?.needs ?? 0,
  met: r?.met ?? 0,
  onTime: r?.on_time ?? 0,
  projects: r?.projects ?? 0,
  units: r?.units ?? 0,
  hours: r?.hours ?? 0,
  fundsFen: r?.funds_fen ?? 0,
  problemsSolved: r?.problems_solved ?? 0,
});

const summary = (r: Awaited<ReturnType<typeof stats.units>>[number]): RgUnitSummary => ({
  unitId: r.unit_id,
  unitName: r.unit_name,
  creditCode: r.credit_code,
  communityId: r.community_id,
  communityName: r.community_name,
  resources: r.resources,
  claims: r.claims,
  projects: r.projects,
  activities: r.activities,
  hours: r.hours,
});

/** The units' lists and ledgers, and the street's and district's figures. */
export function createRegionalReports(core: RegionalCore) {
  const { db, regionId, rules, repo, projectRepo, unitsOf, today, attachments } = core;
  const year = (y: number | undefined) => y ?? Number(today().slice(0, 4));

  return {
    /** The units of the communities in scope (a 驻区单位 account: its own). */
    async units(actor: Actor, q: { orgId?: string; q?: string }): Promise<RgUnitSummary[]> {
      if (isUnit(actor)) {
        const own = (await unitsOf(db, actor)).map((u) => u.id);
        return (await stats.units(db, regionId, null, own, q.q ?? null)).map(summary);
      }
      if (!isSide(actor)) return [];
      let path = actor.orgPath;
      if (q.orgId) {
        const o = await repo.orgPath(db, regionId, q.orgId);
        if (!o || !pathInScope(actor, o.path)) throw notFound('组织');
        path = o.path;
      }
      return (await stats.units(db, regionId, path, null, q.q ?? null)).map(summary);
    },

    /** One unit's ledger for a year: what it offered, claimed and did. */
    async ledger(actor: Actor, unitId: string, y?: number): Promise<RgUnitLedger> {
      const unit = await reportedUnits.byId(db, regionId, unitId);
      const own = isUnit(actor) && (await unitsOf(db, actor)).some((u) => u.id === unitId);
      if (!unit || !(own || (isSide(actor) && pathInScope(actor, unit.communityPath)))) throw notFound('驻区单位');
      const yr = year(y);
      const [row] = await stats.units(db, regionId, null, [unitId], null);
      const resources = (await projectRepo.resourcesAll(db, regionId, { reader: { unitIds: [unitId] } }, 500)).map((r) => presentResource(r));
      const claimed = await repo.needsByIds(
        db,
        regionId,
        (await stats.unitClaims(db, regionId, unitId, yr)).map((x) => x.id),
      );
      const projects = await Promise.all((await stats.unitProjects(db, regionId, unitId, yr)).map((x) => projectRepo.project(db, regionId, x.id)));
      const live = projects.filter((p) => p !== undefined);
      const activities = await projectRepo.unitActivities(db, regionId, unitId, yr);
      const photos = await attachments.listMany(
        db,
        actor,
        'rg_activity',
        activities.map((a) => a.id),
        { selfAccess: own },
      );
      const done = live.filter((p) => p.state === 'completed' || p.state === 'rated');
      return {
        unit: summary(row!),
        year: yr,
        resources,
        claimed: claimed.map((n) => presentNeed(n, today(), rules)),
        projects: live.map((p) => presentProject(p, today())),
        activities: activities.map((a) => ({ ...presentActivity(a, photos.get(a.id) ?? []), projectId: a.project_id, projectTitle: a.project_title })),
        totals: {
          activities: activities.length,
          hours: Math.round(activities.reduce((s, a) => s + a.hours, 0) * 10) / 10,
          participants: activities.reduce((s, a) => s + a.participants, 0),
          beneficiaries: activities.reduce((s, a) => s + a.beneficiaries, 0),
          fundsFen: done.reduce((s, p) => s + (p.funds_fen ?? 0), 0),
          problemsSolved: done.reduce((s, p) => s + (p.problems_solved ?? 0), 0),
        },
      };
    },

    /** The figures of the account's organization (or one in scope) for a year, by child organization, category and month. */
    async stats(actor: Actor, q: { orgId?: string; year?: number }): Promise<RgStats> {
      if (!isSide(actor)) throw notFound('组织');
      const org = q.orgId ? await repo.orgPath(db, regionId, q.orgId) : { path: actor.orgPath, name: actor.orgName };
      if (!org || !pathInScope(actor, org.path)) throw notFound('组织');
      const yr = year(q.year);
      const [totals, rows, children, byCategory, byMonth] = await Promise.all([
        stats.totals(db, regionId, org.path, yr),
        stats.byChild(db, regionId, org.path, yr),
        stats.children(db, regionId, org.path),
        stats.byCategory(db, regionId, org.path, yr),
        stats.byMonth(db, regionId, org.path, yr),
      ]);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return {
        year: yr,
        orgId: q.orgId ?? actor.orgId,
        orgName: org.name,
        totals: figures(totals[0]),
        byChild: children.map((c) => ({ orgId: c.id, orgName: c.name, ...figures(byKey.get(c.path)) })),
        byCategory,
        byMonth,
      };
    },
  };
}
export type RegionalReports = ReturnType<typeof createRegionalReports>;
