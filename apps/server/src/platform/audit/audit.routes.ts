import { AuditEntry, AuditQuery, Page, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../http/app.ts';
import type { AuditService } from './audit.service.ts';

/** The audit log viewer: entries about records in the actor's subtree. */
export function registerAuditRoutes(app: App, audit: AuditService): void {
  app.get('/api/audit', { config: { access: Permission.AUDIT_READ }, schema: { tags: ['审计'], summary: '操作日志', querystring: AuditQuery, response: { 200: Page(AuditEntry) } } },
    (req) => audit.list(actorOf(req), req.query));
}
