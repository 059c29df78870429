import {
  SATISFACTION_RULES,
  SERVICE_LEVELS,
  SERVICE_REQUEST_WORKFLOW,
  SERVICE_STAGE_OF_STATE,
  SERVICE_TIME_LIMITS_2026,
  WORKING_CALENDAR_2026,
  serviceLevelLabel,
  serviceStageLabel,
  type DurationUnit,
  type SatisfactionLevel,
  type ServiceComplexity,
  type ServiceDuration,
  type ServiceLevel,
  type ServiceRequestAction,
  type ServiceRequestKind,
  type ServiceRequestRole,
  type ServiceRequestState,
  type ServiceStage,
  type ServiceTimeLimitRule,
  type ServiceTimeLimitRuleSet,
  type TimeBasis,
  type WorkingCalendar,
} from './service-request.rules.ts';
import { availableActions, transition, type WorkflowAttempt, type WorkflowResult } from './workflow.ts';

/** Rule service-request-workflow-2026: the request's next state, or a Chinese refusal naming its current state. */
export function serviceTransition(
  from: ServiceRequestState,
  action: ServiceRequestAction,
  attempt: WorkflowAttempt<ServiceRequestRole> = {},
): WorkflowResult<ServiceRequestState, ServiceRequestAction, ServiceRequestRole> {
  return transition(SERVICE_REQUEST_WORKFLOW, from, action, attempt);
}

/** The steps a role may take on a request in `state`. */
export function serviceActions(state: ServiceRequestState, role?: ServiceRequestRole): ServiceRequestAction[] {
  return availableActions(SERVICE_REQUEST_WORKFLOW, state, role);
}

/** 办结 needs the result written (photos are optional): the refusal, or null. */
export function resolutionRefusal(result: string | null | undefined): string | null {
  return result?.trim() ? null : '办结须填写办理结果';
}

