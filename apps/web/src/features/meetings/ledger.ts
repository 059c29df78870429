import type { MeetingDetail } from '@jiceng/contracts';
import dayjs from 'dayjs';

const WEEKDAY = '日一二三四五六';

/** The record's lines as the ledger prints them: an approved record with its corrections applied. */
export function ledgerOf(m: MeetingDetail) {
  const v = (k: string, own: string | null) => (m.amendments.length && k in m.corrected ? m.corrected[k] : own) ?? '';
  const expected = m.attendees.filter((a) => a.role === 'expected');
  const away = expected.filter((a) => a.attendance === 'leave' || a.attendance === 'absent' || a.attendance === null);
  const d = dayjs(m.date);
  return {
    time: `${d.format('YYYY年M月D日')}（星期${WEEKDAY[d.day()]}）${m.startTime}—${m.endTime}`,
    place: m.online ? `线上会议${v('place', m.place) ? `（${v('place', m.place)}）` : ''}` : v('place', m.place),
    host: v('hostName', m.hostName),
    recorder: v('recorderName', m.recorderName),
    topics: v('topics', m.topics),
    points: v('speakersPoints', m.speakersPoints),
    decisions: v('decisions', m.decisions),
    openItems: v('openItems', m.openItems),
    present: expected.filter((a) => a.attendance === 'present').map((a) => a.name),
    away: away.map((a) => `${a.name}（${a.attendance === 'leave' ? '请假' : '缺席'}${a.reason ? `：${a.reason}` : ''}）`),
    guests: m.attendees.filter((a) => a.role === 'guest').map((a) => a.name),
    votes: m.votes.map(
      (x, i) =>
        `${i + 1}. ${x.motion}（${x.methodLabel}）：赞成 ${x.yes} 票，反对 ${x.no} 票，弃权 ${x.abstain} 票；应到有表决权 ${x.entitled} 人，到会 ${x.entitledPresent} 人；${x.passed ? '通过' : '未通过'}。${x.explanation}`,
    ),
  };
}
