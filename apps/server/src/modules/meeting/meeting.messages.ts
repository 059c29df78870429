import { sql } from 'drizzle-orm';
import type { MeetingDetail } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import type { MessagesService, OutboundItem } from '../../platform/messages/index.ts';

/** The SMS/WeChat text of a meeting notice: short, with what a member needs to turn up. */
export function meetingNoticeText(m: Pick<MeetingDetail, 'orgName' | 'title' | 'date' | 'startTime' | 'endTime' | 'online' | 'place'>): string {
  const where = m.online ? '线上' : (m.place ?? '（地点待定）');
  return `【基层党建】${m.orgName}定于${m.date} ${m.startTime}—${m.endTime}在${where}召开${m.title}，请准时参加，可在“我的会议”中签到。`;
}

/**
 * After a notice went out, each expected attendee with a member record gets the message by the
 * configured sender: SMS when a phone is on record (handed over encrypted, decrypted only inside
 * the sender), else WeChat (an openid placeholder: members are not bound to WeChat yet).
 * Sent after the notice committed; a sender's failure is logged by the messages service, never undoes the notice.
 */
export function meetingNoticeMessages(deps: { db: Database; regionId: string; messages: Pick<MessagesService, 'deliver'> }) {
  return async (detail: MeetingDetail): Promise<void> => {
    const ids = detail.attendees.flatMap((a) => (a.role === 'expected' && a.memberId ? [a.memberId] : []));
    if (ids.length === 0) return;
    const people = await deps.db.rows<{ id: string; name: string; phone_enc: string | null }>(sql`select id, name, phone_enc from member
      where region_id = ${deps.regionId} and id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) order by id`);
    const text = meetingNoticeText(detail);
    const items: OutboundItem[] = people.map((p) => ({
      to: p.phone_enc ? { kind: 'phone', phoneEnc: p.phone_enc } : { kind: 'openid', openId: null },
      text,
      meta: { kind: 'meeting.notice', dedupeKey: `meeting.notice:${detail.id}:${p.id}`, recipientName: p.name, memberId: p.id, orgId: detail.orgId },
    }));
    await deps.messages.deliver(items);
  };
}
