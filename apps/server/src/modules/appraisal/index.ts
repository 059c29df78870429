import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { OrgService } from '../org/index.ts';
import { appraisalRepository } from './appraisal.repository.ts';
import { createDispositionExport } from './appraisal.export.ts';
import { registerAppraisalRoutes } from './appraisal.routes.ts';
import { createAppraisalService, type AppraisalService } from './appraisal.service.ts';
import { dispositionTodoSource } from './appraisal.todo.ts';

export type { AppraisalService };

/** The appraisal module (民主评议党员 and 组织处置): routes and its to-do source. */
export function createAppraisalModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; orgs: OrgService }) {
  const service = createAppraisalService({ ...deps, appraisals: appraisalRepository });
  const exporter = createDispositionExport({ service, orgs: deps.orgs, clock: deps.clock });
  return { service, todoSource: dispositionTodoSource(), register: (app: App) => registerAppraisalRoutes(app, service, exporter) };
}
