import { AppError } from '../../platform/errors.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import { link, type CobuildCore } from './cobuild.core.ts';
import { cobuildRecordsRepository as records } from './cobuild.records.repository.ts';
import { cobuildRepository as repo } from './cobuild.repository.ts';

/** The accounts of a side's organization that hear about its agreements. */
const SIDE_ROLES = ['department', 'street', 'community', 'secretary'];
const BATCH = 200;
const SYSTEM: WorkflowActor = { id: null, displayName: '系统', role: 'system', ip: null };

export interface CobuildSweepDeps {
  core: CobuildCore;
  recipients(orgIds: string[], roles: string[]): Promise<{ id: string; org_id: string }[]>;
  notify(n: { accountId: string; dedupeKey: string; title: string; body: string; link: string }): Promise<boolean>;
}

/**
 * The daily work of the agreements: every agreement in force whose term has ended becomes 已到期
 * (a workflow step by the system, so it has its history row; the conditional update makes a rerun or
 * a second process a no-op), and every agreement ending within the window (rule
 * cobuild-expiry-window) is announced once to both sides' accounts — the messages are sent with a
 * dedupe key first, then the row records it (`expiry_reminded_at`), so a crash between the two sends
 * nothing twice and a restart finishes the job.
 */
export function cobuildSweep(deps: CobuildSweepDeps): () => Promise<{ expired: number; reminded: number }> {
  const { core } = deps;
  const { db, regionId, clock, rules } = core;
  return async () => {
    const today = clock.today();
    let expired = 0;
    for (let seen = new Set<string>(); ; ) {
      const ended = (await records.ended(db, regionId, today, BATCH)).filter((r) => !seen.has(r.id));
      if (!ended.length) break;
      for (const { id } of ended) {
        seen.add(id);
        try {
          await db.transaction(async (tx) => {
            await repo.lock(tx, regionId, id);
            const row = await core.read(tx, id);
            if (!row || row.state !== 'active' || row.end_on >= today) return;
            await core.step(tx, row, 'expire', SYSTEM, { data: { endOn: row.end_on } });
            expired++;
          });
        } catch (e) {
          // a user's step (终止) won meanwhile: the agreement is no longer in force
          if (!(e instanceof AppError) || e.code !== 'CONFLICT') throw e;
        }
      }
    }

    const due = await records.dueForReminder(db, regionId, today, rules.expiryWindowDays);
    if (!due.length) return { expired, reminded: 0 };
    const accounts = await deps.recipients([...new Set(due.flatMap((d) => [d.org_a_id, d.org_b_id]))], SIDE_ROLES);
    let reminded = 0;
    for (const d of due) {
      const title = `结对共建协议即将到期：${d.title}`;
      const body = `「${d.org_a_name}」与「${d.org_b_name}」的结对共建协议将于 ${d.end_on} 到期，请及时总结共建成效，需要继续结对的请办理续签。`;
      for (const a of accounts.filter((x) => x.org_id === d.org_a_id || x.org_id === d.org_b_id))
        await deps.notify({ accountId: a.id, dedupeKey: `cobuild.expiring:${d.id}:${d.end_on}`, title, body, link: link(d.id) });
      if (await records.markReminded(db, regionId, d.id)) reminded++;
    }
    return { expired, reminded };
  };
}

export const cobuildSweepJob = (run: () => Promise<unknown>, cron: string): ScheduledJob => ({
  name: 'cobuild-sweep',
  cron,
  run: async () => void (await run()),
});
