import { IdParams, OrgSetupOrgStatus, OrgSetupWarning, OrgSetupWarningQuery, Permission } from '@jiceng/contracts';
import { Type } from '@sinclair/typebox';
import { actorOf, type App } from '../../platform/http/app.ts';
import type { OrgSetupService } from './orgsetup.service.ts';

/** 组织设置预警: thin routes over the setup checks. */
export function registerOrgSetupRoutes(app: App, setup: OrgSetupService): void {
  const read = { access: Permission.ORG_READ };
  const tags = ['组织设置预警'];

  app.get('/api/org-setup/warnings', { config: read, schema: { tags, summary: '组织设置预警（本组织及下级）', querystring: OrgSetupWarningQuery, response: { 200: Type.Array(OrgSetupWarning) } } },
    (req) => setup.warnings(actorOf(req), req.query));

  app.get('/api/org-setup/orgs/:id', { config: read, schema: { tags, summary: '一个组织的设置预警（用于角标）', params: IdParams, response: { 200: OrgSetupOrgStatus } } },
    (req) => setup.forOrg(actorOf(req), req.params.id));
}
