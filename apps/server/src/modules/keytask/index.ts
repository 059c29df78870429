import { KT_RULES_2026, type KtRuleSet } from '@jiceng/rules';
import { createAttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { describeUniqueConstraints } from '../../platform/db/db-errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { OrgService } from '../org/index.ts';
import { createKeyTaskCore } from './keytask.core.ts';
import { createKeyTaskDetails } from './keytask.detail.ts';
import { createKeyTaskExport } from './keytask.export.ts';
import { createKeyTaskImport } from './keytask.import.ts';
import { createKeyTaskProgress } from './keytask.progress.ts';
import { createKeyTaskReports } from './keytask.reports.ts';
import { createKeyTaskReviews } from './keytask.review.ts';
import { registerKeyTaskRoutes } from './keytask.routes.ts';
import { createKeyTaskService } from './keytask.service.ts';
import { keyTaskSweep, keyTaskSweepJob, type KtSweepDeps } from './keytask.sweep.ts';
import { keyTaskTodoSources } from './keytask.todos.ts';

/**
 * 重点任务 (issue 13): a committee's annual plan, 揭榜认领 with named owners, progress on milestones
 * and sub-tasks, 滞后 computed by rule set kt-2026, the 调度会 with its briefing and minutes,
 * acceptance and accountability; the board and the dashboard; the to-dos and the sweep job.
 */
export function createKeyTaskModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; orgs: OrgService; rules?: KtRuleSet }) {
  const rules = deps.rules ?? KT_RULES_2026;
  describeUniqueConstraints({
    kt_plan_title_key: '该组织本年度已有同名的重点任务计划',
    kt_task_no_key: '计划中已有相同序号的任务，请刷新后重试',
    kt_claim_lead_key: '该任务已确认了牵头单位（可能刚被他人确认），请刷新后查看',
    kt_claim_once_key: '该单位已认领该任务（可能刚刚提交），请刷新后查看',
  });
  const core = createKeyTaskCore({ ...deps, rules, attachments: createAttachmentService({ regionId: deps.regionId, audit: deps.audit }) });
  const details = createKeyTaskDetails(core);
  const service = createKeyTaskService(core, details);
  const progress = createKeyTaskProgress(core, details);
  const reviews = createKeyTaskReviews(core, progress);
  const reports = createKeyTaskReports(core);
  const exporter = createKeyTaskExport({ service, reviews, clock: deps.clock });
  const importer = createKeyTaskImport({ db: deps.db, core, service });
  return {
    service,
    progress,
    reviews,
    reports,
    importer,
    todoSources: keyTaskTodoSources(rules),
    sweep: (d: Pick<KtSweepDeps, 'recipients' | 'notify'>) => keyTaskSweep({ ...d, core }),
    sweepJob: (run: () => Promise<number>, cron: string): ScheduledJob => keyTaskSweepJob(run, cron),
    register: (app: App) => registerKeyTaskRoutes(app, { service, progress, reviews, reports, exporter, importer }),
  };
}
export type KeyTaskModule = ReturnType<typeof createKeyTaskModule>;
