import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Timestamp, PageNumber, pageSizeField } from './common.ts';
import { memberEventLabel } from './member.ts';
import { transferAuditLabel } from './transfer.ts';
import { floatingAuditLabel } from './floating.ts';
import { reportInAuditLabel } from './reportin.ts';
import { hardshipAuditLabel } from './hardship.ts';
import { accountAuditLabel } from './account-grant.ts';
import { attachmentAuditLabel } from './attachment.ts';
import { meetingAuditLabel } from './meeting.ts';
import { trainingAuditLabel } from './training.ts';
import { wishAuditLabel } from './wish.ts';
import { serviceAuditLabel } from './service.ts';
import { duesAuditLabel } from './dues.ts';
import { duesLedgerAuditLabel } from './dues-ledger.ts';
import { devAuditLabel } from './development.ts';
import { keyTaskAuditLabel } from './keytask.ts';
import { directiveAuditLabel } from './directive.ts';
import { cobuildAuditLabel } from './cobuild.ts';
import { venueAuditLabel } from './venue.ts';
import { regionalAuditLabel } from './regional.ts';
import { regionMeetAuditLabel } from './regionmeet-report.ts';

/** Kinds of record the audit log writes about (`entity`), each with its Chinese name. */
export const auditEntityLabel = {
  org: '组织',
  org_committee_member: '班子成员',
  org_term: '届次',
  account: '账号',
  member: '党员',
  transfer: '组织关系转接',
  floating_member: '流动党员',
  lost_contact: '失联党员',
  hardship: '困难党员帮扶',
  hardship_cadre: '帮扶干部',
  member_report_in: '在职党员报到',
  unit_report_in: '驻区单位报到',
  appraisal_disposition: '不合格党员组织处置',
  training_session: '党员教育培训',
  meeting: '会议记录',
  compliance_rule_set: '组织生活频次设置',
  wish: '微心愿',
  service_request: '群众诉求',
  service_category: '事项类别',
  service_dispatch_rule: '派单规则',
  open311_key: '开放接口密钥',
  dev_applicant: '发展对象',
  dev_record: '发展党员材料',
  kt_plan: '重点任务计划',
  kt_task: '重点任务',
  kt_review: '调度会',
  directive: '下发任务',
  directive_target: '下发任务接收单位',
  cobuild_agreement: '结对共建协议',
  venue: '阵地',
  venue_booking: '阵地预约',
  rg_need: '区域化党建需求',
  rg_resource: '区域化党建资源',
  rg_project: '区域化党建项目',
  rg_category: '需求资源类别',
  rm_meeting: '联席会议',
  rm_report: '双报告',
  rm_rating: '双向评价',
} as const;
export type AuditEntity = keyof typeof auditEntityLabel;
export const AUDIT_ENTITIES = Object.keys(auditEntityLabel) as AuditEntity[];

export const AuditEntry = Type.Object({
  id: Id,
  at: Timestamp,
  actorId: Type.Union([Id, Type.Null()]),
  /** The operator's display name when the entry was written. */
  actorName: Type.Union([Type.String(), Type.Null()]),
  /** The operator's username (null for failed logins with an unknown name and for system work). */
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  /** The record's name: stored when the entry was written, else looked up in the reader's scope (null when neither knows it). */
  entityName: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** Longest operator search text. */
export const AUDIT_ACTOR_SEARCH_MAX = 30;

export const AuditQuery = Type.Object({
  actorId: Type.Optional(Id),
  /** Part of the operator's name or username. */
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: AUDIT_ACTOR_SEARCH_MAX, description: '操作人姓名或用户名' })),
  entity: Type.Optional(Type.Unsafe<AuditEntity>({ type: 'string', enum: AUDIT_ENTITIES, description: '对象类型' })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type AuditQuery = Static<typeof AuditQuery>;

/** The export takes the list's filters without paging. */
export const AuditExportQuery = Type.Omit(AuditQuery, ['page', 'pageSize']);
export type AuditExportQuery = Static<typeof AuditExportQuery>;

/** Chinese names of audited actions, for the viewer. */
export const auditActionLabel: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.password_change': '修改密码',
  'account.create': '创建账号',
  'account.update': '修改账号',
  'account.reset_password': '重置密码',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'org.move': '调整隶属关系',
  'org.dissolve': '撤销组织',
  'org.import': '导入组织',
  'org.committee_add': '新增班子成员',
  'org.committee_update': '修改班子成员',
  'org.committee_remove': '删除班子成员',
  'org.term_add': '新增届次',
  'personal.unmask': '查看个人敏感信息',
  'member.create': '登记党员',
  'member.update': '修改党员信息',
  'member.detail_add': '新增党员档案记录',
  'member.photo': '上传党员照片',
  'member.detail_remove': '删除党员档案记录',
  'appraisal.grade': '评定民主评议等次',
  'appraisal.bulk_grade': '批量评定民主评议等次',
  'appraisal.excellent_override': '优秀超过三分之一（说明理由）',
  'appraisal.disposition_update': '调整不合格党员组织处置',
  'member.import': '导入党员名册',
  'member.duplicate_refused': '拒绝重复登记（公民身份号码已有党员档案）',
  ...Object.fromEntries(Object.entries(memberEventLabel).map(([k, v]) => [`member.${k}`, v])),
  ...transferAuditLabel,
  ...floatingAuditLabel,
  ...reportInAuditLabel,
  ...hardshipAuditLabel,
  ...accountAuditLabel,
  ...attachmentAuditLabel,
  ...trainingAuditLabel,
  ...serviceAuditLabel,
  ...meetingAuditLabel,
  ...wishAuditLabel,
  ...duesAuditLabel,
  ...devAuditLabel,
  ...keyTaskAuditLabel,
  ...directiveAuditLabel,
  ...cobuildAuditLabel,
  ...venueAuditLabel,
  ...duesLedgerAuditLabel,
  ...regionalAuditLabel,
  ...regionMeetAuditLabel,
  'compliance.rules_set': '设置组织生活频次（自生效日起）',
  'compliance.rules_removed': '删除组织生活频次设置',
};
