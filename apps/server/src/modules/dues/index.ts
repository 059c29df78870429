import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import { createDuesExport } from './dues.export.ts';
import { createDuesImport } from './dues.import.ts';
import { duesLedgerRepository } from './dues.ledger.repository.ts';
import { registerDuesLedgerRoutes } from './dues.ledger.routes.ts';
import { createDuesLedgerService, type DuesLedgerService } from './dues.ledger.service.ts';
import { duesRepository } from './dues.repository.ts';
import { registerDuesRoutes } from './dues.routes.ts';
import { createDuesService, type DuesService } from './dues.service.ts';
import { createDuesSummary } from './dues.summary.ts';
import { duesTodoSources } from './dues.todos.ts';

export type { DuesLedgerService, DuesService };

/**
 * 党费 (issue 11): members' dues bases (amounts from the rule set dues-2008), the calculator, the
 * monthly ledger with its payments, reasons and arrears, the summaries, the yearly publication, the
 * import of payments and the exports; the arrears 待办; the job that makes each month's rows.
 */
export function createDuesModule(deps: {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  members: MemberService;
  orgs: OrgService;
}) {
  const ledger = createDuesLedgerService({ ...deps, ledger: duesLedgerRepository, bases: duesRepository });
  const service = createDuesService({ ...deps, dues: duesRepository, onBasisChanged: (tx, id) => ledger.basisChanged(tx, id) });
  const summary = createDuesSummary({ ...deps, ledger: duesLedgerRepository });
  const importer = createDuesImport({ ...deps, ledger: duesLedgerRepository });
  const exporter = createDuesExport({ ledger, summary, clock: deps.clock });
  return {
    service,
    ledger,
    summary,
    todoSources: duesTodoSources(),
    /** Makes the month's rows (and at the month's turn the arrears as of it): at start and every few hours. */
    ledgerJob: (cron: string): ScheduledJob => ({ name: 'dues-ledger', cron, run: async () => void (await ledger.generateMonth()) }),
    register: (app: App) => {
      registerDuesRoutes(app, service);
      registerDuesLedgerRoutes(app, ledger, summary, importer, exporter);
    },
  };
}
