import {
  MEETING_REVIEW_CHECKLIST,
  MEETING_REVIEW_PASS_MARK,
  MEETING_STATE_IDS,
  MEETING_TYPE_IDS,
  MEETING_VOTE_KINDS,
  meetingStateName,
  meetingTypeName,
  meetingVoteKindName,
} from '@jiceng/contracts';
import { MEETING_TIME_LIMITS, MEETING_TYPES, MEETING_WORKFLOW, meetingRecordDue, meetingTypeLabel, REVIEW_RULES_2026, VOTE_RULES } from '@jiceng/rules';
import { describe, expect, it } from 'vitest';
import { createSigninThrottle } from './meeting.throttle.ts';

describe('meeting contracts and rules agree', () => {
  it('lists the same types, states and vote kinds as the rule sets', () => {
    expect([...MEETING_TYPE_IDS]).toEqual([...MEETING_TYPES]);
    expect([...MEETING_STATE_IDS]).toEqual([...MEETING_WORKFLOW.states]);
    expect([...MEETING_VOTE_KINDS]).toEqual(Object.keys(VOTE_RULES));
  });

  it('gives the record 7 days after the meeting (a local default, with its source)', () => {
    expect(MEETING_TIME_LIMITS).toMatchObject({ recordSubmitDays: 7, source: 'Jiceng default', localDefault: true });
    expect(meetingRecordDue('2026-11-10')).toBe('2026-11-17');
    expect(meetingRecordDue('2026-12-28')).toBe('2027-01-04');
  });

  it('throttles an account after 10 failed sign-ins in 10 minutes; a success does not count', () => {
    let now = Date.parse('2026-11-22T04:00:00Z');
    const throttle = createSigninThrottle({ now: () => new Date(now), today: () => '2026-11-22' });
    throttle.succeeded('a', throttle.reserve('a'));
    for (let i = 0; i < 10; i++) throttle.reserve('a');
    expect(() => throttle.reserve('a')).toThrow(/签到尝试次数过多/);
    expect(() => throttle.reserve('b')).not.toThrow();
    now += 601_000;
    expect(() => throttle.reserve('a')).not.toThrow();
  });
});

describe('meeting names for the web agree with the rule sets', () => {
  it('repeats the types, states, vote kinds and the review checklist as packages/rules has them', () => {
    expect(meetingTypeName).toEqual(meetingTypeLabel);
    expect(meetingStateName).toEqual(MEETING_WORKFLOW.stateLabel);
    expect(meetingVoteKindName).toEqual(Object.fromEntries(Object.entries(VOTE_RULES).map(([k, r]) => [k, r.label])));
    expect(MEETING_REVIEW_CHECKLIST).toEqual(REVIEW_RULES_2026.items);
    expect(MEETING_REVIEW_PASS_MARK).toBe(REVIEW_RULES_2026.passMark);
  });
});
