import { directiveKindLabel } from '@jiceng/contracts';
import { directiveReminderStage, type DirectiveRuleSet } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import { link, RECIPIENT_ROLES, type DirectiveDeps } from './directive.core.ts';
import { directiveRepository } from './directive.repository.ts';

export interface DirectiveReminderDeps {
  db: Database;
  regionId: string;
  clock: Clock;
  rules: DirectiveRuleSet;
  recipients: DirectiveDeps['recipients'];
  notify: DirectiveDeps['notify'];
}

/**
 * The reminder sweep (rule directive-reminder-lead): every recipient still open on an open directive
 * gets a message when its due date is `reminderLeadDays` away, and one more once it has passed — each
 * once per recipient, stage and due date (the dedupe key), so a rerun, a restart or a second process
 * sends nothing twice, and a granted extension (a new due date) reminds again.
 */
export function directiveReminderSweep(deps: DirectiveReminderDeps): () => Promise<number> {
  return async () => {
    const today = deps.clock.today();
    const rows = await directiveRepository.dueForReminder(deps.db, deps.regionId, today, deps.rules.reminderLeadDays);
    if (!rows.length) return 0;
    const accounts = await deps.recipients([...new Set(rows.map((r) => r.org_id))], RECIPIENT_ROLES);
    let sent = 0;
    for (const r of rows) {
      const stage = directiveReminderStage(r.due_on, today, deps.rules);
      if (!stage) continue;
      const what = directiveKindLabel[r.kind];
      const act = r.kind === 'notice' ? '签收' : r.state === 'sent' ? '签收并办结上报' : '办结上报';
      const title = `${what}${stage === 'overdue' ? '逾期' : '即将到期'}：${r.title}`;
      const body =
        stage === 'overdue' ? `${what}「${r.title}」应于 ${r.due_on} 前${act}，已逾期，请尽快办理。` : `${what}「${r.title}」请于 ${r.due_on} 前${act}。`;
      for (const a of accounts.filter((x) => x.org_id === r.org_id))
        if (await deps.notify({ accountId: a.id, dedupeKey: `directive.${stage}:${r.id}:${r.due_on}`, title, body, link: link(r.directive_id) })) sent++;
    }
    return sent;
  };
}

export const directiveReminderJob = (run: () => Promise<number>, cron: string): ScheduledJob => ({
  name: 'directive-reminders',
  cron,
  run: async () => void (await run()),
});
