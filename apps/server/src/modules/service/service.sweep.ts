import { autoCloseOf, escalationOf } from '@jiceng/rules';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import type { ServiceCore } from './service.core.ts';
import type { ServiceNotifier } from './service.notify.ts';
import { serviceRepository as repo } from './service.repository.ts';
import type { StepDone, Steps } from './service.steps.ts';

const SYSTEM: WorkflowActor = { id: null, displayName: '系统', role: 'system', ip: null };
const BATCH = 200;

export interface SweepResult {
  looked: number;
  urged: number;
  escalated: number;
  closed: number;
  failed: number;
}

/**
 * The time-limit sweep (ADR 0021): every request whose `sweep_after` has come is looked at once,
 * under a row lock that a second runner skips (so two sweeps never act on one request). The rules
 * decide (`autoCloseOf`, `escalationOf`: a reminder before the due time, 催办 at it, 提级 after it,
 * each once — the history says what was done); the step goes through the workflow as the system,
 * and the clock is recomputed, which moves `sweep_after` to the next threshold. The schedule lives
 * in the rows, so a restart loses no timer and a sweep that runs late catches up.
 */
export function createSweep(core: ServiceCore, steps: Steps, notifier: ServiceNotifier, onError: (e: unknown, id: string) => void = () => {}) {
  const { db, regionId } = core;
  return async function sweep(): Promise<SweepResult> {
    const out: SweepResult = { looked: 0, urged: 0, escalated: 0, closed: 0, failed: 0 };
    const now = core.now();
    const seen = new Set<string>();
    for (let round = 0; round < 50; round++) {
      const due = (await repo.dueForSweep(db, regionId, now, BATCH)).filter((r) => !seen.has(r.id));
      for (const { id } of due) {
        seen.add(id);
        const done: StepDone | null = await db
          .transaction(async (tx) => {
            if (!(await repo.claimForSweep(tx, regionId, id, now))) return null;
            out.looked++;
            const row = (await repo.byId(tx, regionId, id))!;
            const facts = await core.facts(tx, row);
            const close = autoCloseOf(facts, now, core.timing);
            const step = close
              ? { action: 'auto_close' as const, reason: close.reason, key: `auto_close@${close.dueAt}` }
              : escalationOf(facts, now, core.timing);
            if (!step) {
              await core.retime(tx, row, now);
              return null;
            }
            return steps.take(tx, row, { action: step.action, reason: step.reason, key: step.key }, SYSTEM, null);
          })
          .catch((e: unknown) => {
            // one request the rules cannot move (logged) must not stop the others; it is looked at again next run
            out.failed++;
            onError(e, id);
            return null;
          });
        if (!done) continue;
        if (done.action === 'urge') out.urged++;
        else if (done.action === 'escalate') out.escalated++;
        else out.closed++;
        await notifier.afterStep(done.row, done.action, done.eventId, done.reason);
      }
      if (due.length === 0) break;
    }
    return out;
  };
}

export const serviceSweepJob = (sweep: () => Promise<unknown>, cron: string): ScheduledJob => ({
  name: 'service-sweep',
  cron,
  run: async () => {
    await sweep();
  },
});
