import type { WorkflowDefinition } from './workflow.ts';

/**
 * The citizen-service closed loop (群众诉求: 点单 → 派单 → 接单 → 评单), as data (domain-rules §8; keys
 * in [] point to its §S sources). Issue 10's foundation: kinds, the workflow, satisfaction, the four
 * levels, and the default time limits with the working calendar they are counted on.
 * Sources:
 * - [H1][H2] 国办 2020 意见: loop 受理 → 派单 → 办理 → 答复 → 督办 → 办结 → 回访 → 评价; types 咨询/投诉/建议/求助.
 * - [H5][H6][H7] 北京《接诉即办工作条例》: adds 举报; 首接负责; 街乡 as the hub; 三率 (响应/解决/满意); 回访.
 * - [H4] 北京 12345 standard (2021 draft): intake ≤2 h, risk feedback ≤2 h, 水电气热 ≤24 h, general ≤7 days,
 *   complex ≤15 days. Final values UNCONFIRMED.
 * - [H11] an agency's limits: urgent same day, 咨询/求助 ≤3 working days, extension before expiry,
 *   overdue → 催办, +5 days → 通报, 回访, 不满意 (subjective fault) → 重办.
 * - [H8][H9] 吹哨报到: the 街乡 whistles, departments report (on site ≤30 min).
 * - [H10] 点单/派单/接单/评单 practice: reject with reason, re-dispatch back to the pool, rate at the end.
 * Who takes each step is Jiceng's design (issue 10), not a regulation.
 */

export const SERVICE_REQUEST_KINDS = ['consult', 'help', 'complaint', 'suggestion', 'report'] as const;
export type ServiceRequestKind = (typeof SERVICE_REQUEST_KINDS)[number];
export const serviceRequestKindLabel: Record<ServiceRequestKind, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  suggestion: '建议',
  report: '举报',
};

/** 办理类别: decides the time limits with the kind and the level. */
export const SERVICE_COMPLEXITIES = ['urgent', 'general', 'complex'] as const;
export type ServiceComplexity = (typeof SERVICE_COMPLEXITIES)[number];
export const serviceComplexityLabel: Record<ServiceComplexity, string> = { urgent: '紧急', general: '一般', complex: '复杂' };

/** 四级: 村居 → 片区 → 乡镇街道 → 跨级联合 (吹哨报到, departments report to the street) [H8][H9]. */
export const SERVICE_LEVELS = ['community', 'area', 'street', 'joint'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];
export const serviceLevelLabel: Record<ServiceLevel, string> = {
  community: '村（社区）',
  area: '片区',
  street: '乡镇（街道）',
  joint: '跨级联合（吹哨报到）',
};

/** Who an order is dispatched to (派单对象); all of them act as the workflow's `assignee`. */
export const SERVICE_ASSIGNEE_TYPES = ['grid', 'member', 'team', 'department'] as const;
export type ServiceAssigneeType = (typeof SERVICE_ASSIGNEE_TYPES)[number];
export const serviceAssigneeTypeLabel: Record<ServiceAssigneeType, string> = {
  grid: '网格',
  member: '党员',
  team: '志愿服务队',
  department: '职能部门',
};

export type ServiceRequestState = 'submitted' | 'accepted' | 'rejected' | 'dispatched' | 'in_progress' | 'awaiting_info' | 'resolved' | 'closed' | 'withdrawn';
export type ServiceRequestAction =
  | 'accept'
  | 'reject'
  | 'dispatch'
  | 'take'
  | 'return'
  | 'reassign'
  | 'request_info'
  | 'supply_info'
  | 'resolve'
  | 'rate'
  | 'reopen'
  | 'auto_close'
  | 'follow_up'
  | 'extend'
  | 'urge'
  | 'escalate'
  | 'withdraw';
/**
 * The resident; the grid worker (网格员, may act for a resident who does not use the app); the desk of
 * each level (村居, 片区, 乡镇街道 — the joint level's desk is the street, which whistles [H8]); whoever
 * holds the order (assignee: a grid, a member, a team, a department); the platform's own jobs (system).
 * Which level's desk may act on a request is the server's check (the request's current level).
 */
export type ServiceRequestRole = 'resident' | 'grid_worker' | 'community' | 'area' | 'street' | 'assignee' | 'system';

const DESKS = ['community', 'area', 'street'] as const;

/**
 * The workflow. A returned order (退单) goes back to the desk's pool, 受理 kept; 改派 hands it to
 * another assignee; escalation (提级) moves it to the next level's desk as 已受理, to be dispatched
 * there; 不满意 reopens it to the same assignee (重办); a resolution nobody rates is closed by the
 * system after the rule set's time (超时未评价自动关闭, the action marks it). 回访 and 催办 are
 * recorded without moving the state; 延期 likewise (it lengthens the stage's limit).
 */
