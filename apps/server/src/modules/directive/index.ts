import { DIRECTIVE_RULES_2026, type DirectiveRuleSet } from '@jiceng/rules';
import { createAttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { describeUniqueConstraints } from '../../platform/db/db-errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { DirectiveDeps } from './directive.core.ts';
import { createDirectiveExport } from './directive.export.ts';
import { directiveReminderJob, directiveReminderSweep } from './directive.reminders.ts';
import { registerDirectiveRoutes } from './directive.routes.ts';
import { createDirectiveService, type DirectiveService } from './directive.service.ts';
import { directiveTodoSources } from './directive.todos.ts';

export type { DirectiveService };

/**
 * 下发任务与督办 (issue 13): tasks and notices a committee sends down the tree, each recipient's
 * 签收, 上报完成 with evidence, 延期 and 转发 as transitions of the platform workflow; 催办, close,
 * the recipients' table as .xlsx; the recipients still owing an answer as 待办 and the reminder sweep.
 */
export function createDirectiveModule(deps: {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  recipients: DirectiveDeps['recipients'];
  notify: DirectiveDeps['notify'];
  rules?: DirectiveRuleSet;
}) {
  const rules = deps.rules ?? DIRECTIVE_RULES_2026;
  describeUniqueConstraints({ directive_target_once_key: '该组织刚刚已收到这项任务（可能被他人同时转发），请刷新后查看' });
  const service = createDirectiveService({ ...deps, rules, attachments: createAttachmentService({ regionId: deps.regionId, audit: deps.audit }) });
  const exporter = createDirectiveExport({ service, clock: deps.clock });
  const sweep = directiveReminderSweep({ ...deps, rules });
  return {
    service,
    todoSources: directiveTodoSources(rules),
    /** The reminder sweep itself (tests run it by hand), and as the job `directive-reminders`. */
    reminderSweep: sweep,
    reminderJob: (cron: string): ScheduledJob => directiveReminderJob(sweep, cron),
    register: (app: App) => registerDirectiveRoutes(app, service, exporter),
  };
}
