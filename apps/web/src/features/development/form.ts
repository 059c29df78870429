import {
  DEV_NAME_MAX,
  DEV_STAGES,
  DEV_YEAR_MAX,
  DEV_YEAR_MIN,
  devStageLabel,
  normalizeIdNumber,
  type ApplicantInput,
  type ApplicantQuery,
  type DevDeadlineView,
  type DevRecordView,
  type DevStage,
  type DevStepInput,
  type DevStepView,
  type DevYearReport,
  type Education,
  type ETHNICITIES,
  type Occupation,
} from '@jiceng/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/client.ts';

/** Pure pieces of the 发展党员 pages: the list filter in the URL, form values → API bodies, the step timeline, figures. */

const text = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);
const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZES = [10, 20, 50, 100];

/**
 * A rule that a choice was made, with its message. Used instead of `required` on selects and radio
 * groups: antd puts `aria-required` on the field's wrapper there, which axe refuses.
 */
export const chosen = (message: string) => ({
  validator: (_: unknown, v: unknown) =>
    v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) ? Promise.reject(new Error(message)) : Promise.resolve(),
});

// ---------------------------------------------------------------- the applicants list

export type DevListState = 'active' | 'ended' | 'all';
export const STATE_OPTIONS: { value: DevListState; label: string }[] = [
  { value: 'active', label: '培养中' },
  { value: 'ended', label: '已终止' },
  { value: 'all', label: '全部' },
];
/** The four stages on the way (正式党员 is the end of it). */
export const PIPELINE_STAGES: DevStage[] = ['applicant', 'activist', 'candidate', 'probationary'];
export const STAGE_OPTIONS = DEV_STAGES.map((value) => ({ value, label: devStageLabel[value] }));

