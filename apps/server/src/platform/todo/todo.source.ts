import { sql, type SQL } from 'drizzle-orm';
import type { Permission, Todo, TodoSeverity, TodoSourceId } from '@jiceng/contracts';
import type { Actor } from '../http/actor.ts';

/** Whose to-dos a source's SQL selects: the actor's, under `path`, judged on `today`. */
export interface TodoScope {
  actor: Actor;
  regionId: string;
  /** The subtree: the actor's own, or an organization's inside it (the list's `childOrgId`). */
  path: string;
  /** Today in China, YYYY-MM-DD: every due date is judged against it. */
  today: string;
}

export interface TodoRowsOptions {
  /** Build the `data` column (what `present` needs); without it `data` is null: for counting and ordering. */
  detail: boolean;
  /** Only the rows of these records (`ref` values): the details of one page. */
  refs?: readonly string[];
}

/**
 * The SQL expressions of a source's columns (see `todoColumns`). Every expression is over the
 * source's own tables; the organization is the one responsible, and `orgPath` <@ the scope's path
 * is exactly the source's scope condition.
 */
export interface TodoColumnExprs {
  /** The key after `<source>:` — unique within the source. */
  key: SQL;
  /** The record a page's details are fetched by (`refs`). */
  ref: SQL;
  orgId: SQL;
  orgPath: SQL;
  /** A TODO_SEVERITIES value, computed from the rule set's numbers: a deadline's when dueDate is set, a warning's when it is null. */
  severity: SQL;
  /** The due date; null exactly when the to-do is a warning (alert, incomplete). */
  dueDate: SQL;
  /** The organization or member name the list's `q` searches. */
  name: SQL;
  /** jsonb object for `present`; only built when asked (`detail`). */
  data: SQL;
}

/**
 * The select list every source yields, always in this order with these types, so the registry can
 * UNION ALL the sources: key, source, ref, org_id, org_path, severity, due_date, name, data.
 */
export function todoColumns(source: TodoSourceId, opts: TodoRowsOptions, c: TodoColumnExprs): SQL {
  return sql`(${`${source}:`}::text || (${c.key})::text) as key, ${source}::text as source, (${c.ref})::text as ref, (${c.orgId})::uuid as org_id,
    (${c.orgPath})::ltree as org_path, (${c.severity})::text as severity, (${c.dueDate})::date as due_date, (${c.name})::text as name,
    ${opts.detail ? sql`(${c.data})::jsonb` : sql`null::jsonb`} as data`;
}

/** `and <column> in (<refs>)` when a page's details are asked for; nothing otherwise. */
export function refsFilter(column: SQL, opts: TodoRowsOptions): SQL {
  if (!opts.refs) return sql``;
  if (opts.refs.length === 0) return sql`and false`;
  return sql`and (${column})::text in (${sql.join(
    opts.refs.map((r) => sql`${r}`),
    sql`, `,
  )})`;
}

/** One row of a source as the registry reads it back (with `data` when asked for). */
export interface TodoRow {
  key: string;
  source: string;
  ref: string;
  org_id: string;
  severity: TodoSeverity;
  due_date: string | null;
  data: Record<string, unknown> | null;
}

/** The expressions of a stored row (see `todoStoreColumns`). */
export interface TodoStoreExprs {
  /** The key after `<source>:`. */
  key: SQL;
  /** The organization whose change recomputes the row. */
  ref: SQL;
  orgId: SQL;
  orgPath: SQL;
  name: SQL;
  /** The due date (null: no deadline) … */
  dueDate: SQL;
  /** … and the day the row becomes a to-do (null exactly when dueDate is null). */
  dueFrom: SQL;
  /** jsonb object for `present`. */
  data: SQL;
}

/** The select list of a stored source's candidates: key, ref, org_id, org_path, name, due_date, due_from, data. */
export function todoStoreColumns(source: TodoSourceId, c: TodoStoreExprs): SQL {
  return sql`(${`${source}:`}::text || (${c.key})::text) as key, (${c.ref})::uuid as ref, (${c.orgId})::uuid as org_id, (${c.orgPath})::ltree as org_path,
    (${c.name})::text as name, (${c.dueDate})::date as due_date, (${c.dueFrom})::date as due_from, (${c.data})::jsonb as data`;
}

/**
 * How a source that must judge every organization of a scope (too slow to derive per request at
 * district scale) is kept in the registry's read model, `todo_item`: one row per candidate with the
 * dates its severity is judged from on the day of the read. The registry recomputes the rows of the
 * organizations the database marked as changed (migration 0020) before every read.
 */
export interface TodoStore {
  /** The severity of a row without a due date: the warning it is (alert: a rule broken; incomplete: a record missing). */
  undated: 'alert' | 'incomplete';
  /**
   * The organizations whose rows change when the organizations `dirty` (a uuid[] expression) did:
   * a select of `id`. Without it, those organizations themselves.
   */
  affected?(regionId: string, dirty: SQL): SQL;
  /** Candidate rows (`todoStoreColumns`) of the organizations `refs` (a uuid[] expression), or of the whole region. */
  candidates(regionId: string, today: string, refs: SQL | null): SQL;
  /** Organizations whose rows depend on the day itself: a select of `org_id` changed between `since` and `today`. */
  staleBetween?(regionId: string, since: string, today: string): SQL;
}

/** A source's to-do before the registry adds its nature (from the severity, so the two always agree). */
export type TodoPresented = Omit<Todo, 'nature'>;

interface TodoSourceBase {
  id: TodoSourceId;
  permission: Permission;
  /** The to-do of one row with its `data` (Chinese title and detail, link); the registry adds its nature from the severity. */
  present(row: TodoRow & { data: Record<string, unknown> }, today: string): TodoPresented;
}

/**
 * A module's contribution to the 待办 list: SQL over its own data, offered only to actors holding
 * `permission`, limited to the scope's subtree by organization path. The registry counts, orders and
 * pages all sources together in the database. A source is either derived at read time (`rows`) or
 * kept in the registry's read model (`store`).
 */
export type TodoSource = TodoSourceBase &
  (
    | {
        /** The source's select with `todoColumns`, or null when the actor has none of these to-dos. */
        rows(scope: TodoScope, opts: TodoRowsOptions): SQL | null;
        store?: undefined;
      }
    | { store: TodoStore; rows?: undefined }
  );
