import {
  autoCloseOf,
  clockOf,
  escalationOf,
  serviceLevelLabel,
  serviceStageLabel,
  SERVICE_TIME_LIMITS_2026,
  WORKING_CALENDAR_2026,
  type ServiceClock as RulesClock,
  type ServiceComplexity,
  type ServiceLevel,
  type ServiceRequestAction,
  type ServiceRequestEvent,
  type ServiceRequestFacts,
  type ServiceRequestKind,
  type ServiceRequestState,
  type ServiceStage,
  type ServiceTimeLimitRuleSet,
  type WorkingCalendar,
} from '@jiceng/rules';
import type { ServiceClock } from '@jiceng/contracts';
import { isoTime } from '../../platform/db/time.ts';
import type { WorkflowEventRow } from '../../platform/workflow/workflow.repository.ts';

/**
 * The request's clock on the server (ADR 0020): the rules' time-limit engine over the request's
 * history, and what the row keeps of it — the stage, its due time, the time a paused clock had
 * left, and when the sweep must look next. Levels without 片区 organizations skip 片区.
 */
export const PRESENT_LEVELS: readonly ServiceLevel[] = ['community', 'street', 'joint'];

export interface TimingOptions {
  rules: ServiceTimeLimitRuleSet;
  calendar: WorkingCalendar;
  levels: readonly ServiceLevel[];
}
export const DEFAULT_TIMING: TimingOptions = { rules: SERVICE_TIME_LIMITS_2026, calendar: WORKING_CALENDAR_2026, levels: PRESENT_LEVELS };

/** The history rows as the engine's events: each step's state and level after it. */
export function eventsOf(rows: readonly Pick<WorkflowEventRow, 'at' | 'action' | 'to_state' | 'data'>[]): ServiceRequestEvent[] {
  let level: ServiceLevel = 'community';
  return rows.map((r) => {
    const l = (r.data as { level?: ServiceLevel } | null)?.level;
    if (l) level = l;
    return { at: isoTime(r.at), action: r.action as ServiceRequestAction | 'submit', to: r.to_state as ServiceRequestState, level };
  });
}

export const factsOf = (row: { kind: string; complexity: string; category_code: string }, events: readonly ServiceRequestEvent[]): ServiceRequestFacts => ({
  kind: row.kind as ServiceRequestKind,
  complexity: row.complexity as ServiceComplexity,
  category: row.category_code,
  events,
});

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
const ms = (t: { amount: number; unit: keyof typeof UNIT_MS }) => t.amount * UNIT_MS[t.unit];

export interface Timing {
  stage: ServiceStage | null;
  clockRule: string | null;
  extensions: number;
  dueAt: string | null;
  pausedLeftMs: number | null;
  sweepAfter: string | null;
}

/**
 * What the row keeps of the clock after a step (or a sweep) at `now`. The sweep looks again at the
 * next threshold still ahead — the reminder before the due time, the due time (催办), escalation
 * after it, or the auto-close of an unrated resolution — or at once when a step is due now.
 */
export function timingOf(facts: ServiceRequestFacts, now: string, o: TimingOptions = DEFAULT_TIMING): Timing {
  const clock = clockOf(facts, now, o);
  if (!clock) return { stage: null, clockRule: null, extensions: 0, dueAt: null, pausedLeftMs: null, sweepAfter: null };
  const base = { stage: clock.stage, clockRule: clock.ruleId, extensions: clock.extensions };
  if (clock.status === 'paused') return { ...base, dueAt: null, pausedLeftMs: clock.remainingMs, sweepAfter: null };
  const due = Date.parse(clock.dueAt);
  const nowMs = Date.parse(now);
  let next: number | null;
  if (clock.stage === 'rate') {
    next = autoCloseOf(facts, now, o) ? nowMs : due + 1;
  } else if (escalationOf(facts, now, o)) {
    next = nowMs;
  } else {
    const t = o.rules.thresholds[clock.stage];
    const marks = [due - ms(t.urgeBefore), due, due + ms(t.escalateAfter)];
    next = marks.find((m) => m > nowMs) ?? null;
  }
  return { ...base, dueAt: new Date(due).toISOString(), pausedLeftMs: null, sweepAfter: next === null ? null : new Date(next).toISOString() };
}

const STATUS_LABEL = { running: '计时中', overdue: '已超时', paused: '已暂停（待补充材料）' } as const;

/** The clock as lists show it, from what the row keeps (no history read). */
export function presentClock(
  row: {
    state: string;
    level: string;
    stage: string | null;
    clock_rule?: string | null;
    extension_count?: number;
    due_at: string | null;
    paused_left_ms: string | number | null;
  },
  now: Date,
  o: TimingOptions = DEFAULT_TIMING,
): ServiceClock | null {
  if (!row.stage) return null;
  const stage = row.stage as ServiceStage;
  const level = row.level as ServiceLevel;
  const common = {
    stage,
    stageLabel: serviceStageLabel[stage] ?? stage,
    level,
    levelLabel: serviceLevelLabel[level] ?? level,
    ruleId: row.clock_rule ?? '',
    extensions: row.extension_count ?? 0,
  };
  if (o.rules.pausedStates.includes(row.state as ServiceRequestState) || !row.due_at) {
    return { ...common, status: 'paused', statusLabel: STATUS_LABEL.paused, dueAt: null, minutesLeft: Math.floor(Number(row.paused_left_ms ?? 0) / 60_000) };
  }
  const left = Date.parse(isoTime(row.due_at)) - now.getTime();
  const status = left >= 0 ? 'running' : 'overdue';
  return { ...common, status, statusLabel: STATUS_LABEL[status], dueAt: isoTime(row.due_at), minutesLeft: Math.trunc(left / 60_000) };
}

/** The engine's clock in the contract's shape (the detail page computes it from the history). */
export function contractClock(c: RulesClock | null): ServiceClock | null {
  if (!c) return null;
  const common = {
    stage: c.stage,
    stageLabel: serviceStageLabel[c.stage],
    level: c.level,
    levelLabel: serviceLevelLabel[c.level],
    ruleId: c.ruleId,
    extensions: c.extensions,
    statusLabel: STATUS_LABEL[c.status],
  };
  if (c.status === 'paused') return { ...common, status: 'paused', dueAt: null, minutesLeft: Math.floor(c.remainingMs / 60_000) };
  if (c.status === 'running') return { ...common, status: 'running', dueAt: c.dueAt, minutesLeft: Math.trunc(c.remainingMs / 60_000) };
  return { ...common, status: 'overdue', dueAt: c.dueAt, minutesLeft: -Math.trunc(c.overdueMs / 60_000) };
}
