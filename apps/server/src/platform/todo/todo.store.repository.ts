import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import type { TodoRow } from './todo.source.ts';

/**
 * A stored row's severity on `today`, judged from its due date (never stored): past → overdue, else
 * due_soon (a row is listed only from its `due_from`); no due date → the source's warning (`undated`).
 */
const severityOn = (today: string, undated: SQL) =>
  sql`case when t.due_date is null then ${undated} when t.due_date < ${today}::date then 'overdue' else 'due_soon' end`;
/** The warning severity of undated rows: a constant for one source, a case over `t.source` for several. */
const undatedOf = (bySource: Readonly<Record<string, string>>): SQL =>
  sql`(case t.source ${sql.join(
    Object.entries(bySource).map(([src, sev]) => sql`when ${src}::text then ${sev}::text`),
    sql` `,
  )} end)`;

/** A uuid[] expression of `ids`, sent as one parameter. */
export const uuidArray = (ids: readonly string[]): SQL => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

/**
 * The 待办 read model (migration 0020): stored rows of the sources that judge every organization,
 * the organizations marked as changed since, and the region's refresh state.
 */
export const todoStoreRepository = {
  /** Whether anything is marked, and the day of the last refresh (null: never built). */
  async state(db: Database, regionId: string): Promise<{ dirty: boolean; refreshedOn: string | null }> {
    const r = await db.one<{ dirty: boolean; refreshed_on: string | null }>(sql`select
        exists (select 1 from todo_dirty where region_id = ${regionId}) as dirty,
        (select refreshed_on::text from todo_state where region_id = ${regionId}) as refreshed_on`);
    return { dirty: r?.dirty ?? false, refreshedOn: r?.refreshed_on ?? null };
  },

  /**
   * Takes the region's refresh lock (the state row, created when missing) for the transaction; returns
   * the last refresh day. JIT is off for the transaction: the recomputing queries are small, but their
   * cost estimates (set-returning functions, `= any(array)`) passed PostgreSQL's JIT threshold, and
   * compiling took 1.2 s of a 1.3 s refresh of five branches.
   */
  async lock(tx: Database, regionId: string): Promise<string | null> {
    await tx.run(sql`set local jit = off`);
    await tx.run(sql`insert into todo_state (region_id, refreshed_on) values (${regionId}, null) on conflict (region_id) do nothing`);
    return (await tx.one<{ d: string | null }>(sql`select refreshed_on::text as d from todo_state where region_id = ${regionId} for update`))?.d ?? null;
  },

  async setRefreshed(tx: Database, regionId: string, day: string): Promise<void> {
    await tx.run(sql`update todo_state set refreshed_on = ${day}::date where region_id = ${regionId}`);
  },

  /** Removes the marks committed so far and returns their organizations (marks of open transactions stay). */
  async claimDirty(tx: Database, regionId: string): Promise<string[]> {
    const rows = await tx.rows<{ org_id: string }>(sql`with gone as (delete from todo_dirty where region_id = ${regionId} returning org_id)
      select distinct org_id::text as org_id from gone`);
    return rows.map((r) => r.org_id);
  },

  /** The organizations a select of `org_id` or `id` names. */
  async ids(tx: Database, q: SQL, column: 'id' | 'org_id' = 'id'): Promise<string[]> {
    return (await tx.rows<{ id: string }>(sql`select distinct (${sql.raw(column)})::text as id from (${q}) q`)).map((r) => r.id);
  },

  /** Replaces the source's rows of the organizations `refs` (all of the region's when null) with `candidates`. */
  async replace(tx: Database, regionId: string, source: string, refs: readonly string[] | null, candidates: SQL): Promise<void> {
    await tx.run(sql`delete from todo_item where region_id = ${regionId} and source = ${source} ${refs ? sql`and ref = any(${uuidArray(refs)})` : sql``}`);
    await tx.run(sql`insert into todo_item (region_id, source, key, ref, org_id, org_path, name, due_date, due_from, data)
      select ${regionId}, ${source}, c.key, c.ref, c.org_id, c.org_path, c.name, c.due_date, c.due_from, c.data from (${candidates}) c`);
  },

  /** Planner statistics after a rebuild (PGlite runs no autovacuum). */
  async analyze(tx: Database): Promise<void> {
    await tx.run(sql`analyze todo_item`);
  },

  /**
   * The stored to-dos of the sources `undated` names (source → its undated warning) under `path` on
   * `today`, with the registry's common columns (todoColumns, `data` null): one scan for all of them.
   */
  rows(regionId: string, undated: Readonly<Record<string, string>>, path: string, today: string): SQL {
    const sources = Object.keys(undated);
    // one source by equality: an index walk in order (`ordered`) needs it (PostgreSQL 15 returns `= any` unordered)
    const bySource = sources.length === 1 ? sql`t.source = ${sources[0]}` : sql`t.source = any(string_to_array(${sources.join(',')}, ','))`;
    return sql`select t.key, t.source, t.ref::text as ref, t.org_id, t.org_path, ${severityOn(today, undatedOf(undated))} as severity, t.due_date, t.name, null::jsonb as data
      from todo_item t where t.region_id = ${regionId} and ${bySource}
        and t.org_path <@ ${path}::ltree and (t.due_from is null or t.due_from <= ${today}::date)`;
  },

  /**
   * One source's stored to-dos as `rows` gives them, in the list's order (todo.repository.ts ORDER)
   * as todo_item_order_idx holds it: a dated row is overdue exactly when its due date is past, so
   * severity then due date is due date alone; undated rows (one warning per source) come last by key.
   * A page reads the first rows of this index walk instead of sorting every row of the scope.
   */
  ordered(regionId: string, source: string, undated: string, path: string, today: string): { rows: SQL; order: SQL } {
    return { rows: todoStoreRepository.rows(regionId, { [source]: undated }, path, today), order: sql`t.due_date, t.key collate "C"` };
  },

  /** Stored rows by key, with their data (a page's details). */
  details(db: Database, regionId: string, undated: Readonly<Record<string, string>>, keys: readonly string[], today: string) {
    const sources = Object.keys(undated);
    return db.rows<TodoRow>(sql`select t.key, t.source, t.ref::text as ref, t.org_id::text as org_id, ${severityOn(today, undatedOf(undated))} as severity,
        t.due_date::text as due_date, t.data
      from todo_item t where t.region_id = ${regionId} and t.source = any(string_to_array(${sources.join(',')}, ','))
        and t.key = any(string_to_array(${keys.join('\n')}, ${'\n'}))`);
  },

  /** Every stored row of the region (for comparing the incremental result with a rebuild). */
  all(db: Database, regionId: string) {
    return db.rows<{
      source: string;
      key: string;
      ref: string;
      org_id: string;
      org_path: string;
      name: string;
      due_date: string | null;
      due_from: string | null;
    }>(
      sql`select source, key, ref::text as ref, org_id::text as org_id, org_path::text as org_path, name, due_date::text as due_date, due_from::text as due_from
        from todo_item where region_id = ${regionId} order by source, key`,
    );
  },
};
