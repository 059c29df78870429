import { PGlite, type Transaction as PgliteTx } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { RUNNER_APP_NAME } from '../runner.ts';
import { isRetryable } from './db-errors.ts';

/** Any Drizzle handle on either engine. */
type Orm = PgDatabase<PgQueryResultHKT, Record<string, never>>;
type RawResult = { rows: Record<string, unknown>[] };

/**
 * The one database type every repository receives. Both engines speak the same SQL; this hides the
 * drivers' differences (result shapes, transactions, multi-statement scripts).
 */
export interface Database {
  readonly engine: 'pglite' | 'postgres';
  /** Typed query builder, for repositories that prefer it. */
  readonly orm: Orm;
  /** True inside `transaction`. */
  readonly inTransaction: boolean;
  /** Runs one parameterized statement and returns its rows. */
  rows<T>(query: SQL): Promise<T[]>;
  /** The first row, or undefined. */
  one<T>(query: SQL): Promise<T | undefined>;
  /**
   * The first row of a read run on every request (the session look-up): on PostgreSQL a named
   * prepared statement, planned once per connection; `name` must always carry the same SQL text.
   * PGlite has no named statements; there the answer is kept for the same values until anything
   * writes (see `WriteEpoch`) or PREPARED_CACHE_MS pass, whichever comes first, so it must be a
   * read whose answer depends only on the data and, within that time, not on the clock.
   */
  onePrepared<T>(name: string, query: SQL): Promise<T | undefined>;
  /** Runs a statement and returns the number of rows it touched. */
  run(query: SQL): Promise<number>;
  /** Runs `fn` in a transaction (a savepoint when already inside one). */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script without parameters (migrations). */
  script(text: string): Promise<void>;
  /** Raw parameterized SQL for libraries that bring their own (pg-boss). */
  raw(text: string, values?: unknown[]): Promise<RawResult>;
  close(): Promise<void>;
}

interface ExecResult {
  rows?: unknown[];
  rowCount?: number | null;
  affectedRows?: number;
}

interface Conn {
  orm: Orm;
  prepared(name: string, text: string, values: unknown[]): Promise<RawResult>;
  script(text: string): Promise<void>;
  raw(text: string, values?: unknown[]): Promise<RawResult>;
  /** Opens a top-level transaction on a dedicated connection. */
  begin<T>(fn: (conn: Conn) => Promise<T>): Promise<T>;
}

/**
 * The embedded engine lives in this process: nothing changes its data but statements sent through
 * this module. So on PGlite an answer read at write epoch N is exact for as long as the epoch is
 * still N, and `onePrepared` answers from memory then (ADR 0016): the session look-up was about a
 * millisecond of the single-threaded engine on every request. Every statement that is not a plain
 * read, and every transaction when it ends, moves the epoch on. A read remembers the epoch it
 * started at, so a write that finishes while the read runs leaves the read's answer already stale.
 */
interface WriteEpoch {
  value: number;
  readonly answers: Map<string, { epoch: number; at: number; row: unknown }>;
}

/** How long a remembered `onePrepared` answer may be used at most (the clock's share in it: expiry). */
export const PREPARED_CACHE_MS = 1000;
/** Remembered answers at most (sessions in use at once); the oldest go first. */
const PREPARED_CACHE_SIZE = 2000;

/**
 * A plain read: a single `select` that takes no row locks and calls none of the few functions of
 * ours or pg-boss's that change state. Anything else (including `with …`, which may hide a write)
 * counts as a write.
 */
