import { Type } from '@sinclair/typebox';
import {
  Attendance,
  AttendanceInput,
  AttendanceParams,
  ErrorResponse,
  IdParams,
  ImportResult,
  Ok,
  Page,
  Permission,
  TrainingHours,
  TrainingHoursExportQuery,
  TrainingHoursQuery,
  TrainingMeQuery,
  TrainingMine,
  TrainingSession,
  TrainingSessionExportQuery,
  TrainingSessionInput,
  TrainingSessionQuery,
  TrainingSessionUpdate,
  TrainingStats,
  TrainingYearQuery,
} from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { TrainingExport } from './training.export.ts';
import type { TrainingImport } from './training.import.ts';
import type { TrainingService } from './training.service.ts';

/** 党员教育培训: thin routes over the training service, its import and its exports. */
export function registerTrainingRoutes(app: App, training: TrainingService, importer: TrainingImport, exporter: TrainingExport): void {
  const read = { access: Permission.TRAINING_READ };
  const write = { access: Permission.TRAINING_WRITE };
  const tags = ['党员教育培训'];

  app.get(
    '/api/training/sessions',
    {
      config: read,
      schema: { tags, summary: '培训列表（本组织及下级举办的，可筛选）', querystring: TrainingSessionQuery, response: { 200: Page(TrainingSession) } },
    },
    (req) => training.list(actorOf(req), req.query),
  );

  app.get(
    '/api/training/sessions/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出培训台账（.xlsx，筛选同培训列表）',
        querystring: TrainingSessionExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await exporter.ledger(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'training-ledger.xlsx', file.data);
    },
  );

  app.post(
    '/api/training/sessions',
    { config: write, schema: { tags, summary: '新建培训', body: TrainingSessionInput, response: { 201: TrainingSession } } },
    async (req, reply) => reply.status(201).send(versioned(reply, await training.create(actorOf(req), req.body))),
  );

  app.get(
    '/api/training/sessions/:id',
    { config: read, schema: { tags, summary: '培训详情（ETag 为记录版本）', params: IdParams, response: { 200: TrainingSession } } },
    async (req, reply) => versioned(reply, await training.get(actorOf(req), req.params.id)),
  );

  app.patch(
    '/api/training/sessions/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改培训（须提交读取时的 version 或 If-Match）',
        params: IdParams,
        body: TrainingSessionUpdate,
        response: { 200: TrainingSession },
      },
    },
    async (req, reply) => versioned(reply, await training.update(actorOf(req), req.params.id, req.body, expectedVersion(req, req.body.version))),
  );

  app.delete(
    '/api/training/sessions/:id',
    { config: write, schema: { tags, summary: '删除培训（连同参训记录）', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await training.remove(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/training/sessions/:id/attendance',
    { config: read, schema: { tags, summary: '参训记录', params: IdParams, response: { 200: Type.Array(Attendance) } } },
    (req) => training.attendance(actorOf(req), req.params.id),
  );

  app.post(
    '/api/training/sessions/:id/attendance',
    {
      config: write,
      schema: {
        tags,
        summary: '登记参训情况（主办组织及下级的党员；每人每次培训一条，已登记的更新；全部无误才保存）',
        params: IdParams,
        body: AttendanceInput,
        response: { 200: Type.Array(Attendance) },
      },
    },
    (req) => training.record(actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/training/sessions/:id/attendance/:memberId',
    { config: write, schema: { tags, summary: '删除一名党员的参训记录', params: AttendanceParams, response: { 200: Ok } } },
    async (req) => {
      await training.removeAttendance(actorOf(req), req.params.id, req.params.memberId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/training/hours',
    {
      config: read,
      schema: {
        tags,
        summary: '年度培训学时（每人：学时、应达学时、差额；本组织及下级）',
        querystring: TrainingHoursQuery,
        response: { 200: Page(TrainingHours) },
      },
    },
    (req) => training.hours(actorOf(req), req.query),
  );

  app.get(
    '/api/training/hours/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出年度培训学时（.xlsx，筛选同学时列表）',
        querystring: TrainingHoursExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await exporter.hours(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'training-hours.xlsx', file.data);
    },
  );

  app.get(
    '/api/training/stats',
    {
      config: read,
      schema: {
        tags,
        summary: '年度培训统计（年报培训表所需数字：按类型的期数、人次、学时，达标人数）',
        querystring: TrainingYearQuery,
        response: { 200: TrainingStats },
      },
    },
    (req) => training.stats(actorOf(req), req.query),
  );

  app.get(
    '/api/training/me',
    {
      config: { access: Permission.MEMBER_SELF },
      schema: { tags, summary: '本人年度培训学时与参训记录', querystring: TrainingMeQuery, response: { 200: TrainingMine } },
    },
    (req) => training.mine(actorOf(req), req.query.year),
  );

  app.get(
    '/api/training/import/template',
    { config: write, schema: { tags, summary: '下载网络培训学时导入模板（.xlsx）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '网络培训学时导入模板.xlsx', 'training-import-template.xlsx', await importer.template()),
  );

  app.post(
    '/api/training/import',
    {
      config: write,
      schema: {
        tags,
        summary: '导入网络培训学时（逐行检查，全部无误才导入，否则一条也不导入）',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 422: ErrorResponse },
      },
    },
    async (req) => importer.importFile(actorOf(req), await uploadedFile(req)),
  );

  app.post(
    '/api/training/import/error-report',
    {
      config: write,
      schema: {
        tags,
        summary: '网络培训学时导入错误报告：返回加了“错误说明”列的原文件，不导入',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, '网络培训学时导入错误报告.xlsx', 'training-import-errors.xlsx', await importer.errorReport(actorOf(req), await uploadedFile(req))),
  );
}
