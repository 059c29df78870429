import type { MeetingType } from './meeting.rules.ts';
import { REVIEW_RULES_2026, SIGN_IN_RULES, type ReviewRuleSet, type SignInRuleSet } from './meeting-review.rules.ts';

const MINUTE = 60_000;

/** Rule sign-in-window-2026: when sign-in opens and closes for a meeting starting at `startsAt` (ISO timestamps). */
export function signInWindow(startsAt: string, rules: SignInRuleSet = SIGN_IN_RULES): { opensAt: string; closesAt: string } {
  const t = Date.parse(startsAt);
  return {
    opensAt: new Date(t - rules.opensBeforeStartMinutes * MINUTE).toISOString(),
    closesAt: new Date(t + rules.closesAfterStartMinutes * MINUTE).toISOString(),
  };
}

/** Rule sign-in-window-2026: null when `now` is inside the window (both ends included), else the Chinese refusal. */
export function signInRefusal(startsAt: string, now: string, rules: SignInRuleSet = SIGN_IN_RULES): string | null {
  const n = Date.parse(now);
  if (n < Date.parse(startsAt) - rules.opensBeforeStartMinutes * MINUTE) return `签到尚未开始，会议开始前 ${rules.opensBeforeStartMinutes} 分钟开放签到`;
  if (n > Date.parse(startsAt) + rules.closesAfterStartMinutes * MINUTE)
    return `签到已结束，会议开始后 ${rules.closesAfterStartMinutes} 分钟停止签到，请联系支部书记补签`;
  return null;
}

/** The supervisor's mark per item: met, partly met, not met (absent counts as not met). */
export type ReviewMark = 'met' | 'partly' | 'not_met';
const MARK_SHARE: Record<ReviewMark, number> = { met: 1, partly: 0.5, not_met: 0 };
const round1 = (x: number) => Math.round(x * 10) / 10;

export interface ReviewScore {
  /** Out of 100, one decimal. */
  total: number;
  passMark: number;
  passed: boolean;
  items: { id: string; label: string; weight: number; points: number; mark: ReviewMark }[];
  /** Must-pass items not met in full. */
  failedMustPass: string[];
  explanation: string;
}

/**
 * Rule meeting-review-2026: scores a record. Items that do not apply to the meeting type are left
 * out and the remaining weights scaled to 100; a must-pass item (签字) not fully met fails the review.
 */
export function scoreReview(meetingType: MeetingType, marks: Partial<Record<string, ReviewMark>>, rules: ReviewRuleSet = REVIEW_RULES_2026): ReviewScore {
  const applicable = rules.items.filter((i) => !i.onlyFor || i.onlyFor.includes(meetingType));
  const weightSum = applicable.reduce((s, i) => s + i.weight, 0);
  const items = applicable.map((i) => {
    const mark = marks[i.id] ?? 'not_met';
    return { id: i.id, label: i.label, weight: i.weight, mark, exact: weightSum ? (i.weight * MARK_SHARE[mark] * 100) / weightSum : 0 };
  });
  const total = round1(items.reduce((s, i) => s + i.exact, 0));
  const failedMustPass = applicable.filter((i) => i.mustPass && (marks[i.id] ?? 'not_met') !== 'met').map((i) => i.id);
  const passed = total >= rules.passMark && failedMustPass.length === 0;
  const labels = failedMustPass.map((id) => applicable.find((i) => i.id === id)?.label).join('、');
  const explanation = passed
    ? `得分 ${total}，达到合格线 ${rules.passMark} 分`
    : failedMustPass.length
      ? `得分 ${total}，「${labels}」未达到要求，须退回修改`
      : `得分 ${total}，低于合格线 ${rules.passMark} 分`;
  return { total, passMark: rules.passMark, passed, items: items.map(({ exact, ...i }) => ({ ...i, points: round1(exact) })), failedMustPass, explanation };
}
