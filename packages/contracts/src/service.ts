import { Type, type Static } from '@sinclair/typebox';
import { Attachment } from './attachment.ts';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { REASON_MAX } from './member.ts';
import { Mobile } from './resident.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 群众诉求 (issue 10): 点单 → 派单 → 接单 → 评单. Kinds, states, actions, levels and the time limits
 * are rule data in `packages/rules` (service-request.rules.ts) with their Chinese names; these lists
 * repeat only the codes for the schemas (a server unit test holds them equal), and every answer
 * carries the labels. Categories and dispatch rules are in service-config.ts, the figures in
 * service-figures.ts.
 */

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

export const SERVICE_KIND_IDS = ['consult', 'help', 'complaint', 'suggestion', 'report'] as const;
export type ServiceKindId = (typeof SERVICE_KIND_IDS)[number];
export const serviceKindName: Record<ServiceKindId, string> = { consult: '咨询', help: '求助', complaint: '投诉', suggestion: '建议', report: '举报' };
export const SERVICE_COMPLEXITY_IDS = ['urgent', 'general', 'complex'] as const;
export const serviceComplexityName: Record<(typeof SERVICE_COMPLEXITY_IDS)[number], string> = { urgent: '紧急', general: '一般', complex: '复杂' };
export const SERVICE_LEVEL_IDS = ['community', 'area', 'street', 'joint'] as const;
export const SERVICE_STATE_IDS = [
  'submitted',
  'accepted',
  'rejected',
  'dispatched',
  'in_progress',
  'awaiting_info',
  'resolved',
  'closed',
  'withdrawn',
] as const;
export type ServiceStateId = (typeof SERVICE_STATE_IDS)[number];
export const serviceStateName: Record<ServiceStateId, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  dispatched: '已派单',
  in_progress: '办理中',
  awaiting_info: '待补充材料',
  resolved: '已办结',
  closed: '已关闭',
  withdrawn: '已撤销',
};
export const SERVICE_ASSIGNEE_TYPE_IDS = ['grid', 'member', 'team', 'department'] as const;
export const serviceAssigneeTypeName: Record<(typeof SERVICE_ASSIGNEE_TYPE_IDS)[number], string> = {
  grid: '网格',
  member: '党员',
  team: '志愿服务队',
  department: '职能部门',
};
export const SATISFACTION_IDS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const satisfactionName: Record<(typeof SATISFACTION_IDS)[number], string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
/** Where a request came in. */
export const SERVICE_SOURCE_IDS = ['h5', 'desk', 'grid', 'hotline', 'open311'] as const;
export const serviceSourceName: Record<(typeof SERVICE_SOURCE_IDS)[number], string> = {
  h5: '群众H5',
  desk: '窗口登记',
  grid: '网格员代录',
  hotline: '热线转办',
  open311: '开放接口',
};
/** The actions a desk, an assignee or a resident takes through `POST …/:id/actions` (the system's own are not among them). */
export const SERVICE_ACTION_IDS = [
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
  'follow_up',
  'extend',
  'urge',
  'escalate',
  'withdraw',
] as const;
export type ServiceActionId = (typeof SERVICE_ACTION_IDS)[number];

export const SERVICE_DESCRIPTION_MAX = 2000;
export const SERVICE_PLACE_MAX = 100;
export const SERVICE_RESULT_MAX = 2000;
export const SERVICE_PHOTOS_MAX = 9;

// ---------------------------------------------------------------------------------------------
// A request.

export const ServiceAssignee = Type.Object({
  type: Enum(SERVICE_ASSIGNEE_TYPE_IDS, '承办对象类型'),
  typeLabel: Type.String(),
  /** The grid, the team's or the department's organization (whose accounts act for it); a member's branch. */
  orgId: Id,
  memberId: Nullable(Type.String({ description: '承办党员编号' })),
  name: Type.String({ description: '承办对象名称' }),
});
export type ServiceAssignee = Static<typeof ServiceAssignee>;

export const ServiceClock = Type.Object({
  stage: Type.String({ description: '当前计时阶段：accept 受理 / respond 响应 / resolve 办理 / rate 评价' }),
  stageLabel: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('overdue'), Type.Literal('paused')], { description: '计时中 / 已超时 / 已暂停' }),
  statusLabel: Type.String(),
  level: Type.String(),
  levelLabel: Type.String(),
  dueAt: Nullable(Timestamp),
  /** Minutes to the due time (running, paused) or past it (overdue, negative). */
  minutesLeft: Type.Integer({ description: '剩余分钟（超时为负）' }),
  ruleId: Type.String({ description: '适用的时限规则' }),
  extensions: Type.Integer({ description: '已延期次数' }),
});
export type ServiceClock = Static<typeof ServiceClock>;

