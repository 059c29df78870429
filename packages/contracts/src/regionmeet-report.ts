import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { StringEnum } from './reportin.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 双报告 and 双向评价 (issue 14): once a year each resident unit and each reported-in member of a
 * community gets a report assembled from the records (a snapshot), which they confirm or correct with
 * a note (rule rm-report-workflow); the community rates each unit and each unit rates its community on
 * the criteria of rule set rm-2026; the ledger per unit and year gathers both, for the street and the
 * district (and, later, the assessment module).
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Year = (description = '年度') => Type.Integer({ minimum: 2000, maximum: 2099, description });
const Count = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, description });

export const RM_REPORT_STATES = ['pending', 'confirmed', 'corrected'] as const;
export type RmReportStateId = (typeof RM_REPORT_STATES)[number];
export const rmReportStateLabel: Record<RmReportStateId, string> = { pending: '待确认', confirmed: '已确认', corrected: '已更正' };
export const rmReportStateColor: Record<RmReportStateId, string> = { pending: 'gold', confirmed: 'green', corrected: 'blue' };
export const RM_SUBJECT_KINDS = ['unit', 'member'] as const;
export type RmSubjectKind = (typeof RM_SUBJECT_KINDS)[number];
export const rmSubjectKindLabel: Record<RmSubjectKind, string> = { unit: '驻区单位', member: '在职党员' };
export const RM_RATERS = ['community', 'unit'] as const;
export type RmRater = (typeof RM_RATERS)[number];
export const rmRaterLabel: Record<RmRater, string> = { community: '社区评价单位', unit: '单位评价社区' };
export const RM_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type RmGradeId = (typeof RM_GRADES)[number];
export const rmGradeLabel: Record<RmGradeId, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };
export const rmGradeColor: Record<RmGradeId, string> = { excellent: 'green', good: 'blue', fair: 'gold', poor: 'red' };
export const RM_NOTE_MAX = 500;

/** The figures of a report (RmFigures in packages/rules), with their Chinese names in `rmFigureLabel`. */
export const RmFigures = Type.Object({
  activities: Type.Integer(),
  participants: Type.Integer(),
  hours: Nullable(Type.Number()),
  beneficiaries: Type.Integer(),
  projects: Type.Integer(),
  resources: Type.Integer(),
  needsClaimed: Type.Integer(),
  fundsFen: Type.Integer(),
  problemsSolved: Type.Integer(),
  feedbacks: Type.Integer(),
  satisfied: Type.Integer(),
});
export type RmFigures = Static<typeof RmFigures>;
export const rmFigureLabel: Record<keyof RmFigures, string> = {
  activities: '参加活动（次）',
  participants: '参加人次',
  hours: '服务时长（小时）',
  beneficiaries: '受益人次',
  projects: '参与项目（个）',
  resources: '提供资源（项）',
  needsClaimed: '认领需求（个）',
  fundsFen: '投入资金（元）',
  problemsSolved: '解决问题（个）',
  feedbacks: '群众评价（条）',
  satisfied: '其中满意（条）',
};
/** The figures a unit or member may correct (the counts of records; the feedbacks are the beneficiaries'). */
export const RM_CORRECTABLE = ['activities', 'participants', 'hours', 'beneficiaries', 'projects', 'resources', 'fundsFen', 'problemsSolved'] as const;
export const RmCorrection = Type.Object({
  activities: Type.Optional(Count('参加活动')),
  participants: Type.Optional(Count('参加人次')),
  hours: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000, description: '服务时长' })),
  beneficiaries: Type.Optional(Count('受益人次')),
  projects: Type.Optional(Count('参与项目')),
  resources: Type.Optional(Count('提供资源')),
  fundsFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: '投入资金（分）' })),
  problemsSolved: Type.Optional(Count('解决问题')),
});
export type RmCorrection = Static<typeof RmCorrection>;

