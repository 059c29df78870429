import type { ServicePlace } from '@jiceng/contracts';
import type { App } from '../../platform/http/app.ts';
import { cronEvery } from '../../platform/jobs/jobs.ts';
import { createServiceConfig } from './service.config.ts';
import type { ServiceDeps } from './service.core.ts';
import { createServiceExport } from './service.export.ts';
import { createServiceFigures } from './service.figures.ts';
import { serviceRepository } from './service.repository.ts';
import { registerServiceRoutes } from './service.routes.ts';
import { createServiceService, type ServiceService } from './service.service.ts';
import { serviceSweepJob } from './service.sweep.ts';
import { serviceTodoSources } from './service.todo.ts';
import { createGeoReport } from './open311/open311.georeport.ts';
import { createOpen311Keys } from './open311/open311.keys.ts';
import { registerOpen311Routes } from './open311/open311.routes.ts';

export type { ServiceService };

/**
 * 群众诉求 (issue 10): 点单 → 派单 → 接单 → 评单 with time limits, escalation and the residents' H5
 * side; figures and the ledger export. `init` seeds the default categories on a new region.
 */
export function createServiceModule(deps: ServiceDeps & { onSweepError?: (e: unknown, id: string) => void }) {
  const service = createServiceService(deps);
  const config = createServiceConfig(deps);
  const figures = createServiceFigures(deps);
  const exportRequests = createServiceExport({ service, clock: deps.clock });
  // Open311 GeoReport v2: keys managed under /api, the spec's API at /open311/v2
  const open311Keys = createOpen311Keys(deps);
  const geo = createGeoReport({ db: deps.db, regionId: deps.regionId, clock: deps.clock, config, service, keys: open311Keys });
  const places = async (): Promise<ServicePlace[]> =>
    (await serviceRepository.places(deps.db, deps.regionId)).map((p) => ({ id: p.id, name: p.name, streetName: p.street_name, grids: p.grids ?? [] }));
  return {
    service,
    config,
    figures,
    todoSources: serviceTodoSources(deps.clock),
    init: () => config.ensureCategories(),
    sweepJob: (intervalSeconds: number) => serviceSweepJob(service.sweep, cronEvery(intervalSeconds)),
    register: (app: App) => {
      registerServiceRoutes(app, { service, config, figures, exportRequests, places });
      registerOpen311Routes(app, { geo, keys: open311Keys });
    },
  };
}
