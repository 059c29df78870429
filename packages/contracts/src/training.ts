import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, PageQuery, Timestamp, Version } from './common.ts';
import { StringEnum } from './reportin.ts';

/** 党员教育培训: training sessions, attendance with hours, yearly hours against the rule set's minimums. */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** Kinds of training session (what the rule set in packages/rules training.rules.ts counts). */
export const TrainingKind = {
  ROTATION: 'rotation',
  MOBILE_CLASS: 'mobile_class',
  DELIVERED: 'delivered',
  PARTY_SCHOOL: 'party_school',
  ONLINE: 'online',
} as const;
export type TrainingKind = (typeof TrainingKind)[keyof typeof TrainingKind];
export const TRAINING_KINDS = Object.values(TrainingKind) as TrainingKind[];
export const trainingKindLabel: Record<TrainingKind, string> = {
  rotation: '集中轮训',
  mobile_class: '流动课堂',
  delivered: '送学送课',
  party_school: '党校培训',
  online: '网络培训',
};

/** One member's attendance of a session. */
export const AttendanceStatus = { ATTENDED: 'attended', PARTIAL: 'partial', ABSENT: 'absent' } as const;
export type AttendanceStatus = (typeof AttendanceStatus)[keyof typeof AttendanceStatus];
export const ATTENDANCE_STATUSES = Object.values(AttendanceStatus) as AttendanceStatus[];
export const attendanceStatusLabel: Record<AttendanceStatus, string> = { attended: '全程参加', partial: '部分参加', absent: '缺席' };

/** Whose minimum applies to a person: a 书记 (or 副书记), another 班子成员, or a member (rule training-hours). */
export const TrainingRole = { SECRETARY: 'secretary', COMMITTEE: 'committee', MEMBER: 'member' } as const;
export type TrainingRole = (typeof TrainingRole)[keyof typeof TrainingRole];
export const TRAINING_ROLES = Object.values(TrainingRole) as TrainingRole[];
export const trainingRoleLabel: Record<TrainingRole, string> = { secretary: '书记', committee: '班子成员', member: '党员' };

/** Field limits reused by the web forms and the import. */
export const TRAINING_TITLE_MAX = 100;
export const TRAINING_PLACE_MAX = 100;
export const TRAINING_PROVIDER_MAX = 100;
/** Most hours one session (or one online course) may carry. */
export const TRAINING_HOURS_MAX = 200;
/** Hours are recorded in steps of half a 学时 (rule training-hours, `hoursStep`). */
export const TRAINING_HOURS_STEP = 0.5;
/** Most attendance records in one request (a session's sign-in sheet). */
export const ATTENDANCE_BATCH_MAX = 500;
/** Years the module answers for. */
export const TRAINING_YEAR_MIN = 2000;
export const TRAINING_YEAR_MAX = 2100;

const Hours = (description: string) => Type.Number({ minimum: TRAINING_HOURS_STEP, maximum: TRAINING_HOURS_MAX, multipleOf: TRAINING_HOURS_STEP, description });
const Year = Type.Integer({ minimum: TRAINING_YEAR_MIN, maximum: TRAINING_YEAR_MAX, description: '年度' });

export const TrainingSessionInput = Type.Object({
  /** The organizing organization (in the account's scope); defaults to the account's own. */
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '主办组织' })),
  kind: StringEnum(TRAINING_KINDS, '培训类型'),
  title: Type.String({ minLength: 2, maxLength: TRAINING_TITLE_MAX, description: '培训名称' }),
  startDate: Type.Unsafe<string>({ ...DateOnly, description: '开始日期' }),
  endDate: Type.Unsafe<string>({ ...DateOnly, description: '结束日期' }),
  /** 学时 credited to a member who attended the whole session. */
  hours: Hours('学时'),
  /** Held online (网络培训 always is). */
  online: Type.Optional(Type.Boolean({ description: '线上举办' })),
  place: Type.Optional(Nullable(Type.String({ maxLength: TRAINING_PLACE_MAX, description: '培训地点' }))),
  /** 举办单位 / 学习平台 (党校, 共产党员网 …). */
  provider: Type.Optional(Nullable(Type.String({ maxLength: TRAINING_PROVIDER_MAX, description: '举办单位或学习平台' }))),
});
export type TrainingSessionInput = Static<typeof TrainingSessionInput>;

