import { Type } from '@sinclair/typebox';
import {
  Booking,
  BookingCancelInput,
  BookingDetail,
  BookingExportQuery,
  BookingInput,
  BookingQuery,
  IdParams,
  Permission,
  ResidentBookingInput,
  ResidentVenueRoom,
  RoomBusy,
  RoomBusyQuery,
} from '@jiceng/contracts';
import { actorOf, residentOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { VenueExport } from './venue.export.ts';
import type { VenueService } from './venue.service.ts';

/** Room bookings: the accounts' side (organizations and 驻区单位) and the residents' on H5. */
export function registerBookingRoutes(app: App, venues: VenueService, exporter: VenueExport): void {
  const either = { access: 'authenticated' as const };
  const read = { access: Permission.REGION_READ };
  const resident = { access: 'resident' as const };
  const tags = ['阵地预约'];
  const params = IdParams;

  app.get(
    '/api/venues/:id/bookings',
    {
      config: either,
      schema: { tags, summary: '阵地的预约（按日期范围，默认今天起 30 天）', params, querystring: BookingQuery, response: { 200: Type.Array(Booking) } },
    },
    (req) => venues.bookings(actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/venues/:id/bookings',
    {
      config: either,
      schema: {
        tags,
        summary: '预约活动室（须在开放时间内、不超过容纳人数；同一活动室同一时段只能有一个预约）',
        params,
        body: BookingInput,
        response: { 201: BookingDetail },
      },
    },
    async (req, reply) => reply.status(201).send(versioned(reply, await venues.book(actorOf(req), req.params.id, req.body))),
  );

  app.get(
    '/api/venue-bookings/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出阵地预约记录（.xlsx，默认今天起 30 天）',
        querystring: BookingExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const f = await exporter.bookings(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'venue-bookings.xlsx', f.data);
    },
  );

  app.get(
    '/api/venue-bookings/:id',
    { config: either, schema: { tags, summary: '预约详情（含流转记录）', params, response: { 200: BookingDetail } } },
    async (req, reply) => versioned(reply, await venues.booking(actorOf(req), req.params.id)),
  );

  app.post(
    '/api/venue-bookings/:id/cancel',
    {
      config: either,
      schema: {
        tags,
        summary: '取消预约（预约人或阵地所属社区，须填写原因；开始后不能取消）',
        params,
        body: BookingCancelInput,
        response: { 200: BookingDetail },
      },
    },
    async (req, reply) =>
      versioned(reply, await venues.cancel(actorOf(req), req.params.id, { ...req.body, version: expectedVersion(req, req.body.version) ?? undefined })),
  );

  // ---------------------------------------------------------------- residents on H5

  app.get(
    '/api/resident/venues',
    { config: resident, schema: { tags, summary: '居民可预约的活动室（开放中的阵地）', response: { 200: Type.Array(ResidentVenueRoom) } } },
    () => venues.residentRooms(),
  );

  app.get(
    '/api/resident/venues/rooms/:id/busy',
    { config: resident, schema: { tags, summary: '活动室某天已被预约的时段', params, querystring: RoomBusyQuery, response: { 200: RoomBusy } } },
    (req) => venues.roomBusy(req.params.id, req.query.date),
  );

  app.get('/api/resident/venue-bookings', { config: resident, schema: { tags, summary: '我的活动室预约', response: { 200: Type.Array(Booking) } } }, (req) =>
    venues.residentBookings(residentOf(req)),
  );

  app.post(
    '/api/resident/venue-bookings',
    {
      config: resident,
      schema: { tags, summary: '预约活动室（每位居民同时最多保留 2 个未使用的预约）', body: ResidentBookingInput, response: { 201: Booking } },
    },
    async (req, reply) => reply.status(201).send(await venues.residentBook(residentOf(req), req.body)),
  );

  app.post(
    '/api/resident/venue-bookings/:id/cancel',
    { config: resident, schema: { tags, summary: '取消本人的预约（须填写原因）', params, body: BookingCancelInput, response: { 200: Booking } } },
    (req) => venues.residentCancel(residentOf(req), req.params.id, req.body),
  );
}
