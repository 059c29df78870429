import { trainingKindLabel, type CommitteePost, type TrainingKind } from '@jiceng/contracts';

/**
 * 党员教育培训 (training) as data: the yearly minimums, which kinds of training count toward them,
 * the 党课 credit, the to-do calendar and the rounding. Keys in [] point to their source.
 *
 * Rule training-minimum-member: every member at least 32 学时 of concentrated study (集中学习培训) a
 * year. Rule training-minimum-cadre: 基层党组织书记 and 班子成员 at least 56 学时 a year.
 * Source: shared/docs/domain-rules.md §9, which gives the national training plan 《2019—2023年全国
 * 党员教育培训工作规划》 and says that successor plans keep the figures; that the current plan,
 * 《2024—2028年全国党员教育培训工作规划》, keeps 32 and 56 is taken from that remark and is UNCONFIRMED
 * against its text.
 *
 * Everything else is a Jiceng default (no regulation fixes it), each marked below; a locality
 * changes it with a rule set of its own, effective from its date.
 */
export interface TrainingKindRule {
  label: string;
  /** Its hours count toward the yearly minimum of concentrated study. */
  counts: boolean;
  source: string;
  unconfirmed: boolean;
}

export interface TrainingRuleSet {
  id: string;
  /** First day the set applies; a year is judged by the set in force on its 1 January. */
  effectiveFrom: string;
  /** Rule training-minimum-member: 学时 a year. */
  memberMinHours: number;
  /** Rule training-minimum-cadre: 学时 a year for 书记 and 班子成员. */
  cadreMinHours: number;
  /** Committee seats (org_committee_member posts) that make a person a 书记 or 班子成员. */
  cadrePosts: readonly CommitteePost[];
  /** Of those, the seats that make a 书记. */
  secretaryPosts: readonly CommitteePost[];
  source: string;
  /** The 32/56 figures are not checked against the text of the plan in force (see above). */
  unconfirmed: boolean;
  /** Rule training-kinds: what each kind of session counts for. */
  kinds: Record<TrainingKind, TrainingKindRule>;
  /**
   * Rule training-party-lecture: a 党课 attended at a meeting of the organization counts as training
   * (issue 9: "where the rule set says so"), `hours` 学时 per 党课. Jiceng default, UNCONFIRMED.
   */
  partyLecture: { counts: boolean; hours: number; source: string };
  /**
   * Rule training-reminder: from this day of the year (MM-DD) a member short of the minimum is a
   * to-do 即将到期 (due 31 December); after the year it is 已逾期 until `overdueUntil` (MM-DD of the
   * next year: late records are entered and the annual statistical report is compiled then), and then
   * it leaves the to-do list (the year is over; the hours list still shows it). Jiceng default.
   */
  reminderFrom: string;
  overdueUntil: string;
  /** Rule training-rounding: hours are recorded in steps of this many 学时; a pro-rata minimum is rounded up to one. */
  hoursStep: number;
  /**
   * Rule training-pro-rata: a member who joined during the year (or took a committee seat during it)
   * owes the minimum for the whole months left, the month of joining counted (joined 15 July: 6/12).
   * 'full' would owe the whole year's. Jiceng default: pro rata.
   */
  partYear: 'pro_rata' | 'full';
}

const JICENG = 'Jiceng 默认值（无法规规定，UNCONFIRMED）';

export const TRAINING_RULES_2026: TrainingRuleSet = {
  id: 'training-hours-2026',
  effectiveFrom: '2026-01-01',
  memberMinHours: 32,
  cadreMinHours: 56,
  cadrePosts: ['secretary', 'deputy_secretary', 'organization', 'publicity', 'discipline', 'member', 'part_time'],
  secretaryPosts: ['secretary'],
  source:
    '《2019—2023年全国党员教育培训工作规划》：党员每年集中学习培训不少于32学时，基层党组织书记和班子成员每年不少于56学时（domain-rules §9：后续规划沿用；《2024—2028年全国党员教育培训工作规划》沿用此数 UNCONFIRMED）',
  unconfirmed: true,
  kinds: {
    rotation: { label: trainingKindLabel.rotation, counts: true, source: '集中轮训属集中学习培训（domain-rules §9）', unconfirmed: false },
    mobile_class: { label: trainingKindLabel.mobile_class, counts: true, source: `流动课堂计入集中学习培训：${JICENG}`, unconfirmed: true },
    delivered: { label: trainingKindLabel.delivered, counts: true, source: `送学送课计入集中学习培训：${JICENG}`, unconfirmed: true },
    party_school: { label: trainingKindLabel.party_school, counts: true, source: '党校培训属集中学习培训（domain-rules §9）', unconfirmed: false },
    online: { label: trainingKindLabel.online, counts: true, source: `网络培训学时计入：${JICENG}`, unconfirmed: true },
  },
  partyLecture: { counts: true, hours: 2, source: `会议上的党课每次折算2学时：${JICENG}` },
  reminderFrom: '10-01',
  overdueUntil: '01-31',
  hoursStep: 0.5,
  partYear: 'pro_rata',
};

/** Every training rule set, oldest first. */
export const TRAINING_RULE_SETS: readonly TrainingRuleSet[] = [TRAINING_RULES_2026];