export const RmReport = Type.Object({
  id: Id,
  year: Type.Integer(),
  subjectKind: StringEnum(RM_SUBJECT_KINDS, '报告对象'),
  unitId: Nullable(Id),
  memberId: Nullable(Id),
  subjectName: Type.String(),
  communityId: Id,
  communityName: Type.String(),
  figures: RmFigures,
  corrected: Nullable(RmCorrection),
  state: StringEnum(RM_REPORT_STATES, '状态'),
  version: Type.Integer(),
  responseNote: Nullable(Type.String()),
  respondedByName: Nullable(Type.String()),
  respondedAt: Nullable(Timestamp),
  assembledAt: Timestamp,
  /** The day it is to be confirmed by (rule rm-respond-by), and whether that has passed while pending. */
  respondBy: DateOnly,
  overdue: Type.Boolean(),
});
export type RmReport = Static<typeof RmReport>;
export const RmReportDetail = Type.Intersect([
  RmReport,
  Type.Object({
    /** The projects it took part in that year. */
    projects: Type.Array(Type.Object({ id: Id, title: Type.String(), stateLabel: Type.String(), startDate: DateOnly, endDate: DateOnly })),
    history: Type.Array(WorkflowEvent),
    can: Type.Object({ respond: Type.Boolean() }),
  }),
]);
export type RmReportDetail = Static<typeof RmReportDetail>;

export const RmReportQuery = Type.Object({
  page: PageNumber,
  pageSize: pageSizeField(),
  orgId: Type.Optional(Id),
  year: Type.Optional(Year()),
  subjectKind: Type.Optional(StringEnum(RM_SUBJECT_KINDS, '报告对象')),
  state: Type.Optional(StringEnum(RM_REPORT_STATES, '状态')),
});
export type RmReportQuery = Static<typeof RmReportQuery>;
export const RmReportPage = Type.Object({
  items: Type.Array(RmReport),
  total: Type.Integer(),
  year: Type.Integer(),
  byState: Type.Object({ pending: Type.Integer(), confirmed: Type.Integer(), corrected: Type.Integer() }),
});
export type RmReportPage = Static<typeof RmReportPage>;
export const RmOwnReportQuery = Type.Object({ year: Type.Optional(Year()) });

export const RmAssembleInput = Type.Object({
  /** The community (or an organization above it) whose units and members get their reports; default the account's own. */
  orgId: Type.Optional(Id),
  year: Year(),
});
export type RmAssembleInput = Static<typeof RmAssembleInput>;
export const RmAssembleResult = Type.Object({
  year: Type.Integer(),
  /** Reports made now. */
  created: Type.Integer(),
  /** Reports still awaiting confirmation whose figures were brought up to date. */
  refreshed: Type.Integer(),
  /** Reports of the year in the scope. */
  total: Type.Integer(),
});
export type RmAssembleResult = Static<typeof RmAssembleResult>;

export const RmRespondInput = Type.Object({
  action: StringEnum(['confirm', 'correct'] as const, '确认或更正'),
  /** Required to correct: what is wrong and why. */
  note: Type.Optional(Nullable(Type.String({ maxLength: RM_NOTE_MAX, description: '更正说明' }))),
  corrected: Type.Optional(Nullable(RmCorrection)),
  version: Type.Optional(Version),
});
export type RmRespondInput = Static<typeof RmRespondInput>;

// ---------------------------------------------------------------- ratings

export const RmCriterion = Type.Object({ code: Type.String(), label: Type.String(), max: Type.Integer(), hint: Type.String() });
export type RmCriterion = Static<typeof RmCriterion>;
export const RmCriteria = Type.Object({
  ruleSet: Type.String(),
  unit: Type.Array(RmCriterion),
  community: Type.Array(RmCriterion),
  grades: Type.Array(Type.Object({ grade: StringEnum(RM_GRADES, '等次'), label: Type.String(), min: Type.Integer() })),
});
export type RmCriteria = Static<typeof RmCriteria>;