export const SERVICE_REQUEST_WORKFLOW: WorkflowDefinition<ServiceRequestState, ServiceRequestAction, ServiceRequestRole> = {
  id: 'service-request-workflow-2026',
  subjectLabel: '诉求',
  states: ['submitted', 'accepted', 'rejected', 'dispatched', 'in_progress', 'awaiting_info', 'resolved', 'closed', 'withdrawn'],
  stateLabel: {
    submitted: '待受理',
    accepted: '已受理',
    rejected: '不予受理',
    dispatched: '已派单',
    in_progress: '办理中',
    awaiting_info: '待补充材料',
    resolved: '已办结',
    closed: '已关闭',
    withdrawn: '已撤销',
  },
  initial: 'submitted',
  final: ['rejected', 'closed', 'withdrawn'],
  actionLabel: {
    accept: '受理',
    reject: '不予受理',
    dispatch: '派单',
    take: '接单',
    return: '退单',
    reassign: '改派',
    request_info: '要求补充材料',
    supply_info: '补充材料',
    resolve: '办结',
    rate: '评价',
    reopen: '重办',
    auto_close: '超时未评价自动关闭',
    follow_up: '回访',
    extend: '延期',
    urge: '催办',
    escalate: '提级',
    withdraw: '撤销',
  },
  roleLabel: {
    resident: '居民',
    grid_worker: '网格员',
    community: '村（社区）',
    area: '片区',
    street: '乡镇（街道）',
    assignee: '承办方',
    system: '系统',
  },
  transitions: [
    { action: 'accept', from: ['submitted'], to: 'accepted', roles: DESKS, reasonRequired: false },
    { action: 'reject', from: ['submitted'], to: 'rejected', roles: DESKS, reasonRequired: true },
    { action: 'dispatch', from: ['accepted'], to: 'dispatched', roles: DESKS, reasonRequired: false },
    { action: 'take', from: ['dispatched'], to: 'in_progress', roles: ['assignee'], reasonRequired: false },
    { action: 'return', from: ['dispatched', 'in_progress'], to: 'accepted', roles: ['assignee'], reasonRequired: true },
    { action: 'reassign', from: ['dispatched', 'in_progress'], to: 'dispatched', roles: DESKS, reasonRequired: true },
    { action: 'request_info', from: ['in_progress'], to: 'awaiting_info', roles: ['assignee'], reasonRequired: true },
    { action: 'supply_info', from: ['awaiting_info'], to: 'in_progress', roles: ['resident', 'grid_worker', 'assignee'], reasonRequired: false },
    { action: 'resolve', from: ['in_progress'], to: 'resolved', roles: ['assignee'], reasonRequired: false },
    // A desk's rating is the record of a 回访 call (what the resident said); never by the assignee.
    { action: 'rate', from: ['resolved'], to: 'closed', roles: ['resident', ...DESKS], reasonRequired: false },
    { action: 'reopen', from: ['resolved'], to: 'in_progress', roles: ['resident', ...DESKS], reasonRequired: true },
    { action: 'auto_close', from: ['resolved'], to: 'closed', roles: ['system'], reasonRequired: false },
    { action: 'follow_up', from: ['resolved'], to: 'resolved', roles: ['grid_worker', ...DESKS], reasonRequired: false },
    { action: 'extend', from: ['in_progress'], to: 'in_progress', roles: ['assignee', ...DESKS], reasonRequired: true },
    { action: 'urge', from: ['submitted'], to: 'submitted', roles: [...DESKS, 'system'], reasonRequired: false },
    { action: 'urge', from: ['accepted'], to: 'accepted', roles: [...DESKS, 'system'], reasonRequired: false },
    { action: 'urge', from: ['dispatched'], to: 'dispatched', roles: [...DESKS, 'system'], reasonRequired: false },
    { action: 'urge', from: ['in_progress'], to: 'in_progress', roles: [...DESKS, 'system'], reasonRequired: false },
    { action: 'escalate', from: ['submitted', 'accepted', 'dispatched', 'in_progress'], to: 'accepted', roles: [...DESKS, 'system'], reasonRequired: true },
    { action: 'withdraw', from: ['submitted', 'accepted', 'dispatched'], to: 'withdrawn', roles: ['resident'], reasonRequired: false },
  ],
};

