import { Type, type Static } from '@sinclair/typebox';
import { Id, PageNumber, pageSizeField, Timestamp } from './common.ts';

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/**
 * Kinds of 待办, named by the source that derives them (`<module>.<what>`). Each is a query over its
 * module's own data at read time, never a stored copy.
 */
export const TODO_SOURCES = [
  'org.term',
  'org.setup',
  'transfer.letter',
  'floating.six_months',
  'floating.cert_expired',
  'floating.pending',
  'member.lost_contact',
  'appraisal.disposition',
  'hardship.visit',
  'training.shortfall',
  'meeting.not_held',
  'meeting.record_due',
  'meeting.returned',
  'meeting.review',
  'meeting.notice',
  'compliance.due',
  'wish.review',
  'wish.confirm',
  'wish.overdue',
  'service.pending',
  'service.orders',
  'dues.arrears',
  'dues.lapse',
  'development.due',
  'development.overdue',
  'keytask.claim',
  'keytask.milestone',
  'keytask.lagging',
  'keytask.decision',
  'keytask.acceptance',
  'directive.receive',
  'directive.overdue',
  'directive.extension',
  'regional.need',
  'regional.consent',
  'regional.project',
  'regional.rate',
  'cobuild.expiring',
  'cobuild.confirm',
  'cobuild.overdue',
  'venue.area',
  'regionmeet.followup',
  'regionmeet.minutes',
  'regionmeet.report',
  'regionmeet.my_report',
  'regionmeet.rating',
] as const;
export type TodoSourceId = (typeof TODO_SOURCES)[number];
export const todoSourceLabel: Record<TodoSourceId, string> = {
  'org.term': '换届提醒',
  'org.setup': '组织设置预警',
  'transfer.letter': '介绍信逾期未回执',
  'floating.six_months': '流动满六个月应转接',
  'floating.cert_expired': '流动党员活动证过期',
  'floating.pending': '流动党员待登记核实',
  'member.lost_contact': '失联党员待处置',
  'appraisal.disposition': '限期改正到期',
  'hardship.visit': '困难党员走访逾期',
  'training.shortfall': '培训学时未达标',
  'meeting.not_held': '会议逾期未召开',
  'meeting.record_due': '会议记录待提交',
  'meeting.returned': '会议记录被退回',
  'meeting.review': '会议记录待审核',
  'meeting.notice': '会议通知',
  'compliance.due': '组织生活待开展',
  'wish.review': '微心愿待审核',
  'wish.confirm': '微心愿待确认',
  'wish.overdue': '微心愿逾期未完成',
  'service.pending': '群众诉求待受理派单',
  'service.orders': '群众诉求待接单办理',
  'dues.arrears': '党费欠交',
  'dues.lapse': '连续六个月未交党费',
  'development.due': '发展党员时限',
  'development.overdue': '发展党员逾期（下级）',
  'keytask.claim': '揭榜认领待确认',
  'keytask.milestone': '重点任务节点到期',
  'keytask.lagging': '重点任务滞后',
  'keytask.decision': '调度会决定待落实',
  'keytask.acceptance': '重点任务待验收',
  'directive.receive': '下发任务待签收办理',
  'directive.overdue': '下发任务逾期（下级）',
  'directive.extension': '下发任务延期申请',
  'regional.need': '区域化党建需求待对接',
  'regional.consent': '共建项目待单位确认',
  'regional.project': '共建项目逾期未完成',
  'regional.rate': '共建项目待评价',
  'cobuild.expiring': '结对共建协议即将到期',
  'cobuild.confirm': '结对共建协议待确认',
  'cobuild.overdue': '共建承诺逾期未完成',
  'venue.area': '社区阵地面积不足',
  'regionmeet.followup': '联席会议落实事项到期',
  'regionmeet.minutes': '联席会议纪要待提交',
  'regionmeet.report': '双报告待确认',
  'regionmeet.my_report': '本人双报告待确认',
  'regionmeet.rating': '双向评价待评价单位',
};

/**
 * Kinds of work the sources belong to: the 工作台's cards and the list's `kind` filter. A new
 * module's source names one of these (or adds its own here), and the summary offers exactly the
 * kinds of the sources registered and visible to the account.
 */
