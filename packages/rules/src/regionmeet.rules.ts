import type { WorkflowDefinition } from './workflow.ts';

/**
 * 大党委 joint meetings (联席会议), the yearly 双报告 and the 双向评价 (issue 14) as data. Keys in []
 * point to their source.
 *
 * [M1] 大党委 with 兼职委员 from resident units and a 联席会议制度; 驻区单位履行社会责任、在职党员参加社区
 *      活动双报告; 双向沟通协商、双向考核激励 (the practice quoted in issue 14, domain-rules §11). No
 *      regulation fixes the steps, criteria or points.
 * [M2] The assessment criteria and their points, the grade bands (优秀 ≥ 90, 良好 ≥ 75, 一般 ≥ 60,
 *      较差 below): Jiceng defaults after the usual local 百分制 assessment sheets (local practice);
 *      a district replaces the rule set with its own.
 * [M3] Time limits (minutes filed within 7 days of the meeting, follow-ups due soon 7 days ahead,
 *      reports confirmed and ratings given by 31 March of the next year, reports assembled in
 *      January): Jiceng defaults.
 *
 * Rule ids (named by the tests): rm-meeting-workflow, rm-report-workflow, rm-unit-criteria,
 * rm-community-criteria, rm-score-range, rm-grade-bands, rm-suggest, rm-followup-lead,
 * rm-minutes-days, rm-respond-by, rm-assemble-month.
 */

/** One criterion of a rating: its code, its Chinese name, its maximum points and what it asks. */
export interface RmCriterion {
  code: string;
  label: string;
  max: number;
  hint: string;
}

/** A grade band: totals at or above `min` (the highest band reached) get it. */
export interface RmGradeBand {
  grade: RmGrade;
  label: string;
  min: number;
}
export type RmGrade = 'excellent' | 'good' | 'fair' | 'poor';

export interface RmRuleSet {
  id: string;
  source: string;
  /** Rule rm-unit-criteria [M2]: how the community rates a resident unit. */
  unitCriteria: readonly RmCriterion[];
  /** Rule rm-community-criteria [M2]: how a unit rates its community. */
  communityCriteria: readonly RmCriterion[];
  /** Rule rm-grade-bands [M2], highest first. */
  grades: readonly RmGradeBand[];
  /**
   * Rule rm-suggest [M2]: points the records suggest for a unit's criteria (the community may
   * change them): per activity, per project, per 10 000 yuan, per problem solved, each capped at the
   * criterion's maximum; 群众评价 from the share of satisfied beneficiaries' ratings.
   */
  suggest: { perActivity: number; perResource: number; perProject: number; perTenThousandYuan: number; perProblem: number };
  /** Rule rm-followup-lead [M3]: days before its due date a follow-up is a to-do. */
  followupLeadDays: number;
  /** Rule rm-minutes-days [M3]: days after the meeting its minutes are due. */
  minutesDays: number;
  /** Rule rm-respond-by [M3]: MM-DD of the next year by which a report is confirmed and the ratings given. */
  respondBy: string;
  /** Rule rm-assemble-month [M3]: the month (1–12) the job assembles last year's reports in. */
  assembleMonth: number;
}

