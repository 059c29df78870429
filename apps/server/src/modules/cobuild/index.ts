import type { App } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { CobuildDeps } from './cobuild.core.ts';
import { createCobuildExport } from './cobuild.export.ts';
import { createCobuildImport } from './cobuild.import.ts';
import { createCobuildRecords } from './cobuild.records.ts';
import { registerCobuildRoutes } from './cobuild.routes.ts';
import { createCobuildService, type CobuildService } from './cobuild.service.ts';
import { createCobuildStats } from './cobuild.stats.ts';
import { cobuildSweep, cobuildSweepJob, type CobuildSweepDeps } from './cobuild.sweep.ts';
import { cobuildTodoSources } from './cobuild.todos.ts';

export type { CobuildService };

/**
 * 结对共建 agreements (契约化共建, issue 14; ADR 0027): an organization paired with a village,
 * community or enterprise Party organization for a term — drafted by one side, confirmed by the
 * other, in force until the job marks it 已到期 (or a side terminates it), renewed as the next
 * term's agreement — with the 四联四共 content areas, both sides' contacts (phones encrypted), a
 * yearly plan and a log of activities, problems solved and funds; import, ledger, 协议书,
 * statistics, to-dos and the expiry sweep.
 */
export function createCobuildModule(deps: CobuildDeps & Pick<CobuildSweepDeps, 'recipients' | 'notify'>) {
  const service = createCobuildService(deps);
  const records = createCobuildRecords(service);
  const stats = createCobuildStats({ db: deps.db, service });
  const exporter = createCobuildExport({ service, clock: deps.clock });
  const importer = createCobuildImport(service);
  const sweep = cobuildSweep({ core: service.core, recipients: deps.recipients, notify: deps.notify });
  return {
    service,
    records,
    /** 结对共建协议即将到期, 待确认, 承诺逾期, for the registry. */
    todoSources: cobuildTodoSources(service.rules),
    /** The expiry sweep itself (tests run it by hand), and as the job `cobuild-sweep`. */
    sweep,
    sweepJob: (cron: string): ScheduledJob => cobuildSweepJob(sweep, cron),
    register: (app: App) => registerCobuildRoutes(app, { service, records, stats, exporter, importer }),
  };
}