export const ServiceRequest = Type.Object({
  id: Id,
  code: Type.String({ description: '诉求编号' }),
  kind: Enum(SERVICE_KIND_IDS, '诉求类型'),
  kindLabel: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  complexity: Enum(SERVICE_COMPLEXITY_IDS, '办理类别'),
  complexityLabel: Type.String(),
  description: Type.String(),
  communityId: Id,
  communityName: Type.String(),
  gridId: Nullable(Type.String()),
  gridName: Nullable(Type.String()),
  place: Nullable(Type.String({ description: '小区/楼栋' })),
  lat: NullableNumber('纬度'),
  lng: NullableNumber('经度'),
  anonymous: Type.Boolean(),
  /** Masked unless the reader may unmask (and then the read is audited). */
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  source: Enum(SERVICE_SOURCE_IDS, '来源'),
  sourceLabel: Type.String(),
  state: Enum(SERVICE_STATE_IDS, '状态'),
  stateLabel: Type.String(),
  level: Enum(SERVICE_LEVEL_IDS, '办理层级'),
  levelLabel: Type.String(),
  assignee: Type.Union([ServiceAssignee, Type.Null()]),
  clock: Type.Union([ServiceClock, Type.Null()]),
  submittedAt: Timestamp,
  acceptedAt: Nullable(Timestamp),
  takenAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  result: Nullable(Type.String({ description: '办理结果' })),
  rating: Type.Union([Enum(SATISFACTION_IDS, '评价'), Type.Null()]),
  ratingLabel: Nullable(Type.String()),
  ratingComment: Nullable(Type.String()),
  autoClosed: Type.Boolean({ description: '超时未评价自动关闭' }),
  reopenCount: Type.Integer({ description: '重办次数' }),
  returnCount: Type.Integer({ description: '退单次数' }),
  followerCount: Type.Integer({ description: '合并后同时关注的群众人数' }),
  mergedIntoCode: Nullable(Type.String({ description: '已合并至的诉求编号' })),
  version: Version,
  /** The steps this reader may take now (the buttons). */
  actions: Type.Array(Type.String()),
});
export type ServiceRequest = Static<typeof ServiceRequest>;

export const ServiceRequestDetail = Type.Intersect([
  ServiceRequest,
  Type.Object({
    timeline: Type.Array(WorkflowEvent),
    photos: Type.Array(Attachment),
    resultPhotos: Type.Array(Attachment),
  }),
]);
export type ServiceRequestDetail = Static<typeof ServiceRequestDetail>;

const Description = Type.String({ minLength: 5, maxLength: SERVICE_DESCRIPTION_MAX, description: '诉求描述（至少5个字）' });
const Place = Type.Optional(Type.String({ maxLength: SERVICE_PLACE_MAX, description: '小区/楼栋/具体位置' }));
const Lat = Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: '纬度' }));
const Lng = Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: '经度' }));

/** A request registered by the desk or a grid worker (for a resident), or by a resident on H5 (without the contact fields). */
export const ServiceRequestInput = Type.Object(
  {
    kind: Enum(SERVICE_KIND_IDS, '诉求类型'),
    categoryCode: Type.String({ minLength: 1, maxLength: 30, description: '事项类别' }),
    complexity: Type.Optional(Enum(SERVICE_COMPLEXITY_IDS, '办理类别（默认取类别的设定）')),
    description: Description,
    /** The community (社区/村) or a grid under it. */
    orgId: Id,
    place: Place,
    lat: Lat,
    lng: Lng,
    anonymous: Type.Optional(Type.Boolean({ description: '匿名（仅建议类可匿名）' })),
    contactName: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: '联系人' })),
    contactPhone: Type.Optional(Mobile),
    source: Type.Optional(Enum(['desk', 'grid', 'hotline'] as const, '来源')),
    /** Join an open request found by the duplicate hint instead of starting a new one. */
    joinRequestId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ServiceRequestInput = Static<typeof ServiceRequestInput>;

export const ServiceRequestQuery = Type.Object({
  page: PageNumber,
  pageSize: pageSizeField(),
  state: Type.Optional(Enum(SERVICE_STATE_IDS, '状态')),
  kind: Type.Optional(Enum(SERVICE_KIND_IDS, '诉求类型')),
  categoryCode: Type.Optional(Type.String({ maxLength: 30 })),
  level: Type.Optional(Enum(SERVICE_LEVEL_IDS, '办理层级')),
  orgId: Type.Optional(Id),
  /** 'overdue': a running clock past its due time; 'soon': due within a day. */
  clock: Type.Optional(Enum(['overdue', 'soon'] as const, '时限')),
  /** Only the orders dispatched to this account (its grid, itself, its team or department). */
  mine: Type.Optional(Type.Boolean({ description: '只看派给我的' })),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  q: Type.Optional(Type.String({ maxLength: 30, description: '编号或描述关键字' })),
});
export type ServiceRequestQuery = Static<typeof ServiceRequestQuery>;
export const ServiceRequestExportQuery = Type.Omit(ServiceRequestQuery, ['page', 'pageSize']);
export type ServiceRequestExportQuery = Static<typeof ServiceRequestExportQuery>;

