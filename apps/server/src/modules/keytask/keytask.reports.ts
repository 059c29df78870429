import type { KtBoard, KtDashboard, KtTaskSummary } from '@jiceng/contracts';
import { ktRank, ktRollUp } from '@jiceng/rules';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { canSeeTask, isOwner, isReader } from './keytask.access.ts';
import type { KeyTaskCore } from './keytask.core.ts';
import { presentPlan } from './keytask.presenter.ts';
import { keyTaskRepository as repo, type ClaimRow, type PlanRow } from './keytask.repository.ts';

/** Another organization's task on the board: what it is and who took it, not how far it is. */
const limited = (s: KtTaskSummary): KtTaskSummary => ({
  ...s,
  status: null,
  progress: 0,
  expectedProgress: 0,
  lagReasons: [],
  overdueMilestones: 0,
  lastReportedOn: null,
  pendingClaims: 0,
  limited: true,
});

const deptKey = (c: Pick<ClaimRow, 'org_id' | 'unit_name'>) => `${c.org_id}|${c.unit_name}`;

/** The board (榜) and the dashboard of a plan, over the tasks the account may see. */
export function createKeyTaskReports(core: KeyTaskCore) {
  const { db, regionId } = core.deps;

  async function visible(actor: Actor, p: PlanRow) {
    const rows = isReader(actor, p.org_path)
      ? await repo.tasksOfPlan(db, regionId, p.id)
      : await repo.tasksWhere(db, regionId, { actorPath: actor.orgPath }, p.id);
    const live = rows.filter((r) => r.state !== 'cancelled' && (r.state !== 'draft' || isReader(actor, p.org_path)));
    const parts = await core.parts(
      db,
      live.map((r) => r.id),
    );
    return { rows: live, parts, summaries: await core.summaries(db, live) };
  }

  return {
    /**
     * The board (榜): every published task of the plan with who leads and supports it. An
     * organization below sees the whole board, but another organization's progress is not shown.
     */
    async board(actor: Actor, planId: string): Promise<KtBoard> {
      const p = await core.plan(db, actor, planId);
      const reader = isReader(actor, p.org_path);
      const rows = (await repo.tasksOfPlan(db, regionId, p.id)).filter((r) => r.state !== 'cancelled' && (r.state !== 'draft' || reader));
      const parts = await core.parts(
        db,
        rows.map((r) => r.id),
      );
      const summaries = (await core.summaries(db, rows)).map((s) =>
        reader || canSeeTask(actor, rows.find((r) => r.id === s.id)!, parts.claims.get(s.id) ?? []) ? s : limited(s),
      );
      const depts = new Map<string, KtBoard['byDepartment'][number]>();
      for (const claims of parts.claims.values())
        for (const c of claims) {
          if (c.state !== 'pending' && c.state !== 'confirmed') continue;
          if (!reader && c.state === 'pending' && !pathInScope(actor, c.org_path)) continue;
          const d = depts.get(deptKey(c)) ?? { orgId: c.org_id, orgName: c.org_name, unitName: c.unit_name, lead: 0, support: 0, pending: 0 };
          if (c.state === 'pending') d.pending++;
          else if (c.role === 'lead') d.lead++;
          else d.support++;
          depts.set(deptKey(c), d);
        }
      return {
        plan: presentPlan(
          p,
          summaries.filter((s) => !s.limited),
          isOwner(actor, p.org_path),
        ),
        tasks: summaries.filter((s) => s.state !== 'draft'),
        byDepartment: [...depts.values()].sort((a, b) => b.lead - a.lead || b.support - a.support || a.unitName.localeCompare(b.unitName, 'zh')),
      };
    },

    async dashboard(actor: Actor, planId: string): Promise<KtDashboard> {
      const p = await core.plan(db, actor, planId);
      const { summaries, rows, parts } = await visible(actor, p);
      const live = summaries.filter((s) => s.state !== 'draft');
      const categories = [...new Set(live.map((s) => s.category))];
      const byLead = new Map<string, { org: { orgId: string; orgName: string; unitName: string }; tasks: KtTaskSummary[] }>();
      for (const s of live) {
        if (!s.lead) continue;
        const k = deptKey({ org_id: s.lead.orgId, unit_name: s.lead.unitName });
        const e = byLead.get(k) ?? { org: { orgId: s.lead.orgId, orgName: s.lead.orgName, unitName: s.lead.unitName }, tasks: [] };
        e.tasks.push(s);
        byLead.set(k, e);
      }
      const ranked = ktRank(
        [...byLead.entries()].map(([key, e]) => ({
          key,
          tasks: e.tasks.map((t) => ({ weight: t.weight, progress: t.progress, status: t.status, score: parts.scores.get(t.id) ?? null })),
        })),
      );
      const start = (id: string) => {
        const r = rows.find((x) => x.id === id)!;
        return r.published_on ?? r.created_at.slice(0, 10);
      };
      return {
        plan: presentPlan(p, summaries, isOwner(actor, p.org_path)),
        byCategory: categories.map((category) => {
          const ts = live.filter((s) => s.category === category);
          return { category, tasks: ts.length, progress: ktRollUp(ts), lagging: ts.filter((s) => s.status === 'lagging').length };
        }),
        ranking: ranked.map((r) => ({ ...r, ...byLead.get(r.key)!.org })).map(({ key: _key, ...r }) => r),
        lagging: live.filter((s) => s.status === 'lagging'),
        timeline: live.map((s) => ({
          taskId: s.id,
          no: s.no,
          title: s.title,
          start: start(s.id),
          deadline: s.deadline,
          progress: s.progress,
          status: s.status,
          milestones: (parts.milestones.get(s.id) ?? []).map((m) => ({ title: m.title, dueOn: m.due_on, doneOn: m.done_on })),
        })),
      };
    },
  };
}
export type KeyTaskReports = ReturnType<typeof createKeyTaskReports>;
