import { rmAssembleYear, type RmRuleSet } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';

/**
 * The yearly 双报告 (rule rm-assemble-month): in January the job assembles last year's reports for
 * every standing unit and member of the region — at start and every day of the month, so a restart or
 * a unit that reported in meanwhile is covered; one report per subject and year (the unique indexes),
 * so a rerun makes none twice. Answers what it made, or null outside the month.
 */
export function reportAssembleSweep(deps: {
  clock: Clock;
  rules: RmRuleSet;
  rootPath: () => Promise<string | null>;
  assembleUnder: (path: string, year: number) => Promise<{ created: number; refreshed: number }>;
}): () => Promise<{ year: number; created: number; refreshed: number } | null> {
  return async () => {
    const year = rmAssembleYear(deps.clock.today(), deps.rules);
    const root = year === null ? null : await deps.rootPath();
    if (year === null || root === null) return null;
    return { year, ...(await deps.assembleUnder(root, year)) };
  };
}

export const reportAssembleJob = (run: () => Promise<unknown>, cron: string): ScheduledJob => ({
  name: 'regionmeet-reports',
  cron,
  run: async () => void (await run()),
});