/** The level above `level` among the levels a place has (a street without 片区 leaves it out), or null at the top. */
export function nextLevel(level: ServiceLevel, present: readonly ServiceLevel[] = SERVICE_LEVELS): ServiceLevel | null {
  const rank = SERVICE_LEVELS.indexOf(level);
  return SERVICE_LEVELS.find((l, i) => i > rank && present.includes(l)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Time: instants are epoch milliseconds inside, ISO strings outside (answers in the calendar's zone).

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far the working-time walk looks ahead before deciding the calendar has no working time left. */
const MAX_DAYS = 3_660;

/** A paused interval; `to` absent while the pause lasts. */
export interface ClockPause {
  from: string;
  to?: string | null;
}

const parse = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO time: ${iso}`);
  return ms;
};

/** `ms` written as ISO in the calendar's zone: 2026-05-11T10:00:00+08:00. */
export function isoInZone(ms: number, calendar: WorkingCalendar = WORKING_CALENDAR_2026): string {
  const off = calendar.utcOffsetMinutes;
  const local = new Date(ms + off * MINUTE).toISOString().replace(/\.000Z$/, 'Z');
  const sign = off < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  return `${local.slice(0, -1)}${sign}${hh}:${mm}`;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Whether a local date (YYYY-MM-DD) works: a 调休 workday, or a working weekday that is not a holiday. */
export function isWorkingDay(date: string, calendar: WorkingCalendar = WORKING_CALENDAR_2026): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return calendar.weekdays.includes(weekday);
}

/** The working minutes of one working day (7.5 h = 450 with the default periods). */
export function workingDayMinutes(calendar: WorkingCalendar): number {
  return calendar.periods.reduce((sum, p) => sum + minutesOf(p.end) - minutesOf(p.start), 0);
}

function durationMs(amount: number, unit: DurationUnit, basis: TimeBasis, calendar: WorkingCalendar): number {
  if (unit === 'minute') return amount * MINUTE;
  if (unit === 'hour') return amount * 60 * MINUTE;
  return amount * (basis === 'calendar' ? DAY : workingDayMinutes(calendar) * MINUTE);
}

type Span = [number, number];

/** The working periods from `fromMs` on, day by day in the calendar's zone. */
function* workingSpans(fromMs: number, calendar: WorkingCalendar): Generator<Span> {
  if (workingDayMinutes(calendar) <= 0) throw new RangeError(`working calendar ${calendar.id} has no working periods`);
  const off = calendar.utcOffsetMinutes * MINUTE;
  let midnight = Math.floor((fromMs + off) / DAY) * DAY - off;
  for (let i = 0; i < MAX_DAYS; i++, midnight += DAY) {
    if (!isWorkingDay(new Date(midnight + off).toISOString().slice(0, 10), calendar)) continue;
    for (const p of calendar.periods) {
      const span: Span = [midnight + minutesOf(p.start) * MINUTE, midnight + minutesOf(p.end) * MINUTE];
      if (span[1] > fromMs) yield [Math.max(span[0], fromMs), span[1]];
    }
  }
  throw new RangeError(`working calendar ${calendar.id} has no working day within ${MAX_DAYS} days`);
}

function mergedPauses(pauses: readonly ClockPause[]): Span[] {
  const spans = pauses.map((p): Span => [parse(p.from), p.to ? parse(p.to) : Infinity]).sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** The counted time from `fromMs` on: working or all time, less the pauses; ends where an open pause begins. */
function* countedSpans(fromMs: number, basis: TimeBasis, calendar: WorkingCalendar, pauses: readonly ClockPause[]): Generator<Span> {
  const cuts = mergedPauses(pauses);
  const base: Iterable<Span> = basis === 'calendar' ? [[fromMs, Infinity]] : workingSpans(fromMs, calendar);
  for (const span of base) {
    let [s] = span;
    const e = span[1];
    for (const [ps, pe] of cuts) {
      if (pe <= s || ps >= e) continue;
      if (ps > s) yield [s, ps];
      if (pe === Infinity) return;
      s = pe;
    }
    if (s < e) yield [s, e];
  }
}

/** The instant `needMs` of counted time after `fromMs`, or null while an open pause holds the clock. */
function addCounted(fromMs: number, needMs: number, basis: TimeBasis, calendar: WorkingCalendar, pauses: readonly ClockPause[]): number | null {
  let need = needMs;
  for (const [s, e] of countedSpans(fromMs, basis, calendar, pauses)) {
    if (need <= e - s) return s + need;
    need -= e - s;
  }
  return null;
}

/** The counted time between two instants. */
function countedBetween(fromMs: number, toMs: number, basis: TimeBasis, calendar: WorkingCalendar, pauses: readonly ClockPause[]): number {
  let sum = 0;
  for (const [s, e] of countedSpans(fromMs, basis, calendar, pauses)) {
    if (s >= toMs) break;
    sum += Math.min(e, toMs) - s;
  }
  return sum;
}

/**
 * The time-limit engine: `limit` of calendar time (always running) or working time (only in the
 * calendar's working periods of working days — weekends off, holidays off, 调休 weekend days on)
 * after `startISO`, skipping the paused intervals. A working day is a day's working length, so
 * "3 working days" from Monday 10:00 ends Thursday 10:00; a start outside working hours counts from
 * the next working period. Null while an open pause (no `to`) holds the clock. Answers in the calendar's zone.
 */
export function dueAt(
  startISO: string,
  limit: ServiceDuration,
  calendar: WorkingCalendar = WORKING_CALENDAR_2026,
  pauses: readonly ClockPause[] = [],
): string | null {
  const ms = addCounted(parse(startISO), durationMs(limit.amount, limit.unit, limit.basis, calendar), limit.basis, calendar, pauses);
  return ms === null ? null : isoInZone(ms, calendar);
}

// ---------------------------------------------------------------------------------------------
// The request's clock, from its history.

/** One row of the request's history (the workflow_event rows): the first is the submission. */
export interface ServiceRequestEvent {
  at: string;
  action: ServiceRequestAction | 'submit';
  /** The state after the step. */
  to: ServiceRequestState;
  /** The level after the step. */
  level: ServiceLevel;
}

export interface ServiceRequestFacts {
  kind: ServiceRequestKind;
  complexity: ServiceComplexity;
  category?: string | null;
  /** In time order. */
  events: readonly ServiceRequestEvent[];
}

export interface ServiceClockOptions {
  rules?: ServiceTimeLimitRuleSet;
  calendar?: WorkingCalendar;
}

/** The actions that start a new round of stages: the submission, 提级 (a new level) and 重办 (a redo). */
const EPOCH_ACTIONS: readonly ServiceRequestEvent['action'][] = ['submit', 'escalate', 'reopen'];

interface StageRun {
  stage: ServiceStage;
  level: ServiceLevel;
  /** Index of the event that began the stage in the current round. */
  startIndex: number;
  events: readonly ServiceRequestEvent[];
}

/**
 * The stage the request is in and where it began: the first entry into that stage since the last
 * submission, 提级 or 重办. Re-entering a stage (退单, 改派) keeps its start, so bouncing an order buys no time.
 */
function stageRun(events: readonly ServiceRequestEvent[]): StageRun | null {
  const last = events[events.length - 1];
  const stage = last ? SERVICE_STAGE_OF_STATE[last.to] : null;
  if (!last || !stage) return null;
  let epoch = events.length - 1;
  while (epoch > 0 && !EPOCH_ACTIONS.includes(events[epoch]?.action ?? 'submit')) epoch--;
  let start = epoch;
  while (SERVICE_STAGE_OF_STATE[events[start]?.to ?? last.to] !== stage) start++;
  return { stage, level: last.level, startIndex: start, events: events.slice(start) };
}

const specificity = (r: ServiceTimeLimitRule): number => [r.kinds, r.complexities, r.categories, r.levels].filter(Boolean).length;

/** Rule set service-time-limits-2026: the limit of a stage for a request, the matching rule with most conditions (ties by order). */
export function limitRuleFor(
  stage: Exclude<ServiceStage, 'rate'>,
  facts: Pick<ServiceRequestFacts, 'kind' | 'complexity' | 'category'>,
  level: ServiceLevel,
  rules: ServiceTimeLimitRuleSet = SERVICE_TIME_LIMITS_2026,
): ServiceTimeLimitRule {
  const fits = rules.limits.filter(
    (r) =>
      r.stage === stage &&
      (!r.kinds || r.kinds.includes(facts.kind)) &&
      (!r.complexities || r.complexities.includes(facts.complexity)) &&
      (!r.categories || (facts.category != null && r.categories.includes(facts.category))) &&
      (!r.levels || r.levels.includes(level)),
  );
  const best = fits.reduce<ServiceTimeLimitRule | undefined>((a, r) => (a && specificity(a) >= specificity(r) ? a : r), undefined);
  if (!best) throw new RangeError(`${rules.id}: no ${stage} limit for ${facts.kind}/${facts.complexity} at ${level}`);
  return best;
}

function pausesOf(run: StageRun, paused: readonly ServiceRequestState[]): ClockPause[] {
  return run.events.flatMap((e, i) => (paused.includes(e.to) ? [{ from: e.at, to: run.events[i + 1]?.at ?? null }] : []));
}

interface StageLimit {
  ruleId: string;
  basis: TimeBasis;
  totalMs: number;
  extensions: number;
}

function stageLimit(run: StageRun, facts: ServiceRequestFacts, rules: ServiceTimeLimitRuleSet, calendar: WorkingCalendar): StageLimit {
  if (run.stage === 'rate') {
    const { after } = rules.autoClose;
    return { ruleId: rules.autoClose.id, basis: after.basis, totalMs: durationMs(after.amount, after.unit, after.basis, calendar), extensions: 0 };
  }
  const rule = limitRuleFor(run.stage, facts, run.level, rules);
  const { amount, unit, basis } = rule.limit;
  const extensions = run.events.filter((e) => e.action === 'extend').length;
  const add = durationMs(rules.extension.add.amount, rules.extension.add.unit, basis, calendar);
  return { ruleId: rule.id, basis, totalMs: durationMs(amount, unit, basis, calendar) + extensions * add, extensions };
}

interface ClockBase {
  stage: ServiceStage;
  level: ServiceLevel;
  ruleId: string;
  startedAt: string;
  extensions: number;
}
/** Remaining and overdue are wall-clock milliseconds to or past the due time; a paused clock tells the counted time left. */
export type ServiceClock = ClockBase &
  (
    | { status: 'running'; dueAt: string; remainingMs: number }
    | { status: 'overdue'; dueAt: string; overdueMs: number }
    | { status: 'paused'; dueAt: null; pausedSince: string; remainingMs: number }
  );

/**
 * Rule set service-time-limits-2026: the current stage's clock — running with the time left,
 * overdue by how much, or paused (待补充材料) with the counted time left — or null when no clock runs
 * (不予受理, 已关闭, 已撤销). `now` is a parameter: nothing here reads the system clock.
 */
export function clockOf(facts: ServiceRequestFacts, nowISO: string, opts: ServiceClockOptions = {}): ServiceClock | null {
  const rules = opts.rules ?? SERVICE_TIME_LIMITS_2026;
  const calendar = opts.calendar ?? WORKING_CALENDAR_2026;
  const run = stageRun(facts.events);
  if (!run) return null;
  const startMs = parse(run.events[0]?.at ?? nowISO);
  const pauses = pausesOf(run, rules.pausedStates);
  const limit = stageLimit(run, facts, rules, calendar);
  const base: ClockBase = { stage: run.stage, level: run.level, ruleId: limit.ruleId, startedAt: isoInZone(startMs, calendar), extensions: limit.extensions };
  const due = addCounted(startMs, limit.totalMs, limit.basis, calendar, pauses);
  const now = parse(nowISO);
  if (due === null) {
    const open = pauses[pauses.length - 1]?.from ?? nowISO;
    const used = countedBetween(startMs, now, limit.basis, calendar, pauses);
    return { ...base, status: 'paused', dueAt: null, pausedSince: isoInZone(parse(open), calendar), remainingMs: Math.max(0, limit.totalMs - used) };
  }
  const dueISO = isoInZone(due, calendar);
  return now <= due
    ? { ...base, status: 'running', dueAt: dueISO, remainingMs: due - now }
    : { ...base, status: 'overdue', dueAt: dueISO, overdueMs: now - due };
}

// ---------------------------------------------------------------------------------------------
// Urging and escalation, for the job runner.

export interface ServiceEscalationOptions extends ServiceClockOptions {
  /** The levels this place has (default all four). */
  levels?: readonly ServiceLevel[];
  /** Keys already acted on (the job's dedupe keys): a key here is never answered again. */
  done?: readonly string[];
}

export type ServiceEscalation =
  | { action: 'urge'; why: 'due_soon' | 'overdue'; stage: ServiceStage; level: ServiceLevel; key: string; reason: string }
  | { action: 'escalate'; stage: ServiceStage; from: ServiceLevel; to: ServiceLevel; key: string; reason: string };

/** Thresholds are calendar time relative to the due time (the calendar argument is not used for calendar time). */
const thresholdMs = (t: { amount: number; unit: DurationUnit }): number => durationMs(t.amount, t.unit, 'calendar', WORKING_CALENDAR_2026);

function autoEscalationTarget(level: ServiceLevel, rules: ServiceTimeLimitRuleSet, levels: readonly ServiceLevel[]): ServiceLevel | null {
  const to = nextLevel(level, levels);
  return to && SERVICE_LEVELS.indexOf(to) <= SERVICE_LEVELS.indexOf(rules.autoEscalateUpTo) ? to : null;
}

type RunningClock = ServiceClock & { status: 'running' | 'overdue' };

/** The step the clock calls for, before the dedupe: escalate, else the overdue urge, else the reminder. */
function dueStep(
  clock: RunningClock,
  urges: readonly number[],
  nowMs: number,
  rules: ServiceTimeLimitRuleSet,
  to: ServiceLevel | null,
): ServiceEscalation | null {
  const { stage, level } = clock;
  const threshold = rules.thresholds[stage as Exclude<ServiceStage, 'rate'>];
  const due = parse(clock.dueAt);
  const key = (what: string) => `${stage}@${level}@${clock.startedAt}:${what}`;
  const label = serviceStageLabel[stage];
  if (to && nowMs >= due + thresholdMs(threshold.escalateAfter)) {
    return { action: 'escalate', stage, from: level, to, key: key(`escalate:${to}`), reason: `${label}超时，自动提级至${serviceLevelLabel[to]}` };
  }
  if (nowMs >= due) {
    return urges.some((u) => u >= due) ? null : { action: 'urge', why: 'overdue', stage, level, key: key('urge:overdue'), reason: `${label}已超时，催办` };
  }
  if (nowMs < due - thresholdMs(threshold.urgeBefore) || urges.length > 0) return null;
  return { action: 'urge', why: 'due_soon', stage, level, key: key('urge:due_soon'), reason: `${label}即将到期，提醒办理` };
}

/**
 * What the system must do now about the current stage: escalate it to the next level once it is
 * `escalateAfter` past due (automatically only up to the rule set's `autoEscalateUpTo`), else urge
 * once when overdue (催办 [H11]) and once `urgeBefore` ahead of the due time (提醒). Idempotent: an
 * urge already in the stage's history, an escalation (it starts the next level's stage), or a key in
 * `done` is not answered again; a paused clock, the 评价 stage and a closed request answer null, and
 * so does any step the workflow would refuse the system in the current state.
 */
export function escalationOf(facts: ServiceRequestFacts, nowISO: string, opts: ServiceEscalationOptions = {}): ServiceEscalation | null {
  const rules = opts.rules ?? SERVICE_TIME_LIMITS_2026;
  const clock = clockOf(facts, nowISO, opts);
  const run = stageRun(facts.events);
  if (!clock || !run || clock.stage === 'rate' || clock.status === 'paused') return null;
  const urges = run.events.filter((e) => e.action === 'urge').map((e) => parse(e.at));
  const to = autoEscalationTarget(clock.level, rules, opts.levels ?? SERVICE_LEVELS);
  const step = dueStep(clock, urges, parse(nowISO), rules, to);
  const state = run.events[run.events.length - 1]?.to ?? 'submitted';
  if (!step || opts.done?.includes(step.key)) return null;
  return serviceTransition(state, step.action, { role: 'system', reason: step.reason }).ok ? step : null;
}

/** Rule auto-close-7d: an 已办结 request unrated past the rule set's wait is closed by the system, marked so; else null. */
export function autoCloseOf(
  facts: ServiceRequestFacts,
  nowISO: string,
  opts: ServiceClockOptions = {},
): { action: 'auto_close'; dueAt: string; reason: string } | null {
  const clock = clockOf(facts, nowISO, opts);
  if (clock?.stage !== 'rate' || clock.status !== 'overdue') return null;
  return { action: 'auto_close', dueAt: clock.dueAt, reason: '办结后超时未评价，系统自动关闭' };
}

/** Rule extension-once-7d: why 延期 is refused now (only in 办理, before expiry, at most `max` times), or null. */
export function extensionRefusal(facts: ServiceRequestFacts, nowISO: string, opts: ServiceClockOptions = {}): string | null {
  const rules = opts.rules ?? SERVICE_TIME_LIMITS_2026;
  const clock = clockOf(facts, nowISO, opts);
  if (clock?.stage !== 'resolve') return '诉求不在办理阶段，不能延期';
  if (clock.status === 'overdue') return `办理时限已于${clock.dueAt.slice(0, 16).replace('T', ' ')}到期，延期须在到期前申请`;
  if (clock.extensions >= rules.extension.max) return `已延期${clock.extensions}次，不能再延期`;
  return null;
}

/** The number of 重办 so far. */
export function reopenCount(events: readonly ServiceRequestEvent[]): number {
  return events.filter((e) => e.action === 'reopen').length;
}

export type SatisfactionOutcome = { outcome: 'close'; action: 'rate'; satisfied: boolean } | { outcome: 'reopen'; action: 'reopen'; redo: number };

/**
 * What a rating does: 满意/基本满意 close (counted satisfied); 不满意 reopens as the next 重办, unless
 * the rule set's reopens are used up — then it closes, counted unsatisfied.
 */
export function satisfactionOutcome(
  rating: SatisfactionLevel,
  reopensSoFar = 0,
  rules: ServiceTimeLimitRuleSet = SERVICE_TIME_LIMITS_2026,
): SatisfactionOutcome {
  const r = SATISFACTION_RULES[rating];
  if (r.reopens && reopensSoFar < rules.maxReopens.count) return { outcome: 'reopen', action: 'reopen', redo: reopensSoFar + 1 };
  return { outcome: 'close', action: 'rate', satisfied: r.countsSatisfied };
}
