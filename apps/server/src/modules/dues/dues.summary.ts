import type { DuesPublication, DuesPublicationQuery, DuesSummary, DuesSummaryQuery } from '@jiceng/contracts';
import { DUES_RULES_2008, duesMonthOf, duesRemittance, type DuesRuleSet } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { OrgService } from '../org/index.ts';
import { paidToOf } from './dues.ledger.service.ts';
import { addTotals, presentTotals, stateOf, totalsOfRows, ZERO_TOTALS } from './dues.ledger.presenter.ts';
import type { DuesLedgerRepository, DuesMonthRow, DuesTotalsRow } from './dues.ledger.repository.ts';
import { assertSubtree } from './dues.policy.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 党费统计 and 公示: a subtree's period from the kept totals per organization and month (migration
 * 0043), by child and by month, with the remittance of the rule set; and a branch's year, member
 * by member, for the notice to its members.
 */
export function createDuesSummary(deps: {
  db: Database;
  regionId: string;
  ledger: DuesLedgerRepository;
  orgs: Pick<OrgService, 'resolveInScope'>;
  clock: Clock;
  rules?: DuesRuleSet;
}) {
  const { db, regionId, ledger, orgs, clock } = deps;
  const rules = deps.rules ?? DUES_RULES_2008;

  async function orgOf(actor: Actor, orgId: string | undefined) {
    assertSubtree(actor);
    if (!orgId) return { id: actor.orgId, path: actor.orgPath, name: actor.orgName };
    const o = await orgs.resolveInScope(actor, orgId);
    return { id: o.id, path: o.path, name: o.name };
  }

  function period(q: { year?: number; month?: string }) {
    const year = q.year ?? Number(clock.today().slice(0, 4));
    if (q.month && Number(q.month.slice(0, 4)) !== year && q.year !== undefined) throw invalid('月份须在所选年度内');
    const y = q.month ? Number(q.month.slice(0, 4)) : year;
    return { year: y, month: q.month ?? null, from: q.month ?? `${y}-01`, to: q.month ?? `${y}-12` };
  }

  return {
    async summary(actor: Actor, q: DuesSummaryQuery): Promise<DuesSummary> {
      const org = await orgOf(actor, q.orgId);
      const p = period(q);
      const rows = await ledger.subtreeTotals(db, regionId, org.path, p.from, p.to);
      let total: DuesTotalsRow = ZERO_TOTALS;
      const byChild = new Map<string | null, DuesTotalsRow>();
      const byMonth = new Map<string, DuesTotalsRow>();
      for (const r of rows) {
        total = addTotals(total, r);
        byChild.set(r.child, addTotals(byChild.get(r.child) ?? ZERO_TOTALS, r));
        byMonth.set(r.month, addTotals(byMonth.get(r.month) ?? ZERO_TOTALS, r));
      }
      const named = new Map(
        (
          await ledger.orgsByPath(
            db,
            regionId,
            [...byChild.keys()].filter((k): k is string => k !== null),
          )
        ).map((o) => [o.path, o]),
      );
      const children = [...byChild.entries()]
        .filter(([k]) => k === null || named.has(k))
        .map(([k, t]) => ({
          orgId: k === null ? org.id : named.get(k)!.id,
          orgName: k === null ? `${org.name}（直属党员）` : named.get(k)!.name,
          own: k === null,
          totals: presentTotals(t),
        }))
        .sort((a, b) => Number(a.own) - Number(b.own) || a.orgName.localeCompare(b.orgName, 'zh-CN'));
      const months = p.month ? [p.month] : Array.from({ length: 12 }, (_, i) => `${p.year}-${pad(i + 1)}`);
      const received = Number(total.paid_fen);
      return {
        orgId: org.id,
        orgName: org.name,
        year: p.year,
        month: p.month,
        totals: presentTotals(total),
        children,
        byMonth: months.map((m) => ({ month: m, totals: presentTotals(byMonth.get(m) ?? ZERO_TOTALS) })),
        remittance: {
          receivedFen: received,
          rateBp: rules.remittanceBp,
          fen: duesRemittance(received, rules),
          source: `${rules.source} 第十五条`,
        },
      };
    },

    async publication(actor: Actor, q: DuesPublicationQuery): Promise<DuesPublication> {
      const org = await orgOf(actor, q.orgId);
      const today = clock.today();
      const current = duesMonthOf(today);
      const year = q.year ?? Number(today.slice(0, 4));
      const rows = await ledger.orgYear(db, regionId, org.id, year);
      const months = [...new Set(rows.map((r) => r.month))].sort();
      const byMember = new Map<string, DuesMonthRow[]>();
      for (const r of rows) byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), r]);
      return {
        orgId: org.id,
        orgName: org.name,
        year,
        months,
        members: [...byMember.values()].map((rs) => {
          const at = new Map(rs.map((r) => [r.month, r]));
          const t = totalsOfRows(rs);
          return {
            memberId: rs[0]!.member_id,
            memberName: rs[0]!.member_name,
            months: months.map((m) => {
              const r = at.get(m);
              return r ? { state: stateOf(r, current), dueFen: r.due_fen, paidFen: r.paid_fen } : null;
            }),
            dueFen: Number(t.due_fen),
            paidFen: Number(t.paid_fen),
            paidTo: paidToOf(rs),
          };
        }),
        totals: presentTotals(totalsOfRows(rows)),
        basis: `依据${rules.source}，党支部每年至少向党员公布${rules.publicationsPerYear}次党费收缴情况`,
        today,
      };
    },
  };
}
export type DuesSummaryService = ReturnType<typeof createDuesSummary>;