export const RM_RULES_2026: RmRuleSet = {
  id: 'rm-2026',
  source: '[M1] 大党委联席会议、双报告、双向评价 practice (issue 14); [M2] local 百分制 assessment sheets, Jiceng defaults; [M3] Jiceng defaults',
  unitCriteria: [
    { code: 'activities', label: '参加活动', max: 25, hint: '参加社区组织的共建活动、志愿服务的次数和人数' },
    { code: 'resources', label: '提供资源', max: 20, hint: '向社区开放场地、提供人力物力和资金' },
    { code: 'projects', label: '认领项目', max: 20, hint: '认领需求、参与区域化党建项目' },
    { code: 'problems', label: '解决问题', max: 20, hint: '帮助社区解决的实际问题' },
    { code: 'masses', label: '群众评价', max: 15, hint: '受益群众对所参与项目的评价' },
  ],
  communityCriteria: [
    { code: 'coordination', label: '沟通协调', max: 35, hint: '联席会议、需求通报、与单位的日常沟通' },
    { code: 'support', label: '服务保障', max: 35, hint: '为单位和在职党员参与活动提供的组织和保障' },
    { code: 'response', label: '需求响应', max: 30, hint: '对单位提出的需求和建议的回应' },
  ],
  grades: [
    { grade: 'excellent', label: '优秀', min: 90 },
    { grade: 'good', label: '良好', min: 75 },
    { grade: 'fair', label: '一般', min: 60 },
    { grade: 'poor', label: '较差', min: 0 },
  ],
  suggest: { perActivity: 5, perResource: 5, perProject: 10, perTenThousandYuan: 4, perProblem: 4 },
  followupLeadDays: 7,
  minutesDays: 7,
  respondBy: '03-31',
  assembleMonth: 1,
};

// ---------------------------------------------------------------- workflows

export type RmMeetingState = 'draft' | 'held' | 'archived' | 'cancelled';
export type RmMeetingAction = 'hold' | 'archive' | 'reopen' | 'cancel';
export type RmMeetingRole = 'community';

/**
 * Rule rm-meeting-workflow [M1]: a joint meeting is planned (草稿), held (已召开: attendance,
 * decisions and follow-ups are recorded) and archived (已归档) once its minutes are filed; an archived
 * meeting can be reopened (with a reason) to correct it; a draft can be cancelled with a reason.
 */
export const RM_MEETING_WORKFLOW: WorkflowDefinition<RmMeetingState, RmMeetingAction, RmMeetingRole> = {
  id: 'rm-meeting-workflow',
  subjectLabel: '联席会议',
  states: ['draft', 'held', 'archived', 'cancelled'],
  stateLabel: { draft: '草稿', held: '已召开', archived: '已归档', cancelled: '已取消' },
  initial: 'draft',
  final: ['cancelled'],
  actionLabel: { hold: '登记召开', archive: '归档', reopen: '退回修改', cancel: '取消会议' },
  roleLabel: { community: '社区' },
  transitions: [
    { action: 'hold', from: ['draft'], to: 'held', roles: ['community'], reasonRequired: false },
    { action: 'archive', from: ['held'], to: 'archived', roles: ['community'], reasonRequired: false },
    { action: 'reopen', from: ['archived'], to: 'held', roles: ['community'], reasonRequired: true },
    { action: 'cancel', from: ['draft'], to: 'cancelled', roles: ['community'], reasonRequired: true },
  ],
};

export type RmReportState = 'pending' | 'confirmed' | 'corrected';
export type RmReportAction = 'confirm' | 'correct';
/** The unit (its 驻区单位 account) or the member (their 党员 account) the report is about. */
export type RmReportRole = 'subject';

/**
 * Rule rm-report-workflow [M1]: a yearly report is assembled from the records (待确认); the unit or
 * the member confirms it (已确认) or corrects it with a note (已更正), once.
 */
export const RM_REPORT_WORKFLOW: WorkflowDefinition<RmReportState, RmReportAction, RmReportRole> = {
  id: 'rm-report-workflow',
  subjectLabel: '双报告',
  states: ['pending', 'confirmed', 'corrected'],
  stateLabel: { pending: '待确认', confirmed: '已确认', corrected: '已更正' },
  initial: 'pending',
  final: ['confirmed', 'corrected'],
  actionLabel: { confirm: '确认', correct: '更正' },
  roleLabel: { subject: '报告单位或党员本人' },
  transitions: [
    { action: 'confirm', from: ['pending'], to: 'confirmed', roles: ['subject'], reasonRequired: false },
    { action: 'correct', from: ['pending'], to: 'corrected', roles: ['subject'], reasonRequired: true },
  ],
};
