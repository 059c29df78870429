import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Attachment } from './attachment.ts';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { REASON_MAX } from './member.ts';
import { ORG_DOMAINS, ORG_TYPES } from './org.ts';
import { StringEnum } from './reportin.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 下发任务与督办 (issue 13): tasks and notices a committee sends down the tree, signed for, answered
 * with evidence or an extension request, reminded and closed; a recipient may pass one further down
 * to its own organizations and answer with their roll-up. Rule set directive-rules-2026 and the
 * recipients' workflow live in packages/rules (`directive.rules.ts`, `directive-workflow.ts`).
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** 任务 needs 签收 and 上报完成; 通知 only 签收 (rule directive-notice-ack). */
export const DIRECTIVE_KINDS = ['task', 'notice'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];
export const directiveKindLabel: Record<DirectiveKind, string> = { task: '任务', notice: '通知' };

export const DIRECTIVE_STATES = ['open', 'closed'] as const;
export type DirectiveState = (typeof DIRECTIVE_STATES)[number];
export const directiveStateLabel: Record<DirectiveState, string> = { open: '办理中', closed: '已关闭' };

/** A recipient's workflow state (DIRECTIVE_TARGET_WORKFLOW). */
export const DIRECTIVE_TARGET_STATES = ['sent', 'acknowledged', 'extension', 'done', 'unfinished'] as const;
export type DirectiveTargetState = (typeof DIRECTIVE_TARGET_STATES)[number];
export const directiveTargetStateLabel: Record<DirectiveTargetState, string> = {
  sent: '未签收',
  acknowledged: '已签收',
  extension: '延期申请中',
  done: '已完成',
  unfinished: '未完成',
};

/**
 * What the sender's table shows for a recipient: its state, except that an open one past its due
 * date is 逾期 (an extension request waiting stays 延期申请中: the sender has to decide it).
 */
export const DIRECTIVE_TARGET_STATUSES = ['sent', 'acknowledged', 'extension', 'overdue', 'done', 'unfinished'] as const;
export type DirectiveTargetStatus = (typeof DIRECTIVE_TARGET_STATUSES)[number];
export const directiveTargetStatusLabel: Record<DirectiveTargetStatus, string> = { ...directiveTargetStateLabel, overdue: '逾期' };

/** An extension request as recorded on the recipient. */
export const DIRECTIVE_EXTENSION_STATES = ['requested', 'granted', 'refused', 'withdrawn'] as const;
export type DirectiveExtensionState = (typeof DIRECTIVE_EXTENSION_STATES)[number];
export const directiveExtensionStateLabel: Record<DirectiveExtensionState, string> = {
  requested: '待决定',
  granted: '已同意',
  refused: '未同意',
  withdrawn: '已完成，申请作废',
};

export const DIRECTIVE_TITLE_MAX = 100;
export const DIRECTIVE_CONTENT_MAX = 4000;
export const DIRECTIVE_EVIDENCE_MAX = 1000;
export const DIRECTIVE_REPORT_MAX = 4000;
export const DIRECTIVE_NOTE_MAX = REASON_MAX;
/** Most organizations one send or forward may name (rule directive-recipients-max holds the same number). */
export const DIRECTIVE_RECIPIENTS_MAX = 500;
export const DIRECTIVE_Q_MAX = 30;

/**
 * Who receives: either the organizations chosen one by one, or every active organization of one
 * type (and domain) inside the sender's subtree, e.g. all 社区党委 of a street. Exactly one of the
 * two; every organization strictly below the sender.
 */
export const DirectiveRecipients = Type.Object({
  orgIds: Type.Optional(
    Type.Array(Type.Unsafe<string>({ ...Id, description: '接收组织' }), {
      maxItems: DIRECTIVE_RECIPIENTS_MAX,
      uniqueItems: true,
      description: '逐个选择的接收组织',
    }),
  ),
  allOfType: Type.Optional(StringEnum(ORG_TYPES, '下级中该类别的全部组织')),
  /** With `allOfType`: only those of this domain (社区、农村 …). */
  domain: Type.Optional(StringEnum(ORG_DOMAINS, '所属领域')),
});
export type DirectiveRecipients = Static<typeof DirectiveRecipients>;

