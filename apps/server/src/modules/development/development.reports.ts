import { DEV_STAGES, devStageLabel, type DevBoard, type DevPlanInput, type DevStage, type DevYearQuery, type DevYearReport } from '@jiceng/contracts';
import type { DevRuleSet } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { OrgService } from '../org/index.ts';
import { developmentRepository as repo } from './development.repository.ts';

const ACTIVE_STAGES: DevStage[] = DEV_STAGES.filter((s) => s !== 'full');
const zeros = (): Record<string, number> => Object.fromEntries(ACTIVE_STAGES.map((s) => [s, 0]));

/** The pipeline board and the year's plan vs actual of a subtree (scope: the organization asked for, inside the account's). */
export function createDevelopmentReports(deps: {
  db: Database;
  regionId: string;
  clock: Clock;
  audit: AuditService;
  orgs: Pick<OrgService, 'resolveInScope'>;
  rules: DevRuleSet;
}) {
  const { db, regionId, clock, orgs, rules } = deps;
  const rootOf = async (actor: Actor, orgId?: string) =>
    orgId ? await orgs.resolveInScope(actor, orgId) : { id: actor.orgId, path: actor.orgPath, name: actor.orgName };

  return {
    async board(actor: Actor, orgId?: string): Promise<DevBoard> {
      const root = await rootOf(actor, orgId);
      const today = clock.today();
      const rows = await repo.pipeline(db, regionId, root.path, today);
      const stages = ACTIVE_STAGES.map((stage) => ({
        stage,
        label: devStageLabel[stage],
        count: rows.filter((r) => r.stage === stage).reduce((n, r) => n + r.n, 0),
      }));
      const children = new Map<string, DevBoard['children'][number]>();
      for (const r of rows) {
        const c = children.get(r.org_id) ?? { orgId: r.org_id, orgName: r.org_name, counts: zeros(), overdue: 0 };
        c.counts[r.stage] = (c.counts[r.stage] ?? 0) + r.n;
        c.overdue += r.overdue;
        children.set(r.org_id, c);
      }
      const stuck = (await repo.stuck(db, regionId, root.path, today, rules.reminderLeadDays, 200))
        .map((s) => ({
          id: s.applicant_id,
          name: s.name,
          orgName: s.org_name,
          stageLabel: devStageLabel[s.stage as DevStage] ?? s.stage,
          reason: `第${s.step_no}步「${s.label}」：${s.what}`,
          dueOn: s.due_on,
          overdue: s.due_on < today,
        }))
        .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
      return { orgId: root.id, orgName: root.name, stages, children: [...children.values()], stuck };
    },

    async year(actor: Actor, q: DevYearQuery): Promise<DevYearReport> {
      const root = await rootOf(actor, q.orgId);
      const kids = await repo.childrenOf(db, regionId, root.path);
      const units = kids.length > 1 ? kids.filter((k) => k.path !== root.path) : kids;
      const [steps, plans, pipe] = await Promise.all([
        repo.yearSteps(db, regionId, root.path, q.year),
        repo.plans(db, regionId, [root.id, ...units.map((u) => u.id)], q.year),
        repo.pipeline(db, regionId, root.path, clock.today()),
      ]);
      const row = (id: string, name: string) => {
        const mine = steps.filter((s) => s.org_id === id);
        const n = (step: string, outcome?: string) =>
          mine.filter((s) => s.step === step && (outcome === undefined || s.outcome === outcome)).reduce((x, s) => x + s.n, 0);
        const pipeline = zeros();
        for (const p of pipe.filter((p) => p.org_id === id)) pipeline[p.stage] = (pipeline[p.stage] ?? 0) + p.n;
        return {
          orgId: id,
          orgName: name,
          quota: plans.find((p) => p.org_id === id)?.quota ?? null,
          developed: n('approval'),
          confirmed: n('full_approval', 'full'),
          extended: n('full_approval', 'extend'),
          cancelled: n('full_approval', 'cancel'),
          pipeline,
        };
      };
      const rows = units.map((u) => row(u.id, u.name));
      const sum = (k: 'developed' | 'confirmed' | 'extended' | 'cancelled') => rows.reduce((n, r) => n + r[k], 0);
      const pipeline = zeros();
      for (const r of rows) for (const s of ACTIVE_STAGES) pipeline[s]! += r.pipeline[s] ?? 0;
      const rootPlan = plans.find((p) => p.org_id === root.id)?.quota;
      const quotas = rows.map((r) => r.quota).filter((x): x is number => x !== null);
      const total = {
        orgId: root.id,
        orgName: `${root.name}（合计）`,
        quota: rootPlan ?? (quotas.length ? quotas.reduce((a, b) => a + b, 0) : null),
        developed: sum('developed'),
        confirmed: sum('confirmed'),
        extended: sum('extended'),
        cancelled: sum('cancelled'),
        pipeline,
      };
      const approvers = new Map<string, { orgName: string; developed: number; confirmed: number }>();
      for (const s of steps) {
        const name = s.approver ?? '（未记录审批组织）';
        const a = approvers.get(name) ?? { orgName: name, developed: 0, confirmed: 0 };
        if (s.step === 'approval') a.developed += s.n;
        else if (s.outcome === 'full') a.confirmed += s.n;
        approvers.set(name, a);
      }
      return { orgId: root.id, orgName: root.name, year: q.year, rows, total, byApprover: [...approvers.values()].sort((a, b) => b.developed - a.developed) };
    },

    /** 年度发展计划: set by a committee above the organization (development:approve), audited. */
    async setPlan(actor: Actor, input: DevPlanInput): Promise<void> {
      const org = await orgs.resolveInScope(actor, input.orgId);
      await db.transaction(async (tx) => {
        await repo.setPlan(tx, regionId, { orgId: org.id, year: input.year, quota: input.quota, note: input.note ?? null, by: actor.displayName });
        await deps.audit.record(tx, actor, {
          action: 'development.plan',
          entity: 'org',
          entityId: org.id,
          entityName: org.name,
          orgPath: org.path,
          after: { year: input.year, quota: input.quota },
        });
      });
    },
  };
}

export type DevelopmentReports = ReturnType<typeof createDevelopmentReports>;
