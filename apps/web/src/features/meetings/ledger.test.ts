import type { MeetingDetail } from '@jiceng/contracts';
import { describe, expect, it } from 'vitest';
import { ledgerOf } from './ledger.ts';

const person = (name: string, attendance: string | null, reason: string | null = null, role = 'expected') => ({ id: name, name, role, attendance, reason });

describe('the printed 会议记录', () => {
  it('lists who came, who was away and why, the guests and the votes, and prints an approved record as corrected', () => {
    const m = {
      date: '2026-11-20',
      startTime: '14:00',
      endTime: '15:30',
      online: false,
      place: '党群服务中心',
      hostName: '张建华',
      recorderName: '李敏',
      topics: '学习',
      speakersPoints: '发言',
      decisions: null,
      openItems: null,
      attendees: [person('甲', 'present'), person('乙', 'leave', '出差'), person('丙', null), person('王社工', null, null, 'guest')],
      votes: [
        {
          motion: '接收预备党员',
          methodLabel: '举手表决',
          yes: 5,
          no: 0,
          abstain: 1,
          entitled: 7,
          entitledPresent: 6,
          passed: true,
          explanation: '赞成超过半数',
        },
      ],
      amendments: [{ field: 'decisions' }],
      corrected: { decisions: '同意接收', place: '党群服务中心' },
    } as unknown as MeetingDetail;
    const l = ledgerOf(m);
    expect(l.time).toBe('2026年11月20日（星期五）14:00—15:30');
    expect(l.present).toEqual(['甲']);
    expect(l.away).toEqual(['乙（请假：出差）', '丙（缺席）']);
    expect(l.guests).toEqual(['王社工']);
    expect(l.decisions).toBe('同意接收');
    expect(l.votes[0]).toContain('赞成 5 票，反对 0 票，弃权 1 票');
  });
});
