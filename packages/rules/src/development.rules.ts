import type { DevStage } from '@jiceng/contracts';

/**
 * 发展党员 (member development) as data: the 5 stages and 25 steps of 《中国共产党发展党员工作细则》
 * (2014), their order, who records each, their time limits and what each must carry (domain-rules §4,
 * keys in [] are its sources). A locality changes any figure, adds 公示 or a minimum time from 申请 to
 * 积极分子, with a rule set of its own (`DevRuleSet`); the evaluators in `development.ts` read only this.
 *
 * Rule ids (named by the tests):
 * - dev-order: a step is recorded only after the steps it follows, never dated before them or in the future.
 * - dev-age-18: 年满十八岁 on the day of the 申请书 (细则 第九条) [D1][D10].
 * - dev-talk-1-month: the talk within one month of the 申请书 (第十条) [D1][D10] — a deadline.
 * - dev-activist-min: a local minimum from 申请 to 积极分子 (0: none nationally; often 6 months) [D9].
 * - dev-assessment-6-months: the branch assesses every six months (第十五条) [D1][D8] — a deadline, and
 *   the 发展对象 decision needs one assessment for every full six months of 培养.
 * - dev-activist-one-year: 发展对象 only after a full year as 积极分子 (第十六条) [D3][D10].
 * - dev-introducers: two 正式党员 as 入党介绍人, not under 留党察看 (第二十条) [D3]; dev-contacts: 1–2
 *   正式党员 as 培养联系人 (第十三条) [D1][D8].
 * - dev-political-review: 政治审查 concluded in writing before the 支委会审查; failed, no entry (第二十一、
 *   二十二条) [D3]; valid `politicalReviewValidMonths` (local, 1 year) [D12].
 * - dev-training: 集中培训 at least 3 days or 24 学时 (第二十三条) [D3][D10].
 * - dev-publicity: 公示 before the 预审 and before the 转正 meeting, at least N working days (local) [D9].
 * - dev-vote: the 支部大会 by the meeting rules' admission vote (vote-admission) [D4][D5]; 支委会 decisions
 *   by vote-committee.
 * - dev-approval-3-months: the superior approves within 3 months of the 支部大会, up to 6 in special
 *   cases with the reason written (第三十条) [D5][D10]; later, the branch votes again [D12].
 * - dev-probation-1-year: 预备期 one year from the 支部大会 acceptance (第三十二条) [D6][D11]; the 转正
 *   meeting not before it ends; 党龄 from its end (not from the approval) [D6]; 入党时间 = acceptance [D12].
 * - dev-extension-once: 延长预备期 once only, 6–12 months (第三十四条) [D6][D11].
 */

export type { DevStage };

/** Who records a step: the branch, or the superior committee (备案, 预审, 谈话, 审批). */
export type DevRecorder = 'branch' | 'superior';

/** What a step records besides its date. */
export type DevStepInput =
  | 'talker' // 谈话人 (name, post)
  | 'contacts' // 培养联系人 1–2 members
  | 'introducers' // 入党介绍人 2 members
  | 'committee_vote' // 支委会 with its tally
  | 'admission_vote' // 支部大会 with its tally
  | 'review_result' // 政审 pass / fail with the conclusion
  | 'training' // days and 学时
  | 'publicity' // 公示 from–to
  | 'approval' // the approving organization and document number
  | 'probation_outcome'; // 转正 / 延长 / 取消资格

/** A limit measured from an earlier step: `months` and/or `days` after it. */
export interface DevOffset {
  after: string;
  months?: number;
  days?: number;
}

