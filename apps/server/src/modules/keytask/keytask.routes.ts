import { Type } from '@sinclair/typebox';
import {
  AttachmentAdded,
  ErrorResponse,
  IdParams,
  ImportResult,
  KtAcceptInput,
  KtAccountabilityInput,
  KtBoard,
  KtChangeInput,
  KtClaimDecision,
  KtClaimInput,
  KtCompleteInput,
  KtDashboard,
  KtDecisionDoneInput,
  KtDecisionInput,
  KtHoldInput,
  KtPlanInput,
  KtPlanQuery,
  KtPlanSummary,
  KtProgressFileIdParams,
  KtProgressInput,
  KtProgressFileParams,
  KtReasonInput,
  KtReviewDetail,
  KtReviewInput,
  KtReviewItemParams,
  KtReviewSummary,
  KtTaskDetail,
  KtTaskInput,
  KtTaskParams,
  KtTaskQuery,
  KtTaskSummary,
  KtTaskUpdate,
  Page,
  PageNumber,
  pageSizeField,
  Permission,
  Version,
  Id,
} from '@jiceng/contracts';
import { sendAttachment } from '../../platform/attachments/index.ts';
import { DOCX_MIME, sendDocx } from '../../platform/documents/send.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, UPLOAD_DESCRIPTION, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { KeyTaskExport } from './keytask.export.ts';
import type { KeyTaskImport } from './keytask.import.ts';
import type { KeyTaskProgress } from './keytask.progress.ts';
import type { KeyTaskReports } from './keytask.reports.ts';
import type { KeyTaskReviews } from './keytask.review.ts';
import type { KeyTaskService } from './keytask.service.ts';

const DocxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Word 文件（.docx）' });
const VersionBody = Type.Object({ version: Type.Optional(Version) });
const AcceptanceFileParams = Type.Object({ id: Id, acceptanceId: Id });
const AcceptanceFileIdParams = Type.Object({ id: Id, acceptanceId: Id, fileId: Id });
const ReviewQuery = Type.Object({ planId: Type.Optional(Id), page: PageNumber, pageSize: pageSizeField() });

interface Parts {
  service: KeyTaskService;
  progress: KeyTaskProgress;
  reviews: KeyTaskReviews;
  reports: KeyTaskReports;
  exporter: KeyTaskExport;
  importer: KeyTaskImport;
}

/**
 * 重点任务: thin routes over the services. Each route names the least permission it needs; the
 * services check the account's part in the record (plan owner, confirmed lead or supporter).
 */
