import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { MemberService } from '../member/index.ts';
import { createReportInExport } from './reportin.export.ts';
import { reportInRepository } from './reportin.repository.ts';
import { registerReportInRoutes } from './reportin.routes.ts';
import { createReportInService, type ReportInService } from './reportin.service.ts';

export type { ReportInService };

/** 双报到: in-service members and resident units reporting to the community. */
export function createReportInModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto; members: MemberService }) {
  const service = createReportInService({ ...deps, reports: reportInRepository });
  const exporter = createReportInExport({ service, clock: deps.clock });
  return { service, register: (app: App) => registerReportInRoutes(app, service, exporter) };
}
export { actingUnit, reportedUnits, type ReportedUnit } from './reportin.units.ts';
