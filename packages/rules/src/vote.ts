import type { MemberStatus } from '@jiceng/contracts';
import { canVote } from './member-lifecycle.ts';
import { VOTE_RULES, type Fraction, type VoteRule } from './vote.rules.ts';

/** One person expected at a meeting, as the attendance record has them. */
export interface Attendee {
  status: MemberStatus;
  /** 留党察看 until this date (inclusive), or null. */
  disciplineUntil: string | null;
  /** Held under 留置 or 逮捕: the vote is suspended meanwhile. */
  detained?: boolean;
  /** 出席 / 请假 / 缺席 (absent without leave). */
  attendance: 'present' | 'leave' | 'absent';
}

export type NoVoteReason = 'probationary' | 'discipline' | 'detained' | 'suspended';
export const noVoteReasonLabel: Record<NoVoteReason, string> = {
  probationary: '预备党员没有表决权',
  discipline: '留党察看期间没有表决权',
  detained: '被留置或逮捕期间暂停表决权',
  suspended: '停止党籍期间不参加表决',
};

/** Why a member has no vote on `today`, or null when they have one (rule vote-resolution's voting rights). */
export function noVoteReason(a: Pick<Attendee, 'status' | 'disciplineUntil' | 'detained'>, today: string): NoVoteReason | null {
  if (a.status === 'probationary') return 'probationary';
  if (a.status === 'suspended' || a.status === 'left') return 'suspended';
  if (!canVote(a, today)) return 'discipline';
  return a.detained ? 'detained' : null;
}

export interface AttendanceCount {
  /** 应到: everyone expected (members who have left are not). */
  expected: number;
  present: number;
  absentWithLeave: number;
  absentWithoutLeave: number;
  /** 应到会有表决权: present or not. */
  entitled: number;
  entitledPresent: number;
  /** Entitled, absent with leave: the ones whose written opinions may count. */
  entitledOnLeave: number;
  withoutVote: Record<NoVoteReason, number>;
}

/** Counts 应到 / 实到 / 请假 / 缺席 and those entitled to vote among them. */
export function countAttendance(attendees: readonly Attendee[], today: string): AttendanceCount {
  const c: AttendanceCount = {
    expected: 0,
    present: 0,
    absentWithLeave: 0,
    absentWithoutLeave: 0,
    entitled: 0,
    entitledPresent: 0,
    entitledOnLeave: 0,
    withoutVote: { probationary: 0, discipline: 0, detained: 0, suspended: 0 },
  };
  for (const a of attendees) {
    if (a.status === 'left') continue;
    c.expected++;
    if (a.attendance === 'present') c.present++;
    else if (a.attendance === 'leave') c.absentWithLeave++;
    else c.absentWithoutLeave++;
    const no = noVoteReason(a, today);
    if (no) {
      c.withoutVote[no]++;
      continue;
    }
    c.entitled++;
    if (a.attendance === 'present') c.entitledPresent++;
    if (a.attendance === 'leave') c.entitledOnLeave++;
  }
  return c;
}

/** The least whole number strictly more than `f` of `base`: more than half of 10 is 6, of 9 is 5. */
export function moreThan(f: Fraction, base: number): number {
  return Math.floor((base * f.numerator) / f.denominator) + 1;
}

/** 半数, 五分之四, or n/d. */
export function fractionWord(f: Fraction): string {
  if (f.numerator * 2 === f.denominator) return '半数';
  const digits = '零一二三四五六七八九十';
  if (f.denominator <= 10 && f.numerator < f.denominator) return `${digits[f.denominator]}分之${digits[f.numerator]}`;
  return `${f.numerator}/${f.denominator}`;
}

export interface QuorumResult {
  met: boolean;
  entitled: number;
  entitledPresent: number;
  /** The fewest entitled present that make a quorum. */
  needed: number;
  explanation: string;
}

