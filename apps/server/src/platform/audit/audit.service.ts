import type { AuditEntry, AuditQuery } from '@jiceng/contracts';
import type { Database } from '../db/database.ts';
import { isoTime } from '../db/time.ts';
import type { Actor } from '../http/actor.ts';
import { auditRepository, type AuditWrite } from './audit.repository.ts';

export interface AuditEvent {
  action: string;
  entity: string;
  entityId: string | null;
  /** The organization path the record belongs to (drives the viewer's scope). */
  orgPath: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The append-only audit log. `record` takes the transaction of the change it describes, so a change
 * and its audit row commit together or not at all.
 */
export function createAuditService(db: Database, regionId: string) {
  return {
    /** `actor` may name no account (a failed login with an unknown username: only its address). */
    async record(tx: Database, actor: { id: string | null; displayName: string | null; ip: string | null } | null, e: AuditEvent): Promise<void> {
      const row: AuditWrite = {
        regionId,
        actorId: actor?.id ?? null,
        actorName: actor?.displayName ?? null,
        ip: actor?.ip ?? null,
        ...e,
      };
      await auditRepository.insert(tx, row);
    },

    /** Writes that `actor` read personal fields of a record in full. */
    async recordUnmask(tx: Database, actor: Actor, entity: string, entityId: string, orgPath: string, fields: string[]): Promise<void> {
      await this.record(tx, actor, { action: 'personal.unmask', entity, entityId, orgPath, after: { fields } });
    },

    async list(actor: Actor, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
      const { items, total } = await auditRepository.list(db, regionId, actor.orgPath, q);
      return {
        total,
        items: items.map((r) => ({
          id: r.id,
          at: isoTime(r.at),
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
          ip: r.ip,
        })),
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
