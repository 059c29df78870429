import type { DevRuleSet } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import { developmentRepository } from './development.repository.ts';

/** The branch's accounts, and the accounts of the committee directly above it. */
const BRANCH_ROLES = ['secretary'];
const SUPERIOR_ROLES = ['community', 'street', 'department'];

export interface DevReminderDeps {
  db: Database;
  regionId: string;
  clock: Clock;
  rules: DevRuleSet;
  recipients(orgIds: string[], roles: string[]): Promise<{ id: string; org_id: string }[]>;
  notify(n: { accountId: string; dedupeKey: string; title: string; body: string; link: string }): Promise<boolean>;
}

/**
 * The reminder sweep of the development limits (rules dev-talk-1-month, dev-assessment-6-months,
 * dev-approval-3-months, dev-probation-1-year): a limit within `reminderLeadDays` is sent to whoever
 * must act (the branch's secretary, or the committee above for its own steps); a passed one also to
 * the committee above. Each message once per limit, due date and stage (the dedupe key), so a rerun,
 * a restart or a second process sends nothing twice.
 */
export function devReminderSweep(deps: DevReminderDeps): () => Promise<number> {
  return async () => {
    const today = deps.clock.today();
    const rows = await developmentRepository.dueForReminder(deps.db, deps.regionId, today, deps.rules.reminderLeadDays);
    if (!rows.length) return 0;
    const branchAccounts = await deps.recipients([...new Set(rows.map((r) => r.org_id))], BRANCH_ROLES);
    const parents = [...new Set(rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])))];
    const superiorAccounts = parents.length ? await deps.recipients(parents, SUPERIOR_ROLES) : [];
    let sent = 0;
    for (const r of rows) {
      const late = r.due_on < today;
      const stage = late ? 'overdue' : 'due';
      const title = `发展党员${late ? '逾期' : '时限提醒'}：${r.name} 第${r.step_no}步「${r.label}」`;
      const body = `${r.org_name}的${r.name}：${r.what}，${late ? `应于 ${r.due_on} 前办理，已逾期` : `请于 ${r.due_on} 前办理`}。`;
      const toBranch = r.by_whom === 'branch' ? branchAccounts.filter((a) => a.org_id === r.org_id) : [];
      const toSuperior = r.by_whom === 'superior' || late ? superiorAccounts.filter((a) => a.org_id === r.parent_id) : [];
      for (const a of [...toBranch, ...toSuperior]) {
        const dedupeKey = `development.${stage}:${r.applicant_id}:${r.step}:${r.due_on}`;
        if (await deps.notify({ accountId: a.id, dedupeKey, title, body, link: `/development/${r.applicant_id}` })) sent++;
      }
    }
    return sent;
  };
}

export const devReminderJob = (run: () => Promise<number>, cron: string): ScheduledJob => ({
  name: 'development-reminders',
  cron,
  run: async () => void (await run()),
});