export interface DevStepRule {
  key: string;
  /** 1–25 as the 细则 numbers them. */
  no: number;
  label: string;
  /** The stage the step belongs to. */
  stage: DevStage;
  by: DevRecorder;
  /** Rule dev-order: the steps recorded before this one. */
  follows: readonly string[];
  /** Recorded again and again (考察): not a step of the order, a record with a due date. */
  periodic?: { everyMonths: number; from: string; until: string; rule: string };
  /** Refused before this date (rule, offset); each message says when it becomes possible. */
  earliest?: readonly (DevOffset & { rule: string; what: string })[];
  /** Due by this date (a to-do before it, overdue after). */
  due?: DevOffset & { rule: string; what: string };
  inputs: readonly DevStepInput[];
  /** The stage reached when the step is recorded (for a probation outcome: see `development.ts`). */
  reaches?: DevStage;
  /** The papers this step puts in the dossier. */
  documents: readonly string[];
  /** After the probation is extended, the step is taken again. */
  perRound?: boolean;
  source: string;
}

export interface DevRuleSet {
  id: string;
  effectiveFrom: string;
  source: string;
  /** Rule dev-age-18. */
  minAge: number;
  /** Rule dev-activist-min: months from 申请 to 积极分子 (0 = none). */
  activistAfterMonths: number;
  /** Rule dev-training. */
  trainingMin: { days: number; hours: number };
  /** Rule dev-political-review: months a conclusion stays valid for the 支委会审查 (null = no limit). */
  politicalReviewValidMonths: number | null;
  /** Rule dev-publicity (null = no 公示 required). */
  publicity: { days: number; workdays: boolean; source: string } | null;
  /** Rule dev-approval-3-months. */
  approval: { months: number; withReasonMonths: number };
  /** Rule dev-probation-1-year and dev-extension-once. */
  probationMonths: number;
  extension: { minMonths: number; maxMonths: number; times: number };
  /** A to-do turns 即将到期 this many days before its limit. */
  reminderLeadDays: number;
  steps: readonly DevStepRule[];
}

const XZ = '《中国共产党发展党员工作细则》（2014年）';