export function registerKeyTaskRoutes(app: App, p: Parts): void {
  const read = { access: Permission.TASK_READ };
  const plan = { access: Permission.TASK_PLAN };
  const report = { access: Permission.TASK_REPORT };
  const tags = ['重点任务'];
  const v = <T extends { version?: number }>(req: { body: T; headers: Record<string, unknown> }) => ({
    ...req.body,
    version: expectedVersion(req as never, req.body.version) ?? undefined,
  });

  app.get(
    '/api/keytasks/plans',
    { config: read, schema: { tags, summary: '重点任务计划列表', querystring: KtPlanQuery, response: { 200: Page(KtPlanSummary) } } },
    (req) => p.service.listPlans(actorOf(req), req.query),
  );
  app.post(
    '/api/keytasks/plans',
    { config: plan, schema: { tags, summary: '新建年度重点任务计划', body: KtPlanInput, response: { 201: KtPlanSummary } } },
    async (req, reply) => reply.status(201).send(await p.service.createPlan(actorOf(req), req.body)),
  );
  app.get('/api/keytasks/plans/:id', { config: read, schema: { tags, summary: '计划概况', params: IdParams, response: { 200: KtPlanSummary } } }, (req) =>
    p.service.getPlan(actorOf(req), req.params.id),
  );
  app.post(
    '/api/keytasks/plans/:id/publish',
    { config: plan, schema: { tags, summary: '发布计划（任务全部上榜，供揭榜认领）', params: IdParams, body: VersionBody, response: { 200: KtPlanSummary } } },
    (req) => p.service.publishPlan(actorOf(req), req.params.id, v(req).version),
  );
  app.post(
    '/api/keytasks/plans/:id/archive',
    { config: plan, schema: { tags, summary: '归档计划', params: IdParams, response: { 200: KtPlanSummary } } },
    (req) => p.service.archivePlan(actorOf(req), req.params.id),
  );
  app.post(
    '/api/keytasks/plans/:id/tasks',
    { config: plan, schema: { tags, summary: '新增任务（含子任务和时间节点）', params: IdParams, body: KtTaskInput, response: { 201: KtTaskDetail } } },
    async (req, reply) => reply.status(201).send(await p.service.addTask(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/keytasks/plans/:id/board',
    { config: read, schema: { tags, summary: '揭榜榜单（已认领、待认领，按单位）', params: IdParams, response: { 200: KtBoard } } },
    (req) => p.reports.board(actorOf(req), req.params.id),
  );
  app.get(
    '/api/keytasks/plans/:id/dashboard',
    { config: read, schema: { tags, summary: '计划看板（完成情况、单位排名、滞后清单、进度甘特图）', params: IdParams, response: { 200: KtDashboard } } },
    (req) => p.reports.dashboard(actorOf(req), req.params.id),
  );
  app.get(
    '/api/keytasks/plans/:id/export',
    { config: read, schema: { tags, summary: '导出重点任务清单（.xlsx）', params: IdParams, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const f = await p.exporter.plan(actorOf(req), req.params.id);
      return sendXlsx(reply, f.fileName, 'keytasks.xlsx', f.data);
    },
  );
  app.get(
    '/api/keytasks/plans/:id/import/template',
    { config: plan, schema: { tags, summary: '下载重点任务清单导入模板（.xlsx）', params: IdParams, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (_req, reply) => sendXlsx(reply, '重点任务清单导入模板.xlsx', 'keytask-import-template.xlsx', await p.importer.template()),
  );
  app.post(
    '/api/keytasks/plans/:id/import',
    {
      config: plan,
      schema: {
        tags,
        summary: '导入重点任务清单（逐行检查，全部无误才导入，否则一条也不导入）',
        description: UPLOAD_DESCRIPTION,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, 422: ErrorResponse },
      },
    },
    async (req) => p.importer.run(actorOf(req), req.params.id, await uploadedFile(req)),
  );
  app.post(
    '/api/keytasks/plans/:id/import/error-report',
    {
      config: plan,
      schema: {
        tags,
        summary: '重点任务清单导入错误报告：返回加了“错误说明”列的原文件，不导入',
        description: UPLOAD_DESCRIPTION,
        params: IdParams,
        consumes: ['multipart/form-data'],
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        '重点任务清单导入错误报告.xlsx',
        'keytask-import-errors.xlsx',
        await p.importer.errorReport(actorOf(req), req.params.id, await uploadedFile(req)),
      ),
  );

  // ------------------------------------------------------------ tasks
  app.get(
    '/api/keytasks/tasks',
    { config: read, schema: { tags, summary: '重点任务列表（可筛选）', querystring: KtTaskQuery, response: { 200: Page(KtTaskSummary) } } },
    (req) => p.service.listTasks(actorOf(req), req.query),
  );
  app.get('/api/keytasks/tasks/:id', { config: read, schema: { tags, summary: '任务详情', params: IdParams, response: { 200: KtTaskDetail } } }, (req) =>
    p.service.getTask(actorOf(req), req.params.id),
  );
  app.put(
    '/api/keytasks/tasks/:id',
    { config: plan, schema: { tags, summary: '修改任务（落实牵头单位前）', params: IdParams, body: KtTaskUpdate, response: { 200: KtTaskDetail } } },
    (req) => p.service.updateTask(actorOf(req), req.params.id, v(req)),
  );
  app.post(
    '/api/keytasks/tasks/:id/change',
    {
      config: plan,
      schema: { tags, summary: '调整推进目标或完成时限（须写明决定依据）', params: IdParams, body: KtChangeInput, response: { 200: KtTaskDetail } },
    },
    (req) => p.progress.change(actorOf(req), req.params.id, v(req)),
  );
  app.post(
    '/api/keytasks/tasks/:id/claims',
    {
      config: report,
      schema: { tags, summary: '揭榜认领（牵头或配合，写明责任人、岗位、责任）', params: IdParams, body: KtClaimInput, response: { 200: KtTaskDetail } },
    },
    (req) => p.service.claim(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/keytasks/tasks/:id/claims/:claimId/decide',
    { config: plan, schema: { tags, summary: '确认或不予确认认领', params: KtTaskParams, body: KtClaimDecision, response: { 200: KtTaskDetail } } },
    (req) => p.service.decideClaim(actorOf(req), req.params.id, req.params.claimId, req.body),
  );
  app.post(
    '/api/keytasks/tasks/:id/claims/:claimId/withdraw',
    { config: report, schema: { tags, summary: '撤回认领（确认前）', params: KtTaskParams, response: { 200: KtTaskDetail } } },
    (req) => p.service.withdrawClaim(actorOf(req), req.params.id, req.params.claimId),
  );
  app.post(
    '/api/keytasks/tasks/:id/progress',
    { config: report, schema: { tags, summary: '报告进展', params: IdParams, body: KtProgressInput, response: { 200: KtTaskDetail } } },
    (req) => p.progress.report(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/keytasks/tasks/:id/progress/:progressId/attachments',
    {
      config: report,
      schema: {
        tags,
        summary: '上传进展佐证材料（multipart 字段 file）',
        params: KtProgressFileParams,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => p.progress.addFile(actorOf(req), req.params.id, 'kt_progress', req.params.progressId, await uploadedFile(req, '进展佐证材料')),
  );
  app.get(
    '/api/keytasks/tasks/:id/progress/:progressId/attachments/:fileId',
    { config: read, schema: { tags, summary: '下载进展佐证材料', params: KtProgressFileIdParams } },
    async (req, reply) =>
      sendAttachment(reply, await p.progress.readFile(actorOf(req), req.params.id, 'kt_progress', req.params.progressId, req.params.fileId), { inline: true }),
  );
  app.post(
    '/api/keytasks/tasks/:id/complete',
    {
      config: report,
      schema: { tags, summary: '报告任务完成（牵头单位，进度达到100%）', params: IdParams, body: KtCompleteInput, response: { 200: KtTaskDetail } },
    },
    (req) => p.progress.complete(actorOf(req), req.params.id, v(req)),
  );
  app.post(
    '/api/keytasks/tasks/:id/accept',
    {
      config: plan,
      schema: { tags, summary: '验收（对照验收标准评分，未达合格分退回牵头单位）', params: IdParams, body: KtAcceptInput, response: { 200: KtTaskDetail } },
    },
    (req) => p.progress.accept(actorOf(req), req.params.id, v(req)),
  );
  app.post(
    '/api/keytasks/tasks/:id/acceptances/:acceptanceId/attachments',
    {
      config: plan,
      schema: {
        tags,
        summary: '上传验收材料（multipart 字段 file）',
        params: AcceptanceFileParams,
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentAdded },
      },
    },
    async (req) => p.progress.addFile(actorOf(req), req.params.id, 'kt_acceptance', req.params.acceptanceId, await uploadedFile(req, '验收材料')),
  );
  app.get(
    '/api/keytasks/tasks/:id/acceptances/:acceptanceId/attachments/:fileId',
    { config: read, schema: { tags, summary: '下载验收材料', params: AcceptanceFileIdParams } },
    async (req, reply) =>
      sendAttachment(reply, await p.progress.readFile(actorOf(req), req.params.id, 'kt_acceptance', req.params.acceptanceId, req.params.fileId), {
        inline: true,
      }),
  );
  app.post(
    '/api/keytasks/tasks/:id/cancel',
    { config: plan, schema: { tags, summary: '撤销任务（须写明原因）', params: IdParams, body: KtReasonInput, response: { 200: KtTaskDetail } } },
    (req) => p.service.cancel(actorOf(req), req.params.id, req.body.reason, v(req).version),
  );
  app.post(
    '/api/keytasks/tasks/:id/accountability',
    {
      config: plan,
      schema: { tags, summary: '记录问责（滞后、逾期或验收不通过的任务）', params: IdParams, body: KtAccountabilityInput, response: { 200: KtTaskDetail } },
    },
    (req) => p.progress.accountability(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/keytasks/tasks/:id/decisions/:reviewId/done',
    {
      config: read,
      schema: {
        tags,
        summary: '报告调度会决定的落实情况',
        params: Type.Object({ id: Id, reviewId: Id }),
        body: KtDecisionDoneInput,
        response: { 200: KtTaskDetail },
      },
    },
    (req) => p.progress.decisionDone(actorOf(req), req.params.id, req.params.reviewId, req.body),
  );

  // ------------------------------------------------------------ 调度会
  app.get(
    '/api/keytasks/reviews',
    { config: read, schema: { tags, summary: '调度会列表', querystring: ReviewQuery, response: { 200: Page(KtReviewSummary) } } },
    (req) => p.reviews.list(actorOf(req), req.query),
  );
  app.post(
    '/api/keytasks/reviews',
    {
      config: plan,
      schema: { tags, summary: '新建调度会（汇总计划内每项任务的进度、滞后、逾期节点和风险）', body: KtReviewInput, response: { 201: KtReviewDetail } },
    },
    async (req, reply) => reply.status(201).send(await p.reviews.create(actorOf(req), req.body)),
  );
  app.get('/api/keytasks/reviews/:id', { config: read, schema: { tags, summary: '调度会详情', params: IdParams, response: { 200: KtReviewDetail } } }, (req) =>
    p.reviews.detail(actorOf(req), req.params.id),
  );
  app.put(
    '/api/keytasks/reviews/:id/items/:taskId',
    { config: plan, schema: { tags, summary: '记录对一项任务的决定', params: KtReviewItemParams, body: KtDecisionInput, response: { 200: KtReviewDetail } } },
    (req) => p.reviews.decide(actorOf(req), req.params.id, req.params.taskId, req.body),
  );
  app.post(
    '/api/keytasks/reviews/:id/hold',
    {
      config: plan,
      schema: { tags, summary: '召开调度会：记录参会人员和纪要，决定生效并交办', params: IdParams, body: KtHoldInput, response: { 200: KtReviewDetail } },
    },
    (req) => p.reviews.hold(actorOf(req), req.params.id, v(req)),
  );
  const file = (
    path: string,
    summary: string,
    kind: 'docx' | 'xlsx',
    make: (a: ReturnType<typeof actorOf>, id: string) => Promise<{ fileName: string; data: Buffer }>,
  ) =>
    app.get(
      path,
      {
        config: read,
        schema: {
          tags,
          summary,
          params: IdParams,
          produces: [kind === 'docx' ? DOCX_MIME : XLSX_MIME],
          response: { 200: kind === 'docx' ? DocxFile : XlsxFile },
        },
      },
      async (req, reply) => {
        const f = await make(actorOf(req), req.params.id);
        return kind === 'docx' ? sendDocx(reply, f.fileName, `review.${kind}`, f.data) : sendXlsx(reply, f.fileName, `review.${kind}`, f.data);
      },
    );
  file('/api/keytasks/reviews/:id/briefing.docx', '下载调度会材料（.docx）', 'docx', p.exporter.briefingDocx);
  file('/api/keytasks/reviews/:id/briefing.xlsx', '下载调度会材料（.xlsx）', 'xlsx', p.exporter.briefingXlsx);
  file('/api/keytasks/reviews/:id/minutes.docx', '下载调度会纪要（.docx）', 'docx', p.exporter.minutesDocx);
}
