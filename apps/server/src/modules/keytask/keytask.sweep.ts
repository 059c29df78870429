import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { KeyTaskCore } from './keytask.core.ts';
import { keyTaskRepository as repo } from './keytask.repository.ts';

/** The accounts of a lead (or owner) organization that hear about its milestones and decisions. */
const OWNER_ROLES = ['department', 'street', 'community', 'secretary'];
const BATCH = 200;

export interface KtSweepDeps {
  core: KeyTaskCore;
  recipients(orgIds: string[], roles: string[]): Promise<{ id: string; org_id: string }[]>;
  notify(n: { accountId: string; dedupeKey: string; title: string; body: string; link: string }): Promise<boolean>;
}

/**
 * The daily work of the key tasks: the status the rule set judges changes with the day (a milestone
 * passes, the time runs ahead of the progress), so every task judged before today is judged again
 * and stored (the to-dos and the status filter read it); then each milestone due within
 * `reminderLeadDays` or passed, and each 调度会 decision due, is sent to the owner organization's
 * accounts once per stage (the dedupe key): a rerun, a restart or a second process sends nothing twice.
 */
export function keyTaskSweep(deps: KtSweepDeps): () => Promise<number> {
  const { core } = deps;
  const { db, regionId, clock, rules } = core.deps;
  return async () => {
    const today = clock.today();
    for (;;) {
      const stale = await repo.staleStatus(db, regionId, today, BATCH);
      if (!stale.length) break;
      await db.transaction((tx) =>
        core.refreshStatus(
          tx,
          stale.map((s) => s.id),
        ),
      );
    }
    const due = await repo.dueForReminder(db, regionId, today, rules.reminderLeadDays);
    if (!due.length) return 0;
    const accounts = await deps.recipients([...new Set(due.map((d) => d.org_id))], OWNER_ROLES);
    let sent = 0;
    for (const d of due) {
      const late = d.due_on < today;
      const stage = late ? 'overdue' : 'due';
      const what = d.kind === 'milestone' ? `时间节点「${d.what}」` : `调度会决定「${d.what}」`;
      const title = `重点任务${late ? '逾期' : '提醒'}：${d.task_title}`;
      const body = `${what}${late ? `应于 ${d.due_on} 完成，已逾期，请尽快办理并报告` : `请于 ${d.due_on} 前完成并报告`}。`;
      for (const a of accounts.filter((x) => x.org_id === d.org_id))
        if (
          await deps.notify({
            accountId: a.id,
            dedupeKey: `keytask.${d.kind}.${stage}:${d.key}:${d.due_on}`,
            title,
            body,
            link: `/keytasks/tasks/${d.task_id}`,
          })
        )
          sent++;
    }
    return sent;
  };
}

export const keyTaskSweepJob = (run: () => Promise<number>, cron: string): ScheduledJob => ({
  name: 'keytask-sweep',
  cron,
  run: async () => void (await run()),
});