export const TODO_KINDS = [
  'term',
  'setup',
  'transfer',
  'floating',
  'lost_contact',
  'hardship',
  'appraisal',
  'training',
  'meeting',
  'wish',
  'service',
  'dues',
  'development',
  'keytask',
  'directive',
  'regional',
] as const;
export type TodoKindId = (typeof TODO_KINDS)[number];
export const todoKindLabel: Record<TodoKindId, string> = {
  term: '换届',
  setup: '组织设置',
  transfer: '转接',
  floating: '流动',
  lost_contact: '失联',
  hardship: '帮扶',
  appraisal: '评议',
  training: '培训',
  meeting: '三会一课',
  wish: '微心愿',
  service: '群众诉求',
  dues: '党费',
  development: '发展党员',
  keytask: '重点任务',
  directive: '任务督办',
  regional: '区域化党建',
};
/** The kind of each source. */
export const todoSourceKind: Record<TodoSourceId, TodoKindId> = {
  'org.term': 'term',
  'org.setup': 'setup',
  'transfer.letter': 'transfer',
  'floating.six_months': 'floating',
  'floating.cert_expired': 'floating',
  'floating.pending': 'floating',
  'member.lost_contact': 'lost_contact',
  'appraisal.disposition': 'appraisal',
  'hardship.visit': 'hardship',
  'training.shortfall': 'training',
  'meeting.not_held': 'meeting',
  'meeting.record_due': 'meeting',
  'meeting.returned': 'meeting',
  'meeting.review': 'meeting',
  'meeting.notice': 'meeting',
  'compliance.due': 'meeting',
  'wish.review': 'wish',
  'wish.confirm': 'wish',
  'wish.overdue': 'wish',
  'service.pending': 'service',
  'service.orders': 'service',
  'dues.arrears': 'dues',
  'dues.lapse': 'dues',
  'development.due': 'development',
  'development.overdue': 'development',
  'keytask.claim': 'keytask',
  'keytask.milestone': 'keytask',
  'keytask.lagging': 'keytask',
  'keytask.decision': 'keytask',
  'keytask.acceptance': 'keytask',
  'directive.receive': 'directive',
  'directive.overdue': 'directive',
  'directive.extension': 'directive',
  'regional.need': 'regional',
  'regional.consent': 'regional',
  'regional.project': 'regional',
  'regional.rate': 'regional',
  'cobuild.expiring': 'regional',
  'cobuild.confirm': 'regional',
  'cobuild.overdue': 'regional',
  'venue.area': 'regional',
  'regionmeet.followup': 'regional',
  'regionmeet.minutes': 'regional',
  'regionmeet.report': 'regional',
  'regionmeet.my_report': 'regional',
  'regionmeet.rating': 'regional',
};

/**
 * What a 待办 is: `deadline` — work with a due date (换届 届满, 介绍信 回执, 限期改正 …);
 * `warning` — a standing finding without any due date (组织设置预警, 未录入届次, a registration
 * waiting for the other side). A warning is never counted as overdue or due soon.
 */
export const TODO_NATURES = ['deadline', 'warning'] as const;
export type TodoNature = (typeof TODO_NATURES)[number];
export const todoNatureLabel: Record<TodoNature, string> = { deadline: '限期事项', warning: '预警提示' };

/**
 * How pressing a 待办 is (its tag), in the list's order. Deadlines: `overdue` (已逾期: the due date is
 * past), `due_soon` (即将到期: within the source's window, today included), `open` (待办: a due date
 * beyond the window). Warnings, `dueDate` null: `alert` (预警: a rule the organization breaks) and
 * `incomplete` (待完善: a record to enter or a step to take).
 */
