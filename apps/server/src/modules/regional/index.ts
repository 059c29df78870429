import { RG_RULES_2026, type RgRuleSet } from '@jiceng/rules';
import { createAttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { describeUniqueConstraints } from '../../platform/db/db-errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import { createRegionalCore } from './regional.core.ts';
import { createRegionalExport } from './regional.export.ts';
import { createRegionalImport } from './regional.import.ts';
import { createNeedService } from './regional.needs.ts';
import { createProjectService } from './regional.projects.ts';
import { createRegionalReports } from './regional.reports.ts';
import { createResourceService } from './regional.resources.ts';
import { registerRegionalRoutes } from './regional.routes.ts';
import { regionalSweep, regionalSweepJob, type RgSweepDeps } from './regional.sweep.ts';
import { regionalTodoSources } from './regional.todos.ts';

/**
 * 区域化党建 三张清单 (issue 14, ADR 0025): needs recorded by communities, villages and grids;
 * resources offered by resident units and in-service members; the matching with its reasons (rule
 * set rg-2026); projects with the units' consent, activities, results and ratings; a unit's claim;
 * the board, the units' ledgers and the figures; the to-dos and the reminder sweep.
 */
export function createRegionalModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto; rules?: RgRuleSet }) {
  describeUniqueConstraints({
    rg_project_need_key: '该需求已有项目（可能刚刚立项），请刷新后查看',
    rg_category_name_key: '已有同名的类别',
    rg_project_part_resource_key: '同一资源不能重复对接同一项目',
  });
  const core = createRegionalCore({
    ...deps,
    rules: deps.rules ?? RG_RULES_2026,
    attachments: createAttachmentService({ regionId: deps.regionId, audit: deps.audit }),
  });
  const needs = createNeedService(core);
  const resources = createResourceService(core);
  const projects = createProjectService(core);
  const reports = createRegionalReports(core);
  const exporter = createRegionalExport({ needs, resources, projects, clock: deps.clock });
  const importer = createRegionalImport({ core, needs, projects });
  return {
    needs,
    resources,
    projects,
    reports,
    importer,
    init: () => needs.init(),
    todoSources: regionalTodoSources(core.rules),
    sweep: (d: Pick<RgSweepDeps, 'recipients' | 'notify'>) => regionalSweep({ ...d, core }),
    sweepJob: (run: () => Promise<number>, cron: string): ScheduledJob => regionalSweepJob(run, cron),
    register: (app: App) => registerRegionalRoutes(app, { needs, resources, projects, reports, exporter, importer }),
  };
}
export type RegionalModule = ReturnType<typeof createRegionalModule>;
