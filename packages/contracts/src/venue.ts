import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { PHONE_PATTERN } from './member.ts';
import { MONTH_PATTERN } from './transfer.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 阵地 (venues) of 区域化党建 (issue 14): 党群服务中心, 红色驿站, 新时代文明实践站 and the rooms resident
 * units open to the community, with their rooms, weekly opening hours, 服务清单 and manager; bookings
 * of rooms by organizations, resident units and residents; usage figures; the community area warning
 * (rule set venue-2026 in packages/rules).
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const VENUE_KIND_IDS = ['service_center', 'red_station', 'civilization_station', 'unit_open'] as const;
export type VenueKindId = (typeof VENUE_KIND_IDS)[number];
export const venueKindLabel: Record<VenueKindId, string> = {
  service_center: '党群服务中心',
  red_station: '红色驿站',
  civilization_station: '新时代文明实践站',
  unit_open: '单位开放阵地',
};
export const VENUE_STATUS_IDS = ['open', 'suspended'] as const;
export type VenueStatusId = (typeof VENUE_STATUS_IDS)[number];
export const venueStatusLabel: Record<VenueStatusId, string> = { open: '开放', suspended: '暂停开放' };

export const BOOKER_KIND_IDS = ['org', 'unit', 'resident'] as const;
export type BookerKindId = (typeof BOOKER_KIND_IDS)[number];
export const bookerKindLabel: Record<BookerKindId, string> = { org: '党组织', unit: '驻区单位', resident: '居民' };

/** What a booking shows as: 已预约 (upcoming), 使用中, 已使用 (its time has passed), 已取消. */
export const BOOKING_STATUS_IDS = ['upcoming', 'in_use', 'used', 'cancelled'] as const;
export type BookingStatusId = (typeof BOOKING_STATUS_IDS)[number];
export const bookingStatusLabel: Record<BookingStatusId, string> = { upcoming: '已预约', in_use: '使用中', used: '已使用', cancelled: '已取消' };
export const bookingStatusColor: Record<BookingStatusId, string> = { upcoming: 'blue', in_use: 'green', used: 'default', cancelled: 'red' };

export const VENUE_NAME_MAX = 40;
export const VENUE_ADDRESS_MAX = 100;
export const VENUE_PERSON_MAX = 20;
export const VENUE_TEXT_MAX = 200;
export const VENUE_REASON_MAX = 200;
export const VENUE_AREA_MAX = 100_000;
export const VENUE_HOURS_MAX = 14;
export const VENUE_SERVICES_MAX = 30;
export const VENUE_ROOMS_MAX = 50;
export const VENUE_CAPACITY_MAX = 5000;
export const VENUE_Q_MAX = 30;
export const VENUE_PURPOSE_MAX = 100;
/** 'HH:MM', 00:00–24:00. */
export const VENUE_TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$';

const Time = (description: string) => Type.String({ pattern: VENUE_TIME_PATTERN, description });
const Area = (description: string) => Type.Number({ minimum: 1, maximum: VENUE_AREA_MAX, description });

/** One weekly opening period. */
export const VenueHoursPeriod = Type.Object(
  {
    /** 1 = 周一 … 7 = 周日. */
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, description: '星期（1 为周一，7 为周日）' }),
    start: Time('开始时间 HH:MM'),
    end: Time('结束时间 HH:MM'),
    /** 延时开放 (after the usual hours). */
    extended: Type.Optional(Type.Boolean({ description: '延时开放' })),
  },
  { additionalProperties: false },
);
export type VenueHoursPeriod = Static<typeof VenueHoursPeriod>;

/** One item of the 服务清单. */
export const VenueServiceItem = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: VENUE_NAME_MAX, description: '服务项目' }),
    description: Type.Optional(Type.String({ maxLength: VENUE_TEXT_MAX, description: '服务内容' })),
  },
  { additionalProperties: false },
);
export type VenueServiceItem = Static<typeof VenueServiceItem>;

