import { cobuildActionLabel, cobuildStateLabel, type CobuildPartnerKind, type CobuildState } from '@jiceng/contracts';
import { addDays } from './development.ts';
import { daysBetween } from './term.ts';
import type { WorkflowDefinition } from './workflow.ts';

/**
 * 结对共建 agreements (契约化共建) as data. Keys in [] point to their source.
 *
 * [C1] The practice (shared/docs/domain-rules.md §11, from the seeds): an agency campaign in which
 *      371 agency Party organizations paired with 92 villages, 47 communities and 40 enterprises
 *      (联建共创), under the 四联四共 headings 党建工作联创, 发展项目联抓, 基础设施联建, 社会活动联谊,
 *      solving 4,707 practical problems and raising project funds. Local practice, not a
 *      regulation: no rule text fixes the steps, the term or the numbers below.
 * [C2] Jiceng defaults after that practice (契约化共建: a signed agreement with a term, a yearly plan
 *      of commitments, a ledger): the workflow, the reminder window (30 days), the longest term
 *      (5 years), contacts on both sides before signing. A locality replaces them with a rule set
 *      of its own (`CobuildRuleSet`).
 *
 * Rule ids (named by the tests):
 * - cobuild-workflow: 草稿 → 待对方确认 → 生效 → 已到期 / 已终止, see COBUILD_WORKFLOW.
 * - cobuild-partner-kind: side 乙方 is a village, community or enterprise Party organization; its kind
 *   follows from the organization's domain.
 * - cobuild-sides: the two sides are different, active organizations, neither a 党小组.
 * - cobuild-term: the term ends after it starts and lasts at most `termMaxYears` years.
 * - cobuild-headings: 1 to `headingsMax` distinct content areas; default the 四联四共.
 * - cobuild-contacts: before it is sent for confirmation each side names at least `contactsMinPerSide` contacts.
 * - cobuild-expiry-window: an agreement in force whose term ends within `expiryWindowDays` days is
 *   due to expire (待办, and one reminder to both sides).
 * - cobuild-commitment-overdue: a commitment not done by its due date is overdue from the next day.
 * - cobuild-one-pair-term: one pair of organizations has at most one agreement (not terminated) at a time.
 * - cobuild-renewal: the next term starts after the old one ends (default the day after, as long as the old one).
 * - cobuild-dates-in-term: commitments fall due and log entries happen within the term, log entries not in the future.
 */

export type CobuildAction = 'submit' | 'withdraw' | 'confirm' | 'decline' | 'terminate' | 'discard' | 'expire' | 'renew';
/**
 * drafter: an account whose scope holds the drafting side's organization; counterpart: one whose
 * scope holds the other side's organization and not the drafting side's (so the drafting side
 * never signs for the other); system: the expiry job.
 */
export type CobuildRole = 'drafter' | 'counterpart' | 'system';

export const COBUILD_WORKFLOW: WorkflowDefinition<CobuildState, CobuildAction, CobuildRole> = {
  id: 'cobuild-workflow-2026',
  subjectLabel: '该结对共建协议',
  states: ['draft', 'pending', 'active', 'expired', 'terminated'],
  stateLabel: cobuildStateLabel,
  initial: 'draft',
  final: ['terminated'],
  actionLabel: cobuildActionLabel,
  roleLabel: { drafter: '起草方', counterpart: '对方（结对的另一方）', system: '系统' },
  transitions: [
    { action: 'submit', from: ['draft'], to: 'pending', roles: ['drafter'], reasonRequired: false },
    { action: 'withdraw', from: ['pending'], to: 'draft', roles: ['drafter'], reasonRequired: false },
    { action: 'confirm', from: ['pending'], to: 'active', roles: ['counterpart'], reasonRequired: false },
    { action: 'decline', from: ['pending'], to: 'draft', roles: ['counterpart'], reasonRequired: true },
    { action: 'discard', from: ['draft'], to: 'terminated', roles: ['drafter'], reasonRequired: true },
    { action: 'terminate', from: ['active'], to: 'terminated', roles: ['drafter', 'counterpart'], reasonRequired: true },
    { action: 'expire', from: ['active'], to: 'expired', roles: ['system'], reasonRequired: false },
    // 续签 leaves the old agreement as it is (in force until its end, or expired) and drafts the next term
    { action: 'renew', from: ['active'], to: 'active', roles: ['drafter', 'counterpart'], reasonRequired: false },
    { action: 'renew', from: ['expired'], to: 'expired', roles: ['drafter', 'counterpart'], reasonRequired: false },
  ],
};

