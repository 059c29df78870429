import { Type } from '@sinclair/typebox';
import {
  ErrorResponse,
  IdParams,
  ImportResult,
  Page,
  Permission,
  Venue,
  VenueAreaQuery,
  VenueAreaReport,
  VenueCommunity,
  VenueDetail,
  VenueExportQuery,
  VenueGetQuery,
  VenueInput,
  VenueQuery,
  VenueRoomInput,
  VenueRoomParams,
  VenueStatusInput,
  VenueUpdate,
  VenueUsage,
  VenueUsageQuery,
} from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { VenueExport } from './venue.export.ts';
import type { VenueImport } from './venue.import.ts';
import type { VenueService } from './venue.service.ts';
import { registerBookingRoutes } from './venue.booking.routes.ts';

/**
 * 阵地: thin routes over the venue service. Routes both an organization account and a 驻区单位
 * account use declare `authenticated`, and the policy narrows them (regional:read in the subtree, or
 * regional:unit for the unit's communities and own venue); the rest name their permission.
 */
export function registerVenueRoutes(app: App, venues: VenueService, exporter: VenueExport, importer: VenueImport): void {
  const either = { access: 'authenticated' as const };
  const read = { access: Permission.REGION_READ };
  const manage = { access: Permission.REGION_MANAGE };
  const tags = ['阵地'];
  const params = IdParams;

  app.get(
    '/api/venues',
    {
      config: either,
      schema: { tags, summary: '阵地列表（本组织及下级社区的；驻区单位：报到社区的和本单位开放的）', querystring: VenueQuery, response: { 200: Page(Venue) } },
    },
    (req) => venues.list(actorOf(req), req.query),
  );

  app.get(
    '/api/venues/export',
    {
      config: read,
      schema: { tags, summary: '导出阵地台账（.xlsx，筛选同列表）', querystring: VenueExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await exporter.venues(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'venues.xlsx', f.data);
    },
  );

  app.get(
    '/api/venues/import/template',
    { config: manage, schema: { tags, summary: '下载阵地台账导入模板（.xlsx）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '阵地台账导入模板.xlsx', 'venue-import-template.xlsx', await importer.template()),
  );

  app.post(
    '/api/venues/import',
    {
      config: manage,
      schema: {
        tags,
        summary: '导入阵地台账（逐行检查，全部无误才导入，否则一条也不导入）',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 422: ErrorResponse },
      },
    },
    async (req) => importer.run(actorOf(req), await uploadedFile(req)),
  );

  app.post(
    '/api/venues/import/error-report',
    {
      config: manage,
      schema: {
        tags,
        summary: '阵地台账导入错误报告：返回加了“错误说明”列的原文件，不导入',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, '阵地台账导入错误报告.xlsx', 'venue-import-errors.xlsx', await importer.errorReport(actorOf(req), await uploadedFile(req))),
  );

  app.get(
    '/api/venues/communities',
    { config: either, schema: { tags, summary: '可登记阵地的社区（村）及向其报到的驻区单位', response: { 200: Type.Array(VenueCommunity) } } },
    (req) => venues.communities(actorOf(req)),
  );

  app.get(
    '/api/venues/usage',
    {
      config: either,
      schema: { tags, summary: '阵地使用统计：各阵地每月预约次数与时长，按预约方类型', querystring: VenueUsageQuery, response: { 200: VenueUsage } },
    },
    (req) => venues.usage(actorOf(req), req.query),
  );

  app.get(
    '/api/venues/area-warnings',
    {
      config: read,
      schema: {
        tags,
        summary: '社区阵地面积预警（每个社区不少于规定面积，含驻区单位开放阵地）',
        querystring: VenueAreaQuery,
        response: { 200: VenueAreaReport },
      },
    },
    (req) => venues.areaReport(actorOf(req), req.query),
  );

  app.get(
    '/api/venues/:id',
    {
      config: either,
      schema: {
        tags,
        summary: '阵地详情（活动室、开放时间、服务清单；unmask=true 显示完整电话并记入审计）',
        params,
        querystring: VenueGetQuery,
        response: { 200: VenueDetail },
      },
    },
    async (req, reply) => versioned(reply, await venues.get(actorOf(req), req.params.id, req.query.unmask ?? false)),
  );

  app.post(
    '/api/venues',
    { config: either, schema: { tags, summary: '登记阵地（社区；驻区单位登记本单位开放阵地）', body: VenueInput, response: { 201: VenueDetail } } },
    async (req, reply) => reply.status(201).send(versioned(reply, await venues.create(actorOf(req), req.body))),
  );

  app.put(
    '/api/venues/:id',
    {
      config: either,
      schema: { tags, summary: '修改阵地信息（须提交读取时的 version 或 If-Match）', params, body: VenueUpdate, response: { 200: VenueDetail } },
    },
    async (req, reply) => versioned(reply, await venues.update(actorOf(req), req.params.id, req.body, expectedVersion(req, req.body.version))),
  );

  app.post(
    '/api/venues/:id/status',
    { config: either, schema: { tags, summary: '暂停开放（须填写原因）或恢复开放', params, body: VenueStatusInput, response: { 200: VenueDetail } } },
    async (req, reply) =>
      versioned(reply, await venues.setStatus(actorOf(req), req.params.id, { ...req.body, version: expectedVersion(req, req.body.version) ?? undefined })),
  );

  app.post(
    '/api/venues/:id/rooms',
    { config: either, schema: { tags, summary: '新增活动室', params, body: VenueRoomInput, response: { 200: VenueDetail } } },
    async (req, reply) => versioned(reply, await venues.addRoom(actorOf(req), req.params.id, req.body)),
  );

  app.put(
    '/api/venues/:id/rooms/:roomId',
    {
      config: either,
      schema: { tags, summary: '修改活动室（停用后不再接受预约）', params: VenueRoomParams, body: VenueRoomInput, response: { 200: VenueDetail } },
    },
    async (req, reply) => versioned(reply, await venues.updateRoom(actorOf(req), req.params.id, req.params.roomId, req.body)),
  );

  registerBookingRoutes(app, venues, exporter);
}