export const TODO_SEVERITIES = ['overdue', 'due_soon', 'open', 'alert', 'incomplete'] as const;
export type TodoSeverity = (typeof TODO_SEVERITIES)[number];
export const todoSeverityLabel: Record<TodoSeverity, string> = { overdue: '已逾期', due_soon: '即将到期', open: '待办', alert: '预警', incomplete: '待完善' };
/** The nature of each severity: a due date makes a deadline, none a warning. */
export const todoSeverityNature: Record<TodoSeverity, TodoNature> = {
  overdue: 'deadline',
  due_soon: 'deadline',
  open: 'deadline',
  alert: 'warning',
  incomplete: 'warning',
};
/** The severities of a nature, in the list's order. */
export const todoSeveritiesOf = (nature: TodoNature): TodoSeverity[] => TODO_SEVERITIES.filter((s) => todoSeverityNature[s] === nature);
/** A severity's tag colour (antd): red and orange only for deadlines, never for a warning. */
export const todoSeverityColor: Record<TodoSeverity, string> = { overdue: 'red', due_soon: 'orange', open: 'blue', alert: 'gold', incomplete: 'default' };

/** Longest keyword of the 待办 search. */
export const TODO_Q_MAX = 30;

/** A 待办: derived from a module's data at read time, never stored. */
export const Todo = Type.Object({
  /** Stable key: `<source>:<record id>[:<part>]`, unique in the list. */
  key: Type.String(),
  /** Kind of to-do (TODO_SOURCES). */
  source: Type.String(),
  /** What to do, naming the organization or member, in Chinese. */
  title: Type.String(),
  /** Why and how, in Chinese. */
  detail: Type.String(),
  /** The organization responsible for it. */
  orgId: Type.Union([Id, Type.Null()]),
  /** The day it is due (YYYY-MM-DD); null exactly for a warning. */
  dueDate: Type.Union([Type.String(), Type.Null()]),
  /** deadline (with a due date) or warning (without one): TODO_NATURES. */
  nature: Enum(TODO_NATURES, '性质'),
  /** Its tag (TODO_SEVERITIES), always of its nature (todoSeverityNature). */
  severity: Enum(TODO_SEVERITIES, '紧急程度'),
  /** Web route that opens the record. */
  link: Type.String(),
});
export type Todo = Static<typeof Todo>;

/**
 * Which 待办 to list (or count): always within the account's scope, further narrowed by each filter
 * given. Pages are ordered by severity (TODO_SEVERITIES order), then due date (earliest
 * first), then key: a stable order, so consecutive pages neither overlap nor skip.
 */
export const TodoQuery = Type.Object({
  /** Page number. */
  page: PageNumber,
  /** Page size (default 20). */
  pageSize: pageSizeField(20),
  /** Only this kind (TODO_SOURCES). */
  source: Type.Optional(Enum(TODO_SOURCES, '待办类别')),
  /** Only the sources of this kind (TODO_KINDS). */
  kind: Type.Optional(Enum(TODO_KINDS, '事项类型')),
  /** Only deadlines or only warnings. */
  nature: Type.Optional(Enum(TODO_NATURES, '性质')),
  /** Only this severity. */
  severity: Type.Optional(Enum(TODO_SEVERITIES, '紧急程度')),
  /** Only the to-dos in the subtree of this direct child organization of the account's own. */
  childOrgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '下级组织' })),
  /** Only to-dos whose organization or member name contains this text. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: TODO_Q_MAX, description: '组织或党员名称关键字' })),
});
export type TodoQuery = Static<typeof TodoQuery>;

/** One page of the 待办 list. */
export const TodoPage = Type.Object({
  /** The page's to-dos, in the list's order. */
  items: Type.Array(Todo),
  /** All to-dos matching the query (every page together). */
  total: Type.Integer({ minimum: 0 }),
});
export type TodoPage = Static<typeof TodoPage>;

/**
 * To-dos counted by nature and severity, kept apart: `deadline` = overdue + dueSoon + open,
 * `warning` = alert + incomplete, `total` = deadline + warning.
 */
