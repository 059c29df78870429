import { COMPLIANCE_RULES_2018, type ComplianceOverrideSet } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { OrgService } from '../org/index.ts';
import { complianceRepository } from './compliance.repository.ts';
import { ruleChainFor } from './compliance.requirements.ts';
import { registerComplianceRoutes } from './compliance.routes.ts';
import { createComplianceService, type ComplianceService } from './compliance.service.ts';
import { createComplianceStore } from './compliance.store.ts';
import { complianceTodoSource } from './compliance.todo.ts';

export type { ComplianceService };

/** The subtree rule sets that apply to the organization at `orgPath`, as the chain ruleSetForSubtree composes (the meeting ledger judges by it). */
export async function ruleChainOf(db: Database, regionId: string, orgPath: string): Promise<ComplianceOverrideSet[][]> {
  return ruleChainFor(await complianceRepository.ruleSets(db, regionId, orgPath), orgPath);
}

/** The 组织生活 compliance calendar: rule sets per subtree, roll-ups, ranking and heat map of the scope, and its to-dos. */
export function createComplianceModule(deps: { db: Database; regionId: string; clock: Clock; audit: AuditService; orgs: OrgService }) {
  const defaults = [COMPLIANCE_RULES_2018];
  const store = createComplianceStore({ db: deps.db, regionId: deps.regionId, defaults });
  const service = createComplianceService({ ...deps, repo: complianceRepository, defaults, store });
  /**
   * Keeps the read model current off the request path: this year is built at start (a district's
   * first view would otherwise wait for it, 7 s on PostgreSQL) and the marks are absorbed between views.
   */
  const refreshJob = (cron: string): ScheduledJob => ({
    name: 'compliance-refresh',
    cron,
    run: () => store.refresh(deps.clock.today(), [Number(deps.clock.today().slice(0, 4))]),
  });
  return { service, store, refreshJob, todoSource: complianceTodoSource(defaults), register: (app: App) => registerComplianceRoutes(app, service) };
}
