import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { newId } from '../ids.ts';

/** One history row as stored (`workflow_event`, migration 0026). */
export interface WorkflowEventRow {
  id: string;
  kind: string;
  record_id: string;
  org_path: string;
  from_state: string;
  to_state: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
  at: string;
  data: unknown;
}

export interface WorkflowEventWrite {
  kind: string;
  recordId: string;
  orgPath: string;
  from: string;
  to: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  data: unknown;
  /** The step's time when the module keeps its own clock (time limits); default the transaction's now(). */
  at?: string | null;
}

/**
 * How the platform changes a record's state when the module gives a table rather than a callback:
 * `update <table> set <state> = $to, <version> = <version> + 1 where region_id = $r and <id> = $id
 * and <state> = $from [and <version> = $expected]`.
 */
export interface WorkflowTable {
  table: string;
  /** Default `id`. */
  id?: string;
  /** Default `state`. */
  state?: string;
  /** Default `version`; null for a table without one. */
  version?: string | null;
  /** A `timestamptz` column set to now() with the change, e.g. `updated_at`. */
  touched?: string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
/** Refuses a name that is not a plain lower-case SQL identifier (the descriptor is code, never input). */
export function assertIdentifier(name: string): string {
  if (!IDENT.test(name)) throw new Error(`workflow: ${JSON.stringify(name)} is not a plain SQL identifier`);
  return name;
}

const cols = `id, kind, record_id::text as record_id, org_path::text as org_path, from_state, to_state, action, actor_id::text as actor_id, actor_name, reason, at::text as at, data`;
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export const workflowRepository = {
  /** Writes one history row and returns its id and time (the transaction's, as the audit row's). */
  async insert(db: Database, regionId: string, e: WorkflowEventWrite): Promise<{ id: string; at: string }> {
    const id = newId();
    const row = await db.one<{
      at: string;
    }>(sql`insert into workflow_event (region_id, id, kind, record_id, org_path, from_state, to_state, action, actor_id, actor_name, reason, data, at)
      values (${regionId}, ${id}, ${e.kind}, ${e.recordId}, ${e.orgPath}::ltree, ${e.from}, ${e.to}, ${e.action}, ${e.actorId}, ${e.actorName}, ${e.reason}, ${json(e.data)}::jsonb,
        coalesce(${e.at ?? null}::timestamptz, now()))
      returning at::text as at`);
    return { id, at: row!.at };
  },

  /** The history of one record, oldest first. */
  history(db: Database, regionId: string, kind: string, recordId: string): Promise<WorkflowEventRow[]> {
    return db.rows<WorkflowEventRow>(sql`select ${sql.raw(cols)} from workflow_event
      where region_id = ${regionId} and kind = ${kind} and record_id = ${recordId} order by at, id`);
  },

  /** Events of one kind whose record lies in `scopePath`'s subtree, newest first, in `[from, to)` when given. */
  inScope(db: Database, regionId: string, kind: string, scopePath: string, q: { from?: string; to?: string; limit: number }): Promise<WorkflowEventRow[]> {
    const where: SQL[] = [sql`region_id = ${regionId}`, sql`kind = ${kind}`, sql`org_path <@ ${scopePath}::ltree`];
    if (q.from) where.push(sql`at >= ${q.from}::timestamptz`);
    if (q.to) where.push(sql`at < ${q.to}::timestamptz`);
    return db.rows<WorkflowEventRow>(
      sql`select ${sql.raw(cols)} from workflow_event where ${sql.join(where, sql` and `)} order by at desc, id desc limit ${q.limit}`,
    );
  },

  /**
   * The conditional state change over a table descriptor: true when this transaction changed the
   * row (its new version, when the table has one), false when the row was no longer in `from` (or
   * at `expectedVersion`) — a concurrent transition won, or the record moved on.
   */
  async update(
    db: Database,
    t: WorkflowTable,
    c: { regionId: string; recordId: string; from: string; to: string; expectedVersion?: number; fields?: Record<string, unknown> },
  ): Promise<{ version: number | null } | null> {
    const id = sql.identifier(t.id ?? 'id');
    const state = sql.identifier(t.state ?? 'state');
    const version = t.version === null ? null : sql.identifier(t.version ?? 'version');
    const sets: SQL[] = [sql`${state} = ${c.to}`];
    if (version) sets.push(sql`${version} = ${version} + 1`);
    if (t.touched) sets.push(sql`${sql.identifier(t.touched)} = now()`);
    for (const [k, v] of Object.entries(c.fields ?? {})) sets.push(sql`${sql.identifier(assertIdentifier(k))} = ${v}`);
    const where: SQL[] = [sql`region_id = ${c.regionId}`, sql`${id} = ${c.recordId}`, sql`${state} = ${c.from}`];
    if (version && c.expectedVersion !== undefined) where.push(sql`${version} = ${c.expectedVersion}`);
    const row = await db.one<{ v: number | null }>(
      sql`update ${sql.identifier(t.table)} set ${sql.join(sets, sql`, `)} where ${sql.join(where, sql` and `)} returning ${version ? sql`${version}::int` : sql`null::int`} as v`,
    );
    return row ? { version: row.v } : null;
  },

  /** The record's state (and version) now, after a conditional update found it moved on. */
  async current(db: Database, t: WorkflowTable, regionId: string, recordId: string): Promise<{ state: string; version: number | null } | undefined> {
    const version = t.version === null ? sql`null::int` : sql`${sql.identifier(t.version ?? 'version')}::int`;
    return db.one(
      sql`select ${sql.identifier(t.state ?? 'state')}::text as state, ${version} as version from ${sql.identifier(t.table)}
        where region_id = ${regionId} and ${sql.identifier(t.id ?? 'id')} = ${recordId}`,
    );
  },
};
