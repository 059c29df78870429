import { termStatusLabel } from '@jiceng/contracts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { OrgService } from './org.service.ts';

const ALARMS = new Set(['due_soon', 'overdue', 'seriously_overdue']);

export interface TermAlarmDeps {
  orgs: OrgService;
  /** The region's root scope, for a sweep that sees every organization. */
  systemActor(): Promise<Actor | null>;
  /** Accounts responsible for these organizations (their own and their superior's secretaries). */
  recipients(orgIds: string[]): Promise<{ id: string; org_id: string }[]>;
  notify(n: { accountId: string; dedupeKey: string; title: string; body: string; link: string }): Promise<boolean>;
}

/**
 * The sweep: every term alarm (due soon, overdue, seriously overdue) is sent once per status to the
 * accounts of the organization and of its parent; the dedupe key makes repeats no-ops.
 */
export function termAlarmSweep(deps: TermAlarmDeps): () => Promise<number> {
  return async () => {
    const actor = await deps.systemActor();
    if (!actor) return 0;
    const problems = (await deps.orgs.termProblems(actor)).filter((p) => ALARMS.has(p.status));
    let sent = 0;
    for (const p of problems) {
      const org = await deps.orgs.get(actor, p.orgId);
      const targets = await deps.recipients([p.orgId, ...(org.parentId ? [org.parentId] : [])]);
      const label = termStatusLabel[p.status as keyof typeof termStatusLabel];
      for (const t of targets) {
        const ok = await deps.notify({
          accountId: t.id,
          dedupeKey: `org.term:${p.orgId}:${p.termNo}:${p.status}`,
          title: `换届提醒：${p.orgName}${label}`,
          body: `${p.orgName}第 ${p.termNo} 届任期${p.status === 'due_soon' ? `将于 ${p.termEndDate} 届满` : `已于 ${p.termEndDate} 届满`}，请按规定做好换届工作。`,
          link: `/orgs/${p.orgId}?tab=terms`,
        });
        if (ok) sent++;
      }
    }
    return sent;
  };
}

export const termAlarmJob = (run: () => Promise<number>, cron: string): ScheduledJob => ({ name: 'org-term-alarm', cron, run: async () => void (await run()) });
