import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVIEW_RULES_2026, SIGN_IN_RULES } from './meeting-review.rules.ts';
import { scoreReview, signInRefusal, signInWindow, type ReviewMark } from './meeting-review.ts';

describe('rule sign-in-window-2026: 30 minutes before to 30 minutes after the start (local default)', () => {
  const start = '2026-05-20T06:00:00.000Z';
  it('is marked a local default and computes the window', () => {
    expect(SIGN_IN_RULES.localDefault).toBe(true);
    expect(signInWindow(start)).toEqual({ opensAt: '2026-05-20T05:30:00.000Z', closesAt: '2026-05-20T06:30:00.000Z' });
  });
  it('accepts sign-in inside the window, ends included, and refuses in Chinese outside it', () => {
    expect(signInRefusal(start, '2026-05-20T05:30:00.000Z')).toBeNull();
    expect(signInRefusal(start, '2026-05-20T06:30:00.000Z')).toBeNull();
    expect(signInRefusal(start, '2026-05-20T05:29:59.000Z')).toBe('签到尚未开始，会议开始前 30 分钟开放签到');
    expect(signInRefusal(start, '2026-05-20T06:30:01.000Z')).toBe('签到已结束，会议开始后 30 分钟停止签到，请联系支部书记补签');
  });
});

describe('rule meeting-review-2026: supervisor checklist (domain-rules §2.2 [B7][B8][B2]; weights local)', () => {
  const allMet = Object.fromEntries(REVIEW_RULES_2026.items.map((i) => [i.id, 'met' as const]));
  it('weighs the items to 100 with a pass mark of 80', () => {
    expect(REVIEW_RULES_2026.items.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(REVIEW_RULES_2026.items.map((i) => i.label)).toEqual(['应到实到记录完整', '议题明确', '发言要点与决议', '表决记录', '会议记录签字', '照片/附件']);
    expect(scoreReview('branch_assembly', allMet)).toMatchObject({ total: 100, passed: true, explanation: '得分 100，达到合格线 80 分' });
  });
  it('scales the weights when 表决记录 does not apply (党课)', () => {
    const r = scoreReview('party_lecture', { ...allMet, attachments: 'not_met' });
    expect(r.items.map((i) => i.id)).not.toContain('votes');
    expect(r.total).toBe(83.3);
    expect(r.passed).toBe(true);
  });
  it('fails below the pass mark, and fails without signatures whatever the total', () => {
    expect(scoreReview('branch_assembly', { ...allMet, topics: 'partly', minutes: 'partly', attachments: 'partly' })).toMatchObject({
      total: 72.5,
      passed: false,
      explanation: '得分 72.5，低于合格线 80 分',
    });
    expect(scoreReview('branch_assembly', { ...allMet, signatures: 'partly' })).toMatchObject({
      total: 92.5,
      passed: false,
      failedMustPass: ['signatures'],
      explanation: '得分 92.5，「会议记录签字」未达到要求，须退回修改',
    });
  });
  it('takes the pass mark from the rule set', () => {
    expect(
      scoreReview('branch_assembly', { ...allMet, topics: 'partly', minutes: 'partly', attachments: 'partly' }, { ...REVIEW_RULES_2026, passMark: 70 }).passed,
    ).toBe(true);
  });
  it('stays within 0–100 and never rises when a mark drops (property)', () => {
    const mark = fc.constantFrom<ReviewMark>('met', 'partly', 'not_met');
    const ids = REVIEW_RULES_2026.items.map((i) => i.id);
    fc.assert(
      fc.property(fc.array(mark, { minLength: ids.length, maxLength: ids.length }), fc.nat({ max: ids.length - 1 }), (marks, k) => {
        const m = Object.fromEntries(ids.map((id, i) => [id, marks[i]]));
        const r = scoreReview('committee_meeting', m);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(100);
        const worse = scoreReview('committee_meeting', { ...m, [ids[k] as string]: 'not_met' });
        expect(worse.total).toBeLessThanOrEqual(r.total);
      }),
    );
  });
});
