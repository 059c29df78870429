import type {
  ComplianceChild,
  ComplianceCounts,
  ComplianceHeatmap,
  ComplianceHeatmapQuery,
  ComplianceOrgPage,
  ComplianceOrgQuery,
  CompliancePeriod,
  ComplianceQuery,
  ComplianceRules,
  ComplianceRuleSetInput,
  ComplianceRuleSetView,
  ComplianceStatusCode,
} from '@jiceng/contracts';
import {
  COMPLIANCE_ACTIVE_STATES,
  COMPLIANCE_COMMITTEE_MIN_SEATS,
  COMPLIANCE_COUNTED_STATES,
  COMPLIANCE_RULES_2018,
  complianceStatusLabel,
  periodBounds,
  periodOf,
  requirementIds,
  requirementLabel,
  type CalendarPeriod,
  type ComplianceFrequency,
  type ComplianceRuleSet,
} from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { assertVersion, conflict, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { OrgService } from '../org/index.ts';
import type { ComplianceRepository, CountsRow, EvaluationInput, RuleSetRow } from './compliance.repository.ts';
import { requirementRows } from './compliance.requirements.ts';
import type { ComplianceStore } from './compliance.store.ts';

export interface ComplianceServiceDeps {
  db: Database;
  regionId: string;
  repo: ComplianceRepository;
  orgs: Pick<OrgService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
  defaults?: readonly ComplianceRuleSet[];
  /** The read model the views read their items from; without it they judge live (the test comparing both). */
  store?: ComplianceStore | null;
}

const QUARTER = ['', '第一季度', '第二季度', '第三季度', '第四季度'];
/** 「2026年12月」「2026年第四季度」「2026年」. */
export function periodLabel(p: CalendarPeriod): string {
  if (p.kind === 'month') return `${p.year}年${p.index}月`;
  if (p.kind === 'quarter') return `${p.year}年${QUARTER[p.index]}`;
  return `${p.year}年`;
}

const rate = (c: { done: number; due: number; due_soon: number; overdue: number }) => {
  const due = c.done + c.due + c.due_soon + c.overdue;
  return due === 0 ? null : Math.round((c.done / due) * 1000) / 1000;
};
const present = (c: CountsRow | undefined): ComplianceCounts => {
  const z = c ?? { organizations: 0, items: 0, done: 0, due: 0, due_soon: 0, overdue: 0, exempt: 0, upcoming: 0 };
  return {
    organizations: z.organizations,
    items: z.items,
    done: z.done,
    due: z.due,
    dueSoon: z.due_soon,
    overdue: z.overdue,
    exempt: z.exempt,
    upcoming: z.upcoming,
    rate: rate(z),
  };
};

/** Org types a silent-branch check applies to (the ones the rule set gives branch requirements). */
const SILENT_TYPES = ['branch', 'joint_branch'];

/**
 * The compliance calendar (issue 9): the rule sets (defaults of packages/rules, subtrees' own from
 * a date) turned into requirement rows per period, judged in SQL over the counts of held meetings.
 */
export function createComplianceService(deps: ComplianceServiceDeps) {
  const { db, regionId, repo, orgs, audit, clock, defaults = [COMPLIANCE_RULES_2018], store = null } = deps;

  async function scopeOf(actor: Actor, orgId: string | undefined) {
    const org = orgId ? await orgs.resolveInScope(actor, orgId) : { id: actor.orgId, path: actor.orgPath, name: actor.orgName };
    return org;
  }

  async function input(actor: Actor, q: ComplianceQuery, kind?: ComplianceFrequency) {
    const scope = await scopeOf(actor, q.orgId);
    const today = clock.today();
    const view = periodOf(kind ?? q.period ?? 'month', q.date ?? today);
    const sets = await repo.ruleSets(db, regionId, scope.path);
    const e: EvaluationInput = {
      regionId,
      scopePath: scope.path,
      today,
      requirements: requirementRows(defaults, sets, view),
      counted: COMPLIANCE_COUNTED_STATES,
      active: COMPLIANCE_ACTIVE_STATES,
      committeeMinSeats: COMPLIANCE_COMMITTEE_MIN_SEATS,
      stored: !!store,
    };
    // every period of the view lies in the view's calendar year
    await store?.refresh(today, [view.year]);
    const { start, end } = periodBounds(view);
    const period: CompliancePeriod = { kind: view.kind, start, end, label: periodLabel(view) };
    return { scope, today, view, period, e, sets };
  }

  const view = (s: RuleSetRow): ComplianceRuleSetView => ({
    id: s.id,
    orgId: s.org_id,
    orgName: s.org_name,
    effectiveFrom: s.effective_from,
    overrides: s.overrides,
    silentAfterDays: s.silent_after_days,
    note: s.note,
    createdByName: s.created_by_name,
    createdAt: s.created_at,
    version: s.version,
  });

  return {
    /** The scope's children ranked by rate, with what each missed, for the period around `date`. */
    async summary(actor: Actor, q: ComplianceQuery) {
      const { scope, today, period, e } = await input(actor, q);
      const [counts, missing, silent] = await Promise.all([
        repo.countsByChild(db, e),
        repo.missingByChild(db, e),
        repo.silentByChild(db, { ...e, silentTypes: SILENT_TYPES }),
      ]);
      const names = await childNames(counts.map((c) => c.child_id).filter((x): x is string => !!x));
      const total = counts.reduce<CountsRow>(
        (a, c) => ({
          child_id: null,
          organizations: a.organizations + c.organizations,
          items: a.items + c.items,
          done: a.done + c.done,
          due: a.due + c.due,
          due_soon: a.due_soon + c.due_soon,
          overdue: a.overdue + c.overdue,
          exempt: a.exempt + c.exempt,
          upcoming: a.upcoming + c.upcoming,
        }),
        { child_id: null, organizations: 0, items: 0, done: 0, due: 0, due_soon: 0, overdue: 0, exempt: 0, upcoming: 0 },
      );
      const children: ComplianceChild[] = counts.map((c) => ({
        orgId: c.child_id ?? scope.id,
        orgName: c.child_id ? (names.get(c.child_id) ?? '') : scope.name,
        counts: present(c),
        missing: missing
          .filter((m) => m.child_id === c.child_id)
          .map((m) => ({ requirementId: m.requirement_id, label: m.label, organizations: m.organizations })),
        silent: silent.find((s) => s.child_id === c.child_id)?.silent ?? 0,
        rank: null,
      }));
      children.sort((a, b) => (b.counts.rate ?? -1) - (a.counts.rate ?? -1) || a.orgName.localeCompare(b.orgName, 'zh-CN'));
      let rank = 0;
      for (const c of children) if (c.counts.rate !== null) c.rank = ++rank;
      return {
        period,
        today,
        scope: { orgId: scope.id, orgName: scope.name },
        totals: present(total),
        silent: silent.reduce((a, s) => a + s.silent, 0),
        children,
      };
    },

    /** Organizations of the scope with their items, those with most missing first. */
    async orgPage(actor: Actor, q: ComplianceOrgQuery): Promise<ComplianceOrgPage> {
      const { period, e } = await input(actor, q);
      const pageSize = q.pageSize ?? 20;
      const page = await repo.orgPage(db, {
        ...e,
        filter: q.status ?? 'all',
        q: q.q?.trim() || null,
        limit: pageSize,
        offset: ((q.page ?? 1) - 1) * pageSize,
        silentTypes: SILENT_TYPES,
      });
      const items = page.rows.length ? await repo.items(db, { ...e, orgIds: page.rows.map((r) => r.org_id) }) : [];
      // grouped once: an export's pages are thousands of organizations
      const byOrg = new Map<string, typeof items>();
      for (const i of items) byOrg.set(i.org_id, [...(byOrg.get(i.org_id) ?? []), i]);
      return {
        period,
        total: page.total,
        items: page.rows.map((r) => ({
          orgId: r.org_id,
          orgName: r.name,
          orgType: r.type,
          parentName: r.parent_name,
          done: r.done,
          missing: r.missing,
          lastMeetingDate: r.last_meeting,
          silent: r.silent,
          items: (byOrg.get(r.org_id) ?? []).map((i) => ({
            requirementId: i.requirement_id,
            label: i.label,
            start: i.period_start,
            end: i.period_end,
            held: i.held,
            required: i.min_count,
            status: i.status as ComplianceStatusCode,
            statusLabel: complianceStatusLabel[i.status as ComplianceStatusCode],
          })),
        })),
      };
    },

    /** Children × months of a year: the share done of what fell due in each month. */
    async heatmap(actor: Actor, q: ComplianceHeatmapQuery): Promise<ComplianceHeatmap> {
      const year = q.year ?? Number(clock.today().slice(0, 4));
      const { scope, e } = await input(actor, { orgId: q.orgId, date: `${year}-01-01` }, 'year');
      const cells = await repo.heatmap(db, e);
      const ids = [...new Set(cells.map((c) => c.child_id))];
      const names = await childNames(ids.filter((x): x is string => !!x));
      const rows = ids.map((id) => ({
        orgId: id ?? scope.id,
        orgName: id ? (names.get(id) ?? '') : scope.name,
        rates: Array.from({ length: 12 }, (_, m) => {
          const c = cells.find((x) => x.child_id === id && x.month === m + 1);
          return c && c.due > 0 ? Math.round((c.done / c.due) * 1000) / 1000 : null;
        }),
      }));
      rows.sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'));
      return { year, months: Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`), rows };
    },

    /** The defaults and the rule sets that apply in the scope. */
    async rules(actor: Actor, q: { orgId?: string }): Promise<ComplianceRules> {
      const scope = await scopeOf(actor, q.orgId);
      const base = defaults[defaults.length - 1]!;
      const requirements = new Map<
        string,
        { requirementId: string; orgTypes: string[]; label: string; every: ComplianceFrequency; minCount: number; source: string }
      >();
      for (const [type, rs] of Object.entries(base.requirementsByType)) {
        for (const r of rs ?? []) {
          const seen = requirements.get(r.id);
          if (seen) seen.orgTypes.push(type);
          else
            requirements.set(r.id, {
              requirementId: r.id,
              orgTypes: [type],
              label: requirementLabel(r),
              every: r.every,
              minCount: r.minCount,
              source: r.source,
            });
        }
      }
      return {
        defaults: { id: base.id, effectiveFrom: base.effectiveFrom, silentAfterDays: base.silentAfterDays, requirements: [...requirements.values()] },
        sets: (await repo.ruleSets(db, regionId, scope.path)).map(view),
      };
    },

    /** A subtree's own numbers from a date. */
    async addRuleSet(actor: Actor, body: ComplianceRuleSetInput): Promise<ComplianceRuleSetView> {
      const org = await orgs.resolveInScope(actor, body.orgId);
      const known = requirementIds(defaults[defaults.length - 1]!);
      const unknown = body.overrides.filter((o) => !known.has(o.requirementId));
      if (unknown.length) throw invalid(`未知的组织生活要求：${unknown.map((o) => o.requirementId).join('、')}`, { field: 'overrides' });
      if (new Set(body.overrides.map((o) => o.requirementId)).size !== body.overrides.length) throw invalid('同一项要求只能设置一次', { field: 'overrides' });
      const id = newId();
      return db.transaction(async (tx) => {
        const ok = await repo.insertRuleSet(tx, regionId, {
          id,
          orgId: org.id,
          effectiveFrom: body.effectiveFrom,
          overrides: body.overrides,
          silentAfterDays: body.silentAfterDays,
          note: body.note?.trim() || null,
          actorId: actor.id,
          actorName: actor.displayName,
        });
        if (!ok) throw conflict(`「${org.name}」已有自 ${body.effectiveFrom} 起生效的组织生活频次设置，请删除后重新设置或选择其他生效日期`);
        await audit.record(tx, actor, {
          action: 'compliance.rules_set',
          entity: 'compliance_rule_set',
          entityId: id,
          orgPath: org.path,
          after: { orgId: org.id, effectiveFrom: body.effectiveFrom, overrides: body.overrides, silentAfterDays: body.silentAfterDays },
        });
        return view((await repo.ruleSetById(tx, regionId, id))!);
      });
    },

    /** Removes a subtree's rule set (at the version read). */
    async removeRuleSet(actor: Actor, id: string, version: number | null): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await repo.ruleSetById(tx, regionId, id);
        if (!s) throw notFound('组织生活频次设置');
        await orgs.resolveInScope(actor, s.org_id, tx);
        assertVersion(s.version, version, '该组织生活频次设置');
        if (!(await repo.deleteRuleSet(tx, regionId, id, version))) {
          // another delete got there first: it is gone, not changed
          if (!(await repo.ruleSetById(tx, regionId, id))) throw notFound('组织生活频次设置');
          throw staleVersion('该组织生活频次设置');
        }
        await audit.record(tx, actor, {
          action: 'compliance.rules_removed',
          entity: 'compliance_rule_set',
          entityId: id,
          orgPath: s.org_path,
          before: { orgId: s.org_id, effectiveFrom: s.effective_from, overrides: s.overrides, silentAfterDays: s.silent_after_days },
        });
      });
    },
  };

  async function childNames(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await repo.names(db, regionId, ids)).map((r) => [r.id, r.name]));
  }
}
export type ComplianceService = ReturnType<typeof createComplianceService>;
