import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VOTE_RULES } from './vote.rules.ts';
import { countAttendance, fractionWord, moreThan, noVoteReason, quorum, tallyMotion, type Attendee } from './vote.ts';

const today = '2026-06-01';
const full = (attendance: Attendee['attendance'] = 'present'): Attendee => ({ status: 'full', disciplineUntil: null, attendance });
const ok = (r: ReturnType<typeof tallyMotion>) => {
  if (!r.ok) throw new Error(r.reason);
  return r.result;
};

describe('rule vote-resolution: voting rights [A7][A8] (党章 Art.4, Art.40)', () => {
  it('gives no vote to 预备党员, members under 留党察看, detained or suspended members', () => {
    expect(noVoteReason(full(), today)).toBeNull();
    expect(noVoteReason({ ...full(), status: 'probationary' }, today)).toBe('probationary');
    expect(noVoteReason({ ...full(), disciplineUntil: '2026-06-01' }, today)).toBe('discipline');
    expect(noVoteReason({ ...full(), disciplineUntil: '2026-05-31' }, today)).toBeNull();
    expect(noVoteReason({ ...full(), detained: true }, today)).toBe('detained');
    expect(noVoteReason({ ...full(), status: 'suspended' }, today)).toBe('suspended');
  });
  it('counts 应到/实到/请假/缺席, keeping absent members with leave among those entitled', () => {
    const c = countAttendance([full(), full(), full('leave'), full('absent'), { ...full(), status: 'probationary' }, { ...full(), status: 'left' }], today);
    expect(c).toMatchObject({ expected: 5, present: 3, absentWithLeave: 1, absentWithoutLeave: 1, entitled: 4, entitledPresent: 2, entitledOnLeave: 1 });
    expect(c.withoutVote.probationary).toBe(1);
  });
});

describe('rule vote-resolution: quorum, more than half of those entitled present [A3][A21]', () => {
  it('needs 6 of 10 and 5 of 9; half is not enough', () => {
    expect(quorum(10, 5)).toMatchObject({ met: false, needed: 6, explanation: '应到会有表决权的 10 人，实到 5 人，未超过半数（至少需 6 人），不能进行表决' });
    expect(quorum(10, 6)).toMatchObject({ met: true, explanation: '应到会有表决权的 10 人，实到 6 人，超过半数（至少 6 人），可以进行表决' });
    expect(quorum(9, 5).met).toBe(true);
    expect(quorum(9, 4).met).toBe(false);
  });
  it('never meets with nobody entitled', () => {
    expect(quorum(0, 0)).toMatchObject({ met: false, explanation: '没有有表决权的党员，不能进行表决' });
  });
  it('is met exactly when present × 2 > entitled (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (entitled, p) => {
        const present = Math.min(p, entitled);
        expect(quorum(entitled, present).met).toBe(entitled > 0 && present * 2 > entitled);
      }),
    );
  });
});