/** 评单 levels [H5] (满意率 of 三率): 满意 and 基本满意 count as satisfied; 不满意 reopens (重办) [H11]. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
export const satisfactionLabel: Record<SatisfactionLevel, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };
export const SATISFACTION_RULES: Record<SatisfactionLevel, { countsSatisfied: boolean; reopens: boolean }> = {
  satisfied: { countsSatisfied: true, reopens: false },
  basically_satisfied: { countsSatisfied: true, reopens: false },
  unsatisfied: { countsSatisfied: false, reopens: true },
};

/**
 * The clock's stages: 受理 while 待受理, 响应 from 受理 until an assignee takes the order, 办理 until
 * 办结, 评价 (the auto-close wait) while 已办结.
 */
export type ServiceStage = 'accept' | 'respond' | 'resolve' | 'rate';
export const serviceStageLabel: Record<ServiceStage, string> = { accept: '受理', respond: '响应', resolve: '办理', rate: '评价' };
export const SERVICE_STAGE_OF_STATE: Record<ServiceRequestState, ServiceStage | null> = {
  submitted: 'accept',
  accepted: 'respond',
  dispatched: 'respond',
  in_progress: 'resolve',
  awaiting_info: 'resolve',
  resolved: 'rate',
  rejected: null,
  closed: null,
  withdrawn: null,
};

/** Calendar time (自然时间) runs always; working time (工作时间) only in the calendar's working periods. */
export type TimeBasis = 'calendar' | 'working';
export type DurationUnit = 'minute' | 'hour' | 'day';
/** A working day is the length of the calendar's working periods (7.5 h by default). */
export interface ServiceDuration {
  amount: number;
  unit: DurationUnit;
  basis: TimeBasis;
}

interface Sourced {
  /** Stable id, named by the tests. */
  id: string;
  source: string;
  /** Local practice, not the text of a regulation. */
  practice: boolean;
  /** Not verified in a retrievable source (domain-rules marks it UNCONFIRMED), or Jiceng's own number. */
  unconfirmed: boolean;
}

/** One limit; the conditions left out match everything. The matching rule with most conditions wins, ties by order. */
export interface ServiceTimeLimitRule extends Sourced {
  stage: Exclude<ServiceStage, 'rate'>;
  kinds?: readonly ServiceRequestKind[];
  complexities?: readonly ServiceComplexity[];
  /** 事项类别 codes of the locality's catalogue (水电气热 …). */
  categories?: readonly string[];
  levels?: readonly ServiceLevel[];
  limit: ServiceDuration;
}

/** Relative to a stage's due time, in calendar time: an urge that much before it, escalation that much after it. */
export interface ServiceThreshold extends Sourced {
  urgeBefore: { amount: number; unit: DurationUnit };
  escalateAfter: { amount: number; unit: DurationUnit };
}

export interface ServiceTimeLimitRuleSet {
  id: string;
  effectiveFrom: string;
  limits: readonly ServiceTimeLimitRule[];
  thresholds: Record<Exclude<ServiceStage, 'rate'>, ServiceThreshold>;
  /** 已办结 without a rating this long → closed by the system, marked 超时未评价自动关闭. */
  autoClose: Sourced & { after: ServiceDuration };
  /** Each 延期 adds `add` to the 办理 limit, in that limit's basis; at most `max` times, only before expiry [H11]. */
  extension: Sourced & { add: { amount: number; unit: DurationUnit }; max: number };
  /** The clock stops while the request is in these states (waiting for the resident) and resumes after. */
  pausedStates: readonly ServiceRequestState[];
  /** Automatic escalation goes no higher: 吹哨报到 is the street's decision [H8]. */
  autoEscalateUpTo: ServiceLevel;
  /** 不满意 reopens at most this many times; after that a 不满意 rating closes the request (for 督办 outside the loop). */
  maxReopens: Sourced & { count: number };
}

const cal = (amount: number, unit: DurationUnit): ServiceDuration => ({ amount, unit, basis: 'calendar' });
const JICENG = 'Jiceng 默认值（来源未给出数值）';