const PLAIN_READ = /^\s*select\b/i;
const NOT_PLAIN = /\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b|\b(nextval|setval|set_config|pg_advisory\w*|pg_notify)\s*\(/i;
export function isPlainRead(text: string): boolean {
  return PLAIN_READ.test(text) && !NOT_PLAIN.test(text);
}

let savepointSeq = 0;
const dialect = new PgDialect();
/** How often a transaction that lost a race (deadlock, serialization failure) is run in all. */
export const TRANSACTION_ATTEMPTS = 4;

function wrap(engine: Database['engine'], conn: Conn, inTransaction: boolean, close: () => Promise<void>, epoch: WriteEpoch | null = null): Database {
  /** Moves the epoch on after `run` unless it is a plain read outside a transaction. */
  const tracked = async <R>(text: string | null, run: () => Promise<R>): Promise<R> => {
    if (!epoch || inTransaction || (text !== null && isPlainRead(text))) return run();
    try {
      return await run();
    } finally {
      epoch.value++;
    }
  };
  const exec = async (q: SQL) => {
    const text = epoch && !inTransaction ? dialect.sqlToQuery(q).sql : null;
    return (await tracked(text, () => conn.orm.execute(q))) as unknown as ExecResult;
  };
  const db: Database = {
    engine,
    orm: conn.orm,
    inTransaction,
    rows: async <T>(q: SQL) => ((await exec(q)).rows ?? []) as T[],
    one: async <T>(q: SQL) => ((await exec(q)).rows ?? [])[0] as T | undefined,
    onePrepared: async <T>(name: string, q: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(q);
      if (!epoch || inTransaction) return (await tracked(text, () => conn.prepared(name, text, params))).rows[0] as T | undefined;
      const key = `${name}\u0000${JSON.stringify(params)}`;
      const now = Date.now();
      const known = epoch.answers.get(key);
      if (known && known.epoch === epoch.value && now - known.at < PREPARED_CACHE_MS) return known.row as T | undefined;
      const startedAt = epoch.value;
      const row = (await tracked(text, () => conn.prepared(name, text, params))).rows[0];
      epoch.answers.delete(key);
      if (epoch.answers.size >= PREPARED_CACHE_SIZE) epoch.answers.delete(epoch.answers.keys().next().value as string);
      epoch.answers.set(key, { epoch: startedAt, at: now, row });
      return row as T | undefined;
    },
    run: async (q: SQL) => {
      const r = await exec(q);
      return Number(r.rowCount ?? r.affectedRows ?? 0);
    },
    transaction: async <T>(fn: (tx: Database) => Promise<T>): Promise<T> => {
      if (!inTransaction) {
        // A deadlock or serialization failure rolled the whole transaction back: run it again, a
        // few times, after a short random pause so the racers do not collide the same way twice.
        for (let attempt = 1; ; attempt++) {
          try {
            return await tracked(null, () => conn.begin((c) => fn(wrap(engine, c, true, close, epoch))));
          } catch (e) {
            if (attempt >= TRANSACTION_ATTEMPTS || !isRetryable(e)) throw e;
            await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
          }
        }
      }
      const sp = `sp_${++savepointSeq}`;
      await conn.raw(`savepoint ${sp}`);
      try {
        const out = await fn(db);
        await conn.raw(`release savepoint ${sp}`);
        return out;
      } catch (e) {
        await conn.raw(`rollback to savepoint ${sp}`);
        throw e;
      }
    },
    script: (text) => tracked(null, () => conn.script(text)),
    raw: (text, values) => tracked(text, () => conn.raw(text, values)),
    close,
  };
  return db;
}

/** Date columns stay `YYYY-MM-DD` strings and 64-bit counts become numbers on both engines. */
const DATE_OID = 1082;
const INT8_OID = 20;

function pgliteConn(client: PGlite | PgliteTx, root: PGlite): Conn {
  return {
    orm: drizzlePglite({ client: client as PGlite }) as unknown as Orm,
    prepared: async (_name, text, values) => (await client.query(text, values)) as RawResult,
    script: async (text) => {
      await client.exec(text);
    },
    raw: async (text, values) => {
      if (values && values.length > 0) return (await client.query(text, values)) as RawResult;
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    begin: (fn) => root.transaction((tx) => fn(pgliteConn(tx, root))),
  };
}

/**
 * Opens the embedded database in `dir` (created when missing), or in memory when `dir` is null;
 * `loadDataDir` starts it from a dumped data folder instead of an empty one (the tests' migrated
 * snapshot: no initdb, no migrations), and `onClient` hands out the PGlite client (to dump one).
 */
export async function openPglite(dir: string | null, opts: { loadDataDir?: Blob; onClient?: (client: PGlite) => void } = {}): Promise<Database> {
  const client = await PGlite.create({
    dataDir: dir ?? undefined,
    loadDataDir: opts.loadDataDir,
    extensions: { ltree, pg_trgm, btree_gist },
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
  });
  opts.onClient?.(client);
  // The embedded database is read from memory and the OS cache, where a random page costs about what
  // a sequential one does; at the default 4 the planner counted a street's members by reading the
  // whole region's in physical order (265 ms) instead of its branches' index entries (30 ms).
  await client.exec('set random_page_cost = 1.1');
  return wrap('pglite', pgliteConn(client, client), false, () => client.close(), { value: 0, answers: new Map() });
}

pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

function pgConn(client: pg.Pool | pg.PoolClient, pool: pg.Pool): Conn {
  return {
    orm: drizzleNodePg({ client }) as unknown as Orm,
    prepared: async (name, text, values) => (await client.query({ name, text, values })) as unknown as RawResult,
    script: async (text) => {
      await client.query(text);
    },
    raw: async (text, values) => (await client.query(text, values)) as unknown as RawResult,
    begin: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const out = await fn(pgConn(c, pool));
        await c.query('commit');
        return out;
      } catch (e) {
        await c.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
  };
}

/** Connects to PostgreSQL through a small pool. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  // the process's runner id on every connection: who owns a background job is visible to others
  // JIT off for the session: the read models' and roll-ups' estimates pass PostgreSQL's JIT threshold,
  // and compiling took longer than the queries (170 ms of a 940 ms compliance roll-up; 1.2 s of a
  // 1.3 s 待办 refresh) — the work here is many short statements, never one long analytic one
  const pool = new pg.Pool({ connectionString: url, max, application_name: RUNNER_APP_NAME, options: '-c jit=off' });
  // An idle connection dropped by the server (restart, admin termination) must not crash the
  // process: the pool discards it and the next query opens a new one.
  pool.on('error', (e) => console.warn(`数据库连接中断，已丢弃该连接：${e.message}`));
  await pool.query('select 1');
  return wrap('postgres', pgConn(pool, pool), false, () => pool.end());
}