/** The assignee of 派单 / 改派; left out on 派单: the dispatch rules choose. */
export const ServiceAssigneeInput = Type.Object(
  {
    type: Enum(SERVICE_ASSIGNEE_TYPE_IDS, '承办对象类型'),
    orgId: Id,
    memberId: Type.Optional(Id),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 40, description: '承办对象名称（队伍、部门）' })),
  },
  { additionalProperties: false },
);
export type ServiceAssigneeInput = Static<typeof ServiceAssigneeInput>;

export const ServiceActionInput = Type.Object(
  {
    action: Enum(SERVICE_ACTION_IDS, '操作'),
    version: Type.Optional(Version),
    reason: Type.Optional(Type.String({ minLength: 2, maxLength: REASON_MAX, description: '理由' })),
    assignee: Type.Optional(ServiceAssigneeInput),
    complexity: Type.Optional(Enum(SERVICE_COMPLEXITY_IDS, '办理类别（受理时可改）')),
    result: Type.Optional(Type.String({ minLength: 2, maxLength: SERVICE_RESULT_MAX, description: '办理结果' })),
    rating: Type.Optional(Enum(SATISFACTION_IDS, '评价')),
    comment: Type.Optional(Type.String({ maxLength: REASON_MAX, description: '评价意见' })),
  },
  { additionalProperties: false },
);
export type ServiceActionInput = Static<typeof ServiceActionInput>;

/** The answer to a step: the request as the account sees it now, or null when the step took it out of the account's view (退单 by a grid worker). */
export const ServiceActionResult = Type.Object({ request: Type.Union([ServiceRequestDetail, Type.Null()]) });
export type ServiceActionResult = Static<typeof ServiceActionResult>;

/** The duplicate hint: open requests of the same grid (or community) and category, similar in wording, in the last days. */
export const ServiceDuplicateQuery = Type.Object({
  orgId: Id,
  categoryCode: Type.String({ minLength: 1, maxLength: 30 }),
  description: Type.String({ minLength: 2, maxLength: SERVICE_DESCRIPTION_MAX }),
});
export type ServiceDuplicateQuery = Static<typeof ServiceDuplicateQuery>;
export const ServiceDuplicate = Type.Object({
  id: Id,
  code: Type.String(),
  description: Type.String(),
  stateLabel: Type.String(),
  submittedAt: Timestamp,
  similarity: Type.Number({ description: '相似度 0–1（两字片段重合）' }),
});
export type ServiceDuplicate = Static<typeof ServiceDuplicate>;

// ---------------------------------------------------------------------------------------------
// Residents on H5: their own requests.

/** What a resident submits on H5: their phone is the session's; photos follow as uploads. */
export const ResidentRequestInput = Type.Object(
  {
    kind: Enum(SERVICE_KIND_IDS, '诉求类型'),
    categoryCode: Type.String({ minLength: 1, maxLength: 30, description: '事项类别' }),
    description: Description,
    orgId: Id,
    place: Place,
    lat: Lat,
    lng: Lng,
    anonymous: Type.Optional(Type.Boolean({ description: '匿名（仅建议类可匿名）' })),
    contactName: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: '称呼' })),
    joinRequestId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ResidentRequestInput = Static<typeof ResidentRequestInput>;

/** What a resident may do on their own request. */
export const ResidentActionInput = Type.Object(
  {
    action: Enum(['rate', 'withdraw', 'supply_info'] as const, '操作'),
    rating: Type.Optional(Enum(SATISFACTION_IDS, '评价')),
    comment: Type.Optional(Type.String({ maxLength: REASON_MAX, description: '评价意见或补充说明' })),
  },
  { additionalProperties: false },
);
export type ResidentActionInput = Static<typeof ResidentActionInput>;

/** Communities and their grids a resident can pick (public list). */
export const ServicePlace = Type.Object({
  id: Id,
  name: Type.String(),
  streetName: Type.String(),
  grids: Type.Array(Type.Object({ id: Id, name: Type.String() })),
});
export type ServicePlace = Static<typeof ServicePlace>;

/** Audit actions of the service loop, with their Chinese names (the workflow writes `service_request.<action>`). */
export const serviceAuditLabel: Record<string, string> = {
  'service_request.submit': '登记群众诉求',
  'service_request.join': '并入已有诉求（重复诉求）',
  'service_request.accept': '受理诉求',
  'service_request.reject': '不予受理诉求',
  'service_request.dispatch': '派单',
  'service_request.take': '接单',
  'service_request.return': '退单',
  'service_request.reassign': '改派',
  'service_request.request_info': '要求补充材料',
  'service_request.supply_info': '补充材料',
  'service_request.resolve': '办结诉求',
  'service_request.rate': '评价诉求',
  'service_request.reopen': '不满意重办',
  'service_request.auto_close': '超时未评价自动关闭',
  'service_request.follow_up': '回访',
  'service_request.extend': '延期',
  'service_request.urge': '催办',
  'service_request.escalate': '提级',
  'service_request.withdraw': '群众撤销诉求',
  'service_category.save': '保存事项类别',
  'service_dispatch_rule.save': '保存派单规则',
  'service_dispatch_rule.delete': '删除派单规则',
  'open311_key.create': '创建开放接口密钥',
  'open311_key.revoke': '停用开放接口密钥',
};
