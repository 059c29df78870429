import { AuditEntry, AuditExportQuery, AuditQuery, Page, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../http/app.ts';
import { sendXlsx, XlsxFile } from '../http/files.ts';
import { XLSX_MIME } from '../xlsx/workbook.ts';
import type { AuditService } from './audit.service.ts';

/** The audit log viewer and its export: entries about records in the actor's subtree. */
export function registerAuditRoutes(app: App, audit: AuditService): void {
  const config = { access: Permission.AUDIT_READ };
  const tags = ['审计'];
  app.get('/api/audit', { config, schema: { tags, summary: '操作日志', querystring: AuditQuery, response: { 200: Page(AuditEntry) } } }, (req) =>
    audit.list(actorOf(req), req.query),
  );

  app.get(
    '/api/audit/export',
    {
      config,
      schema: { tags, summary: '导出操作日志（.xlsx，筛选同操作日志列表）', querystring: AuditExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const file = await audit.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'audit-log.xlsx', file.data);
    },
  );
}
