import type { MeetingType } from './meeting.rules.ts';

/**
 * Sign-in window and the supervisor's review checklist for meeting records, as data.
 * - Sign-in window: opens 30 minutes before the start, closes 30 minutes after it — a local default
 *   of Jiceng (issue 9 asks for a window; no regulation gives one).
 * - Checklist items follow the record fields of domain-rules §2.2 [B7][B8]: 应到/实到/缺席 with names
 *   and reasons, 议题, speakers' points and 决议, vote method and counts, 主持人 and 记录人 signatures;
 *   photos and attachments from the 主题党日 practice [B2]. The weights and the pass mark are local
 *   defaults (no source scores a record), set per deployment.
 */
export interface SignInRuleSet {
  id: string;
  effectiveFrom: string;
  opensBeforeStartMinutes: number;
  closesAfterStartMinutes: number;
  /** Local default, not a regulation. */
  localDefault: boolean;
}

export const SIGN_IN_RULES: SignInRuleSet = {
  id: 'sign-in-window-2026',
  effectiveFrom: '2026-01-01',
  opensBeforeStartMinutes: 30,
  closesAfterStartMinutes: 30,
  localDefault: true,
};

export interface ReviewItem {
  id: string;
  /** Chinese, shown to the supervisor. */
  label: string;
  /** What the supervisor checks, in Chinese. */
  hint: string;
  weight: number;
  /** A record failing this item fails the review whatever its total. */
  mustPass: boolean;
  /** Only for these meeting types (absent: every type). */
  onlyFor?: readonly MeetingType[];
}

export interface ReviewRuleSet {
  id: string;
  effectiveFrom: string;
  items: readonly ReviewItem[];
  /** Pass at this total or more, out of 100 (weights scaled over the items that apply). */
  passMark: number;
  source: string;
}

export const REVIEW_RULES_2026: ReviewRuleSet = {
  id: 'meeting-review-2026',
  effectiveFrom: '2026-01-01',
  items: [
    { id: 'attendance', label: '应到实到记录完整', hint: '应到、实到、缺席人员姓名及缺席原因齐全', weight: 20, mustPass: false },
    { id: 'topics', label: '议题明确', hint: '会议议题具体，与会议类型相符', weight: 20, mustPass: false },
    { id: 'minutes', label: '发言要点与决议', hint: '记录发言要点、形成的决议及待办事项', weight: 20, mustPass: false },
    {
      id: 'votes',
      label: '表决记录',
      hint: '表决方式及赞成、反对、弃权票数',
      weight: 10,
      mustPass: false,
      onlyFor: ['branch_assembly', 'committee_meeting', 'appraisal'],
    },
    { id: 'signatures', label: '会议记录签字', hint: '主持人、记录人签字', weight: 15, mustPass: true },
    { id: 'attachments', label: '照片/附件', hint: '会议照片、签到表或学习材料', weight: 15, mustPass: false },
  ],
  passMark: 80,
  source: 'domain-rules §2.2 [B7][B8][B2]；权重与合格线为本地默认值',
};
