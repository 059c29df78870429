import { Type } from '@sinclair/typebox';
import {
  CobuildActionInput,
  CobuildActivityInput,
  CobuildAgreement,
  CobuildAgreementDetail,
  CobuildAgreementInput,
  CobuildAgreementUpdate,
  CobuildCommitmentInput,
  CobuildDetailQuery,
  CobuildDoneInput,
  CobuildExportQuery,
  CobuildFundInput,
  CobuildItemParams,
  CobuildOrgOption,
  CobuildOrgQuery,
  CobuildProblemInput,
  CobuildQuery,
  CobuildRenewInput,
  CobuildRules,
  CobuildStats,
  CobuildStatsQuery,
  ErrorResponse,
  IdParams,
  ImportResult,
  Page,
  Permission,
} from '@jiceng/contracts';
import { DOCX_MIME, sendDocx } from '../../platform/documents/send.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { CobuildExport } from './cobuild.export.ts';
import type { CobuildImport } from './cobuild.import.ts';
import type { CobuildRecords } from './cobuild.records.ts';
import type { CobuildService } from './cobuild.service.ts';
import type { CobuildStatsService } from './cobuild.stats.ts';

const DocxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Word 文件（.docx）' });

export interface CobuildParts {
  service: CobuildService;
  records: CobuildRecords;
  stats: CobuildStatsService;
  exporter: CobuildExport;
  importer: CobuildImport;
}

