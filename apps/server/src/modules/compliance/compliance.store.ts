import { COMPLIANCE_ACTIVE_STATES, COMPLIANCE_COMMITTEE_MIN_SEATS, COMPLIANCE_COUNTED_STATES, periodOf, type ComplianceRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import type { EvaluationInput } from './compliance.repository.ts';
import { requirementRows } from './compliance.requirements.ts';
import { complianceStoreRepository as repo } from './compliance.store.repository.ts';

/** Past this many changed organizations a year is rebuilt whole rather than organization by organization. */
const FULL_REBUILD_AT = 2000;

/**
 * Keeps the compliance read model (migration 0038) current: before a view reads a year, builds it
 * if no view asked for it before, and recomputes the items of the organizations marked as changed
 * (and of those whose committee in office changed since the day the year was judged) in every
 * built year, under the region's lock, in one transaction, with the live judgement's SQL. Nothing
 * to do — the usual case — costs one small query.
 */
export function createComplianceStore(deps: { db: Database; regionId: string; defaults: readonly ComplianceRuleSet[] }) {
  const { db, regionId, defaults } = deps;

  /** The live judgement's input for every requirement-period of `year`, evaluated on `today`. */
  const yearInput = (year: number, today: string): EvaluationInput => ({
    regionId,
    scopePath: '',
    today,
    requirements: requirementRows(defaults, [], periodOf('year', `${year}-01-01`)),
    counted: COMPLIANCE_COUNTED_STATES,
    active: COMPLIANCE_ACTIVE_STATES,
    committeeMinSeats: COMPLIANCE_COMMITTEE_MIN_SEATS,
  });

  return {
    /** Brings the items of `years` (and of every year built before) up to date for a read on `today`. */
    async refresh(today: string, years: readonly number[]): Promise<void> {
      const state = await repo.state(db, regionId);
      if (!state.dirty && years.every((y) => state.years.get(y) === today) && [...state.years.values()].every((d) => d === today)) return;
      await db.transaction(async (tx) => {
        const built = await repo.lock(tx, regionId);
        const dirty = new Set(await repo.claimDirty(tx, regionId));
        const days = [...new Set(built.values())].filter((d) => d !== today);
        for (const d of days) {
          const [from, to] = d < today ? [d, today] : [today, d];
          for (const id of await repo.committeeChanged(tx, regionId, from, to)) dirty.add(id);
        }
        let full = false;
        for (const year of built.keys()) {
          if (dirty.size > FULL_REBUILD_AT) await repo.replace(tx, regionId, year, null, yearInput(year, today));
          else if (dirty.size > 0) await repo.replace(tx, regionId, year, [...dirty], yearInput(year, today));
          full ||= dirty.size > FULL_REBUILD_AT;
          await repo.setJudged(tx, regionId, year, today);
        }
        for (const year of years.filter((y) => !built.has(y))) {
          await repo.replace(tx, regionId, year, null, yearInput(year, today));
          await repo.setJudged(tx, regionId, year, today);
          full = true;
        }
        if (full) await repo.analyze(tx);
      });
    },

    /** Every stored item, for comparing with the live judgement. */
    rows: () => repo.all(db, regionId),
  };
}
export type ComplianceStore = ReturnType<typeof createComplianceStore>;
