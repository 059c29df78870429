import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { describeUniqueConstraints } from '../../platform/db/db-errors.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import { createVenueCore } from './venue.core.ts';
import { createVenueExport } from './venue.export.ts';
import { createVenueImport } from './venue.import.ts';
import { registerVenueRoutes } from './venue.routes.ts';
import { venueServiceOn, type VenueService } from './venue.service.ts';
import { venueTodoSources } from './venue.todo.ts';

export type { VenueService };

/**
 * 阵地 (issue 14, ADR 0026): the venues of the communities (党群服务中心, 红色驿站, 新时代文明实践站,
 * units' opened venues) with rooms, opening hours and 服务清单; room bookings by organizations, 驻区单位
 * and residents with no two active bookings of a room overlapping (row lock + exclusion constraint);
 * usage figures; the community area warning and its 待办 (rule set venue-2026); .xlsx ledger,
 * bookings export and ledger import.
 */
export function createVenueModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto }) {
  describeUniqueConstraints({
    venue_name_key: '该社区已有同名阵地，请换一个名称',
    venue_room_name_key: '该阵地已有同名活动室，请换一个名称',
  });
  const core = createVenueCore(deps);
  const service = venueServiceOn(core);
  const exporter = createVenueExport({ core, service, clock: deps.clock });
  const importer = createVenueImport({ core, service });
  return {
    service,
    /** 社区阵地面积不足, for the registry. */
    todoSources: venueTodoSources(core.rules),
    register: (app: App) => registerVenueRoutes(app, service, exporter, importer),
  };
}