/** 结对共建: thin routes over the agreements' services (both sides read and act in their own scope). */
export function registerCobuildRoutes(app: App, p: CobuildParts): void {
  const read = { access: Permission.REGION_READ };
  const manage = { access: Permission.REGION_MANAGE };
  const record = { access: Permission.REGION_RECORD };
  const tags = ['结对共建'];
  const params = IdParams;
  const base = '/api/cobuild/agreements';
  const detail = { 200: CobuildAgreementDetail };

  app.get(
    '/api/cobuild/rules',
    { config: read, schema: { tags, summary: '结对共建规则（默认共建内容、到期提醒天数）', response: { 200: CobuildRules } } },
    () => p.service.ruleSet(),
  );
  app.get(
    '/api/cobuild/orgs',
    {
      config: manage,
      schema: {
        tags,
        summary: '可结对的党组织（甲方：任一党组织；乙方：村、社区、企业党组织）',
        querystring: CobuildOrgQuery,
        response: { 200: Type.Array(CobuildOrgOption) },
      },
    },
    (req) => p.service.orgOptions(actorOf(req), req.query),
  );
  app.get(
    '/api/cobuild/stats',
    {
      config: read,
      schema: { tags, summary: '结对共建统计（按乙方类别、状态；活动、解决问题、资金）', querystring: CobuildStatsQuery, response: { 200: CobuildStats } },
    },
    (req) => p.stats.figures(actorOf(req), req.query),
  );

  app.get(
    base,
    {
      config: read,
      schema: { tags, summary: '结对共建协议列表（甲乙任一方在本单位范围内）', querystring: CobuildQuery, response: { 200: Page(CobuildAgreement) } },
    },
    (req) => p.service.list(actorOf(req), req.query),
  );
  app.get(
    `${base}/export`,
    {
      config: read,
      schema: { tags, summary: '导出结对共建台账（.xlsx，含合计）', querystring: CobuildExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const f = await p.exporter.ledger(actorOf(req), req.query);
      return sendXlsx(reply, f.fileName, 'cobuild.xlsx', f.data);
    },
  );
  app.get(
    `${base}/import/template`,
    { config: manage, schema: { tags, summary: '下载结对共建协议导入模板（.xlsx）', produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '结对共建协议导入模板.xlsx', 'cobuild-import-template.xlsx', await p.importer.template()),
  );
  app.post(
    `${base}/import`,
    {
      config: manage,
      schema: {
        tags,
        summary: '导入结对共建协议（逐行检查，全部无误才导入为草稿，否则一条也不导入）',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 422: ErrorResponse },
      },
    },
    async (req) => p.importer.run(actorOf(req), await uploadedFile(req)),
  );
  app.post(
    `${base}/import/error-report`,
    {
      config: manage,
      schema: {
        tags,
        summary: '结对共建协议导入错误报告：返回加了“错误说明”列的原文件，不导入',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, '结对共建协议导入错误报告.xlsx', 'cobuild-import-errors.xlsx', await p.importer.errorReport(actorOf(req), await uploadedFile(req))),
  );

  app.get(
    `${base}/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: '结对共建协议详情（unmask=true 显示联系人完整电话并记入审计；ETag 为记录版本）',
        params,
        querystring: CobuildDetailQuery,
        response: detail,
      },
    },
    async (req, reply) => versioned(reply, await p.service.get(actorOf(req), req.params.id, req.query.unmask ?? false)),
  );
  app.get(
    `${base}/:id/document.docx`,
    { config: read, schema: { tags, summary: '下载结对共建协议书（.docx，电话遮蔽）', params, produces: [DOCX_MIME], response: { 200: DocxFile } } },
    async (req, reply) => {
      const f = await p.exporter.document(actorOf(req), req.params.id);
      return sendDocx(reply, f.fileName, 'cobuild-agreement.docx', f.data);
    },
  );
  app.post(
    base,
    { config: manage, schema: { tags, summary: '起草结对共建协议（本方为起草方）', body: CobuildAgreementInput, response: { 201: CobuildAgreementDetail } } },
    async (req, reply) => reply.status(201).send(versioned(reply, await p.service.create(actorOf(req), req.body))),
  );
  app.patch(
    `${base}/:id`,
    {
      config: manage,
      schema: { tags, summary: '修改结对共建协议（草稿由起草方修改；生效后只能修改本方联系人）', params, body: CobuildAgreementUpdate, response: detail },
    },
    async (req, reply) => versioned(reply, await p.service.update(actorOf(req), req.params.id, req.body, expectedVersion(req, req.body.version))),
  );
  app.post(
    `${base}/:id/actions`,
    {
      config: manage,
      schema: {
        tags,
        summary: '办理结对共建协议：提交对方确认、撤回、确认签订（对方）、退回修改、终止协议、作废（后三项须填写原因）',
        params,
        body: CobuildActionInput,
        response: detail,
      },
    },
    async (req, reply) => versioned(reply, await p.service.act(actorOf(req), req.params.id, req.body, expectedVersion(req, req.body.version))),
  );
  app.post(
    `${base}/:id/renew`,
    {
      config: manage,
      schema: { tags, summary: '续签：起草下一期协议（沿用共建内容和联系人）', params, body: CobuildRenewInput, response: { 201: CobuildAgreementDetail } },
    },
    async (req, reply) => reply.status(201).send(await p.service.renew(actorOf(req), req.params.id, req.body)),
  );

  // ------------------------------------------------------------ the yearly plan
  const item = CobuildItemParams;
  app.post(
    `${base}/:id/commitments`,
    { config: manage, schema: { tags, summary: '年度计划：添加承诺事项', params, body: CobuildCommitmentInput, response: detail } },
    (req) => p.records.addCommitment(actorOf(req), req.params.id, req.body),
  );
  app.put(
    `${base}/:id/commitments/:itemId`,
    { config: manage, schema: { tags, summary: '年度计划：修改承诺事项（未完成的）', params: item, body: CobuildCommitmentInput, response: detail } },
    (req) => p.records.updateCommitment(actorOf(req), req.params.id, req.params.itemId, req.body),
  );
  app.delete(
    `${base}/:id/commitments/:itemId`,
    { config: manage, schema: { tags, summary: '年度计划：删除承诺事项（未完成的）', params: item, response: detail } },
    (req) => p.records.removeCommitment(actorOf(req), req.params.id, req.params.itemId),
  );
  app.post(
    `${base}/:id/commitments/:itemId/done`,
    { config: record, schema: { tags, summary: '登记承诺事项完成', params: item, body: CobuildDoneInput, response: detail } },
    (req) => p.records.completeCommitment(actorOf(req), req.params.id, req.params.itemId, req.body),
  );

  // ------------------------------------------------------------ the log
  app.post(
    `${base}/:id/activities`,
    { config: record, schema: { tags, summary: '记录共建活动', params, body: CobuildActivityInput, response: detail } },
    (req) => p.records.addActivity(actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/problems`,
    {
      config: record,
      schema: { tags, summary: '记录解决的问题（件数和说明，如：解决道路硬化问题 1 件）', params, body: CobuildProblemInput, response: detail },
    },
    (req) => p.records.addProblem(actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/funds`,
    { config: record, schema: { tags, summary: '记录筹集的资金（金额、来源、用途）', params, body: CobuildFundInput, response: detail } },
    (req) => p.records.addFund(actorOf(req), req.params.id, req.body),
  );
  app.delete(`${base}/:id/log/:itemId`, { config: record, schema: { tags, summary: '删除本方记录的台账', params: item, response: detail } }, (req) =>
    p.records.removeEntry(actorOf(req), req.params.id, req.params.itemId),
  );
}
