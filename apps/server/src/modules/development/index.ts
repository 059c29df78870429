import { DEV_RULES_2014, type DevRuleSet } from '@jiceng/rules';
import { createAttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { describeUniqueConstraints } from '../../platform/db/db-errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import { createDevelopmentDossier } from './development.dossier.ts';
import { createDevelopmentExport } from './development.export.ts';
import { createDevelopmentImport } from './development.import.ts';
import { registerDevelopmentImportRoutes } from './development.import.routes.ts';
import { devReminderJob, devReminderSweep, type DevReminderDeps } from './development.reminders.ts';
import { developmentRepository } from './development.repository.ts';
import { createDevelopmentReports } from './development.reports.ts';
import { registerDevelopmentRoutes } from './development.routes.ts';
import { createDevelopmentService, type DevelopmentService } from './development.service.ts';
import { developmentTodoSources } from './development.todos.ts';

export type { DevelopmentService };

/**
 * 发展党员 (issue 12): applicants on the 25 steps of rule set dev-2014 (every step a transition of the
 * platform workflow, checked by the rules), the member record at the approval and its 转正, the
 * board and the year's plan vs actual, the dossier as .docx, exports; the time limits as 待办 and
 * the reminder sweep.
 */
export function createDevelopmentModule(deps: {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  members: MemberService;
  orgs: OrgService;
  rules?: DevRuleSet;
}) {
  const rules = deps.rules ?? DEV_RULES_2014;
  describeUniqueConstraints({
    dev_applicant_person_key: '该公民身份号码已有正在进行的发展记录（可能刚被他人登记），请刷新后核对',
    dev_record_once_key: '该步骤刚被他人办理，请刷新后查看',
  });
  const service = createDevelopmentService({ ...deps, rules, attachments: createAttachmentService({ regionId: deps.regionId, audit: deps.audit }) });
  const reports = createDevelopmentReports({ ...deps, rules });
  const dossier = createDevelopmentDossier({
    service,
    votes: async (id) => {
      const rows = await developmentRepository.records(deps.db, deps.regionId, [id]);
      return new Map(rows.filter((r) => r.data.vote).map((r) => [r.id, r.data.vote as never]));
    },
  });
  const exporter = createDevelopmentExport({ service, reports, clock: deps.clock });
  const importer = createDevelopmentImport({ db: deps.db, regionId: deps.regionId, clock: deps.clock, service, orgs: deps.orgs, crypto: deps.crypto });
  return {
    service,
    reports,
    dossier,
    todoSources: developmentTodoSources(rules),
    reminderSweep: (d: Pick<DevReminderDeps, 'recipients' | 'notify'>) =>
      devReminderSweep({ ...d, db: deps.db, regionId: deps.regionId, clock: deps.clock, rules }),
    reminderJob: (run: () => Promise<number>, cron: string): ScheduledJob => devReminderJob(run, cron),
    register: (app: App) => {
      registerDevelopmentRoutes(app, service, reports, dossier, exporter);
      registerDevelopmentImportRoutes(app, importer);
    },
  };
}