export const RmRating = Type.Object({
  id: Id,
  year: Type.Integer(),
  rater: StringEnum(RM_RATERS, '评价方向'),
  unitId: Id,
  unitName: Type.String(),
  communityId: Id,
  communityName: Type.String(),
  scores: Type.Record(Type.String(), Type.Integer()),
  total: Type.Integer(),
  grade: StringEnum(RM_GRADES, '等次'),
  comment: Nullable(Type.String()),
  ratedByName: Nullable(Type.String()),
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type RmRating = Static<typeof RmRating>;

export const RmRatingInput = Type.Object({
  year: Year(),
  /** Points by criterion code (the rule set's criteria, each 0 to its maximum). */
  scores: Type.Record(Type.String({ pattern: '^[a-z][a-z_]{0,31}$' }), Type.Integer({ minimum: 0, maximum: 100 }), {
    maxProperties: 20,
    description: '各项得分',
  }),
  comment: Type.Optional(Nullable(Type.String({ maxLength: RM_NOTE_MAX, description: '评价意见' }))),
  /** The rating's version when changing one given before (omit for the first). */
  version: Type.Optional(Version),
});
export type RmRatingInput = Static<typeof RmRatingInput>;
export const RmUnitRatingInput = Type.Object({ ...RmRatingInput.properties, unitId: Type.Optional(Id) });
export type RmUnitRatingInput = Static<typeof RmUnitRatingInput>;
export const RmYearQuery = Type.Object({ year: Type.Optional(Year()) });
export const RmUnitYearQuery = Type.Object({ year: Type.Optional(Year()), unitId: Type.Optional(Id) });
export const RmUnitParams = Type.Object({ unitId: Id });

/** Both ratings of one unit and year, what the rating pages show. */
export const RmRatingPair = Type.Object({
  year: Type.Integer(),
  unitId: Id,
  unitName: Type.String(),
  communityId: Id,
  communityName: Type.String(),
  criteria: RmCriteria,
  /** The community's rating of the unit, and the unit's of its community. */
  ofUnit: Nullable(RmRating),
  ofCommunity: Nullable(RmRating),
  /** Points the unit's report suggests (rule rm-suggest), for the community's form. */
  suggested: Nullable(Type.Record(Type.String(), Type.Integer())),
  report: Nullable(RmReport),
  can: Type.Object({ rateUnit: Type.Boolean(), rateCommunity: Type.Boolean() }),
});
export type RmRatingPair = Static<typeof RmRatingPair>;

// ---------------------------------------------------------------- the ledger

const RatingCell = Nullable(Type.Object({ total: Type.Integer(), grade: StringEnum(RM_GRADES, '等次') }));
export const RmLedgerRow = Type.Object({
  unitId: Id,
  unitName: Type.String(),
  communityId: Id,
  communityName: Type.String(),
  streetName: Nullable(Type.String()),
  reportId: Nullable(Id),
  reportState: Nullable(StringEnum(RM_REPORT_STATES, '状态')),
  figures: Nullable(RmFigures),
  ofUnit: RatingCell,
  ofCommunity: RatingCell,
});
export type RmLedgerRow = Static<typeof RmLedgerRow>;
export const RmLedgerQuery = Type.Object({
  page: PageNumber,
  pageSize: pageSizeField(),
  orgId: Type.Optional(Id),
  year: Type.Optional(Year()),
  q: Type.Optional(Type.String({ maxLength: 30, description: '单位名称关键字' })),
});
export type RmLedgerQuery = Static<typeof RmLedgerQuery>;
export const RmLedgerExportQuery = Type.Omit(RmLedgerQuery, ['page', 'pageSize']);
export type RmLedgerExportQuery = Static<typeof RmLedgerExportQuery>;
export const RmLedger = Type.Object({
  items: Type.Array(RmLedgerRow),
  total: Type.Integer(),
  year: Type.Integer(),
  criteria: RmCriteria,
  /** Ratings by grade over the whole scope (not only the page), both ways. */
  distribution: Type.Array(Type.Object({ grade: StringEnum(RM_GRADES, '等次'), ofUnit: Type.Integer(), ofCommunity: Type.Integer() })),
  /** Units not yet rated by their community this year. */
  unrated: Type.Integer(),
  /** Whether the account may rate the units (regional:manage). */
  canRate: Type.Boolean(),
});
export type RmLedger = Static<typeof RmLedger>;

/** Audit actions of the module (labels in the audit page). */
export const regionMeetAuditLabel: Record<string, string> = {
  'rm_meeting.create': '创建联席会议',
  'rm_meeting.update': '修改联席会议',
  'rm_meeting.agenda': '设置联席会议议程',
  'rm_meeting.attendance': '登记联席会议出席',
  'rm_meeting.decision': '记录联席会议决定',
  'rm_meeting.decision_removed': '删除联席会议决定',
  'rm_meeting.followup': '交办联席会议落实事项',
  'rm_meeting.followup_done': '落实事项办结',
  'rm_meeting.minutes': '提交联席会议纪要',
  'rm_meeting.hold': '联席会议登记召开',
  'rm_meeting.archive': '联席会议归档',
  'rm_meeting.reopen': '联席会议退回修改',
  'rm_meeting.cancel': '取消联席会议',
  'rm_report.assemble': '生成双报告',
  'rm_report.confirm': '确认双报告',
  'rm_report.correct': '更正双报告',
  'rm_rating.save': '双向评价打分',
};
