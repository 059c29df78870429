import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import { createOrgExportService } from './org.export.ts';
import { createOrgImportService } from './org.import.ts';
import { orgRepository } from './org.repository.ts';
import { registerOrgImportRoutes } from './org.import.routes.ts';
import { registerOrgRoutes } from './org.routes.ts';
import { createOrgService, type OrgService } from './org.service.ts';
import { createTreeLevels } from './org.tree.ts';
import { createTermProblemExport } from './org.terms.export.ts';

export type { OrgService };

/** The organization module's public face: other modules get its service, never its repository. */
export function createOrgModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock }) {
  const service = createOrgService({ ...deps, orgs: orgRepository });
  // The spreadsheet services create through the org service (validated and audited like the form)
  // and read with the repository.
  const transfer = { ...deps, orgs: orgRepository, service };
  const importer = createOrgImportService(transfer);
  const exporter = createOrgExportService(transfer);
  const levels = createTreeLevels({ ...deps, orgs: orgRepository });
  const termExport = createTermProblemExport({ service, clock: deps.clock });
  return {
    service,
    importer,
    exporter,
    register: (app: App) => {
      registerOrgRoutes(app, service, levels, termExport);
      registerOrgImportRoutes(app, importer, exporter);
    },
  };
}
