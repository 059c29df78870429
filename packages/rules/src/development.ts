import { DEV_RULES_2014, type DevRuleSet, type DevStage, type DevStepRule } from './development.rules.ts';
import { addMonths, daysBetween } from './term.ts';
import { VOTE_RULES } from './vote.rules.ts';
import { noVoteReason, tallyMotion, type MotionResult } from './vote.ts';
import type { MemberStatus } from '@jiceng/contracts';

/** One recorded step of an applicant's path. `round` counts 转正 rounds (2 after an extension). */
export interface DevRecord {
  key: string;
  date: string;
  round: number;
  /** 政审: pass/fail; 转正 meeting and approval: full/extend/cancel. */
  outcome?: string | null;
  extendMonths?: number | null;
}

export type DevEnd = 'stopped' | 'cancelled';

export interface DevPath {
  birthDate: string | null;
  stage: DevStage;
  /** 终止培养 (stopped) or 取消预备党员资格 (cancelled): no step is taken any more. */
  ended: DevEnd | null;
  records: readonly DevRecord[];
}

/** A person named for a step (介绍人, 培养联系人), as the member record has them. */
export interface DevPerson {
  name: string;
  status: MemberStatus;
  disciplineUntil: string | null;
}

export interface DevVote {
  /** 应到会有表决权 / 实到会有表决权 / 请假的有表决权. */
  entitled: number;
  present: number;
  onLeave?: number;
  yes: number;
  no: number;
  abstain: number;
  written?: { yes: number; no: number; abstain: number };
}

export type DevOutcome = 'full' | 'extend' | 'cancel';
export const devOutcomeLabel: Record<DevOutcome, string> = { full: '按期转正', extend: '延长预备期', cancel: '取消预备党员资格' };

export interface DevAttempt {
  key: string;
  date: string;
  today: string;
  reason?: string | null;
  talker?: { name: string; post: string | null };
  contacts?: readonly DevPerson[];
  introducers?: readonly DevPerson[];
  vote?: DevVote;
  reviewResult?: 'pass' | 'fail';
  training?: { days: number; hours: number };
  publicity?: { from: string; to: string };
  outcome?: DevOutcome;
  extendMonths?: number;
}

export interface DevRefusal {
  rule: string;
  message: string;
  /** When the step becomes possible, where a date is what stands in the way. */
  possibleFrom?: string;
}

export const TALKER_POSTS = ['secretary', 'deputy_secretary', 'organization'] as const;

export const devStep = (key: string, rules: DevRuleSet = DEV_RULES_2014): DevStepRule | undefined => rules.steps.find((s) => s.key === key);
export const devStepName = (s: Pick<DevStepRule, 'no' | 'label'>): string => `第${s.no}步「${s.label}」`;

/** The 转正 round in progress: 1, plus one for every extension approved. */
export function devRound(path: DevPath): number {
  return 1 + path.records.filter((r) => r.key === 'full_approval' && r.outcome === 'extend').length;
}

/** The record of a step that counts now (for a per-round step: of the current round), latest first. */
export function devRecordOf(path: DevPath, key: string, rules: DevRuleSet = DEV_RULES_2014): DevRecord | undefined {
  const rule = devStep(key, rules);
  const round = devRound(path);
  const rs = path.records.filter((r) => r.key === key && (!rule?.perRound || r.round === round));
  return rs.reduce<DevRecord | undefined>((a, r) => (!a || r.date >= a.date ? r : a), undefined);
}

/** Rule dev-probation-1-year + dev-extension-once: the end of 预备期 (null before the 支部大会). */
export function devProbationEnd(path: DevPath, rules: DevRuleSet = DEV_RULES_2014): string | null {
  const accepted = path.records.find((r) => r.key === 'branch_meeting')?.date;
  if (!accepted) return null;
  const extended = path.records.filter((r) => r.key === 'full_approval' && r.outcome === 'extend').reduce((n, r) => n + (r.extendMonths ?? 0), 0);
  return addMonths(accepted, rules.probationMonths + extended);
}

/** 党龄 from the end of 预备期 (rule dev-probation-1-year), once 转正 is approved. */
export const devPartyAgeFrom = (path: DevPath, rules: DevRuleSet = DEV_RULES_2014): string | null =>
  path.stage === 'full' ? devProbationEnd(path, rules) : null;

