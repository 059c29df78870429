import { SERVICE_REQUEST_WORKFLOW, type ServiceRequestAction, type ServiceRequestState } from '@jiceng/rules';
import type { AttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { MessagesService } from '../../platform/messages/messages.service.ts';
import type { NotificationService } from '../../platform/todo/notification.service.ts';
import { createWorkflow, presentWorkflowEvent } from '../../platform/workflow/workflow.ts';
import { workflowRepository } from '../../platform/workflow/workflow.repository.ts';
import { mayRead } from './service.policy.ts';
import { serviceRepository as repo, type ServiceRequestRow } from './service.repository.ts';
import { DEFAULT_TIMING, eventsOf, factsOf, timingOf, type TimingOptions } from './service.timing.ts';

export const SERVICE_KIND = 'service_request';

export interface ServiceDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  notifications: Pick<NotificationService, 'sendOnce'>;
  messages: Pick<MessagesService, 'deliver'>;
  attachments: AttachmentService;
  timing?: TimingOptions;
}

/** What every part of the module shares: the workflow bound to the table, loading under scope, the clock after a step. */
export function createServiceCore(deps: ServiceDeps) {
  const { regionId, audit } = deps;
  const timing = deps.timing ?? DEFAULT_TIMING;
  const workflow = createWorkflow(SERVICE_REQUEST_WORKFLOW, {
    regionId,
    kind: SERVICE_KIND,
    audit,
    store: { table: 'service_request', touched: 'updated_at' },
  });

  return {
    ...deps,
    timing,
    workflow,
    now: () => deps.clock.now().toISOString(),

    /** The request if the account may read it, else 404 (the same answer as a request that does not exist). */
    async load(db: Database, actor: Actor, id: string): Promise<ServiceRequestRow> {
      const row = await repo.byId(db, regionId, id);
      if (!row || !mayRead(actor, row)) throw notFound('诉求');
      return row;
    },

    /** The engine's facts from the stored history. */
    async facts(db: Database, row: ServiceRequestRow) {
      return factsOf(row, eventsOf(await workflowRepository.history(db, regionId, SERVICE_KIND, row.id)));
    },

    /** The facts and the timeline from one read of the history (a detail needs both). */
    async factsAndTimeline(db: Database, row: ServiceRequestRow) {
      const rows = await workflowRepository.history(db, regionId, SERVICE_KIND, row.id);
      return { facts: factsOf(row, eventsOf(rows)), timeline: rows.map((e) => presentWorkflowEvent(workflow.definition, e)) };
    },

    /** Recomputes what the row keeps of the clock after a step at `now` (in the step's transaction). */
    async retime(tx: Database, row: ServiceRequestRow, now: string): Promise<void> {
      const t = timingOf(await this.facts(tx, row), now, timing);
      await repo.update(tx, regionId, row.id, {
        stage: t.stage,
        clockRule: t.clockRule,
        extensions: t.extensions,
        dueAt: t.dueAt,
        pausedLeftMs: t.pausedLeftMs,
        sweepAfter: t.sweepAfter,
      });
    },
  };
}
export type ServiceCore = ReturnType<typeof createServiceCore>;

export const isOpen = (state: string) => !SERVICE_REQUEST_WORKFLOW.final.includes(state as ServiceRequestState);
export type { ServiceRequestAction };