const venueFields = {
  name: Type.String({ minLength: 2, maxLength: VENUE_NAME_MAX, description: '阵地名称' }),
  kind: Enum(VENUE_KIND_IDS, '阵地类型'),
  address: Type.String({ minLength: 2, maxLength: VENUE_ADDRESS_MAX, description: '地址' }),
  areaM2: Area('面积（平方米）'),
  hours: Type.Array(VenueHoursPeriod, { minItems: 1, maxItems: VENUE_HOURS_MAX, description: '开放时间' }),
  managerName: Type.String({ minLength: 2, maxLength: VENUE_PERSON_MAX, description: '管理人' }),
  managerPhone: Type.String({ pattern: PHONE_PATTERN, description: '管理人联系电话' }),
  services: Type.Array(VenueServiceItem, { maxItems: VENUE_SERVICES_MAX, description: '服务清单' }),
};

/** A new venue: of a community in scope; a unit's opened venue names the unit report (unitId). */
export const VenueInput = Type.Object(
  {
    /** The community (社区/村 Party organization) the venue belongs to. */
    orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '所属社区' })),
    /** 单位开放阵地: the unit's standing report (驻区单位报到) it belongs to. */
    unitId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '开放单位（驻区单位报到记录）' })),
    ...venueFields,
  },
  { additionalProperties: false },
);
export type VenueInput = Static<typeof VenueInput>;

/** Editing a venue (its community and unit stay); the phone left out keeps the one stored. */
export const VenueUpdate = Type.Object(
  { ...venueFields, managerPhone: Type.Optional(venueFields.managerPhone), version: Type.Optional(Version) },
  { additionalProperties: false },
);
export type VenueUpdate = Static<typeof VenueUpdate>;

export const VenueStatusInput = Type.Object(
  {
    action: Enum(['suspend', 'reopen'] as const, '暂停开放或恢复开放'),
    reason: Type.Optional(Type.String({ maxLength: VENUE_REASON_MAX, description: '原因（暂停开放时必填）' })),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);
export type VenueStatusInput = Static<typeof VenueStatusInput>;

export const VenueRoomInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: VENUE_NAME_MAX, description: '活动室名称' }),
    capacity: Type.Integer({ minimum: 1, maximum: VENUE_CAPACITY_MAX, description: '容纳人数' }),
    areaM2: Area('面积（平方米）'),
    residentBookable: Type.Boolean({ description: '居民可预约' }),
    /** A room taken out of use takes no bookings. */
    active: Type.Optional(Type.Boolean({ description: '在用' })),
  },
  { additionalProperties: false },
);
export type VenueRoomInput = Static<typeof VenueRoomInput>;

export const VenueRoom = Type.Object({
  id: Id,
  name: Type.String(),
  capacity: Type.Integer(),
  areaM2: Type.Number(),
  residentBookable: Type.Boolean(),
  active: Type.Boolean(),
});
export type VenueRoom = Static<typeof VenueRoom>;

export const VenueRoomParams = Type.Object({ id: Id, roomId: Id });
export type VenueRoomParams = Static<typeof VenueRoomParams>;

/** A venue as the lists show it. */
export const Venue = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String({ description: '所属社区' }),
  streetName: Nullable(Type.String({ description: '所属街道（乡镇）' })),
  unitId: Nullable(Id),
  unitName: Nullable(Type.String({ description: '开放单位' })),
  name: Type.String(),
  kind: Enum(VENUE_KIND_IDS, '阵地类型'),
  address: Type.String(),
  areaM2: Type.Number(),
  hours: Type.Array(VenueHoursPeriod),
  hoursText: Type.String({ description: '开放时间' }),
  extendedHours: Type.Boolean({ description: '有延时开放' }),
  managerName: Type.String(),
  /** Masked unless asked for in full with personal:unmask (audited). */
  managerPhone: Type.String(),
  services: Type.Array(VenueServiceItem),
  status: Enum(VENUE_STATUS_IDS, '状态'),
  statusReason: Nullable(Type.String({ description: '暂停原因' })),
  roomCount: Type.Integer(),
  capacity: Type.Integer({ description: '活动室合计容纳人数' }),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Venue = Static<typeof Venue>;

/** A venue's page: its rooms, history, and what this account may do. */
export const VenueDetail = Type.Composite([
  Venue,
  Type.Object({
    rooms: Type.Array(VenueRoom),
    history: Type.Array(WorkflowEvent),
    unmasked: Type.Boolean(),
    can: Type.Object({
      edit: Type.Boolean(),
      setStatus: Type.Boolean(),
      rooms: Type.Boolean(),
      book: Type.Boolean(),
      unmask: Type.Boolean(),
    }),
    /** The units this account may book for here (a 驻区单位 account reported to more than one). */
    bookAs: Type.Array(Type.Object({ unitId: Id, unitName: Type.String() })),
  }),
]);
export type VenueDetail = Static<typeof VenueDetail>;