export interface CobuildRuleSet {
  id: string;
  source: string;
  /** Rule cobuild-headings [C1]: the default content areas, in order. */
  defaultHeadings: readonly string[];
  headingsMax: number;
  /** Rule cobuild-partner-kind [C1]: organization domain → partner kind. */
  partnerKindByDomain: Readonly<Record<string, CobuildPartnerKind>>;
  /** Rule cobuild-sides: organization types that cannot be a side. */
  excludedTypes: readonly string[];
  /** Rule cobuild-term [C2]. */
  termMaxYears: number;
  /** Rule cobuild-contacts [C2]. */
  contactsMinPerSide: number;
  /** Rule cobuild-expiry-window [C2]. */
  expiryWindowDays: number;
  /** Rule cobuild-commitment-overdue [C2]: days after the due date a commitment is still on time. */
  commitmentGraceDays: number;
}

export const COBUILD_RULES_2026: CobuildRuleSet = {
  id: 'cobuild-2026',
  source: '[C1] 机关党组织与村、社区、企业结对（联建共创、四联四共）的地方做法；[C2] 期限、提醒天数等为 Jiceng 默认值，可按本地规定调整',
  defaultHeadings: ['党建工作联创', '发展项目联抓', '基础设施联建', '社会活动联谊'],
  headingsMax: 8,
  partnerKindByDomain: { rural: 'village', community: 'community', state_enterprise: 'enterprise', private_enterprise: 'enterprise' },
  excludedTypes: ['group'],
  termMaxYears: 5,
  contactsMinPerSide: 1,
  expiryWindowDays: 30,
  commitmentGraceDays: 0,
};

/** Rule cobuild-partner-kind: the kind of side 乙方 from its organization's domain, or null when it cannot be one. */
export function cobuildPartnerKind(domain: string, rules: CobuildRuleSet = COBUILD_RULES_2026): CobuildPartnerKind | null {
  return rules.partnerKindByDomain[domain] ?? null;
}

interface SideOrg {
  id: string;
  name: string;
  type: string;
  domain: string;
  status: string;
}

/** Rules cobuild-sides and cobuild-partner-kind: null when the pair may sign, else the Chinese refusal (and which side it is about). */
export function cobuildSidesRefusal(a: SideOrg, b: SideOrg, rules: CobuildRuleSet = COBUILD_RULES_2026): { side: 'a' | 'b'; message: string } | null {
  if (a.id === b.id) return { side: 'b', message: '甲乙双方不能是同一个党组织' };
  for (const [side, o] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (o.status !== 'active') return { side, message: `「${o.name}」已撤销，不能结对共建` };
    if (rules.excludedTypes.includes(o.type)) return { side, message: `「${o.name}」是党小组，不能作为结对共建的一方` };
  }
  if (!cobuildPartnerKind(b.domain, rules)) return { side: 'b', message: `乙方应为村、社区或企业党组织，「${b.name}」不是` };
  return null;
}

/** Rule cobuild-term: null when the term is acceptable, else the Chinese refusal. */
export function cobuildTermRefusal(startOn: string, endOn: string, rules: CobuildRuleSet = COBUILD_RULES_2026): string | null {
  if (endOn <= startOn) return '协议结束日期应晚于开始日期';
  const last = addDays(`${Number(startOn.slice(0, 4)) + rules.termMaxYears}${startOn.slice(4)}`, -1);
  if (endOn > last) return `协议期限最长 ${rules.termMaxYears} 年，结束日期不能晚于 ${last}`;
  return null;
}

