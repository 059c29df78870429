/**
 * Quorum and passing of votes at meetings, as data (domain-rules §1.3, §2, §2.1, §4). Sources:
 * - Voting rights [A7][A8] (党章 Art.4 and Art.40): only 正式党员 vote; not 预备党员, nor members
 *   under 留党察看; a member held under 留置 or 逮捕 has the vote suspended. 停止党籍 members take no part.
 * - 支部党员大会 [A3][A21]: more than half of the members with a vote present; a resolution passes
 *   with yes from more than half of the members with a vote — of those entitled, not of those present.
 * - 发展党员, 转正 [D4][D5][D7] (细则 Art.28, 36) and 不合格党员 处置 [B6]: the same quorum and passing;
 *   written opinions of entitled members who could not attend, handed in before the meeting, count.
 * - Elections [A21][A10]: more than 4/5 of the voters present; a candidate is elected with yes from
 *   more than half of the voters present (实到会).
 * - 支委会 [A2]: more than half of the 委员 present. Its passing rule is not in domain-rules: Jiceng
 *   uses more than half of the 委员 (like the 党员大会), a local default.
 * Absent members, with leave or without, stay in the count of those entitled.
 */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export type VoteKind = 'resolution' | 'admission' | 'election' | 'committee';

export interface VoteRule {
  id: string;
  /** Chinese name of what is voted on. */
  label: string;
  /** Entitled voters present must be more than this share of those entitled. */
  quorumMoreThan: Fraction;
  /** Yes votes must be more than this share of the base. */
  passMoreThan: Fraction;
  /** The base: all entitled (应到会有表决权) or the entitled present (实到会有表决权). */
  passBase: 'entitled' | 'entitled_present';
  /** Written opinions of entitled members absent with leave are counted in the tally. */
  countWrittenOpinions: boolean;
  source: string;
  /** A local default rather than a rule found in a source. */
  localDefault: boolean;
}

const HALF: Fraction = { numerator: 1, denominator: 2 };

export const VOTE_RULES: Record<VoteKind, VoteRule> = {
  resolution: {
    id: 'vote-resolution',
    label: '支部党员大会决议',
    quorumMoreThan: HALF,
    passMoreThan: HALF,
    passBase: 'entitled',
    countWrittenOpinions: false,
    source: '[A3][A21] 有表决权的党员到会超过半数方可开会；赞成票超过应到会有表决权党员的半数为通过',
    localDefault: false,
  },
  admission: {
    id: 'vote-admission',
    label: '接收预备党员、预备党员转正及不合格党员处置',
    quorumMoreThan: HALF,
    passMoreThan: HALF,
    passBase: 'entitled',
    countWrittenOpinions: true,
    source:
      '[D4][D5][B6]《发展党员工作细则》：有表决权的到会人数超过应到会有表决权人数的半数；赞成人数超过应到会有表决权正式党员的半数；会前提交的书面意见计入票数',
    localDefault: false,
  },
  election: {
    id: 'vote-election',
    label: '选举',
    quorumMoreThan: { numerator: 4, denominator: 5 },
    passMoreThan: HALF,
    passBase: 'entitled_present',
    countWrittenOpinions: false,
    source: '[A21][A10] 有选举权的到会人数超过应到会人数的五分之四；赞成票超过实到会有选举权人数的半数始得当选',
    localDefault: false,
  },
  committee: {
    id: 'vote-committee',
    label: '支委会决定',
    quorumMoreThan: HALF,
    passMoreThan: HALF,
    passBase: 'entitled',
    countWrittenOpinions: false,
    source: '[A2] 支委会须超过半数的委员到会；通过须超过应到会委员半数为本地默认值（domain-rules 未载）',
    localDefault: true,
  },
};