export const VenueQuery = Type.Object(
  {
    kind: Type.Optional(Enum(VENUE_KIND_IDS, '阵地类型')),
    status: Type.Optional(Enum(VENUE_STATUS_IDS, '状态')),
    /** A community (or street) in scope. */
    orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '社区或街道' })),
    q: Type.Optional(Type.String({ maxLength: VENUE_Q_MAX, description: '名称、地址关键字' })),
    page: PageNumber,
    pageSize: pageSizeField(),
  },
  { additionalProperties: false },
);
export type VenueQuery = Static<typeof VenueQuery>;
export const VenueExportQuery = Type.Omit(VenueQuery, ['page', 'pageSize']);
export type VenueExportQuery = Static<typeof VenueExportQuery>;

export const VenueGetQuery = Type.Object({ unmask: Type.Optional(Type.Boolean({ description: '显示完整电话（记入审计）' })) }, { additionalProperties: false });

/** A community one may register a venue in, with the units reported to it. */
export const VenueCommunity = Type.Object({
  id: Id,
  name: Type.String(),
  streetName: Nullable(Type.String()),
  units: Type.Array(Type.Object({ id: Id, unitName: Type.String() })),
});
export type VenueCommunity = Static<typeof VenueCommunity>;

// ------------------------------------------------------------------ bookings

const bookingFields = {
  roomId: Id,
  date: DateOnly,
  start: Time('开始时间 HH:MM'),
  end: Time('结束时间 HH:MM'),
  purpose: Type.String({ minLength: 2, maxLength: VENUE_PURPOSE_MAX, description: '用途（活动内容）' }),
  attendees: Type.Integer({ minimum: 1, maximum: VENUE_CAPACITY_MAX, description: '预计人数' }),
};

export const BookingInput = Type.Object(
  {
    ...bookingFields,
    /** A 驻区单位 account reported to several communities: the unit it books for. */
    unitId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '以哪个驻区单位预约' })),
  },
  { additionalProperties: false },
);
export type BookingInput = Static<typeof BookingInput>;

export const ResidentBookingInput = Type.Object(bookingFields, { additionalProperties: false });
export type ResidentBookingInput = Static<typeof ResidentBookingInput>;

export const BookingCancelInput = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: VENUE_REASON_MAX, description: '取消原因' }),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);
export type BookingCancelInput = Static<typeof BookingCancelInput>;

export const Booking = Type.Object({
  id: Id,
  venueId: Id,
  venueName: Type.String(),
  orgName: Type.String({ description: '阵地所属社区' }),
  roomId: Id,
  roomName: Type.String(),
  date: DateOnly,
  start: Type.String(),
  end: Type.String(),
  hours: Type.Number(),
  purpose: Type.String(),
  attendees: Type.Integer(),
  bookerKind: Enum(BOOKER_KIND_IDS, '预约方'),
  bookerName: Type.String({ description: '预约单位或居民（居民只显示姓氏）' }),
  /** A resident's phone, masked; only for the venue's community. */
  contactPhone: Nullable(Type.String()),
  status: Enum(BOOKING_STATUS_IDS, '状态'),
  cancelReason: Nullable(Type.String()),
  cancelledBy: Nullable(Type.String()),
  version: Version,
  createdAt: Timestamp,
  mine: Type.Boolean({ description: '本账号（本单位）的预约' }),
  canCancel: Type.Boolean(),
});
export type Booking = Static<typeof Booking>;

export const BookingDetail = Type.Composite([Booking, Type.Object({ history: Type.Array(WorkflowEvent) })]);
export type BookingDetail = Static<typeof BookingDetail>;

export const BookingQuery = Type.Object(
  {
    /** Default: today. */
    from: Type.Optional(DateOnly),
    /** Default: 30 days after `from`; at most 366 days after it. */
    to: Type.Optional(DateOnly),
    includeCancelled: Type.Optional(Type.Boolean({ description: '含已取消' })),
  },
  { additionalProperties: false },
);
export type BookingQuery = Static<typeof BookingQuery>;