export const TodoCounts = Type.Object({
  /** All of them. */
  total: Type.Integer({ minimum: 0 }),
  /** With a due date. */
  deadline: Type.Integer({ minimum: 0 }),
  /** Past their due date. */
  overdue: Type.Integer({ minimum: 0 }),
  /** Due within their source's window. */
  dueSoon: Type.Integer({ minimum: 0 }),
  /** Due later. */
  open: Type.Integer({ minimum: 0 }),
  /** Without a due date. */
  warning: Type.Integer({ minimum: 0 }),
  /** Rules broken (组织设置预警). */
  alert: Type.Integer({ minimum: 0 }),
  /** Records to complete or steps to take (未录入届次, registrations waiting). */
  incomplete: Type.Integer({ minimum: 0 }),
});
export type TodoCounts = Static<typeof TodoCounts>;
/** The field of TodoCounts each severity is counted in. */
export const todoCountField: Record<TodoSeverity, 'overdue' | 'dueSoon' | 'open' | 'alert' | 'incomplete'> = {
  overdue: 'overdue',
  due_soon: 'dueSoon',
  open: 'open',
  alert: 'alert',
  incomplete: 'incomplete',
};

/** Counts of nothing. */
export const emptyTodoCounts = (): TodoCounts => ({ total: 0, deadline: 0, overdue: 0, dueSoon: 0, open: 0, warning: 0, alert: 0, incomplete: 0 });
/** Adds `n` to-dos of `severity` to `c`: to its field, its nature's subtotal and the total. */
export function addTodoCount(c: TodoCounts, severity: TodoSeverity, n: number): TodoCounts {
  c[todoCountField[severity]] += n;
  c[todoSeverityNature[severity]] += n;
  c.total += n;
  return c;
}

/** The counts of one kind of work (TODO_KINDS) and the sources it gathers. */
export const TodoKindCounts = Type.Object({
  /** The kind (filter the list with `kind`). */
  kind: Enum(TODO_KINDS, '事项类型'),
  /** Its Chinese name. */
  label: Type.String(),
  /** Its to-dos by nature and severity. */
  counts: TodoCounts,
});
export type TodoKindCounts = Static<typeof TodoKindCounts>;

/** The counts of one kind of to-do. */
export const TodoSourceCounts = Type.Object({
  /** Kind of to-do (TODO_SOURCES). */
  source: Enum(TODO_SOURCES, '待办类别'),
  /** Its Chinese name. */
  label: Type.String(),
  /** Its kind. */
  kind: Enum(TODO_KINDS, '事项类型'),
  /** Its to-dos by nature and severity. */
  counts: TodoCounts,
});
export type TodoSourceCounts = Static<typeof TodoSourceCounts>;

/** The counts of one direct child organization's subtree. */
export const TodoChildCounts = Type.Object({
  /** The child organization (filter the list with `childOrgId`). */
  orgId: Id,
  /** Its name. */
  orgName: Type.String(),
  /** To-dos of its whole subtree, by nature and severity. */
  counts: TodoCounts,
  /** The same by kind: every kind of the summary's `byKind`, in that order. */
  byKind: Type.Array(TodoKindCounts),
});
export type TodoChildCounts = Static<typeof TodoChildCounts>;

/**
 * The 工作台's figures for the account's whole scope: every to-do is
 * counted once in `counts`, once under its source and its kind, and either under the direct child organization
 * whose subtree holds it or under `own` (the account's own organization). So the kinds sum to
 * `counts`, and the children plus `own` sum to `counts` too (per kind as well).
 */
export const TodoSummary = Type.Object({
  /** Every to-do in scope, by nature and severity (the unfiltered list's `total`). */
  counts: TodoCounts,
  /** By source, every source the account may see (zeros included), in TODO_SOURCES order. */
  bySource: Type.Array(TodoSourceCounts),
  /** By kind, every kind of those sources (zeros included), in TODO_KINDS order. */
  byKind: Type.Array(TodoKindCounts),
  /** The to-dos of the account's own organization itself (not of a child's subtree). */
  own: TodoCounts,
  /** The same by kind. */
  ownByKind: Type.Array(TodoKindCounts),
  /** By direct child organization: every active child (zeros included) and any other child holding to-dos, most overdue first. */
  byChild: Type.Array(TodoChildCounts),
});
export type TodoSummary = Static<typeof TodoSummary>;

export const Notification = Type.Object({
  id: Id,
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});
export type Notification = Static<typeof Notification>;