/** Rule vote-*: entitled present must be more than the rule's share of all entitled (absent ones counted). */
export function quorum(entitled: number, entitledPresent: number, rule: VoteRule = VOTE_RULES.resolution): QuorumResult {
  const needed = moreThan(rule.quorumMoreThan, entitled);
  const met = entitled > 0 && entitledPresent >= needed;
  const share = fractionWord(rule.quorumMoreThan);
  const explanation =
    entitled === 0
      ? '没有有表决权的党员，不能进行表决'
      : `应到会有表决权的 ${entitled} 人，实到 ${entitledPresent} 人，${met ? `超过${share}（至少 ${needed} 人），可以进行表决` : `未超过${share}（至少需 ${needed} 人），不能进行表决`}`;
  return { met, entitled, entitledPresent, needed, explanation };
}

/** Votes cast at the meeting, plus written opinions where the rule counts them. */
export interface Ballot {
  yes: number;
  no: number;
  abstain: number;
  written?: { yes: number; no: number; abstain: number };
}

export interface MotionResult {
  quorum: QuorumResult;
  passed: boolean;
  /** Yes / no / abstain including written opinions; entitled who cast nothing are `notVoting`. */
  yes: number;
  no: number;
  abstain: number;
  notVoting: number;
  /** The number the yes votes are measured against, and the fewest yes votes that pass. */
  base: number;
  needed: number;
  explanation: string;
}

/**
 * Rule vote-*: whether a motion passes. Quorum first; then yes must be more than the rule's share of
 * its base — for 党员大会 resolutions all entitled members, so abstentions, absences and silence all
 * count against. A tie never passes. Refuses counts that do not add up, in Chinese.
 */
export function tallyMotion(
  count: Pick<AttendanceCount, 'entitled' | 'entitledPresent' | 'entitledOnLeave'>,
  ballot: Ballot,
  rule: VoteRule = VOTE_RULES.resolution,
): { ok: true; result: MotionResult } | { ok: false; reason: string } {
  const nums = [ballot.yes, ballot.no, ballot.abstain, ...(ballot.written ? [ballot.written.yes, ballot.written.no, ballot.written.abstain] : [])];
  if (nums.some((n) => !Number.isInteger(n) || n < 0)) return { ok: false, reason: '票数应为非负整数' };
  const cast = ballot.yes + ballot.no + ballot.abstain;
  if (cast > count.entitledPresent) return { ok: false, reason: `赞成、反对、弃权合计 ${cast} 票，超过到会有表决权的 ${count.entitledPresent} 人` };
  const w = ballot.written ?? { yes: 0, no: 0, abstain: 0 };
  const writtenTotal = w.yes + w.no + w.abstain;
  if (writtenTotal > 0 && !rule.countWrittenOpinions) return { ok: false, reason: `${rule.label}不计书面意见` };
  if (writtenTotal > count.entitledOnLeave) return { ok: false, reason: `书面意见 ${writtenTotal} 份，超过请假的有表决权党员 ${count.entitledOnLeave} 人` };

  const q = quorum(count.entitled, count.entitledPresent, rule);
  const yes = ballot.yes + w.yes;
  const base = rule.passBase === 'entitled' ? count.entitled : count.entitledPresent;
  const needed = moreThan(rule.passMoreThan, base);
  const passed = q.met && yes >= needed;
  const baseLabel = rule.passBase === 'entitled' ? '应到会有表决权的' : '实到会有表决权的';
  const share = fractionWord(rule.passMoreThan);
  const no = ballot.no + w.no;
  const tie = !passed && yes === no && yes > 0 ? '（赞成与反对票数相同）' : '';
  const explanation = !q.met
    ? `${q.explanation}，表决无效`
    : `赞成 ${yes} 票${w.yes ? `（含书面意见 ${w.yes} 票）` : ''}，${passed ? '超过' : '未超过'}${baseLabel} ${base} 人的${share}（至少${passed ? '' : '需'} ${needed} 票），${passed ? '通过' : `未通过${tie}`}`;
  const result: MotionResult = {
    quorum: q,
    passed,
    yes,
    no,
    abstain: ballot.abstain + w.abstain,
    notVoting: count.entitled - cast - writtenTotal,
    base,
    needed,
    explanation,
  };
  return { ok: true, result };
}
