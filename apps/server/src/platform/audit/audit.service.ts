import { auditActionLabel, auditEntityLabel, type AuditEntity, type AuditEntry, type AuditExportQuery, type AuditQuery } from '@jiceng/contracts';
import { systemClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { isoTime } from '../db/time.ts';
import type { Actor } from '../http/actor.ts';
import { excelChinaTime } from '../xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../xlsx/export.ts';
import { nameInSnapshot, recordNames } from './audit.names.ts';
import { auditRepository, type AuditRow, type AuditWrite } from './audit.repository.ts';

export interface AuditEvent {
  action: string;
  entity: string;
  entityId: string | null;
  /** The record's display name; looked up by kind in the writing transaction when left out. */
  entityName?: string | null;
  /** The organization path the record belongs to (drives the viewer's scope). */
  orgPath: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The export's columns: what the viewer shows, names and labels instead of codes. */
const EXPORT_COLUMNS: ExportColumn<AuditEntry>[] = [
  { key: 'at', header: '时间', width: 20, value: (e) => excelChinaTime(e.at), numFmt: 'yyyy-mm-dd hh:mm:ss' },
  { key: 'actor', header: '操作人', width: 16, value: (e) => e.actorName ?? (e.actorId ? null : '系统') },
  { key: 'username', header: '用户名', width: 14, value: (e) => e.actorUsername },
  { key: 'action', header: '操作', width: 24, value: (e) => auditActionLabel[e.action] ?? e.action },
  { key: 'entity', header: '对象类型', width: 14, value: (e) => auditEntityLabel[e.entity as AuditEntity] ?? e.entity },
  { key: 'entityName', header: '对象', width: 28, value: (e) => e.entityName },
  { key: 'entityId', header: '记录编号', width: 38, value: (e) => e.entityId },
  { key: 'ip', header: '来源 IP', width: 16, value: (e) => e.ip },
  { key: 'before', header: '修改前', width: 40, value: (e) => json(e.before) },
  { key: 'after', header: '修改后', width: 40, value: (e) => json(e.after) },
];
export const AUDIT_EXPORT_SHEET = '操作日志';

/**
 * The append-only audit log. `record` takes the transaction of the change it describes, so a change
 * and its audit row commit together or not at all.
 */
export function createAuditService(db: Database, regionId: string, clock: Clock = systemClock) {
  /** Entries as the viewer shows them: names of records written before names were stored are looked up in `scopePath`. */
  async function present(rows: AuditRow[], scopePath: string): Promise<AuditEntry[]> {
    const missing = new Map<string, string[]>();
    for (const r of rows) if (!r.entity_name && r.entity_id) missing.set(r.entity, [...(missing.get(r.entity) ?? []), r.entity_id]);
    const found = new Map<string, Map<string, string>>();
    for (const [entity, ids] of missing) found.set(entity, await recordNames(db, regionId, entity, ids, scopePath));
    return rows.map((r) => ({
      id: r.id,
      at: isoTime(r.at),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorUsername: r.actor_username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      entityName: r.entity_name ?? (r.entity_id ? found.get(r.entity)?.get(r.entity_id) : undefined) ?? nameInSnapshot(r.before, r.after),
      before: r.before,
      after: r.after,
      ip: r.ip,
    }));
  }

  async function list(actor: Actor, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const { items, total } = await auditRepository.list(db, regionId, actor.orgPath, q);
    return { total, items: await present(items, actor.orgPath) };
  }

  return {
    /** `actor` may name no account (a failed login with an unknown username: only its address). */
    async record(tx: Database, actor: { id: string | null; displayName: string | null; ip: string | null } | null, e: AuditEvent): Promise<void> {
      const { entityName, ...event } = e;
      const stored =
        entityName !== undefined ? entityName : e.entityId ? ((await recordNames(tx, regionId, e.entity, [e.entityId], null)).get(e.entityId) ?? null) : null;
      const row: AuditWrite = {
        regionId,
        actorId: actor?.id ?? null,
        actorName: actor?.displayName ?? null,
        ip: actor?.ip ?? null,
        ...event,
        entityName: stored ?? nameInSnapshot(e.before, e.after),
      };
      await auditRepository.insert(tx, row);
    },

    /** Writes that `actor` read personal fields of a record in full. */
    async recordUnmask(tx: Database, actor: Actor, entity: string, entityId: string, orgPath: string, fields: string[]): Promise<void> {
      await this.record(tx, actor, { action: 'personal.unmask', entity, entityId, orgPath, after: { fields } });
    },

    list,

    /** The filtered log as .xlsx (the viewer's scope, its masked before/after), named after the actor's organization. */
    async exportXlsx(actor: Actor, q: AuditExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const rows = allPages((page, pageSize) => list(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('操作日志', actor.orgName, clock.today()), data: await exportWorkbook(AUDIT_EXPORT_SHEET, EXPORT_COLUMNS, rows) };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
