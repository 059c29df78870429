import { AppError } from '../errors.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../http/actor.ts';
import type { AuditEvent, AuditService } from './audit.service.ts';

/**
 * A refusal that must reach the audit log although the transaction it is thrown in rolls back
 * (a duplicate ID number or phone: each refusal tells the writer that the value is in use, so each
 * one is recorded). It answers like any AppError; `withAuditedRefusals` around the transaction writes
 * its audit row after the rollback. Never put a full personal value in `event`.
 */
export class AuditedRefusal extends AppError {
  constructor(
    answer: AppError,
    readonly event: AuditEvent,
  ) {
    super(answer.code, answer.message, answer.details);
    this.name = 'AuditedRefusal';
  }
}

/**
 * Runs `work` (which opens and ends its own transaction); an AuditedRefusal thrown from it is
 * written to the audit log outside that transaction, then thrown on.
 */
export async function withAuditedRefusals<T>(db: Database, audit: AuditService, actor: Actor, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AuditedRefusal) await audit.record(db, actor, e.event);
    throw e;
  }
}
