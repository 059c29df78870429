import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { OrgService } from '../org/index.ts';
import { createMemberExportService } from './member.export.ts';
import { importJobRepository } from './member.import.repository.ts';
import { pendingImportRepository } from './member.import.pending.ts';
import { registerMemberImportRoutes } from './member.import.routes.ts';
import { createMemberImportService } from './member.import.ts';
import { memberRepository } from './member.repository.ts';
import { registerMemberRoutes } from './member.routes.ts';
import { memberStatsRepository } from './member.stats.repository.ts';
import { registerMemberStatsRoutes } from './member.stats.routes.ts';
import { createMemberStatsService } from './member.stats.ts';
import { createMemberService, type MemberService } from './member.service.ts';

export type { MemberService };
export type { MemberRow } from './member.repository.ts';

/** The member module: records, lifecycle, extended tabs. Other modules get its service. */
export function createMemberModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto; orgs: OrgService }) {
  const service = createMemberService({ ...deps, members: memberRepository });
  // Roster import/export: in-memory checks and bulk writes through the repository, list filters through the service.
  const importer = createMemberImportService({ ...deps, members: memberRepository, jobs: importJobRepository, pending: pendingImportRepository });
  const exporter = createMemberExportService({ ...deps, members: memberRepository, service });
  const stats = createMemberStatsService({ ...deps, stats: memberStatsRepository });
  return {
    service,
    importer,
    register: (app: App) => {
      registerMemberRoutes(app, service);
      registerMemberImportRoutes(app, importer, exporter);
      registerMemberStatsRoutes(app, stats);
    },
  };
}