const STEPS: readonly DevStepRule[] = [
  {
    key: 'apply',
    no: 1,
    label: '递交入党申请书',
    stage: 'applicant',
    by: 'branch',
    follows: [],
    inputs: [],
    reaches: 'applicant',
    documents: ['入党申请书'],
    source: `${XZ}第九条 [D1][D10]`,
  },
  {
    key: 'talk',
    no: 2,
    label: '党组织派人谈话',
    stage: 'applicant',
    by: 'branch',
    follows: ['apply'],
    due: { after: 'apply', months: 1, rule: 'dev-talk-1-month', what: '收到入党申请书后一个月内派人谈话' },
    inputs: ['talker'],
    documents: ['谈话记录'],
    source: `${XZ}第十条 [D1][D10]`,
  },
  {
    key: 'activist',
    no: 3,
    label: '推荐和确定入党积极分子',
    stage: 'activist',
    by: 'branch',
    follows: ['talk'],
    earliest: [{ after: 'apply', months: 0, rule: 'dev-activist-min', what: '递交入党申请书满规定时间后方可确定为入党积极分子' }],
    inputs: ['committee_vote'],
    reaches: 'activist',
    documents: ['推荐材料', '支委会会议记录'],
    source: `${XZ}第十一、十二条 [D1][D8][D10]`,
  },
  {
    key: 'activist_filing',
    no: 4,
    label: '报上级党委备案',
    stage: 'activist',
    by: 'superior',
    follows: ['activist'],
    inputs: [],
    documents: ['入党积极分子备案表'],
    source: `${XZ}第十二条 [D1]`,
  },
  {
    key: 'contacts',
    no: 5,
    label: '指定培养联系人',
    stage: 'activist',
    by: 'branch',
    follows: ['activist'],
    inputs: ['contacts'],
    documents: [],
    source: `${XZ}第十三条 [D1][D8]`,
  },
  {
    key: 'assessment',
    no: 6,
    label: '培养教育考察',
    stage: 'activist',
    by: 'branch',
    follows: ['activist'],
    periodic: { everyMonths: 6, from: 'activist', until: 'branch_meeting', rule: 'dev-assessment-6-months' },
    inputs: [],
    documents: ['培养考察记录', '思想汇报'],
    source: `${XZ}第十四、十五条 [D1][D8]`,
  },
  {
    key: 'candidate',
    no: 7,
    label: '确定发展对象',
    stage: 'candidate',
    by: 'branch',
    follows: ['activist_filing', 'contacts'],
    earliest: [{ after: 'activist', months: 12, rule: 'dev-activist-one-year', what: '经过一年以上培养教育和考察方可列为发展对象' }],
    inputs: ['committee_vote'],
    reaches: 'candidate',
    documents: ['征求意见材料', '支委会会议记录'],
    source: `${XZ}第十六条 [D3][D10]`,
  },
  {
    key: 'candidate_filing',
    no: 8,
    label: '报上级党委备案',
    stage: 'candidate',
    by: 'superior',
    follows: ['candidate'],
    inputs: [],
    documents: ['发展对象备案表'],
    source: `${XZ}第十六条 [D3]`,
  },
  {
    key: 'introducers',
    no: 9,
    label: '确定入党介绍人',
    stage: 'candidate',
    by: 'branch',
    follows: ['candidate'],
    inputs: ['introducers'],
    documents: [],
    source: `${XZ}第十九、二十条 [D3]`,
  },
  {
    key: 'political_review',
    no: 10,
    label: '进行政治审查',
    stage: 'candidate',
    by: 'branch',
    follows: ['candidate'],
    inputs: ['review_result'],
    documents: ['政治审查综合性材料'],
    source: `${XZ}第二十一、二十二条 [D3]`,
  },
  {
    key: 'training',
    no: 11,
    label: '开展集中培训',
    stage: 'candidate',
    by: 'branch',
    follows: ['candidate'],
    inputs: ['training'],
    documents: ['培训结业证书'],
    source: `${XZ}第二十三条 [D3][D10]`,
  },
  {
    key: 'branch_review',
    no: 12,
    label: '支部委员会审查',
    stage: 'candidate',
    by: 'branch',
    follows: ['candidate_filing', 'introducers', 'political_review', 'training'],
    inputs: ['committee_vote', 'publicity'],
    documents: ['支委会审查意见', '拟发展对象公示'],
    source: `${XZ}第二十四条 [D4][D9]`,
  },
  {
    key: 'pre_review',
    no: 13,
    label: '上级党委预审',
    stage: 'candidate',
    by: 'superior',
    follows: ['branch_review'],
    inputs: [],
    documents: ['预审意见'],
    source: `${XZ}第二十五条 [D4][D9]`,
  },
  {
    key: 'volunteer_form',
    no: 14,
    label: '填写入党志愿书',
    stage: 'candidate',
    by: 'branch',
    follows: ['pre_review'],
    inputs: [],
    documents: ['入党志愿书'],
    source: `${XZ}第二十六条 [D4]`,
  },
  {
    key: 'branch_meeting',
    no: 15,
    label: '支部大会讨论',
    stage: 'candidate',
    by: 'branch',
    follows: ['volunteer_form'],
    inputs: ['admission_vote'],
    documents: ['支部大会会议记录', '表决票统计'],
    source: `${XZ}第二十七、二十八条 [D4][D5][D7]`,
  },
  {
    key: 'superior_talk',
    no: 16,
    label: '上级党委派人谈话',
    stage: 'candidate',
    by: 'superior',
    follows: ['branch_meeting'],
    inputs: ['talker'],
    documents: ['谈话记录'],
    source: `${XZ}第二十九条 [D5]`,
  },
  {
    key: 'approval',
    no: 17,
    label: '上级党委审批',
    stage: 'candidate',
    by: 'superior',
    follows: ['superior_talk'],
    due: { after: 'branch_meeting', months: 3, rule: 'dev-approval-3-months', what: '支部大会通过后三个月内审批' },
    inputs: ['approval'],
    reaches: 'probationary',
    documents: ['审批意见'],
    source: `${XZ}第三十条 [D5][D10]`,
  },
  {
    key: 'approval_filing',
    no: 18,
    label: '再上一级党委组织部门备案',
    stage: 'probationary',
    by: 'superior',
    follows: ['approval'],
    inputs: [],
    documents: ['备案表'],
    source: `${XZ}第三十一条 [D5]`,
  },
  {
    key: 'join_branch',
    no: 19,
    label: '编入党支部和党小组',
    stage: 'probationary',
    by: 'branch',
    follows: ['approval'],
    inputs: [],
    documents: [],
    source: `${XZ}第三十二条 [D2]`,
  },
  {
    key: 'oath',
    no: 20,
    label: '入党宣誓',
    stage: 'probationary',
    by: 'branch',
    follows: ['approval'],
    inputs: [],
    documents: ['入党宣誓记录'],
    source: `${XZ}第三十三条 [D2]`,
  },
  {
    key: 'probation_assessment',
    no: 21,
    label: '继续教育考察',
    stage: 'probationary',
    by: 'branch',
    follows: ['approval'],
    periodic: { everyMonths: 6, from: 'branch_meeting', until: 'full_meeting', rule: 'dev-assessment-6-months' },
    inputs: [],
    documents: ['预备党员考察记录'],
    source: `${XZ}第三十四条 [D2]`,
  },
  {
    key: 'full_application',
    no: 22,
    label: '提出转正申请',
    stage: 'probationary',
    by: 'branch',
    follows: ['join_branch', 'oath'],
    earliest: [{ after: 'probation_end', months: -1, rule: 'dev-probation-1-year', what: '预备期满前一个月内提出转正申请' }],
    inputs: ['publicity'],
    documents: ['转正申请书', '拟转正公示'],
    perRound: true,
    source: `${XZ}第三十五条 [D2][D9]`,
  },
  {
    key: 'full_meeting',
    no: 23,
    label: '支部大会讨论转正',
    stage: 'probationary',
    by: 'branch',
    follows: ['full_application'],
    earliest: [{ after: 'probation_end', rule: 'dev-probation-1-year', what: '预备期满后方可讨论转正' }],
    inputs: ['admission_vote', 'probation_outcome'],
    documents: ['支部大会会议记录', '表决票统计'],
    perRound: true,
    source: `${XZ}第三十六条 [D2][D5][D6]`,
  },
  {
    key: 'full_approval',
    no: 24,
    label: '上级党委审批转正',
    stage: 'probationary',
    by: 'superior',
    follows: ['full_meeting'],
    due: { after: 'full_meeting', months: 3, rule: 'dev-approval-3-months', what: '支部大会讨论转正后三个月内审批' },
    inputs: ['approval'],
    reaches: 'full',
    documents: ['转正审批意见'],
    perRound: true,
    source: `${XZ}第三十七条 [D5][D6]`,
  },
  {
    key: 'archive',
    no: 25,
    label: '材料归档',
    stage: 'full',
    by: 'branch',
    follows: ['full_approval'],
    inputs: [],
    documents: ['入党志愿书', '入党申请书', '政治审查材料', '转正申请书', '培养教育考察材料'],
    source: `${XZ}第三十八条 [D2][D10]`,
  },
];

/** Rule set dev-2014: the national 细则 with 公示 and 政审 validity as Jiceng's defaults from local practice. */
export const DEV_RULES_2014: DevRuleSet = {
  id: 'dev-2014',
  effectiveFrom: '2014-06-10',
  source: `${XZ}（中办发〔2014〕30号）；公示天数、政审有效期为地方通行做法 [D9][D12]，可由地方规则集调整`,
  minAge: 18,
  activistAfterMonths: 0,
  trainingMin: { days: 3, hours: 24 },
  politicalReviewValidMonths: 12,
  publicity: { days: 5, workdays: true, source: '[D9] 各节点公示不少于5个工作日（地方做法）' },
  approval: { months: 3, withReasonMonths: 6 },
  probationMonths: 12,
  extension: { minMonths: 6, maxMonths: 12, times: 1 },
  reminderLeadDays: 14,
  steps: STEPS,
};
