import type { OrgSetupOrgStatus, OrgSetupWarning, OrgSetupWarningQuery, OrgType } from '@jiceng/contracts';
import { evaluateOrgSetup, ORG_SETUP_RULES_2018, type OrgSetupRuleSet } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { normalizeName } from '../../platform/xlsx/cells.ts';
import type { OrgService } from '../org/index.ts';
import { presentWarning } from './orgsetup.presenter.ts';
import type { OrgSetupRepository } from './orgsetup.repository.ts';

export interface OrgSetupServiceDeps {
  db: Database;
  regionId: string;
  setup: OrgSetupRepository;
  orgs: Pick<OrgService, 'resolveInScope'>;
  clock: Clock;
  rules?: OrgSetupRuleSet;
}

/** 组织设置预警: the counts from the database, judged by the pure rule set. */
export function createOrgSetupService(deps: OrgSetupServiceDeps) {
  const { db, regionId, setup, orgs, clock, rules = ORG_SETUP_RULES_2018 } = deps;
  // Only these types can break a setup rule; the others are not counted at all.
  const types = [...new Set<OrgType>([...rules.branchTypes, ...rules.belowCommitteeTypes, 'joint_branch', 'temporary_branch'])];
  const levelOrder = { error: 0, warning: 1 } as Record<string, number>;

  async function evaluate(scopePath: string, orgId: string | null): Promise<OrgSetupWarning[]> {
    const [counts, units] = await Promise.all([
      setup.counts(db, regionId, scopePath, types, clock.today(), orgId),
      setup.jointUnits(db, regionId, scopePath, orgId),
    ]);
    const unitsOf = new Map<string, { name: string; fullMembers: number }[]>();
    for (const u of units) unitsOf.set(u.org_id, [...(unitsOf.get(u.org_id) ?? []), { name: u.name, fullMembers: u.full_members }]);
    return counts.flatMap((o) =>
      evaluateOrgSetup({
        type: o.type as OrgType,
        members: o.members,
        fullMembers: o.full_members,
        subtreeMembers: o.subtree_members,
        committeeSeats: o.committee_seats,
        units: unitsOf.get(o.id) ?? [],
      }, rules).map((f) => presentWarning(f, o, rules)),
    );
  }

  return {
    /** Every finding in the actor's scope (or under `orgId`), rule violations first. */
    async warnings(actor: Actor, q: OrgSetupWarningQuery = {}): Promise<OrgSetupWarning[]> {
      const scopePath = q.orgId ? (await orgs.resolveInScope(actor, q.orgId)).path : actor.orgPath;
      const all = await evaluate(scopePath, null);
      const name = normalizeName(q.q ?? '');
      return all
        .filter((w) => (!q.rule || w.rule === q.rule) && (!name || normalizeName(w.orgName).includes(name)))
        .sort((a, b) => (levelOrder[a.level] ?? 9) - (levelOrder[b.level] ?? 9));
    },

    /** One organization's own findings, for its badge. */
    async forOrg(actor: Actor, id: string): Promise<OrgSetupOrgStatus> {
      const org = await orgs.resolveInScope(actor, id);
      const warnings = await evaluate(org.path, org.id);
      return { orgId: org.id, count: warnings.length, warnings };
    },
  };
}
export type OrgSetupService = ReturnType<typeof createOrgSetupService>;
