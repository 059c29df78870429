import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { RegionalCore } from './regional.core.ts';
import { regionalSweepRepository } from './regional.sweep.repository.ts';

/** The community-side accounts that hear about a community's needs and projects. */
const COMMUNITY_ROLES = ['community', 'secretary', 'street'];

export interface RgSweepDeps {
  core: RegionalCore;
  recipients(orgIds: string[], roles: string[]): Promise<{ id: string; org_id: string }[]>;
  notify(n: { accountId: string; dedupeKey: string; title: string; body: string; link: string }): Promise<boolean>;
}

const WORDING = {
  need: (t: string, d: string) => ({
    title: `需求逾期未对接：${t}`,
    body: `需求「${t}」期望 ${d} 前落实，至今无单位对接立项，请在资源匹配中选择资源立项，或在联席会议上提出。`,
  }),
  project: (t: string, d: string) => ({
    title: `共建项目逾期：${t}`,
    body: `共建项目「${t}」计划 ${d} 完成，仍在实施中，请督促参与单位，完成后填写成效办结。`,
  }),
  rate: (t: string, d: string) => ({ title: `共建项目待评价：${t}`, body: `共建项目「${t}」已完成，应于 ${d} 前评价，请听取受益群众意见后评价。` }),
  consent: (t: string, d: string) => ({
    title: `共建项目待确认：${t}`,
    body: `社区请本单位参与共建项目「${t}」，应于 ${d} 前确认，请查看实施方案后同意参与或说明原因谢绝。`,
  }),
};

/**
 * The daily reminders of 三张清单 (rules rg-need-stale, rg-consent, rg-rate and a project's end
 * date): each overdue need, overdue project, unrated project and unanswered consent is sent once to
 * the accounts responsible (the dedupe key names the record and its due day): a rerun, a restart or
 * a second process sends nothing twice.
 */
export function regionalSweep(deps: RgSweepDeps): () => Promise<number> {
  const { db, regionId, clock, rules } = deps.core;
  return async () => {
    const due = await regionalSweepRepository.due(db, regionId, clock.today(), rules);
    if (!due.length) return 0;
    const orgIds = [...new Set(due.filter((d) => d.account_id === null).map((d) => d.org_id))];
    const accounts = orgIds.length ? await deps.recipients(orgIds, COMMUNITY_ROLES) : [];
    let sent = 0;
    for (const d of due) {
      const to = d.account_id !== null ? [d.account_id] : accounts.filter((a) => a.org_id === d.org_id).map((a) => a.id);
      const w = WORDING[d.kind](d.title, d.due_on);
      const link = d.kind === 'need' ? `/regional/needs/${d.id}` : `/regional/projects/${d.id}`;
      for (const accountId of to) if (await deps.notify({ accountId, dedupeKey: `regional.${d.kind}:${d.id}:${d.due_on}`, ...w, link })) sent++;
    }
    return sent;
  };
}

export const regionalSweepJob = (run: () => Promise<number>, cron: string): ScheduledJob => ({
  name: 'regional-sweep',
  cron,
  run: async () => void (await run()),
});