/** A form edit: any field but the organizer, with the version it started from (or If-Match). */
export const TrainingSessionUpdate = Type.Object({
  kind: Type.Optional(StringEnum(TRAINING_KINDS, '培训类型')),
  title: Type.Optional(Type.String({ minLength: 2, maxLength: TRAINING_TITLE_MAX, description: '培训名称' })),
  startDate: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '开始日期' })),
  endDate: Type.Optional(Type.Unsafe<string>({ ...DateOnly, description: '结束日期' })),
  hours: Type.Optional(Hours('学时')),
  online: Type.Optional(Type.Boolean({ description: '线上举办' })),
  place: Type.Optional(Nullable(Type.String({ maxLength: TRAINING_PLACE_MAX, description: '培训地点' }))),
  provider: Type.Optional(Nullable(Type.String({ maxLength: TRAINING_PROVIDER_MAX, description: '举办单位或学习平台' }))),
  version: Type.Optional(Version),
});
export type TrainingSessionUpdate = Static<typeof TrainingSessionUpdate>;

export const TrainingSession = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  startDate: DateOnly,
  endDate: DateOnly,
  hours: Type.Number(),
  online: Type.Boolean(),
  place: Nullable(Type.String()),
  provider: Nullable(Type.String()),
  /** 参训人次: attendance records that credit hours (attended or partial). */
  attendees: Type.Integer(),
  absentees: Type.Integer(),
  /** Imported from an online-course file (not entered in the form). */
  imported: Type.Boolean(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TrainingSession = Static<typeof TrainingSession>;

export const TrainingSessionQuery = Type.Object({
  /** Subtree root of the organizers; defaults to the account's scope. */
  orgId: Type.Optional(Id),
  kind: Type.Optional(StringEnum(TRAINING_KINDS, '培训类型')),
  /** Sessions starting in this year. */
  year: Type.Optional(Year),
  /** 培训名称关键字 */
  q: Type.Optional(Type.String({ maxLength: 30, description: '培训名称关键字' })),
  ...PageQuery.properties,
});
export type TrainingSessionQuery = Static<typeof TrainingSessionQuery>;
export const TrainingSessionExportQuery = Type.Omit(TrainingSessionQuery, ['page', 'pageSize']);
export type TrainingSessionExportQuery = Static<typeof TrainingSessionExportQuery>;

export const AttendanceEntry = Type.Object({
  memberId: Type.Unsafe<string>({ ...Id, description: '参训党员' }),
  status: StringEnum(ATTENDANCE_STATUSES, '参训情况'),
  /** 学时 credited: for 部分参加 (less than the session's); 全程参加 takes the session's, 缺席 none. */
  hours: Type.Optional(Hours('认定学时')),
});
export type AttendanceEntry = Static<typeof AttendanceEntry>;

/** A sign-in sheet: each member once; a member already recorded is updated. All or nothing. */
export const AttendanceInput = Type.Object({
  records: Type.Array(AttendanceEntry, { minItems: 1, maxItems: ATTENDANCE_BATCH_MAX, description: '参训记录' }),
});
export type AttendanceInput = Static<typeof AttendanceInput>;

export const AttendanceParams = Type.Object({ id: Id, memberId: Id });
export type AttendanceParams = Static<typeof AttendanceParams>;

export const Attendance = Type.Object({
  sessionId: Id,
  memberId: Id,
  memberName: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  status: Type.String(),
  hours: Type.Number(),
  recordedBy: Nullable(Type.String()),
  updatedAt: Timestamp,
});
export type Attendance = Static<typeof Attendance>;

/** One person's year: hours against the minimum of the rule set in force (packages/rules training). */
export const TrainingHours = Type.Object({
  memberId: Id,
  name: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  role: Type.String(),
  /** The committee seats that make the person a 书记/班子成员 (e.g. 「书记」), empty for members. */
  posts: Type.Array(Type.String()),
  joinedDate: DateOnly,
  /** Sessions attended (全程 or 部分) in the year. */
  sessions: Type.Integer(),
  /** 学时 from training sessions that count toward the minimum. */
  trainingHours: Type.Number(),
  /** 学时 from 党课 attended at meetings, where the rule set counts them. */
  lectureHours: Type.Number(),
  totalHours: Type.Number(),
  /** The year's minimum (pro rata for members who joined or took their seat during the year). */
  required: Type.Number(),
  shortfall: Type.Number(),
  met: Type.Boolean(),
});
export type TrainingHours = Static<typeof TrainingHours>;

export const TrainingHoursQuery = Type.Object({
  year: Type.Optional(Year),
  orgId: Type.Optional(Id),
  role: Type.Optional(StringEnum(TRAINING_ROLES, '人员类别')),
  /** Only people short of the minimum. */
  short: Type.Optional(Type.Boolean({ description: '仅看未达标' })),
  /** 姓名关键字 */
  q: Type.Optional(Type.String({ maxLength: 30, description: '姓名关键字' })),
  ...PageQuery.properties,
});
export type TrainingHoursQuery = Static<typeof TrainingHoursQuery>;
export const TrainingHoursExportQuery = Type.Omit(TrainingHoursQuery, ['page', 'pageSize']);
export type TrainingHoursExportQuery = Static<typeof TrainingHoursExportQuery>;

export const TrainingYearQuery = Type.Object({ year: Type.Optional(Year), orgId: Type.Optional(Id) });
export type TrainingYearQuery = Static<typeof TrainingYearQuery>;
export const TrainingMeQuery = Type.Object({ year: Type.Optional(Year) });
export type TrainingMeQuery = Static<typeof TrainingMeQuery>;

/** A 党员's own year (H5). */
export const TrainingMine = Type.Object({
  year: Type.Integer(),
  hours: Nullable(TrainingHours),
  records: Type.Array(
    Type.Object({
      sessionId: Id,
      title: Type.String(),
      kind: Type.String(),
      startDate: DateOnly,
      endDate: DateOnly,
      orgName: Type.String(),
      status: Type.String(),
      hours: Type.Number(),
    }),
  ),
});
export type TrainingMine = Static<typeof TrainingMine>;

const MetCounts = Type.Object({ total: Type.Integer(), met: Type.Integer(), short: Type.Integer() });

/** What the annual statistical report's training table needs for a scope and year. */
export const TrainingStats = Type.Object({
  year: Type.Integer(),
  orgId: Id,
  orgName: Type.String(),
  /** The rule set applied and its minimums. */
  ruleSet: Type.String(),
  memberMinimum: Type.Number(),
  cadreMinimum: Type.Number(),
  sessions: Type.Integer(),
  /** 参训人次 */
  personTimes: Type.Integer(),
  /** 学时 credited in all (person-hours) */
  totalHours: Type.Number(),
  byKind: Type.Array(
    Type.Object({ kind: Type.String(), label: Type.String(), sessions: Type.Integer(), personTimes: Type.Integer(), totalHours: Type.Number() }),
  ),
  /** Members who hold no committee seat, against the member minimum. */
  members: MetCounts,
  /** 书记 and 班子成员 against theirs. */
  cadres: MetCounts,
  /** 书记 alone. */
  secretaries: MetCounts,
});
export type TrainingStats = Static<typeof TrainingStats>;

/** Chinese names of the training audit actions (merged into auditActionLabel). */
export const trainingAuditLabel: Record<string, string> = {
  'training.create': '新建培训',
  'training.update': '修改培训',
  'training.delete': '删除培训',
  'training.attendance': '登记参训情况',
  'training.attendance_remove': '删除参训记录',
  'training.import': '导入网络培训学时',
};
