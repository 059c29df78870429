import {
  bookerKindLabel,
  bookingStatusLabel,
  venueKindLabel,
  venueStatusLabel,
  type Booking,
  type BookingExportQuery,
  type Venue,
  type VenueExportQuery,
} from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import { dateRange } from './venue.booking.service.ts';
import type { VenueCore } from './venue.core.ts';
import { isOrgSide, venueScopeOf } from './venue.policy.ts';
import { presentBooking } from './venue.presenter.ts';
import type { VenueService } from './venue.service.ts';

export const VENUE_SHEET = '阵地台账';
export const BOOKING_SHEET = '阵地预约记录';

const VENUE_COLUMNS: ExportColumn<Venue>[] = [
  { key: 'name', header: '阵地名称', width: 24, value: (r) => r.name },
  { key: 'kind', header: '类型', width: 16, value: (r) => venueKindLabel[r.kind] },
  { key: 'org', header: '所属社区', width: 24, value: (r) => r.orgName },
  { key: 'street', header: '所属街道', width: 20, value: (r) => r.streetName ?? '' },
  { key: 'unit', header: '开放单位', width: 22, value: (r) => r.unitName ?? '' },
  { key: 'address', header: '地址', width: 30, value: (r) => r.address },
  { key: 'area', header: '面积（平方米）', width: 12, value: (r) => r.areaM2 },
  { key: 'rooms', header: '活动室数', width: 8, value: (r) => r.roomCount },
  { key: 'capacity', header: '容纳人数', width: 8, value: (r) => r.capacity },
  { key: 'hours', header: '开放时间', width: 40, value: (r) => r.hoursText },
  { key: 'manager', header: '管理人', width: 10, value: (r) => r.managerName },
  { key: 'phone', header: '联系电话', width: 14, value: (r) => r.managerPhone },
  { key: 'services', header: '服务清单', width: 36, value: (r) => r.services.map((s) => (s.description ? `${s.name}：${s.description}` : s.name)).join('\n') },
  { key: 'status', header: '状态', width: 10, value: (r) => venueStatusLabel[r.status] },
  { key: 'reason', header: '暂停原因', width: 20, value: (r) => r.statusReason ?? '' },
];

const BOOKING_COLUMNS: ExportColumn<Booking>[] = [
  { key: 'date', header: '日期', width: 12, value: (r) => r.date },
  { key: 'time', header: '时段', width: 12, value: (r) => `${r.start}-${r.end}` },
  { key: 'hours', header: '时长（小时）', width: 10, value: (r) => r.hours },
  { key: 'venue', header: '阵地', width: 24, value: (r) => r.venueName },
  { key: 'room', header: '活动室', width: 16, value: (r) => r.roomName },
  { key: 'org', header: '所属社区', width: 24, value: (r) => r.orgName },
  { key: 'kind', header: '预约方类型', width: 10, value: (r) => bookerKindLabel[r.bookerKind] },
  { key: 'booker', header: '预约方', width: 24, value: (r) => r.bookerName },
  { key: 'purpose', header: '用途', width: 30, value: (r) => r.purpose },
  { key: 'attendees', header: '预计人数', width: 8, value: (r) => r.attendees },
  { key: 'status', header: '状态', width: 8, value: (r) => bookingStatusLabel[r.status] },
  { key: 'reason', header: '取消原因', width: 20, value: (r) => r.cancelReason ?? '' },
];

/** The venue ledger and the bookings as .xlsx: the list's own scope and filters (phones masked). */
export function createVenueExport(deps: { core: VenueCore; service: VenueService; clock: Clock }) {
  const { core, service, clock } = deps;
  const { db, regionId, crypto, bookings, venues, unitsOf, now } = core;

  async function whose(actor: Actor, orgId: string | undefined): Promise<{ name: string; path: string | null }> {
    if (!orgId) return { name: actor.orgName, path: null };
    const o = await venues.org(db, regionId, orgId);
    if (!o || !isOrgSide(actor) || !pathInScope(actor, o.path)) throw notFound('社区');
    return { name: o.name, path: o.path };
  }

  return {
    async venues(actor: Actor, q: VenueExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const name = q.orgId ? (await whose(actor, q.orgId)).name : actor.orgName;
      const rows = allPages((page, pageSize) => service.list(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('阵地台账', name, clock.today()), data: await exportWorkbook(VENUE_SHEET, VENUE_COLUMNS, rows) };
    },

    async bookings(actor: Actor, q: BookingExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const units = await unitsOf(db, actor);
      const scope = venueScopeOf(actor, units);
      const w = await whose(actor, q.orgId);
      const t = now();
      const { from, to } = dateRange(q, t.today);
      const rows = (await bookings.inScope(db, regionId, scope, w.path, from, to, q.includeCancelled ?? false)).map((b) =>
        presentBooking(b, actor, units, crypto, t),
      );
      return { fileName: exportFileName('阵地预约记录', w.name, clock.today()), data: await exportWorkbook(BOOKING_SHEET, BOOKING_COLUMNS, rows) };
    },
  };
}
export type VenueExport = ReturnType<typeof createVenueExport>;
