import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import { orgRepository } from './org.repository.ts';
import { registerOrgImportRoutes } from './org.import.routes.ts';
import { registerOrgRoutes } from './org.routes.ts';
import { createOrgService, type OrgService } from './org.service.ts';

export type { OrgService };

/** The organization module's public face: other modules get its service, never its repository. */
export function createOrgModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock }) {
  const service = createOrgService({ ...deps, orgs: orgRepository });
  return {
    service,
    register: (app: App) => {
      registerOrgRoutes(app, service);
      registerOrgImportRoutes(app, { ...deps, orgs: orgRepository, service });
    },
  };
}
