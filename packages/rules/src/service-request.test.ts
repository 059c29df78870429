import { describe, expect, it } from 'vitest';
import {
  SATISFACTION_LEVELS,
  SERVICE_LEVELS,
  SERVICE_REQUEST_KINDS,
  SERVICE_REQUEST_WORKFLOW,
  SERVICE_TIME_LIMITS_2026,
  WORKING_CALENDAR_2026,
  satisfactionLabel,
  serviceLevelLabel,
  serviceRequestKindLabel,
  type ServiceDuration,
  type ServiceLevel,
  type ServiceRequestAction,
  type ServiceRequestRole,
  type ServiceRequestState,
  type WorkingCalendar,
} from './service-request.rules.ts';
import {
  autoCloseOf,
  clockOf,
  dueAt,
  escalationOf,
  extensionRefusal,
  isWorkingDay,
  limitRuleFor,
  nextLevel,
  reopenCount,
  resolutionRefusal,
  satisfactionOutcome,
  serviceActions,
  serviceTransition,
  type ServiceRequestEvent,
  type ServiceRequestFacts,
} from './service-request.ts';
import { workflowProblems } from './workflow.ts';

const H = 3_600_000;
const D = 24 * H;
const t = (local: string) => `2026-${local}:00+08:00`;

describe('service-request kinds, levels and satisfaction (domain-rules §8 [H1][H5][H8])', () => {
  it('labels the five kinds, the four levels and the three ratings in Chinese', () => {
    expect(SERVICE_REQUEST_KINDS.map((k) => serviceRequestKindLabel[k])).toEqual(['咨询', '求助', '投诉', '建议', '举报']);
    expect(SERVICE_LEVELS.map((l) => serviceLevelLabel[l])).toEqual(['村（社区）', '片区', '乡镇（街道）', '跨级联合（吹哨报到）']);
    expect(SATISFACTION_LEVELS.map((s) => satisfactionLabel[s])).toEqual(['满意', '基本满意', '不满意']);
  });
  it('moves up one level at a time, skipping a level the place does not have, and stops at the top', () => {
    expect(nextLevel('community')).toBe('area');
    expect(nextLevel('community', ['community', 'street', 'joint'])).toBe('street');
    expect(nextLevel('street')).toBe('joint');
    expect(nextLevel('joint')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// rule service-request-workflow-2026: the expected table, written out independently of the definition.

type S = ServiceRequestState;
type A = ServiceRequestAction;
type R = ServiceRequestRole;
const DESKS: R[] = ['community', 'area', 'street'];
const STATES: S[] = ['submitted', 'accepted', 'rejected', 'dispatched', 'in_progress', 'awaiting_info', 'resolved', 'closed', 'withdrawn'];
const ACTIONS: A[] = [
  'accept',
  'reject',
  'dispatch',
  'take',
  'return',
  'reassign',
  'request_info',
  'supply_info',
  'resolve',
  'rate',
  'reopen',
  'auto_close',
  'follow_up',
  'extend',
  'urge',
  'escalate',
  'withdraw',
];
const ROLES: R[] = ['resident', 'grid_worker', 'community', 'area', 'street', 'assignee', 'system'];
const LEGAL: Record<string, { to: S; roles: R[]; reason: boolean }> = {
  'submitted/accept': { to: 'accepted', roles: DESKS, reason: false },
  'submitted/reject': { to: 'rejected', roles: DESKS, reason: true },
  'accepted/dispatch': { to: 'dispatched', roles: DESKS, reason: false },
  'dispatched/take': { to: 'in_progress', roles: ['assignee'], reason: false },
  'dispatched/return': { to: 'accepted', roles: ['assignee'], reason: true },
  'in_progress/return': { to: 'accepted', roles: ['assignee'], reason: true },
  'dispatched/reassign': { to: 'dispatched', roles: DESKS, reason: true },
  'in_progress/reassign': { to: 'dispatched', roles: DESKS, reason: true },
  'in_progress/request_info': { to: 'awaiting_info', roles: ['assignee'], reason: true },
  'awaiting_info/supply_info': { to: 'in_progress', roles: ['resident', 'grid_worker', 'assignee'], reason: false },
  'in_progress/resolve': { to: 'resolved', roles: ['assignee'], reason: false },
  'resolved/rate': { to: 'closed', roles: ['resident', ...DESKS], reason: false },
  'resolved/reopen': { to: 'in_progress', roles: ['resident', ...DESKS], reason: true },
  'resolved/auto_close': { to: 'closed', roles: ['system'], reason: false },
  'resolved/follow_up': { to: 'resolved', roles: ['grid_worker', ...DESKS], reason: false },
  'in_progress/extend': { to: 'in_progress', roles: ['assignee', ...DESKS], reason: true },
  'submitted/urge': { to: 'submitted', roles: [...DESKS, 'system'], reason: false },
  'accepted/urge': { to: 'accepted', roles: [...DESKS, 'system'], reason: false },
  'dispatched/urge': { to: 'dispatched', roles: [...DESKS, 'system'], reason: false },
  'in_progress/urge': { to: 'in_progress', roles: [...DESKS, 'system'], reason: false },
  'submitted/escalate': { to: 'accepted', roles: [...DESKS, 'system'], reason: true },
  'accepted/escalate': { to: 'accepted', roles: [...DESKS, 'system'], reason: true },
  'dispatched/escalate': { to: 'accepted', roles: [...DESKS, 'system'], reason: true },
  'in_progress/escalate': { to: 'accepted', roles: [...DESKS, 'system'], reason: true },
  'submitted/withdraw': { to: 'withdrawn', roles: ['resident'], reason: false },
  'accepted/withdraw': { to: 'withdrawn', roles: ['resident'], reason: false },
  'dispatched/withdraw': { to: 'withdrawn', roles: ['resident'], reason: false },
};
const cells = STATES.flatMap((s) => ACTIONS.flatMap((a) => ROLES.map((r) => [s, a, r] as const)));

describe('rule service-request-workflow-2026 (issue 10)', () => {
  it('is a sound definition, submitted first, rejected/closed/withdrawn final', () => {
    expect(workflowProblems(SERVICE_REQUEST_WORKFLOW)).toEqual([]);
    expect(SERVICE_REQUEST_WORKFLOW.initial).toBe('submitted');
    expect(SERVICE_REQUEST_WORKFLOW.final).toEqual(['rejected', 'closed', 'withdrawn']);
    expect(SERVICE_REQUEST_WORKFLOW.states).toEqual(STATES);
  });
  it.each(cells)('%s + %s by %s: legal exactly as the table says', (s, a, r) => {
    const legal = LEGAL[`${s}/${a}`];
    const res = serviceTransition(s, a, { role: r, reason: '原因' });
    const here = `诉求当前为「${SERVICE_REQUEST_WORKFLOW.stateLabel[s]}」`;
    const act = `「${SERVICE_REQUEST_WORKFLOW.actionLabel[a]}」`;
    if (!legal) expect(res).toEqual({ ok: false, code: 'illegal_transition', reason: `${here}，不能办理${act}` });
    else if (!legal.roles.includes(r))
      expect(res).toMatchObject({ ok: false, code: 'role_not_allowed', reason: expect.stringMatching(new RegExp(`^${here}，${act}只能由`)) });
    else expect(res).toMatchObject({ ok: true, to: legal.to });
  });
  it.each(Object.entries(LEGAL))('%s: a reason is required exactly where the table says', (key, legal) => {
    const [s, a] = key.split('/') as [S, A];
    const role = legal.roles[0];
    const blank = serviceTransition(s, a, { role, reason: '  ' });
    if (legal.reason) expect(blank).toMatchObject({ ok: false, code: 'reason_required', reason: expect.stringContaining('须填写原因') });
    else expect(blank).toMatchObject({ ok: true, to: legal.to });
  });
  it('requires reasons for 不予受理, 退单, 改派, 要求补充材料, 重办, 延期 and 提级, and only for them', () => {
    const needing = [...new Set(SERVICE_REQUEST_WORKFLOW.transitions.filter((x) => x.reasonRequired).map((x) => x.action))];
    expect(needing.sort()).toEqual(['escalate', 'extend', 'reject', 'reopen', 'request_info', 'return', 'reassign'].sort());
    expect(serviceTransition('dispatched', 'return', { role: 'assignee' })).toEqual({
      ok: false,
      code: 'reason_required',
      reason: '诉求当前为「已派单」，「退单」须填写原因',
    });
  });
  it('runs the closed loop 待受理 → 已受理 → 已派单 → 办理中 → 已办结 → 已关闭', () => {
    const path: [A, R][] = [
      ['accept', 'community'],
      ['dispatch', 'community'],
      ['take', 'assignee'],
      ['resolve', 'assignee'],
      ['rate', 'resident'],
    ];
    let s: S = 'submitted';
    const seen: S[] = [s];
    for (const [a, r] of path) {
      const res = serviceTransition(s, a, { role: r });
      if (!res.ok) throw new Error(res.reason);
      s = res.to;
      seen.push(s);
    }
    expect(seen).toEqual(['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed']);
  });
  it('keeps the rating out of the assignee’s hands and shows each role its buttons', () => {
    expect(serviceTransition('resolved', 'rate', { role: 'assignee' })).toMatchObject({ ok: false, code: 'role_not_allowed' });
    expect(serviceActions('resolved', 'resident')).toEqual(['rate', 'reopen']);
    expect(serviceActions('in_progress', 'assignee')).toEqual(['return', 'request_info', 'resolve', 'extend']);
    expect(serviceActions('dispatched', 'community')).toEqual(['reassign', 'urge', 'escalate']);
    expect(serviceActions('closed')).toEqual([]);
  });
  it('refuses 办结 without a result', () => {
    expect(resolutionRefusal(' ')).toBe('办结须填写办理结果');
    expect(resolutionRefusal('已修复路灯')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The time-limit engine over rule working-calendar-cn-2026 (Mon–Fri 8:30–12:00, 13:30–17:30).

const calH = (amount: number): ServiceDuration => ({ amount, unit: 'hour', basis: 'calendar' });
const workH = (amount: number): ServiceDuration => ({ amount, unit: 'hour', basis: 'working' });

describe('rule working-calendar-cn-2026: working days', () => {
  it('works Mon–Fri, not on holidays, and on 调休 weekend days', () => {
    expect(isWorkingDay('2026-05-08')).toBe(true); // Friday
    expect(isWorkingDay('2026-05-16')).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-01')).toBe(false); // 国庆, a Thursday
    expect(isWorkingDay('2026-10-10')).toBe(true); // 调休 Saturday
    expect(isWorkingDay('2026-02-14')).toBe(true); // 春节 调休 Saturday
  });
});

describe('dueAt: calendar vs working time', () => {
  it('adds calendar hours and days around the clock', () => {
    expect(dueAt(t('05-16T20:00'), calH(2))).toBe(t('05-16T22:00'));
    expect(dueAt(t('05-08T10:00'), { amount: 7, unit: 'day', basis: 'calendar' })).toBe(t('05-15T10:00'));
    expect(dueAt('2026-05-11T02:00:00Z', { amount: 30, unit: 'minute', basis: 'calendar' })).toBe(t('05-11T10:30'));
  });
  it('adds working hours across the lunch break', () => {
    expect(dueAt(t('05-11T11:00'), workH(2))).toBe(t('05-11T14:30'));
  });
  it('counts a working day as the day’s working length (7.5 h): 3 working days from Monday 10:00 end Thursday 10:00', () => {
    expect(dueAt(t('05-11T10:00'), { amount: 3, unit: 'day', basis: 'working' })).toBe(t('05-14T10:00'));
  });
  it('skips a weekend', () => {
    expect(dueAt(t('05-15T16:30'), workH(3))).toBe(t('05-18T10:30'));
  });
  it('skips a holiday (国庆 10-01…10-07)', () => {
    expect(dueAt(t('09-30T16:00'), workH(2))).toBe(t('10-08T09:00'));
  });
  it('works on a 调休 Saturday (10-10, 05-09) and not on an ordinary one', () => {
    expect(dueAt(t('10-09T17:00'), workH(1))).toBe(t('10-10T09:00'));
    expect(dueAt(t('05-08T17:00'), workH(1))).toBe(t('05-09T09:00'));
    expect(dueAt(t('10-16T17:00'), workH(1))).toBe(t('10-19T09:00'));
  });
  it('starts outside working hours from the next working period', () => {
    expect(dueAt(t('05-16T20:00'), workH(1))).toBe(t('05-18T09:30'));
    expect(dueAt(t('05-12T07:00'), { amount: 30, unit: 'minute', basis: 'working' })).toBe(t('05-12T09:00'));
    expect(dueAt(t('05-11T12:30'), workH(1))).toBe(t('05-11T14:30'));
  });
  it('skips a pause in the middle, in calendar and in working time', () => {
    expect(dueAt(t('05-11T10:00'), calH(24), WORKING_CALENDAR_2026, [{ from: t('05-11T12:00'), to: t('05-11T15:00') }])).toBe(t('05-12T13:00'));
    expect(dueAt(t('05-11T09:00'), workH(7.5), WORKING_CALENDAR_2026, [{ from: t('05-11T10:00'), to: t('05-12T10:00') }])).toBe(t('05-13T09:00'));
  });
  it('has no due time while a pause is open', () => {
    expect(dueAt(t('05-11T09:00'), calH(2), WORKING_CALENDAR_2026, [{ from: t('05-11T10:00') }])).toBeNull();
  });
  it('refuses a calendar without working time', () => {
    const none: WorkingCalendar = { ...WORKING_CALENDAR_2026, periods: [] };
    expect(() => dueAt(t('05-11T09:00'), workH(1), none)).toThrow(/no working periods/);
  });
});

describe('rule service-time-limits-2026: the defaults and their sources', () => {
  const facts = { kind: 'complaint', complexity: 'general' } as const;
  it('accepts within 2 h (accept-2h [H4], UNCONFIRMED)', () => {
    expect(limitRuleFor('accept', facts, 'community')).toMatchObject({ id: 'accept-2h', limit: calH(2), unconfirmed: true });
  });
  it('responds within 24 h (respond-24h), urgent within 2 h (respond-urgent-2h [H4]), 吹哨报到 within 30 min (respond-joint-30min [H8])', () => {
    expect(limitRuleFor('respond', facts, 'street').id).toBe('respond-24h');
    expect(limitRuleFor('respond', { ...facts, complexity: 'urgent' }, 'street').id).toBe('respond-urgent-2h');
    expect(limitRuleFor('respond', facts, 'joint')).toMatchObject({ id: 'respond-joint-30min', practice: true, unconfirmed: false });
  });
  it('resolves within 7 days (resolve-7d), complex 15 (resolve-complex-15d), urgent 1 (resolve-urgent-1d), 咨询/求助 3 working days (resolve-consult-help-3wd [H11])', () => {
    expect(limitRuleFor('resolve', facts, 'community').id).toBe('resolve-7d');
    expect(limitRuleFor('resolve', { ...facts, complexity: 'complex' }, 'community').id).toBe('resolve-complex-15d');
    expect(limitRuleFor('resolve', { ...facts, complexity: 'urgent' }, 'community').id).toBe('resolve-urgent-1d');
    expect(limitRuleFor('resolve', { kind: 'consult', complexity: 'general' }, 'community').limit).toEqual({ amount: 3, unit: 'day', basis: 'working' });
    // Equal specificity: the earlier rule (complex) wins over the kind's.
    expect(limitRuleFor('resolve', { kind: 'help', complexity: 'complex' }, 'community').id).toBe('resolve-complex-15d');
  });
  it('prefers the rule with more conditions (a category-and-level rule of a locality)', () => {
    const local = {
      ...SERVICE_TIME_LIMITS_2026,
      limits: [
        ...SERVICE_TIME_LIMITS_2026.limits,
        {
          id: 'utilities-street',
          stage: 'respond',
          categories: ['utilities'],
          levels: ['street'],
          limit: calH(12),
          source: 'local',
          practice: true,
          unconfirmed: true,
        } as const,
      ],
    };
    expect(limitRuleFor('respond', { ...facts, complexity: 'urgent', category: 'utilities' }, 'street', local).id).toBe('utilities-street');
    expect(limitRuleFor('respond', { ...facts, category: 'utilities' }, 'community', local).id).toBe('respond-24h');
  });
  it('has a catch-all limit per stage and a source on every number', () => {
    for (const stage of ['accept', 'respond', 'resolve'] as const)
      expect(SERVICE_TIME_LIMITS_2026.limits.some((r) => r.stage === stage && !r.kinds && !r.complexities && !r.categories && !r.levels)).toBe(true);
    const sourced = [
      ...SERVICE_TIME_LIMITS_2026.limits,
      ...Object.values(SERVICE_TIME_LIMITS_2026.thresholds),
      SERVICE_TIME_LIMITS_2026.autoClose,
      SERVICE_TIME_LIMITS_2026.extension,
      SERVICE_TIME_LIMITS_2026.maxReopens,
    ];
    for (const r of sourced) expect(r.source).toMatch(/\[H\d+\]|Jiceng/);
    expect(SERVICE_TIME_LIMITS_2026.autoClose).toMatchObject({ id: 'auto-close-7d', unconfirmed: true });
  });
});

// ---------------------------------------------------------------------------------------------
// The request's clock.

const ev = (local: string, action: ServiceRequestEvent['action'], to: S, level: ServiceLevel = 'community'): ServiceRequestEvent => ({
  at: t(local),
  action,
  to,
  level,
});
const req = (events: ServiceRequestEvent[], more: Partial<ServiceRequestFacts> = {}): ServiceRequestFacts => ({
  kind: 'complaint',
  complexity: 'general',
  events,
  ...more,
});
/** Submitted Monday 05-11 09:00, accepted 10:00, dispatched 10:30, taken 11:00. */
const SUBMIT = ev('05-11T09:00', 'submit', 'submitted');
const TAKEN = [SUBMIT, ev('05-11T10:00', 'accept', 'accepted'), ev('05-11T10:30', 'dispatch', 'dispatched'), ev('05-11T11:00', 'take', 'in_progress')];

describe('rule service-time-limits-2026: clockOf', () => {
  it('runs the 受理 clock from submission and tells remaining or overdue time (accept-2h)', () => {
    expect(clockOf(req([SUBMIT]), t('05-11T10:00'))).toEqual({
      stage: 'accept',
      level: 'community',
      ruleId: 'accept-2h',
      startedAt: t('05-11T09:00'),
      extensions: 0,
      status: 'running',
      dueAt: t('05-11T11:00'),
      remainingMs: H,
    });
    expect(clockOf(req([SUBMIT]), t('05-11T11:30'))).toMatchObject({ status: 'overdue', dueAt: t('05-11T11:00'), overdueMs: H / 2 });
  });
  it('runs 响应 from 受理 until taken (respond-24h), then 办理 from 接单 (resolve-7d)', () => {
    expect(clockOf(req(TAKEN.slice(0, 3)), t('05-11T12:00'))).toMatchObject({ stage: 'respond', ruleId: 'respond-24h', dueAt: t('05-12T10:00') });
    expect(clockOf(req(TAKEN), t('05-11T12:00'))).toMatchObject({ stage: 'resolve', ruleId: 'resolve-7d', dueAt: t('05-18T11:00') });
  });
  it('counts 咨询 in working days (resolve-consult-help-3wd)', () => {
    expect(clockOf(req(TAKEN, { kind: 'consult' }), t('05-11T12:00'))).toMatchObject({ dueAt: t('05-14T11:00') });
  });
  it('pauses while 待补充材料 and resumes after (pausedStates)', () => {
    const paused = [...TAKEN, ev('05-12T11:00', 'request_info', 'awaiting_info')];
    expect(clockOf(req(paused), t('05-13T11:00'))).toMatchObject({ status: 'paused', dueAt: null, pausedSince: t('05-12T11:00'), remainingMs: 6 * D });
    const resumed = [...paused, ev('05-14T11:00', 'supply_info', 'in_progress')];
    expect(clockOf(req(resumed), t('05-14T12:00'))).toMatchObject({ status: 'running', dueAt: t('05-20T11:00') });
  });
  it('lengthens 办理 by an extension (extension-once-7d)', () => {
    const extended = [...TAKEN, ev('05-15T09:00', 'extend', 'in_progress')];
    expect(clockOf(req(extended), t('05-15T10:00'))).toMatchObject({ dueAt: t('05-25T11:00'), extensions: 1 });
  });
  it('keeps the clock through 改派 and 退单: the stage began at its first entry', () => {
    const reassigned = [...TAKEN.slice(0, 3), ev('05-12T09:00', 'reassign', 'dispatched')];
    expect(clockOf(req(reassigned), t('05-12T09:30'))).toMatchObject({ stage: 'respond', startedAt: t('05-11T10:00'), dueAt: t('05-12T10:00') });
    const returned = [...TAKEN, ev('05-11T15:00', 'return', 'accepted'), ev('05-11T16:00', 'dispatch', 'dispatched'), ev('05-12T09:00', 'take', 'in_progress')];
    expect(clockOf(req(returned), t('05-12T09:30'))).toMatchObject({ stage: 'resolve', startedAt: t('05-11T11:00'), dueAt: t('05-18T11:00') });
  });
  it('restarts the stage at the new level on 提级, with that level’s limit (respond-joint-30min)', () => {
    const up = [...TAKEN, ev('05-12T12:00', 'escalate', 'accepted', 'street')];
    expect(clockOf(req(up), t('05-12T13:00'))).toMatchObject({ stage: 'respond', level: 'street', startedAt: t('05-12T12:00'), dueAt: t('05-13T12:00') });
    const whistle = [...up, ev('05-12T14:00', 'escalate', 'accepted', 'joint')];
    expect(clockOf(req(whistle), t('05-12T14:10'))).toMatchObject({ level: 'joint', ruleId: 'respond-joint-30min', dueAt: t('05-12T14:30') });
  });
  it('restarts 办理 on 重办', () => {
    const redo = [...TAKEN, ev('05-13T10:00', 'resolve', 'resolved'), ev('05-14T09:00', 'reopen', 'in_progress')];
    expect(clockOf(req(redo), t('05-14T10:00'))).toMatchObject({ stage: 'resolve', startedAt: t('05-14T09:00'), dueAt: t('05-21T09:00') });
    expect(reopenCount(redo)).toBe(1);
  });
  it('runs no clock once closed, rejected or withdrawn', () => {
    expect(clockOf(req([SUBMIT, ev('05-11T09:30', 'reject', 'rejected')]), t('05-12T09:00'))).toBeNull();
    expect(clockOf(req([SUBMIT, ev('05-11T09:30', 'withdraw', 'withdrawn')]), t('05-12T09:00'))).toBeNull();
  });
});

describe('rule auto-close-7d: a resolution nobody rates', () => {
  const resolved = [...TAKEN, ev('05-13T10:00', 'resolve', 'resolved')];
  it('waits 7 days after 办结, then answers the marked auto-close', () => {
    expect(clockOf(req(resolved), t('05-14T10:00'))).toMatchObject({ stage: 'rate', ruleId: 'auto-close-7d', dueAt: t('05-20T10:00') });
    expect(autoCloseOf(req(resolved), t('05-20T10:00'))).toBeNull();
    expect(autoCloseOf(req(resolved), t('05-20T10:01'))).toEqual({ action: 'auto_close', dueAt: t('05-20T10:00'), reason: '办结后超时未评价，系统自动关闭' });
    expect(serviceTransition('resolved', 'auto_close', { role: 'system' })).toMatchObject({ ok: true, to: 'closed' });
  });
  it('does nothing once rated (closed)', () => {
    expect(autoCloseOf(req([...resolved, ev('05-14T10:00', 'rate', 'closed')]), t('05-30T10:00'))).toBeNull();
  });
});

describe('rule extension-once-7d: 延期 before expiry, once', () => {
  it('allows it while 办理 runs, refuses it a second time, after expiry, or outside 办理', () => {
    expect(extensionRefusal(req(TAKEN), t('05-15T10:00'))).toBeNull();
    expect(extensionRefusal(req([...TAKEN, ev('05-15T09:00', 'extend', 'in_progress')]), t('05-15T10:00'))).toBe('已延期1次，不能再延期');
    expect(extensionRefusal(req(TAKEN), t('05-19T09:00'))).toBe('办理时限已于2026-05-18 11:00到期，延期须在到期前申请');
    expect(extensionRefusal(req([SUBMIT]), t('05-11T09:30'))).toBe('诉求不在办理阶段，不能延期');
  });
});

describe('rules accept-thresholds / respond-thresholds / resolve-thresholds: escalationOf', () => {
  const at = (local: string, events: ServiceRequestEvent[] = [SUBMIT], opts = {}) => escalationOf(req(events), t(local), opts);
  it('urges once before the due time (urgeBefore 30 min of 受理 due 11:00)', () => {
    expect(at('05-11T10:29')).toBeNull();
    expect(at('05-11T10:30')).toMatchObject({ action: 'urge', why: 'due_soon', stage: 'accept', reason: '受理即将到期，提醒办理' });
    expect(at('05-11T10:45', [SUBMIT, ev('05-11T10:30', 'urge', 'submitted')])).toBeNull();
  });
  it('urges once when overdue (催办 [H11])', () => {
    const reminded = [SUBMIT, ev('05-11T10:30', 'urge', 'submitted')];
    expect(at('05-11T11:00', reminded)).toMatchObject({ action: 'urge', why: 'overdue', reason: '受理已超时，催办' });
    expect(at('05-11T12:00', [...reminded, ev('05-11T11:05', 'urge', 'submitted')])).toBeNull();
  });
  it('escalates escalateAfter past due to the next level, and run twice escalates once', () => {
    const first = at('05-11T13:00');
    expect(first).toEqual({
      action: 'escalate',
      stage: 'accept',
      from: 'community',
      to: 'area',
      key: `accept@community@${t('05-11T09:00')}:escalate:area`,
      reason: '受理超时，自动提级至片区',
    });
    if (first?.action !== 'escalate') throw new Error('expected an escalation');
    expect(serviceTransition('submitted', 'escalate', { role: 'system', reason: first.reason })).toMatchObject({ ok: true, to: 'accepted' });
    const after = [SUBMIT, ev('05-11T13:00', 'escalate', 'accepted', first.to)];
    expect(at('05-11T13:00', after)).toBeNull();
    expect(at('05-11T13:05', [SUBMIT], { done: [first.key] })).toBeNull();
  });
  it('skips a level the place does not have', () => {
    expect(at('05-11T13:00', [SUBMIT], { levels: ['community', 'street', 'joint'] })).toMatchObject({ action: 'escalate', to: 'street' });
  });
  it('never escalates to 吹哨报到 by itself (autoEscalateUpTo street): urges instead', () => {
    const atStreet = [SUBMIT, ev('05-11T10:00', 'escalate', 'accepted', 'street')];
    expect(at('05-13T10:00', atStreet)).toMatchObject({ action: 'urge', why: 'overdue', stage: 'respond', level: 'street' });
  });
  it('escalates 办理 5 days past due (resolve-thresholds [H11] 通报)', () => {
    expect(escalationOf(req(TAKEN), t('05-23T10:59'))).toMatchObject({ action: 'urge', why: 'overdue', stage: 'resolve' });
    expect(escalationOf(req(TAKEN), t('05-23T11:00'))).toMatchObject({ action: 'escalate', stage: 'resolve', to: 'area', reason: '办理超时，自动提级至片区' });
  });
  it('does nothing while paused, in 评价, or after closing', () => {
    const waiting = [...TAKEN, ev('05-12T11:00', 'request_info', 'awaiting_info')];
    expect(escalationOf(req(waiting), t('06-30T11:00'))).toBeNull();
    const resolved = [...TAKEN, ev('05-13T10:00', 'resolve', 'resolved')];
    expect(escalationOf(req(resolved), t('06-30T11:00'))).toBeNull();
    expect(escalationOf(req([...resolved, ev('05-13T11:00', 'rate', 'closed')]), t('06-30T11:00'))).toBeNull();
  });
});

describe('rule reopen-max-2: satisfactionOutcome', () => {
  it('closes on 满意 and 基本满意 (counted satisfied) and reopens on 不满意 as 重办', () => {
    expect(satisfactionOutcome('satisfied')).toEqual({ outcome: 'close', action: 'rate', satisfied: true });
    expect(satisfactionOutcome('basically_satisfied')).toEqual({ outcome: 'close', action: 'rate', satisfied: true });
    expect(satisfactionOutcome('unsatisfied')).toEqual({ outcome: 'reopen', action: 'reopen', redo: 1 });
    expect(satisfactionOutcome('unsatisfied', 1)).toEqual({ outcome: 'reopen', action: 'reopen', redo: 2 });
  });
  it('closes a third 不满意, counted unsatisfied', () => {
    expect(satisfactionOutcome('unsatisfied', 2)).toEqual({ outcome: 'close', action: 'rate', satisfied: false });
  });
});