/** The applicants filter, kept in the URL (a board row or a to-do links to `?orgId=…&overdue=true`). */
export interface DevListFilter {
  orgId?: string;
  stage?: DevStage;
  state: DevListState;
  overdue: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

/** Reads the filter from the page's search parameters; anything the API would refuse falls back. */
export function listFilterFromParams(p: URLSearchParams): DevListFilter {
  const orgId = p.get('orgId');
  const stage = p.get('stage') as DevStage | null;
  const state = p.get('state') as DevListState | null;
  const page = Number(p.get('page'));
  const pageSize = Number(p.get('pageSize'));
  return {
    orgId: orgId && UUID.test(orgId) ? orgId : undefined,
    stage: stage && DEV_STAGES.includes(stage) ? stage : undefined,
    state: state && STATE_OPTIONS.some((o) => o.value === state) ? state : 'active',
    overdue: p.get('overdue') === 'true',
    q: p.get('q')?.trim().slice(0, DEV_NAME_MAX) || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** The filter as search parameters, defaults left out. */
export function listFilterToParams(f: DevListFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.orgId) out.orgId = f.orgId;
  if (f.stage) out.stage = f.stage;
  if (f.state !== 'active') out.state = f.state;
  if (f.overdue) out.overdue = 'true';
  if (f.q) out.q = f.q;
  if (f.page !== 1) out.page = String(f.page);
  if (f.pageSize !== 20) out.pageSize = String(f.pageSize);
  return out;
}

/** The API query of the filter (GET /api/development/applicants and its export). */
export function toApplicantQuery(f: DevListFilter): ApplicantQuery {
  return { orgId: f.orgId, stage: f.stage, state: f.state, overdue: f.overdue || undefined, q: f.q, page: f.page, pageSize: f.pageSize };
}

// ---------------------------------------------------------------- 登记入党申请

export interface ApplicantFormValues {
  orgId?: string;
  name: string;
  idNumber: string;
  ethnicity: string;
  education?: Education;
  occupation?: Occupation;
  workUnit?: string | null;
  phone?: string | null;
  appliedOn: Dayjs;
}

export function newApplicantValues(orgId: string | undefined, today: Dayjs = dayjs()): Partial<ApplicantFormValues> {
  return { orgId, ethnicity: '汉族', appliedOn: today };
}

/** POST /api/development/applicants: trimmed text, the ID number as the server normalizes it, empty optional fields as null. */
export function toApplicantInput(v: ApplicantFormValues): ApplicantInput {
  return {
    orgId: v.orgId ?? '',
    name: v.name.trim(),
    idNumber: normalizeIdNumber(v.idNumber),
    ethnicity: v.ethnicity as (typeof ETHNICITIES)[number],
    education: v.education!,
    occupation: v.occupation!,
    workUnit: text(v.workUnit),
    phone: text(v.phone),
    appliedOn: day(v.appliedOn),
  };
}

// ---------------------------------------------------------------- recording a step

export type TalkerPost = NonNullable<NonNullable<DevStepInput['talker']>['post']>;
export const TALKER_POST_OPTIONS: { value: TalkerPost; label: string }[] = [
  { value: 'secretary', label: '书记' },
  { value: 'deputy_secretary', label: '副书记' },
  { value: 'organization', label: '组织委员' },
  { value: 'member', label: '党员' },
  { value: 'other', label: '其他' },
];
export type DevOutcome = NonNullable<DevStepInput['outcome']>;
export const OUTCOME_OPTIONS: { value: DevOutcome; label: string }[] = [
  { value: 'full', label: '按期转正' },
  { value: 'extend', label: '延长预备期' },
  { value: 'cancel', label: '取消预备党员资格' },
];
export const REVIEW_OPTIONS: { value: 'pass' | 'fail'; label: string }[] = [
  { value: 'pass', label: '合格' },
  { value: 'fail', label: '不合格' },
];
/** 延长预备期: 6–12 months (rule dev-extension-once). */
export const EXTEND_MONTHS = { min: 6, max: 12 };

type N = number | null | undefined;
export interface VoteValues {
  entitled?: N;
  present?: N;
  onLeave?: N;
  yes?: N;
  no?: N;
  abstain?: N;
  writtenYes?: N;
  writtenNo?: N;
  writtenAbstain?: N;
}

/** The record drawer's fields; which of them show follows the step's `inputs`. */
export interface StepFormValues {
  date: Dayjs;
  note?: string | null;
  talkerName?: string;
  talkerPost?: TalkerPost;
  memberIds?: string[];
  vote?: VoteValues;
  reviewResult?: 'pass' | 'fail';
  trainingDays?: N;
  trainingHours?: N;
  trainingCourse?: string | null;
  publicity?: [Dayjs, Dayjs] | null;
  docNo?: string | null;
  reason?: string | null;
  outcome?: DevOutcome;
  extendMonths?: N;
}

const count = (n: N) => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0);

/**
 * POST /api/development/applicants/:id/steps: the date, the note, the version the drawer opened
 * from, and only what the step's `inputs` carry (a field of another step is left out, the server
 * refuses unknown ones). 书面意见 goes with a 支部大会 vote when any of its figures is filled in.
 */
export function toStepInput(step: Pick<DevStepView, 'key' | 'inputs'>, v: StepFormValues, version: number): DevStepInput {
  const has = (i: string) => step.inputs.includes(i);
  const body: DevStepInput = { key: step.key, date: day(v.date), version, note: text(v.note) };
  if (has('talker')) body.talker = { name: (v.talkerName ?? '').trim(), post: v.talkerPost ?? null };
  if (has('contacts') || has('introducers')) body.memberIds = [...new Set(v.memberIds ?? [])];
  if (has('committee_vote') || has('admission_vote')) {
    const t = v.vote ?? {};
    body.vote = { entitled: count(t.entitled), present: count(t.present), yes: count(t.yes), no: count(t.no), abstain: count(t.abstain) };
    if (typeof t.onLeave === 'number') body.vote.onLeave = count(t.onLeave);
    const written = [t.writtenYes, t.writtenNo, t.writtenAbstain];
    if (has('admission_vote') && written.some((n) => typeof n === 'number')) {
      body.vote.written = { yes: count(t.writtenYes), no: count(t.writtenNo), abstain: count(t.writtenAbstain) };
    }
  }
  if (has('review_result') && v.reviewResult) body.reviewResult = v.reviewResult;
  if (has('training')) body.training = { days: count(v.trainingDays), hours: count(v.trainingHours), course: text(v.trainingCourse) };
  if (has('publicity') && v.publicity?.[0] && v.publicity[1]) body.publicity = { from: day(v.publicity[0]), to: day(v.publicity[1]) };
  if (has('approval')) {
    body.docNo = text(v.docNo);
    body.reason = text(v.reason);
  }
  if (has('probation_outcome') && v.outcome) {
    body.outcome = v.outcome;
    if (v.outcome === 'extend' && typeof v.extendMonths === 'number') body.extendMonths = v.extendMonths;
  }
  return body;
}

/** Whether an approval dated `date` comes after its three months (a special reason must then be written). */
export function approvalIsLate(key: string, date: Dayjs | null | undefined, deadlines: readonly Pick<DevDeadlineView, 'key' | 'dueOn'>[]): boolean {
  const due = deadlines.find((d) => d.key === key)?.dueOn;
  return !!date && !!due && day(date) > due;
}

/** A refusal of the server: its Chinese message and, for a rule of time, the first day the step becomes possible. */
export function refusalOf(err: unknown): { message: string; possibleFrom: string | null } {
  if (!(err instanceof ApiError)) return { message: '操作失败，请稍后重试', possibleFrom: null };
  const d = err.details;
  const from = typeof d === 'object' && d !== null && 'possibleFrom' in d ? (d as { possibleFrom: unknown }).possibleFrom : null;
  return { message: err.message, possibleFrom: typeof from === 'string' ? from : null };
}

// ---------------------------------------------------------------- the timeline

/** done: recorded; open: may be recorded now; waiting: open, but a rule says not yet (or why); later: steps before it are missing. */
export type StepState = 'done' | 'open' | 'waiting' | 'later';

export function stepState(s: Pick<DevStepView, 'open' | 'doneOn' | 'blockedBy' | 'possibleFrom'>): StepState {
  if (s.open) return s.blockedBy || s.possibleFrom ? 'waiting' : 'open';
  return s.doneOn ? 'done' : 'later';
}

/** What a step waits for: the rule's message, and the first day it becomes possible when the message does not say it. */
export function waitingText(s: Pick<DevStepView, 'blockedBy' | 'possibleFrom'>): string {
  const from = s.possibleFrom && !s.blockedBy?.includes(s.possibleFrom) ? `${s.possibleFrom} 起方可办理` : '';
  return [s.blockedBy, from].filter(Boolean).join('；') || '暂不能办理';
}

/** The 25 steps under their 5 stages, in the rule set's order. */
export function stepsByStage<S extends Pick<DevStepView, 'stage' | 'no'>>(steps: readonly S[]): { stage: DevStage; label: string; steps: S[] }[] {
  return DEV_STAGES.map((stage) => ({ stage, label: devStageLabel[stage], steps: steps.filter((s) => s.stage === stage).sort((a, b) => a.no - b.no) })).filter(
    (g) => g.steps.length > 0,
  );
}

/** Every date a (periodic) step was recorded on, oldest first. */
export function recordDates(records: readonly Pick<DevRecordView, 'key' | 'date'>[], key: string): string[] {
  return records
    .filter((r) => r.key === key)
    .map((r) => r.date)
    .sort();
}

export const recorderText = (by: string) => (by === 'superior' ? '上级党委' : '党支部');

// ---------------------------------------------------------------- 发展计划与统计

/** 完成率 in % with one decimal, or null without a plan (or a plan of 0). */
export function completionRate(r: Pick<DevYearReport['total'], 'quota' | 'developed'>): number | null {
  return r.quota ? Math.round((r.developed / r.quota) * 1000) / 10 : null;
}

export const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

/** Years offered: next year down to five years back. */
export function yearOptions(thisYear: number = dayjs().year()): { value: number; label: string }[] {
  return Array.from({ length: 7 }, (_, i) => thisYear + 1 - i)
    .filter((y) => y >= DEV_YEAR_MIN && y <= DEV_YEAR_MAX)
    .map((y) => ({ value: y, label: `${y} 年` }));
}

/** The single forms of the dossier (GET …/dossier/<form>). */
export const DOSSIER_FORMS = [
  { key: 'receipt', label: '入党申请书回执' },
  { key: 'activist', label: '入党积极分子登记表' },
  { key: 'candidate', label: '发展对象登记表' },
  { key: 'publicity', label: '公示' },
  { key: 'vote', label: '支部大会表决情况' },
  { key: 'approval', label: '审批表' },
] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number]['key'];

export const dossierPath = (id: string, form?: DossierForm) => `/api/development/applicants/${id}/dossier${form ? `/${form}` : ''}`;