/** The date an offset points to, or null while its anchor is not recorded. */
export function devOffsetDate(path: DevPath, o: { after: string; months?: number; days?: number }, rules: DevRuleSet = DEV_RULES_2014): string | null {
  const anchor = o.after === 'probation_end' ? devProbationEnd(path, rules) : (devRecordOf(path, o.after, rules)?.date ?? null);
  if (!anchor) return null;
  const m = addMonths(anchor, o.months ?? 0);
  return o.days ? addDays(m, o.days) : m;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Monday–Friday days from `from` to `to`, both included (holidays are not known here). */
export function workdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

const refuse = (rule: string, message: string, possibleFrom?: string): DevRefusal => (possibleFrom ? { rule, message, possibleFrom } : { rule, message });

/** Full members (正式党员) only, and not under 留党察看 on the day (rule dev-introducers / dev-contacts). */
function personRefusal(p: DevPerson, role: string, date: string, rule: string): DevRefusal | null {
  if (p.status !== 'full') return refuse(rule, `${role}${p.name}不是正式党员，不能担任${role}`);
  if (noVoteReason({ status: p.status, disciplineUntil: p.disciplineUntil }, date) === 'discipline')
    return refuse(rule, `${role}${p.name}正在留党察看期间，不能担任${role}`);
  return null;
}

function voteRefusal(v: DevVote | undefined, kind: 'committee' | 'admission'): { refusal: DevRefusal | null; result?: MotionResult } {
  if (!v) return { refusal: refuse('dev-vote', kind === 'committee' ? '请填写支委会的表决情况' : '请填写支部大会的表决情况') };
  if (v.present > v.entitled) return { refusal: refuse('dev-vote', `实到 ${v.present} 人，多于应到会有表决权的 ${v.entitled} 人`) };
  if ((v.onLeave ?? 0) > v.entitled - v.present) return { refusal: refuse('dev-vote', `请假 ${v.onLeave} 人，多于未到会的 ${v.entitled - v.present} 人`) };
  const t = tallyMotion({ entitled: v.entitled, entitledPresent: v.present, entitledOnLeave: v.onLeave ?? 0 }, v, VOTE_RULES[kind]);
  if (!t.ok) return { refusal: refuse('dev-vote', t.reason) };
  if (!t.result.passed) return { refusal: refuse('dev-vote', `${t.result.explanation}，不能记录为通过`), result: t.result };
  return { refusal: null, result: t.result };
}

/**
 * Why `attempt` cannot be recorded on `path`, or null when it can: rule dev-order first (ended path,
 * done already, steps it follows, dated before them or in the future), then the step's own limits.
 */
export function devStepRefusal(path: DevPath, a: DevAttempt, rules: DevRuleSet = DEV_RULES_2014): DevRefusal | null {
  const step = devStep(a.key, rules);
  if (!step) return refuse('dev-order', '没有这一步骤');
  const name = devStepName(step);
  if (path.ended) return refuse('dev-order', path.ended === 'stopped' ? '已终止培养，不能再办理' : '已取消预备党员资格，不能再办理');
  if (a.date > a.today) return refuse('dev-order', `${name}的日期不能晚于今天（${a.today}）`);
  const done = devRecordOf(path, step.key, rules);
  if (done && !step.periodic) return refuse('dev-order', `${name}已于 ${done.date} 办理`);
  if (step.periodic) {
    const until = devRecordOf(path, step.periodic.until, rules);
    if (until && until.date <= a.date) return refuse('dev-order', `${devStepName(devStep(step.periodic.until, rules)!)}之后不再记录${step.label}`);
  }
  const missing = step.follows.filter((k) => !devRecordOf(path, k, rules)).map((k) => devStepName(devStep(k, rules)!));
  if (missing.length) return refuse('dev-order', `须先办理${missing.join('、')}，再办理${name}`);
  for (const k of step.follows) {
    const d = devRecordOf(path, k, rules)!.date;
    if (a.date < d) return refuse('dev-order', `${name}的日期不能早于${devStepName(devStep(k, rules)!)}（${d}）`, d);
  }
  if (step.key === 'apply') {
    if (!path.birthDate) return refuse('dev-age-18', '请先填写出生日期');
    const adult = addMonths(path.birthDate, rules.minAge * 12);
    if (a.date < adult) return refuse('dev-age-18', `递交申请书时须年满${rules.minAge}周岁（${adult} 年满${rules.minAge}周岁）`, adult);
  }
  for (const e of step.earliest ?? []) {
    const offset = e.rule === 'dev-activist-min' ? { ...e, months: rules.activistAfterMonths } : e;
    if (offset.months === 0 && !offset.days) continue;
    const from = devOffsetDate(path, offset, rules);
    if (from && a.date < from) return refuse(e.rule, `${e.what}：${from} 起方可办理${name}`, from);
  }
  return inputRefusal(path, step, a, rules);
}

function inputRefusal(path: DevPath, step: DevStepRule, a: DevAttempt, rules: DevRuleSet): DevRefusal | null {
  for (const input of step.inputs) {
    let r: DevRefusal | null = null;
    if (input === 'talker') {
      if (!a.talker?.name.trim()) r = refuse('dev-order', '请填写谈话人');
      else if (step.key === 'talk' && !(TALKER_POSTS as readonly (string | null)[]).includes(a.talker.post))
        r = refuse('dev-talk-1-month', '谈话人应为党支部书记、副书记或组织委员');
    } else if (input === 'contacts') {
      const c = a.contacts ?? [];
      r =
        c.length < 1 || c.length > 2
          ? refuse('dev-contacts', '培养联系人应为一至两名正式党员')
          : (c.map((p) => personRefusal(p, '培养联系人', a.date, 'dev-contacts')).find(Boolean) ?? null);
    } else if (input === 'introducers') {
      const c = a.introducers ?? [];
      r =
        c.length !== 2
          ? refuse('dev-introducers', '入党介绍人应为两名正式党员')
          : (c.map((p) => personRefusal(p, '入党介绍人', a.date, 'dev-introducers')).find(Boolean) ?? null);
    } else if (input === 'committee_vote' || input === 'admission_vote') {
      r = voteRefusal(a.vote, input === 'committee_vote' ? 'committee' : 'admission').refusal;
    } else if (input === 'review_result') {
      if (a.reviewResult !== 'pass' && a.reviewResult !== 'fail') r = refuse('dev-political-review', '请选择政治审查结论');
    } else if (input === 'training') {
      const t = a.training;
      if (!t || (t.days < rules.trainingMin.days && t.hours < rules.trainingMin.hours))
        r = refuse(
          'dev-training',
          `集中培训时间不少于${rules.trainingMin.days}天或不少于${rules.trainingMin.hours}学时${t ? `（已填 ${t.days} 天、${t.hours} 学时）` : ''}`,
        );
    } else if (input === 'publicity') r = publicityRefusal(a, rules);
    else if (input === 'approval') r = approvalRefusal(path, step, a, rules);
    else if (input === 'probation_outcome') r = outcomeRefusal(path, a, rules);
    if (r) return r;
  }
  if (step.key === 'candidate') return assessmentsRefusal(path, a.date, rules);
  if (step.key === 'branch_review') return reviewRefusal(path, a.date, rules);
  return null;
}

/** Rule dev-assessment-6-months: one assessment for every full six months since the 积极分子 decision. */
function assessmentsRefusal(path: DevPath, date: string, rules: DevRuleSet): DevRefusal | null {
  const step = devStep('assessment', rules)!;
  const from = devRecordOf(path, step.periodic!.from, rules)!.date;
  const every = step.periodic!.everyMonths;
  let needed = 0;
  while (addMonths(from, (needed + 1) * every) <= date) needed++;
  const had = path.records.filter((r) => r.key === 'assessment' && r.date > from && r.date <= date).length;
  return had < needed ? refuse('dev-assessment-6-months', `确定为入党积极分子以来应每半年考察一次，须有 ${needed} 次培养教育考察记录，现有 ${had} 次`) : null;
}

/** Rule dev-political-review: concluded, passed, and still valid on the day of the 支委会审查. */
function reviewRefusal(path: DevPath, date: string, rules: DevRuleSet): DevRefusal | null {
  const r = devRecordOf(path, 'political_review', rules)!;
  if (r.outcome !== 'pass') return refuse('dev-political-review', '政治审查不合格，不能发展');
  if (rules.politicalReviewValidMonths !== null) {
    const until = addMonths(r.date, rules.politicalReviewValidMonths);
    if (date > until) return refuse('dev-political-review', `政治审查结论已超过${rules.politicalReviewValidMonths}个月（${r.date}），须重新进行政治审查`);
  }
  return null;
}

/** Rule dev-publicity: a 公示 of at least N (working) days, ended by the day of the step. */
function publicityRefusal(a: DevAttempt, rules: DevRuleSet): DevRefusal | null {
  const p = rules.publicity;
  if (!p) return null;
  if (!a.publicity) return refuse('dev-publicity', `请填写公示起止日期（公示不少于${p.days}个${p.workdays ? '工作日' : '日'}）`);
  const { from, to } = a.publicity;
  if (to < from) return refuse('dev-publicity', '公示结束日期不能早于开始日期');
  const n = p.workdays ? workdaysBetween(from, to) : daysBetween(from, to) + 1;
  if (n < p.days) return refuse('dev-publicity', `公示不少于${p.days}个${p.workdays ? '工作日' : '日'}，${from} 至 ${to} 只有 ${n} 个`);
  if (to > a.date) return refuse('dev-publicity', `公示应在办理前结束（公示至 ${to}）`, addDays(to, 1));
  return null;
}

/** Rule dev-approval-3-months: within 3 months; up to 6 with the reason; later the branch votes again. */
function approvalRefusal(path: DevPath, step: DevStepRule, a: DevAttempt, rules: DevRuleSet): DevRefusal | null {
  const anchor = devRecordOf(path, step.due!.after, rules)!.date;
  const normal = addMonths(anchor, rules.approval.months);
  const latest = addMonths(anchor, rules.approval.withReasonMonths);
  if (a.date > latest) return refuse('dev-approval-3-months', `支部大会（${anchor}）后超过${rules.approval.withReasonMonths}个月未审批，须由支部大会重新讨论`);
  if (a.date > normal && !a.reason?.trim())
    return refuse('dev-approval-3-months', `支部大会（${anchor}）后已超过${rules.approval.months}个月，须写明特殊情况的原因`);
  if (step.key === 'full_approval') {
    const meeting = devRecordOf(path, 'full_meeting', rules)!;
    if (a.outcome !== undefined && a.outcome !== meeting.outcome) return refuse('dev-approval-3-months', '审批结论应与支部大会的决议一致');
  }
  return null;
}

/** Rule dev-extension-once: 转正, or extend once by 6–12 months, or cancel — with the vote. */
function outcomeRefusal(path: DevPath, a: DevAttempt, rules: DevRuleSet): DevRefusal | null {
  if (!a.outcome || !(a.outcome in devOutcomeLabel)) return refuse('dev-extension-once', '请选择转正、延长预备期或取消预备党员资格');
  if (a.outcome !== 'extend') return null;
  const done = path.records.filter((r) => r.key === 'full_approval' && r.outcome === 'extend').length;
  if (done >= rules.extension.times)
    return refuse('dev-extension-once', `预备期只能延长${rules.extension.times === 1 ? '一' : rules.extension.times}次，已延长过`);
  const m = a.extendMonths ?? 0;
  if (!Number.isInteger(m) || m < rules.extension.minMonths || m > rules.extension.maxMonths)
    return refuse('dev-extension-once', `延长预备期为${rules.extension.minMonths}至${rules.extension.maxMonths}个月`);
  return null;
}

/** The stage after recording `a` (a 转正 approval follows the meeting's outcome). */
export function devStageAfter(
  path: DevPath,
  a: Pick<DevAttempt, 'key' | 'outcome' | 'reviewResult'>,
  rules: DevRuleSet = DEV_RULES_2014,
): { stage: DevStage; ended: DevEnd | null } {
  if (a.key === 'political_review' && a.reviewResult === 'fail') return { stage: path.stage, ended: 'stopped' };
  if (a.key === 'full_approval') {
    const outcome = devRecordOf(path, 'full_meeting', rules)?.outcome;
    if (outcome === 'cancel') return { stage: path.stage, ended: 'cancelled' };
    if (outcome === 'extend') return { stage: 'probationary', ended: null };
  }
  return { stage: devStep(a.key, rules)?.reaches ?? path.stage, ended: path.ended };
}