export const DirectiveInput = Type.Object({
  kind: StringEnum(DIRECTIVE_KINDS, '类别'),
  title: Type.String({ minLength: 1, maxLength: DIRECTIVE_TITLE_MAX, description: '标题' }),
  content: Type.String({ minLength: 1, maxLength: DIRECTIVE_CONTENT_MAX, description: '任务内容' }),
  /** The day every recipient must have answered by (签收 for a notice). */
  dueOn: Type.Unsafe<string>({ ...DateOnly, description: '办结期限' }),
  /** What counts as done: the evidence a recipient reports with. */
  evidence: Type.Optional(Nullable(Type.String({ maxLength: DIRECTIVE_EVIDENCE_MAX, description: '完成标准及佐证要求' }))),
  /** A report needs at least one evidence file. */
  filesRequired: Type.Optional(Type.Boolean({ description: '须上传佐证材料' })),
  recipients: DirectiveRecipients,
});
export type DirectiveInput = Static<typeof DirectiveInput>;

/** 签收 (and any step that carries nothing else): the version the page showed. */
export const DirectiveStepInput = Type.Object({ version: Type.Optional(Version) });
export type DirectiveStepInput = Static<typeof DirectiveStepInput>;

export const DirectiveReportInput = Type.Object({
  report: Type.String({ minLength: 2, maxLength: DIRECTIVE_REPORT_MAX, description: '完成情况' }),
  version: Type.Optional(Version),
});
export type DirectiveReportInput = Static<typeof DirectiveReportInput>;

export const DirectiveExtensionInput = Type.Object({
  dueOn: Type.Unsafe<string>({ ...DateOnly, description: '申请延期至' }),
  reason: Type.String({ minLength: 2, maxLength: DIRECTIVE_NOTE_MAX, description: '延期原因' }),
  version: Type.Optional(Version),
});
export type DirectiveExtensionInput = Static<typeof DirectiveExtensionInput>;

export const DirectiveDecisionInput = Type.Object({
  grant: Type.Boolean({ description: '同意延期' }),
  /** Required when refusing. */
  reason: Type.Optional(Nullable(Type.String({ maxLength: DIRECTIVE_NOTE_MAX, description: '意见' }))),
  version: Type.Optional(Version),
});
export type DirectiveDecisionInput = Static<typeof DirectiveDecisionInput>;

/** 转发: the recipient passes the task to organizations below it, by a due date not after its own. */
export const DirectiveForwardInput = Type.Object({
  recipients: DirectiveRecipients,
  dueOn: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '下级办结期限（不晚于本单位期限）' })),
});
export type DirectiveForwardInput = Static<typeof DirectiveForwardInput>;

/** 催办 of the recipients chosen on the sender's page (each at most once a day). */
export const DirectiveRemindInput = Type.Object({
  targetIds: Type.Array(Type.Unsafe<string>({ ...Id, description: '接收单位' }), {
    minItems: 1,
    maxItems: DIRECTIVE_RECIPIENTS_MAX,
    uniqueItems: true,
    description: '催办的接收单位',
  }),
});
export type DirectiveRemindInput = Static<typeof DirectiveRemindInput>;

export const DirectiveRemindResult = Type.Object({
  reminded: Type.Integer({ description: '已催办' }),
  /** Recipients not reminded, with why (already today, already answered). */
  skipped: Type.Array(Type.Object({ orgName: Type.String(), reason: Type.String() })),
});
export type DirectiveRemindResult = Static<typeof DirectiveRemindResult>;

