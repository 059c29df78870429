import { Type } from '@sinclair/typebox';
import {
  AppraisalBulkInput,
  AppraisalGradeInput,
  AppraisalSheet,
  AppraisalSheetQuery,
  Disposition,
  DispositionListQuery,
  DispositionUpdate,
  IdParams,
  MyAppraisal,
  Permission,
} from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { DispositionExport } from './appraisal.export.ts';
import type { AppraisalService } from './appraisal.service.ts';

/** 民主评议党员: thin routes over the appraisal service. */
export function registerAppraisalRoutes(app: App, appraisals: AppraisalService, exporter: DispositionExport): void {
  const read = { access: Permission.MEMBER_READ };
  const write = { access: Permission.MEMBER_WRITE };
  const tags = ['民主评议'];

  app.get(
    '/api/appraisals',
    {
      config: read,
      schema: { tags, summary: '党支部年度评议表（党员、等次、各等次人数、优秀上限）', querystring: AppraisalSheetQuery, response: { 200: AppraisalSheet } },
    },
    (req) => appraisals.sheet(actorOf(req), req.query.orgId, req.query.year),
  );

  app.put(
    '/api/appraisals/grade',
    {
      config: write,
      schema: { tags, summary: '评定一名党员的等次（不合格须同时确定组织处置）', body: AppraisalGradeInput, response: { 200: AppraisalSheet } },
    },
    (req) => appraisals.setGrade(actorOf(req), req.body),
  );

  app.put(
    '/api/appraisals',
    { config: write, schema: { tags, summary: '批量评定等次（整体校验，全部保存或全部不保存）', body: AppraisalBulkInput, response: { 200: AppraisalSheet } } },
    (req) => appraisals.setGrades(actorOf(req), req.body),
  );

  app.get(
    '/api/appraisals/dispositions',
    { config: read, schema: { tags, summary: '不合格党员组织处置列表', querystring: DispositionListQuery, response: { 200: Type.Array(Disposition) } } },
    (req) => appraisals.dispositions(actorOf(req), req.query),
  );

  app.get(
    '/api/appraisals/dispositions/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出不合格党员组织处置列表（.xlsx，筛选同列表）',
        querystring: DispositionListQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) => {
      const file = await exporter.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'dispositions.xlsx', file.data);
    },
  );

  app.patch(
    '/api/appraisals/dispositions/:id',
    { config: write, schema: { tags, summary: '调整整改期限或办结组织处置', params: IdParams, body: DispositionUpdate, response: { 200: Disposition } } },
    (req) => appraisals.updateDisposition(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/me/appraisals',
    { config: { access: Permission.MEMBER_SELF }, schema: { tags, summary: '本人历年民主评议结果', response: { 200: Type.Array(MyAppraisal) } } },
    (req) => appraisals.mine(actorOf(req)),
  );
}
