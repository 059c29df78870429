import { MEETING_TIME_LIMITS, meetingRecordDue, meetingTypeLabel, type MeetingType } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import { meetingReminderRepository, type ReminderRow } from './meeting.reminders.repository.ts';

/** Accounts that run a meeting's organization: its 书记 and, where a community holds meetings itself, the community's. */
const RECIPIENT_ROLES = ['secretary', 'community'];

export interface MeetingReminderDeps {
  db: Database;
  regionId: string;
  clock: Clock;
  recipients(orgIds: string[], roles: string[]): Promise<{ id: string; org_id: string }[]>;
  notify(n: { accountId: string; dedupeKey: string; title: string; body: string; link: string }): Promise<boolean>;
}

function message(r: ReminderRow): { title: string; body: string } {
  const what = `${r.org_name}于 ${r.meeting_date} 的${meetingTypeLabel[r.type as MeetingType] ?? '会议'}「${r.title}」`;
  const due = meetingRecordDue(r.meeting_date);
  if (r.stage === 'not_held')
    return { title: `会议逾期未召开：${r.title}`, body: `${what}已过会议日期仍未确认召开；已召开的请确认召开并填写记录，未召开的请修改日期或取消会议。` };
  if (r.stage === 'record_due') return { title: `会议记录今日到期：${r.title}`, body: `${what}的会议记录应在 ${due} 前提交审核，今天是最后一天。` };
  return { title: `会议记录已逾期：${r.title}`, body: `${what}的会议记录应在 ${due} 前提交审核，已逾期，请尽快填写并提交。` };
}

/**
 * The sweep of the 三会一课 time limits: a meeting whose day passed unconfirmed, a record on its last
 * day and a record past it are each sent once (the dedupe key names the meeting and the stage) to
 * the accounts of the meeting's organization. A rerun, a restart or a second process sends nothing twice.
 */
export function meetingReminderSweep(deps: MeetingReminderDeps): () => Promise<number> {
  return async () => {
    const rows = await meetingReminderRepository.due(deps.db, deps.regionId, deps.clock.today(), MEETING_TIME_LIMITS.recordSubmitDays);
    if (!rows.length) return 0;
    const accounts = await deps.recipients([...new Set(rows.map((r) => r.org_id))], RECIPIENT_ROLES);
    let sent = 0;
    for (const r of rows) {
      const m = message(r);
      for (const a of accounts.filter((x) => x.org_id === r.org_id)) {
        if (await deps.notify({ accountId: a.id, dedupeKey: `meeting.${r.stage}:${r.id}`, ...m, link: `/meetings?meetingId=${r.id}` })) sent++;
      }
    }
    return sent;
  };
}

export const meetingReminderJob = (run: () => Promise<number>, cron: string): ScheduledJob => ({
  name: 'meeting-reminders',
  cron,
  run: async () => void (await run()),
});