/** Rule cobuild-headings: the cleaned headings (blank ones dropped, default when none given), or the refusal. */
export function cobuildHeadings(
  given: readonly string[] | undefined,
  rules: CobuildRuleSet = COBUILD_RULES_2026,
): { headings: string[] } | { refusal: string } {
  if (given === undefined) return { headings: [...rules.defaultHeadings] };
  const headings = given.map((h) => h.trim()).filter(Boolean);
  if (headings.length === 0) return { refusal: '请至少填写一项共建内容（如：党建工作联创）' };
  if (headings.length > rules.headingsMax) return { refusal: `共建内容最多 ${rules.headingsMax} 项` };
  const dup = headings.find((h, i) => headings.indexOf(h) !== i);
  if (dup) return { refusal: `共建内容「${dup}」重复` };
  return { headings };
}

/** Rule cobuild-contacts: null when both sides name enough contacts, else the refusal. */
export function cobuildContactsRefusal(contacts: readonly { side: 'a' | 'b' }[], rules: CobuildRuleSet = COBUILD_RULES_2026): string | null {
  for (const [side, label] of [
    ['a', '甲方'],
    ['b', '乙方'],
  ] as const)
    if (contacts.filter((c) => c.side === side).length < rules.contactsMinPerSide) return `请填写${label}联系人（姓名、职务、电话）后再提交对方确认`;
  return null;
}

/** Rule cobuild-expiry-window: an agreement in force whose term ends within the window (today included). */
export function cobuildExpiring(a: { state: string; endOn: string }, today: string, rules: CobuildRuleSet = COBUILD_RULES_2026): boolean {
  if (a.state !== 'active') return false;
  const left = daysBetween(today, a.endOn);
  return left >= 0 && left <= rules.expiryWindowDays;
}

/** Rule cobuild-commitment-overdue: a commitment's status today. */
export function cobuildCommitmentStatus(
  c: { dueOn: string; doneOn: string | null },
  today: string,
  rules: CobuildRuleSet = COBUILD_RULES_2026,
): 'open' | 'done' | 'overdue' {
  if (c.doneOn) return 'done';
  return addDays(c.dueOn, rules.commitmentGraceDays) < today ? 'overdue' : 'open';
}

/** `date` plus whole months (YYYY-MM-DD; the day kept, so callers use it only where it exists). */
const plusMonths = (date: string, months: number): string => {
  const m = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}${date.slice(7)}`;
};

/**
 * Rule cobuild-renewal: the next term by default — from the day after the old end, as long as the
 * old term: as many whole months when the old term was whole months (1 Jan – 31 Dec), else as many days.
 */
export function cobuildRenewalTerm(old: { startOn: string; endOn: string }): { startOn: string; endOn: string } {
  const startOn = addDays(old.endOn, 1);
  const months = (Number(startOn.slice(0, 4)) - Number(old.startOn.slice(0, 4))) * 12 + Number(startOn.slice(5, 7)) - Number(old.startOn.slice(5, 7));
  const whole = startOn.slice(8) === old.startOn.slice(8) && Number(startOn.slice(8)) <= 28 && months > 0;
  return { startOn, endOn: whole ? addDays(plusMonths(startOn, months), -1) : addDays(startOn, daysBetween(old.startOn, old.endOn)) };
}

/** Rule cobuild-renewal: null when the new term may follow the old one, else the refusal. */
export function cobuildRenewalRefusal(oldEndOn: string, startOn: string, endOn: string, rules: CobuildRuleSet = COBUILD_RULES_2026): string | null {
  if (startOn <= oldEndOn) return `续签的协议应在本期结束（${oldEndOn}）后开始`;
  return cobuildTermRefusal(startOn, endOn, rules);
}

/** Rule cobuild-dates-in-term: null when a commitment's due date lies within the term. */
export function cobuildDueInTermRefusal(dueOn: string, term: { startOn: string; endOn: string }): string | null {
  if (dueOn < term.startOn || dueOn > term.endOn) return `完成时限应在协议期限内（${term.startOn} 至 ${term.endOn}）`;
  return null;
}

/** Rule cobuild-dates-in-term: null when a log entry's date lies within the term and not after today. */
export function cobuildLogDateRefusal(on: string, term: { startOn: string; endOn: string }, today: string): string | null {
  if (on > today) return `日期不能晚于今天（${today}）`;
  if (on < term.startOn || on > term.endOn) return `日期应在协议期限内（${term.startOn} 至 ${term.endOn}）`;
  return null;
}
