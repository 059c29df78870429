import type { OrgType, TermProblem, TermStatusByChild } from '@jiceng/contracts';
import { daysBetween, hasElectedTerm, TERM_RULES_2018, termStatus } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { OrgRepository } from './org.repository.ts';

/** 换届 reads over a scope (the 换届预警 page, its export, the cockpit chart, the term alarm job). */
export function createOrgTermReads(deps: { db: Database; regionId: string; orgs: OrgRepository; clock: Clock }) {
  const { db, regionId, orgs, clock } = deps;
  return {
    /** Organizations in scope whose term is due within 6 months, overdue, seriously overdue or missing. */
    async termProblems(actor: Actor, scopePath = actor.orgPath): Promise<TermProblem[]> {
      const today = clock.today();
      const types = Object.keys(TERM_RULES_2018.yearsByType);
      const rows = await orgs.withTerms(db, regionId, scopePath, types);
      const order = { seriously_overdue: 0, overdue: 1, due_soon: 2, no_term: 3, ok: 4 } as const;
      return rows
        .filter((r) => hasElectedTerm(r.type as OrgType))
        .map((r) => {
          const status = termStatus(r.term_end, today);
          return {
            orgId: r.id,
            orgName: r.name,
            orgType: r.type,
            parentName: r.parent_name,
            termNo: r.term_no,
            termEndDate: r.term_end,
            status,
            daysLeft: r.term_end ? daysBetween(today, r.term_end) : null,
          };
        })
        .filter((p) => p.status !== 'ok')
        .sort((a, b) => order[a.status] - order[b.status] || (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
    },

    /**
     * 换届 status counted under each active direct child of the actor's organization (the cockpit's
     * chart): the same rows and rule as termProblems, plus the organizations whose term is fine.
     */
    async termStatusByChild(actor: Actor): Promise<TermStatusByChild[]> {
      const today = clock.today();
      const [rows, children] = await Promise.all([
        orgs.withTerms(db, regionId, actor.orgPath, Object.keys(TERM_RULES_2018.yearsByType)),
        orgs.children(db, regionId, actor.orgId, false),
      ]);
      const byChild = new Map(children.map((c) => [c.path, { orgId: c.id, orgName: c.name, ok: 0, dueSoon: 0, overdue: 0, noTerm: 0 }]));
      const depth = actor.orgPath.split('.').length + 1;
      for (const r of rows) {
        if (!hasElectedTerm(r.type as OrgType)) continue;
        const child = byChild.get(r.path.split('.').slice(0, depth).join('.'));
        if (!child) continue;
        const status = termStatus(r.term_end, today);
        if (status === 'ok') child.ok++;
        else if (status === 'due_soon') child.dueSoon++;
        else if (status === 'no_term') child.noTerm++;
        else child.overdue++;
      }
      return [...byChild.values()];
    },
  };
}
