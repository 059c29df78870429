import { sql, type SQL } from 'drizzle-orm';
import { TODO_SEVERITIES, type TodoSeverity } from '@jiceng/contracts';
import type { Database } from '../db/database.ts';
import type { TodoRow } from './todo.source.ts';

/** Filters applied over all sources together (a source filter picks the sources instead). */
export interface TodoRowFilter {
  /** Any of these severities (a nature's, or the one asked for). */
  severities?: readonly TodoSeverity[];
  q?: string;
}

/** The list's order: severities in TODO_SEVERITIES order (deadlines before warnings); earliest due date first; then the key (unique). */
const ORDER = sql`case t.severity ${sql.raw(TODO_SEVERITIES.map((s, i) => `when '${s}' then ${i}`).join(' '))} end, t.due_date, t.key collate "C"`;

function where(f: TodoRowFilter): SQL {
  const w: SQL[] = [sql`true`];
  if (f.severities)
    w.push(
      f.severities.length
        ? sql`t.severity in (${sql.join(
            f.severities.map((x) => sql`${x}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (f.q) w.push(sql`strpos(lower(t.name), lower(${f.q})) > 0`);
  return sql.join(w, sql` and `);
}

/**
 * The registry's SQL over the sources' UNION ALL (`all`, built from each source's select with the
 * common columns): one page in the list's order, counts, and a page's details.
 */
export const todoRepository = {
  /**
   * One page of keys in the list's order, each row carrying the total of all matching rows (`all`).
   * Each of `firsts` (together, the rows of `all`) gives at most offset + limit rows in its `order`
   * (the list's order over its rows; ORDER when not given), so a stored source's part is an index
   * walk that stops there instead of a sort of every row of the scope.
   */
  page(db: Database, all: SQL, firsts: { rows: SQL; order?: SQL }[], f: TodoRowFilter, limit: number, offset: number) {
    const heads = firsts.map((p) => sql`(select * from (${p.rows}) t where ${where(f)} order by ${p.order ?? ORDER} limit ${offset + limit})`);
    return db.rows<{ key: string; source: string; ref: string; total: number }>(sql`select t.key, t.source, t.ref,
        (select count(*)::int from (${all}) t where ${where(f)}) as total
      from (${sql.join(heads, sql` union all `)}) t order by ${ORDER} limit ${limit} offset ${offset}`);
  },

  /** How many rows match (for a page past the end, which carries no total). */
  async count(db: Database, all: SQL, f: TodoRowFilter): Promise<number> {
    return (await db.one<{ n: number }>(sql`select count(*)::int as n from (${all}) t where ${where(f)}`))?.n ?? 0;
  },

  /** The rows of a page's records, with `data` (the sources were asked for `detail` and `refs`). */
  details(db: Database, all: SQL) {
    return db.rows<TodoRow>(sql`select t.key, t.source, t.ref, t.org_id::text as org_id, t.severity, t.due_date::text as due_date, t.data from (${all}) t`);
  },

  /**
   * Rows counted by source, severity and the direct child of the scope root (`level` = the root
   * path's number of labels) whose subtree holds them; `child` is null for the root's own.
   */
  counts(db: Database, all: SQL, level: number) {
    return db.rows<{ source: string; severity: TodoSeverity; child: string | null; n: number }>(sql`select t.source, t.severity,
        case when nlevel(t.org_path) > ${level}::int then subpath(t.org_path, 0, ${level + 1}::int)::text end as child, count(*)::int as n
      from (${all}) t group by 1, 2, 3`);
  },
};
