import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { OrgService } from '../org/index.ts';
import { createOrgSetupExport } from './orgsetup.export.ts';
import { orgSetupRepository } from './orgsetup.repository.ts';
import { registerOrgSetupRoutes } from './orgsetup.routes.ts';
import { createOrgSetupService, type OrgSetupService } from './orgsetup.service.ts';
import { orgSetupTodoSource } from './orgsetup.todo.ts';

export type { OrgSetupService };

/** The 组织设置预警 module: checks of the tree against the setup rules, its routes and to-do source. */
export function createOrgSetupModule(deps: { db: Database; regionId: string; clock: Clock; orgs: OrgService }) {
  const service = createOrgSetupService({ ...deps, setup: orgSetupRepository });
  return { service, todoSource: orgSetupTodoSource(), register: (app: App) => registerOrgSetupRoutes(app, service, createOrgSetupExport({ service, orgs: deps.orgs, clock: deps.clock })) };
}
