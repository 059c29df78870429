import { COBUILD_PARTNER_KINDS, cobuildPartnerKindLabel, type CobuildState, type CobuildStats, type CobuildStatsQuery } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { CobuildService } from './cobuild.service.ts';
import { cobuildStatsRepository as stats } from './cobuild.stats.repository.ts';

type State = CobuildState;
type StateCounts = Record<State | 'total', number>;
const zero = (): StateCounts => ({ total: 0, draft: 0, pending: 0, active: 0, expired: 0, terminated: 0 });

/**
 * The scope's figures: agreements (either side in scope) by partner kind and state, how many
 * organizations take part on each side, and the log's totals — activities, participants, problems
 * solved, funds — overall, by content area and by month (of one year when asked). Read at request
 * time: a district has a few hundred agreements.
 */
export function createCobuildStats(deps: { db: Database; service: CobuildService }) {
  const { db, service } = deps;
  const { regionId, clock, rules } = service.core;

  return {
    async figures(actor: Actor, q: CobuildStatsQuery): Promise<CobuildStats> {
      const scope = await service.scopeOf(actor, q.orgId);
      const year = q.year ?? null;
      const s = { regionId, scopePath: scope.path, year, today: clock.today() };
      const [byState, partners, log, byHeading, byMonth, overdue] = await Promise.all([
        stats.byState(db, s, rules.expiryWindowDays),
        stats.partners(db, s),
        stats.logTotals(db, s),
        stats.byHeading(db, s),
        stats.byMonth(db, s),
        stats.overdueCommitments(db, s, rules.commitmentGraceDays),
      ]);

      const totals = zero();
      let expiring = 0;
      const kinds = new Map(COBUILD_PARTNER_KINDS.map((k) => [k, zero()]));
      for (const r of byState) {
        const c = kinds.get(r.kind as (typeof COBUILD_PARTNER_KINDS)[number]);
        const st = r.state as State;
        if (c) {
          c[st] += r.n;
          c.total += r.n;
        }
        totals[st] += r.n;
        totals.total += r.n;
        expiring += r.expiring;
      }
      const all = partners.find((p) => p.kind === null);
      return {
        scopeName: scope.name,
        year,
        byKind: COBUILD_PARTNER_KINDS.map((k) => ({
          kind: k,
          label: cobuildPartnerKindLabel[k],
          partners: partners.find((p) => p.kind === k)?.n ?? 0,
          ...kinds.get(k)!,
        })),
        totals: {
          ...totals,
          orgsA: all?.a ?? 0,
          activities: log?.activities ?? 0,
          participants: log?.participants ?? 0,
          problems: log?.problems ?? 0,
          fundsFen: log?.funds ?? 0,
          expiring,
          overdueCommitments: overdue,
        },
        byHeading,
        byMonth: byMonth.reverse().map((m) => ({ month: m.month, activities: m.activities, problems: m.problems, fundsFen: m.funds })),
      };
    },
  };
}
export type CobuildStatsService = ReturnType<typeof createCobuildStats>;