export const BookingExportQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '社区或街道' })),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    includeCancelled: Type.Optional(Type.Boolean({ description: '含已取消' })),
  },
  { additionalProperties: false },
);
export type BookingExportQuery = Static<typeof BookingExportQuery>;

// ------------------------------------------------------------------ figures and the area warning

export const VenueUsageQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '社区或街道' })),
    /** 'YYYY-MM'; default: five months before `to`. */
    from: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: '起始月份 YYYY-MM' })),
    /** 'YYYY-MM'; default: this month. At most 24 months after `from`. */
    to: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: '截止月份 YYYY-MM' })),
  },
  { additionalProperties: false },
);
export type VenueUsageQuery = Static<typeof VenueUsageQuery>;

const Counts = Type.Object({ bookings: Type.Integer(), hours: Type.Number() });
export const VenueUsage = Type.Object({
  from: Type.String(),
  to: Type.String(),
  months: Type.Array(Type.String()),
  /** Bookings and hours by month and kind of booker, cancelled ones left out (past ones count as used). */
  byMonth: Type.Array(Type.Object({ month: Type.String(), bookerKind: Enum(BOOKER_KIND_IDS, '预约方'), bookings: Type.Integer(), hours: Type.Number() })),
  venues: Type.Array(
    Type.Object({
      venueId: Id,
      venueName: Type.String(),
      orgName: Type.String(),
      kind: Enum(VENUE_KIND_IDS, '阵地类型'),
      total: Counts,
      byKind: Type.Object({ org: Counts, unit: Counts, resident: Counts }),
      byMonth: Type.Array(Type.Object({ month: Type.String(), bookings: Type.Integer(), hours: Type.Number() })),
    }),
  ),
  total: Counts,
});
export type VenueUsage = Static<typeof VenueUsage>;

export const VenueAreaQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '社区或街道' })),
    belowOnly: Type.Optional(Type.Boolean({ description: '只看未达标的' })),
  },
  { additionalProperties: false },
);
export type VenueAreaQuery = Static<typeof VenueAreaQuery>;

/** One community against rule venue-min-area. */
export const VenueAreaRow = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  streetName: Nullable(Type.String()),
  venues: Type.Integer({ description: '登记的阵地数' }),
  countedVenues: Type.Integer({ description: '计入面积的阵地数（开放中的）' }),
  /** Of the counted area, what units' opened venues add. */
  unitAreaM2: Type.Number(),
  countedAreaM2: Type.Number(),
  requiredAreaM2: Type.Number(),
  shortfallM2: Type.Number(),
  below: Type.Boolean(),
  /** Raises the 待办 (venue.area). */
  warns: Type.Boolean(),
});
export type VenueAreaRow = Static<typeof VenueAreaRow>;

export const VenueAreaReport = Type.Object({
  ruleSetId: Type.String(),
  requiredAreaM2: Type.Number(),
  rule: Type.String({ description: '规则说明' }),
  items: Type.Array(VenueAreaRow),
});
export type VenueAreaReport = Static<typeof VenueAreaReport>;

// ------------------------------------------------------------------ residents on H5

export const ResidentVenueRoom = Type.Object({
  venueId: Id,
  venueName: Type.String(),
  orgName: Type.String(),
  address: Type.String(),
  hoursText: Type.String(),
  services: Type.Array(VenueServiceItem),
  roomId: Id,
  roomName: Type.String(),
  capacity: Type.Integer(),
});
export type ResidentVenueRoom = Static<typeof ResidentVenueRoom>;

/** A room's taken times on a day (no booker shown). */
export const RoomBusy = Type.Object({ roomId: Id, date: DateOnly, taken: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })) });
export type RoomBusy = Static<typeof RoomBusy>;
export const RoomBusyQuery = Type.Object({ date: Type.Optional(DateOnly) }, { additionalProperties: false });

export const venueAuditLabel: Record<string, string> = {
  'venue.create': '登记阵地',
  'venue.update': '修改阵地信息',
  'venue.suspend': '阵地暂停开放',
  'venue.reopen': '阵地恢复开放',
  'venue.room_add': '新增活动室',
  'venue.room_update': '修改活动室',
  'venue.import': '导入阵地台账',
  'venue_booking.create': '预约活动室',
  'venue_booking.cancel': '取消活动室预约',
};
