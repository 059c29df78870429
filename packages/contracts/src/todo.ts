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
};

/**
 * How pressing a 待办 is, in this order:
 * - `overdue`: it has a due date, and that date is past;
 * - `due_soon`: it has a due date within its source's window (换届 6 months, 限期改正 30 days …);
 * - `no_deadline`: a standing warning or a missing record without a due date (组织设置预警,
 *   未录入届次, a registration waiting for the other side). Never counted as overdue, never shown as
 *   即将到期; its `dueDate` is null.
 */
export const TODO_SEVERITIES = ['overdue', 'due_soon', 'no_deadline'] as const;
export type TodoSeverity = (typeof TODO_SEVERITIES)[number];
export const todoSeverityLabel: Record<TodoSeverity, string> = { overdue: '已逾期', due_soon: '即将到期', no_deadline: '待完善' };

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
  /** The day it is due (YYYY-MM-DD); null for `no_deadline`. */
  dueDate: Type.Union([Type.String(), Type.Null()]),
  /** overdue / due_soon / no_deadline (TODO_SEVERITIES). */
  severity: Enum(TODO_SEVERITIES, '紧急程度'),
  /** Web route that opens the record. */
  link: Type.String(),
});
export type Todo = Static<typeof Todo>;

/**
 * Which 待办 to list (or count): always within the account's scope, further narrowed by each filter
 * given. Pages are ordered by severity (overdue, due soon, no deadline), then due date (earliest
 * first), then key: a stable order, so consecutive pages neither overlap nor skip.
 */
export const TodoQuery = Type.Object({
  /** Page number. */
  page: PageNumber,
  /** Page size (default 20). */
  pageSize: pageSizeField(20),
  /** Only this kind (TODO_SOURCES). */
  source: Type.Optional(Enum(TODO_SOURCES, '待办类别')),
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

/** To-dos counted by severity; `total` is their sum. */
export const TodoCounts = Type.Object({
  /** All of them. */
  total: Type.Integer({ minimum: 0 }),
  /** Past their due date. */
  overdue: Type.Integer({ minimum: 0 }),
  /** Due within their source's window. */
  dueSoon: Type.Integer({ minimum: 0 }),
  /** Without a due date (standing warnings, missing records). */
  noDeadline: Type.Integer({ minimum: 0 }),
});
export type TodoCounts = Static<typeof TodoCounts>;

/** The counts of one kind of to-do. */
export const TodoSourceCounts = Type.Object({
  /** Kind of to-do (TODO_SOURCES). */
  source: Enum(TODO_SOURCES, '待办类别'),
  /** Its Chinese name. */
  label: Type.String(),
  /** Its to-dos by severity. */
  counts: TodoCounts,
});
export type TodoSourceCounts = Static<typeof TodoSourceCounts>;

/** The counts of one direct child organization's subtree. */
export const TodoChildCounts = Type.Object({
  /** The child organization (filter the list with `childOrgId`). */
  orgId: Id,
  /** Its name. */
  orgName: Type.String(),
  /** To-dos of its whole subtree, by severity. */
  counts: TodoCounts,
});
export type TodoChildCounts = Static<typeof TodoChildCounts>;

/**
 * The 工作台's figures for the account's whole scope: every to-do is
 * counted once in `counts`, once under its kind, and either under the direct child organization
 * whose subtree holds it or under `own` (the account's own organization). So the kinds sum to
 * `counts`, and the children plus `own` sum to `counts` too.
 */
export const TodoSummary = Type.Object({
  /** Every to-do in scope, by severity (the unfiltered list's `total`). */
  counts: TodoCounts,
  /** By kind, every kind the account may see (zeros included), in TODO_SOURCES order. */
  bySource: Type.Array(TodoSourceCounts),
  /** The to-dos of the account's own organization itself (not of a child's subtree). */
  own: TodoCounts,
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
