import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SESSION_COOKIE, type Me } from '@jiceng/contracts';
import { openPglite, openPostgres, type Database } from '../apps/server/src/platform/db/database.ts';
import { acquireDataLock } from '../apps/server/src/platform/db/lock.ts';

/**
 * The two engines as the benchmarks open them, and their HTTP helpers. PostgreSQL:
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the maintenance
 * database; each run creates and drops its own databases. PGlite: a temporary data folder.
 */

export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export type Engine = 'postgres' | 'pglite';

/** The engines named by a comma-separated option. */
export function engineList(option: string): Engine[] {
  return option.split(',').map((e) => {
    const name = e.trim();
    if (name !== 'postgres' && name !== 'pglite') throw new Error(`unknown engine ${name}`);
    return name;
  });
}

export interface Handle {
  db: Database;
  dataDir: string;
  /** The database's connection URL (PostgreSQL only), for a second client of the same database. */
  url: string | null;
  close(): Promise<void>;
  /** Environment for a server child process on a fresh, empty database, and how to remove it. */
  fresh(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

export const tmpDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'jc-bench-'));

/** A database of its own on the PostgreSQL server, created like the test harness does. */
async function pgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await openPostgres(PG_URL, 1);
  const name = `jc_bench_${crypto.randomBytes(5).toString('hex')}`;
  await admin.script(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // Plain DROP, retried while the closed pool's backends finish exiting (FORCE would kill them mid-goodbye).
    drop: async () => {
      for (let i = 0; ; i++) {
        try {
          await admin.script(`drop database if exists ${name}`);
          break;
        } catch (e) {
          if (i >= 50) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await admin.close();
    },
  };
}

/** Opens a fresh, empty database of `engine`; close() removes it. */
export async function open(engine: Engine): Promise<Handle> {
  if (engine === 'postgres') {
    const target = await pgDatabase();
    const db = await openPostgres(target.url);
    const dataDir = tmpDir();
    return {
      db,
      dataDir,
      url: target.url,
      close: async () => {
        await db.close();
        await target.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
      fresh: async () => {
        const t = await pgDatabase();
        const dir = tmpDir();
        return {
          env: { DATABASE_URL: t.url, DATA_DIR: dir, JICENG_DEMO: 'false' },
          cleanup: async () => (await t.drop(), fs.rmSync(dir, { recursive: true, force: true })),
        };
      },
    };
  }
  const dataDir = tmpDir();
  const release = acquireDataLock(dataDir);
  const db = await openPglite(path.join(dataDir, 'pgdata'));
  return {
    db,
    dataDir,
    url: null,
    close: async () => {
      await db.close();
      release();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    fresh: async () => {
      const dir = tmpDir();
      return { env: { DATA_DIR: dir, JICENG_DEMO: 'false' }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  };
}

/**
 * fetch, tried once more when a kept-alive connection turns out closed (the server drops idle
 * connections after its keep-alive timeout; a client busy generating data may not have noticed).
 */
export async function request(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw e;
    return fetch(url, init);
  }
}

/** A logged-in session: its cookie (`name=value`) and the CSRF token state-changing requests send. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function login(base: string, credentials: { username: string; password: string }): Promise<Session> {
  const res = await request(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  const c = res.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`));
  if (res.status !== 200 || !c) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as Me;
  return { cookie: c.split(';')[0]!, csrfToken: me.csrfToken };
}

/** Logs in and returns the session cookie (`name=value`). */
export const loginCookie = async (base: string, credentials: { username: string; password: string }): Promise<string> =>
  (await login(base, credentials)).cookie;

export async function getJson<T>(url: string, cookie: string): Promise<T> {
  const res = await request(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