describe('rule vote-resolution: a motion passes with yes from more than half of those entitled, not of those present [A3][A21]', () => {
  const count = { entitled: 10, entitledPresent: 8, entitledOnLeave: 2 };
  it('fails with 5 of 8 present voting yes out of 10 entitled', () => {
    const r = ok(tallyMotion(count, { yes: 5, no: 1, abstain: 2 }));
    expect(r).toMatchObject({ passed: false, base: 10, needed: 6, notVoting: 2 });
    expect(r.explanation).toBe('赞成 5 票，未超过应到会有表决权的 10 人的半数（至少需 6 票），未通过');
  });
  it('passes with 6, abstentions counting against', () => {
    expect(ok(tallyMotion(count, { yes: 6, no: 0, abstain: 2 }))).toMatchObject({
      passed: true,
      explanation: '赞成 6 票，超过应到会有表决权的 10 人的半数（至少 6 票），通过',
    });
  });
  it('never passes a tie', () => {
    expect(ok(tallyMotion({ entitled: 10, entitledPresent: 10, entitledOnLeave: 0 }, { yes: 5, no: 5, abstain: 0 })).explanation).toMatch(
      /未通过（赞成与反对票数相同）$/,
    );
  });
  it('is void without a quorum even when everyone present votes yes', () => {
    const r = ok(tallyMotion({ entitled: 10, entitledPresent: 5, entitledOnLeave: 5 }, { yes: 5, no: 0, abstain: 0 }));
    expect(r.passed).toBe(false);
    expect(r.explanation).toMatch(/不能进行表决，表决无效$/);
  });
  it('refuses counts that do not add up, and written opinions where they do not count', () => {
    expect(tallyMotion(count, { yes: 9, no: 0, abstain: 0 })).toEqual({ ok: false, reason: '赞成、反对、弃权合计 9 票，超过到会有表决权的 8 人' });
    expect(tallyMotion(count, { yes: -1, no: 0, abstain: 0 }).ok).toBe(false);
    expect(tallyMotion(count, { yes: 5, no: 0, abstain: 0, written: { yes: 1, no: 0, abstain: 0 } })).toEqual({
      ok: false,
      reason: '支部党员大会决议不计书面意见',
    });
  });
  it('passes exactly when quorum is met and yes × 2 > entitled (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.nat(), fc.nat(), fc.nat(), (entitled, p, y, n) => {
        const present = entitled ? p % (entitled + 1) : 0;
        const yes = present ? y % (present + 1) : 0;
        const no = present - yes ? n % (present - yes + 1) : 0;
        const r = ok(tallyMotion({ entitled, entitledPresent: present, entitledOnLeave: 0 }, { yes, no, abstain: 0 }));
        expect(r.passed).toBe(present * 2 > entitled && yes * 2 > entitled);
      }),
    );
  });
});

describe('rule vote-admission: 发展党员 and 转正 count written opinions [D4][D5][B6]', () => {
  it('adds written yes votes of entitled members on leave', () => {
    const r = ok(
      tallyMotion(
        { entitled: 10, entitledPresent: 6, entitledOnLeave: 3 },
        { yes: 5, no: 1, abstain: 0, written: { yes: 1, no: 0, abstain: 0 } },
        VOTE_RULES.admission,
      ),
    );
    expect(r).toMatchObject({ passed: true, yes: 6, needed: 6, notVoting: 3 });
    expect(r.explanation).toContain('（含书面意见 1 票）');
  });
  it('does not let written opinions make a quorum', () => {
    expect(
      ok(
        tallyMotion(
          { entitled: 10, entitledPresent: 5, entitledOnLeave: 5 },
          { yes: 5, no: 0, abstain: 0, written: { yes: 5, no: 0, abstain: 0 } },
          VOTE_RULES.admission,
        ),
      ).passed,
    ).toBe(false);
  });
  it('refuses more written opinions than members on leave', () => {
    expect(
      tallyMotion(
        { entitled: 10, entitledPresent: 8, entitledOnLeave: 1 },
        { yes: 6, no: 0, abstain: 0, written: { yes: 2, no: 0, abstain: 0 } },
        VOTE_RULES.admission,
      ).ok,
    ).toBe(false);
  });
});

describe('rule vote-election: quorum more than 4/5, elected with more than half of those present [A21][A10]', () => {
  it('needs 9 of 10 present (more than 8) and yes from more than half of them', () => {
    expect(moreThan({ numerator: 4, denominator: 5 }, 10)).toBe(9);
    expect(quorum(10, 8, VOTE_RULES.election)).toMatchObject({ met: false, explanation: expect.stringContaining('未超过五分之四') });
    expect(ok(tallyMotion({ entitled: 10, entitledPresent: 9, entitledOnLeave: 1 }, { yes: 5, no: 4, abstain: 0 }, VOTE_RULES.election))).toMatchObject({
      passed: true,
      base: 9,
      needed: 5,
    });
    expect(fractionWord({ numerator: 2, denominator: 3 })).toBe('三分之二');
  });
});

describe('rule vote-committee: 支委会 needs more than half of the 委员 present [A2]; passing is a local default', () => {
  it('marks the passing rule as a local default', () => {
    expect(VOTE_RULES.committee.localDefault).toBe(true);
    expect(quorum(5, 3, VOTE_RULES.committee).met).toBe(true);
    expect(quorum(4, 2, VOTE_RULES.committee).met).toBe(false);
  });
});
