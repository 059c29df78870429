import { describe, expect, it } from 'vitest';
import { applyMemberEvent, canVote, partyAge, probationEndDate, wholeYears, type MemberState } from './member-lifecycle.ts';

const today = '2026-11-22';
const probationary: MemberState = { status: 'probationary', joinedDate: '2025-07-01', confirmedDate: null, probationExtendedMonths: null, suspendedFromStatus: null, disciplineUntil: null, leaveReason: null };
const full: MemberState = { ...probationary, status: 'full', joinedDate: '2010-07-01', confirmedDate: '2011-07-01' };
const ok = (r: ReturnType<typeof applyMemberEvent>) => {
  if (!r.ok) throw new Error(r.reason);
  return r.next;
};

describe('rule member-lifecycle: probation (党章 Art.7, 细则 Art.33)', () => {
  it('confirms only once the probation year has ended, dating 转正 at its end', () => {
    expect(applyMemberEvent(probationary, { event: 'confirm', date: '2026-06-30' }, today)).toEqual({ ok: false, reason: '预备期至 2026-07-01 届满，届满后方可转正' });
    const next = ok(applyMemberEvent(probationary, { event: 'confirm', date: '2026-08-15' }, today));
    expect(next).toMatchObject({ status: 'full', confirmedDate: '2026-07-01' });
  });

  it('extends probation once, by 6 to 12 months, moving the end date', () => {
    expect(applyMemberEvent(probationary, { event: 'extend_probation', date: '2026-07-02', months: 3 }, today).ok).toBe(false);
    expect(applyMemberEvent(probationary, { event: 'extend_probation', date: '2026-07-02', months: 13 }, today).ok).toBe(false);
    const extended = ok(applyMemberEvent(probationary, { event: 'extend_probation', date: '2026-07-02', months: 6 }, today));
    expect(probationEndDate(extended.joinedDate, extended.probationExtendedMonths)).toBe('2027-01-01');
    expect(applyMemberEvent(extended, { event: 'extend_probation', date: '2026-08-01', months: 6 }, today)).toEqual({ ok: false, reason: '预备期只能延长 1 次' });
  });

  it('cancels a probationary membership', () => {
    expect(ok(applyMemberEvent(probationary, { event: 'cancel_probation', date: '2026-08-01' }, today))).toMatchObject({ status: 'left', leaveReason: 'probation_cancelled' });
  });

  it('refuses probation events for a full member', () => {
    expect(applyMemberEvent(full, { event: 'confirm', date: '2026-01-01' }, today)).toEqual({ ok: false, reason: '正式党员状态不能办理「按期转正」' });
    expect(applyMemberEvent(full, { event: 'extend_probation', date: '2026-01-01', months: 6 }, today).ok).toBe(false);
  });
});

describe('rule member-lifecycle: suspension, leaving, discipline', () => {
  it('suspends and restores to the previous status', () => {
    const s = ok(applyMemberEvent(probationary, { event: 'suspend', date: '2026-08-01' }, today));
    expect(s.status).toBe('suspended');
    expect(ok(applyMemberEvent(s, { event: 'restore', date: '2026-09-01' }, today)).status).toBe('probationary');
  });

  it('lets a member leave only with a reason, and nothing happens after leaving', () => {
    expect(applyMemberEvent(full, { event: 'leave', date: '2026-01-01' }, today)).toEqual({ ok: false, reason: '请选择出党方式' });
    const left = ok(applyMemberEvent(full, { event: 'leave', date: '2026-01-01', leaveReason: 'deceased' }, today));
    expect(left).toMatchObject({ status: 'left', leaveReason: 'deceased' });
    for (const event of ['confirm', 'suspend', 'restore', 'leave', 'discipline_start'] as const) {
      expect(applyMemberEvent(left, { event, date: '2026-02-01', leaveReason: 'removed', until: '2027-01-01' }, today)).toEqual({ ok: false, reason: expect.stringMatching(/^已出党不能办理/) });
    }
  });

  it('restricts 留党察看 to at most two years and removes the vote meanwhile (党章 Art.40)', () => {
    expect(applyMemberEvent(full, { event: 'discipline_start', date: '2026-01-01', until: '2028-06-01' }, today)).toEqual({ ok: false, reason: '留党察看最长不超过两年' });
    const d = ok(applyMemberEvent(full, { event: 'discipline_start', date: '2026-01-01', until: '2027-01-01' }, today));
    expect(canVote(d, today)).toBe(false);
    expect(canVote(d, '2027-01-02')).toBe(true);
    expect(ok(applyMemberEvent(d, { event: 'discipline_end', date: '2026-11-01' }, today)).disciplineUntil).toBeNull();
  });

  it('gives no vote to probationary or suspended members', () => {
    expect(canVote(probationary, today)).toBe(false);
    expect(canVote({ ...full, status: 'suspended' }, today)).toBe(false);
    expect(canVote(full, today)).toBe(true);
  });

  it('refuses a decision dated in the future or before joining', () => {
    expect(applyMemberEvent(full, { event: 'suspend', date: '2027-01-01' }, today).ok).toBe(false);
    expect(applyMemberEvent(full, { event: 'suspend', date: '2000-01-01' }, today).ok).toBe(false);
  });
});

describe('rule party-age (党章 Art.7: 党龄 from 转正)', () => {
  it('counts whole years from the end of the probation year', () => {
    expect(partyAge('2011-07-01', '2026-06-30')).toBe(14);
    expect(partyAge('2011-07-01', '2026-07-01')).toBe(15);
    expect(partyAge(null, today)).toBeNull();
    expect(wholeYears('2000-02-29', '2026-02-28')).toBe(25);
  });
});