export const DirectiveCloseInput = Type.Object({
  note: Type.Optional(Nullable(Type.String({ maxLength: DIRECTIVE_NOTE_MAX, description: '关闭说明' }))),
  version: Type.Optional(Version),
});
export type DirectiveCloseInput = Static<typeof DirectiveCloseInput>;

export const DirectiveQuery = Type.Object({
  /** sent: by the account's organization and its subtree; received: to the account's organization. */
  box: StringEnum(['sent', 'received'] as const, '发出或收到'),
  state: Type.Optional(StringEnum(DIRECTIVE_STATES, '状态')),
  q: Type.Optional(Type.String({ maxLength: DIRECTIVE_Q_MAX, description: '标题关键字' })),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type DirectiveQuery = Static<typeof DirectiveQuery>;

/** The organizations a send or forward may name (for the form), strictly below the account's. */
export const DirectiveRecipientQuery = Type.Object({
  orgType: Type.Optional(StringEnum(ORG_TYPES, '组织类别')),
  domain: Type.Optional(StringEnum(ORG_DOMAINS, '所属领域')),
  q: Type.Optional(Type.String({ maxLength: DIRECTIVE_Q_MAX, description: '组织名称关键字' })),
});
export type DirectiveRecipientQuery = Static<typeof DirectiveRecipientQuery>;

export const DirectiveRecipientOrg = Type.Object({ id: Id, name: Type.String(), type: Type.String(), domain: Type.String() });
export const DirectiveRecipientOrgs = Type.Object({ items: Type.Array(DirectiveRecipientOrg), total: Type.Integer() });
export type DirectiveRecipientOrgs = Static<typeof DirectiveRecipientOrgs>;

/** Recipients counted by status; the statuses sum to `total`. */
export const DirectiveCounts = Type.Object({
  total: Type.Integer(),
  sent: Type.Integer(),
  acknowledged: Type.Integer(),
  extension: Type.Integer(),
  overdue: Type.Integer(),
  done: Type.Integer(),
  unfinished: Type.Integer(),
  /** Not signed for yet (overdue ones included). */
  notAcknowledged: Type.Integer(),
});
export type DirectiveCounts = Static<typeof DirectiveCounts>;

/** The actions an account may take on a recipient (the page's buttons). */
export const DIRECTIVE_TARGET_ACTIONS = ['acknowledge', 'report', 'request_extension', 'forward', 'files', 'decide', 'remind'] as const;
export type DirectiveTargetAction = (typeof DIRECTIVE_TARGET_ACTIONS)[number];

/** One forwarded organization's answer, as it stood when its forwarder reported done. */
export const DirectiveRollupItem = Type.Object({
  orgName: Type.String(),
  statusLabel: Type.String(),
  report: Nullable(Type.String()),
  reportedAt: Nullable(Timestamp),
});

export const DirectiveExtensionView = Type.Object({
  state: StringEnum(DIRECTIVE_EXTENSION_STATES, '延期申请'),
  stateLabel: Type.String(),
  dueOn: DateOnly,
  reason: Type.String(),
  requestedAt: Timestamp,
  /** The day the issuer should decide by (rule directive-extension-decision). */
  decideBy: DateOnly,
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
  decidedByName: Nullable(Type.String()),
});

export const DirectiveTargetView = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  /** The recipient that forwarded it here; null for the sender's own recipients. */
  parentTargetId: Nullable(Id),
  issuerOrgName: Type.String(),
  /** 1 for the sender's recipients, 2 for theirs … */
  depth: Type.Integer(),
  state: StringEnum(DIRECTIVE_TARGET_STATES, '状态'),
  stateLabel: Type.String(),
  status: StringEnum(DIRECTIVE_TARGET_STATUSES, '办理情况'),
  statusLabel: Type.String(),
  dueOn: DateOnly,
  acknowledgedAt: Nullable(Timestamp),
  acknowledgedByName: Nullable(Type.String()),
  report: Nullable(Type.String()),
  reportedAt: Nullable(Timestamp),
  reportedByName: Nullable(Type.String()),
  /** The forwarded organizations' answers when it reported done. */
  rollup: Nullable(Type.Array(DirectiveRollupItem)),
  extension: Nullable(DirectiveExtensionView),
  extensionCount: Type.Integer(),
  remindedCount: Type.Integer(),
  lastRemindedAt: Nullable(Timestamp),
  /** Its forwarded organizations counted (null: it forwarded nothing). */
  children: Nullable(DirectiveCounts),
  attachments: Type.Array(Attachment),
  actions: Type.Array(StringEnum(DIRECTIVE_TARGET_ACTIONS, '可办理')),
  version: Type.Integer(),
});
export type DirectiveTargetView = Static<typeof DirectiveTargetView>;