export const SERVICE_TIME_LIMITS_2026: ServiceTimeLimitRuleSet = {
  id: 'service-time-limits-2026',
  effectiveFrom: '2026-01-01',
  limits: [
    {
      id: 'accept-2h',
      stage: 'accept',
      limit: cal(2, 'hour'),
      source: '[H4] 网上受理2小时内（2021征求意见稿，终稿数值UNCONFIRMED）',
      practice: false,
      unconfirmed: true,
    },
    {
      id: 'respond-joint-30min',
      stage: 'respond',
      levels: ['joint'],
      limit: cal(30, 'minute'),
      source: '[H8][H9] 吹哨报到：部门接哨后30分钟内到场（平谷原始规定）',
      practice: true,
      unconfirmed: false,
    },
    {
      id: 'respond-urgent-2h',
      stage: 'respond',
      complexities: ['urgent'],
      limit: cal(2, 'hour'),
      source: '[H4] 涉及生命财产安全的诉求2小时内反馈（终稿数值UNCONFIRMED）',
      practice: false,
      unconfirmed: true,
    },
    {
      id: 'respond-24h',
      stage: 'respond',
      limit: cal(24, 'hour'),
      source: '[H4] 水电气热类24小时内响应，推广为一般响应时限系实践做法（UNCONFIRMED）',
      practice: true,
      unconfirmed: true,
    },
    {
      id: 'resolve-urgent-1d',
      stage: 'resolve',
      complexities: ['urgent'],
      limit: cal(1, 'day'),
      source: '[H11] 紧急事项当日办结（按24小时计）',
      practice: true,
      unconfirmed: false,
    },
    {
      id: 'resolve-complex-15d',
      stage: 'resolve',
      complexities: ['complex'],
      limit: cal(15, 'day'),
      source: '[H4] 复杂诉求15日内办结（终稿数值UNCONFIRMED）',
      practice: false,
      unconfirmed: true,
    },
    {
      id: 'resolve-consult-help-3wd',
      stage: 'resolve',
      kinds: ['consult', 'help'],
      limit: { amount: 3, unit: 'day', basis: 'working' },
      source: '[H11] 咨询、求助类3个工作日内办结（某机关做法）',
      practice: true,
      unconfirmed: false,
    },
    { id: 'resolve-7d', stage: 'resolve', limit: cal(7, 'day'), source: '[H4] 一般诉求7日内办结（终稿数值UNCONFIRMED）', practice: false, unconfirmed: true },
  ],
  thresholds: {
    accept: {
      id: 'accept-thresholds',
      urgeBefore: { amount: 30, unit: 'minute' },
      escalateAfter: { amount: 2, unit: 'hour' },
      source: JICENG,
      practice: true,
      unconfirmed: true,
    },
    respond: {
      id: 'respond-thresholds',
      urgeBefore: { amount: 4, unit: 'hour' },
      escalateAfter: { amount: 24, unit: 'hour' },
      source: JICENG,
      practice: true,
      unconfirmed: true,
    },
    resolve: {
      id: 'resolve-thresholds',
      urgeBefore: { amount: 1, unit: 'day' },
      escalateAfter: { amount: 5, unit: 'day' },
      source: '[H11] 超期即催办，超期5日予以通报；Jiceng 以通报之时为提级之时，提前1日提醒为 Jiceng 默认值',
      practice: true,
      unconfirmed: false,
    },
  },
  autoClose: { id: 'auto-close-7d', after: cal(7, 'day'), source: JICENG, practice: true, unconfirmed: true },
  extension: {
    id: 'extension-once-7d',
    add: { amount: 7, unit: 'day' },
    max: 1,
    source: '[H11] 到期前申请延期并说明理由；延长7日、限1次为 Jiceng 默认值',
    practice: true,
    unconfirmed: true,
  },
  pausedStates: ['awaiting_info'],
  autoEscalateUpTo: 'street',
  maxReopens: { id: 'reopen-max-2', count: 2, source: `[H11] 不满意（主观过错）重办；次数上限为 ${JICENG}`, practice: true, unconfirmed: true },
};

/** HH:MM–HH:MM in the calendar's time zone, end after start. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** The days and hours working time runs on, as data: a locality or an organization may keep its own. */
export interface WorkingCalendar {
  id: string;
  /** Minutes east of UTC the dates and periods are in: China time, 480. */
  utcOffsetMinutes: number;
  /** ISO weekdays that work (1 = Monday … 7 = Sunday). */
  weekdays: readonly number[];
  periods: readonly WorkingPeriod[];
  /** Days off although a working weekday (法定节假日, YYYY-MM-DD). */
  holidays: readonly string[];
  /** Weekend days that work (调休上班, YYYY-MM-DD). */
  workdays: readonly string[];
  source: string;
}

/** Mon–Fri 8:30–12:00 and 13:30–17:30 (Jiceng default office hours), with the State Council's 2026 holidays. */
export const WORKING_CALENDAR_2026: WorkingCalendar = {
  id: 'working-calendar-cn-2026',
  utcOffsetMinutes: 480,
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  source:
    '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04，新华社稿，转载 saidakeji.com/show-9783.html；不在 domain-rules §S 中）；办公时间为 Jiceng 默认值，各地可配置',
};