export const DirectiveTargetDetail = Type.Composite([DirectiveTargetView, Type.Object({ history: Type.Array(WorkflowEvent) })]);
export type DirectiveTargetDetail = Static<typeof DirectiveTargetDetail>;

/** The account's own organization as a recipient of the directive. */
export const DirectiveMine = Type.Object({
  targetId: Id,
  state: StringEnum(DIRECTIVE_TARGET_STATES, '状态'),
  status: StringEnum(DIRECTIVE_TARGET_STATUSES, '办理情况'),
  statusLabel: Type.String(),
  dueOn: DateOnly,
});

export const DirectiveSummary = Type.Object({
  id: Id,
  kind: StringEnum(DIRECTIVE_KINDS, '类别'),
  kindLabel: Type.String(),
  title: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  dueOn: DateOnly,
  state: StringEnum(DIRECTIVE_STATES, '状态'),
  stateLabel: Type.String(),
  createdAt: Timestamp,
  createdByName: Nullable(Type.String()),
  /** The sender's own recipients counted (for a reader who sees them all), or the reader's forwarded ones. */
  counts: DirectiveCounts,
  mine: Nullable(DirectiveMine),
});
export type DirectiveSummary = Static<typeof DirectiveSummary>;

export const DirectiveDetail = Type.Composite([
  DirectiveSummary,
  Type.Object({
    content: Type.String(),
    evidence: Nullable(Type.String()),
    filesRequired: Type.Boolean(),
    closedNote: Nullable(Type.String()),
    closedAt: Nullable(Timestamp),
    closedByName: Nullable(Type.String()),
    /** The account may close it and remind its recipients. */
    canClose: Type.Boolean(),
    /** The recipients the account may see (the sender's subtree: all; a recipient: its own and what it forwarded), tree order. */
    targets: Type.Array(DirectiveTargetView),
    version: Type.Integer(),
  }),
]);
export type DirectiveDetail = Static<typeof DirectiveDetail>;

export const DirectiveTargetParams = Type.Object({ id: Id, targetId: Type.Unsafe<string>({ ...Id, description: '接收单位' }) });
export const DirectiveFileParams = Type.Object({
  id: Id,
  targetId: Type.Unsafe<string>({ ...Id, description: '接收单位' }),
  fileId: Type.Unsafe<string>({ ...Id, description: '附件' }),
});

/** Audit actions of the module: the send and close, and every recipient step (`directive_target.<action>`). */
export const directiveAuditLabel: Record<string, string> = {
  'directive.send': '下发任务',
  'directive.close': '关闭下发任务',
  'directive_target.acknowledge': '签收下发任务',
  'directive_target.sign_notice': '签收通知',
  'directive_target.report': '上报任务完成',
  'directive_target.request_extension': '申请任务延期',
  'directive_target.grant_extension': '同意任务延期',
  'directive_target.refuse_extension': '不同意任务延期',
  'directive_target.close': '任务关闭时未完成',
  'directive_target.forward': '转发任务给下级',
  'directive_target.remind': '催办下发任务',
};
