import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { openPglite, openPostgres } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { migratedSnapshot, startTestServer, testServerOn, type Engine, type TestServer } from './harness.ts';
import { demoTemplateDb } from './int-setup.ts';

/**
 * The demo district for the tests that read it, seeded once per int run and engine instead of once
 * per file (each seeding is most of a minute): the first file that asks seeds it and leaves a copy —
 * PGlite's dumped data folder, a PostgreSQL template database — with the field key it was encrypted
 * under; the others wait for it and start on a copy of their own, so a test may change what it likes.
 * The run's folder is the one `test/int-setup.ts` made; its teardown drops the template database.
 */
const WAIT_MS = 600_000;
const runDir = () => path.dirname(inject('pgliteSnapshot'));

interface Ready {
  fieldKey: string;
}

async function waitFor(file: string): Promise<Ready> {
  const until = Date.now() + WAIT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > until) throw new Error(`demo template not ready after ${WAIT_MS / 1000}s: ${file}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Ready;
}

/** Whether this process seeds the template (it took the lock), or waits for the one that does. */
function takeLock(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'wx'));
    return true;
  } catch {
    return false;
  }
}

async function pgliteDemo(dir: string): Promise<TestServer> {
  const dump = path.join(dir, 'demo-pglite.tar');
  const ready = path.join(dir, 'demo-pglite.json');
  if (takeLock(path.join(dir, 'demo-pglite.lock'))) {
    const fieldKey = crypto.randomBytes(32).toString('base64');
    let client: PGlite | undefined;
    const db = await openPglite(null, { loadDataDir: migratedSnapshot(), onClient: (c) => (client = c) });
    await migrate(db);
    const server = await testServerOn(db, () => db.close(), { fieldKey });
    await bootstrap(server, true);
    fs.writeFileSync(dump, Buffer.from(await (await client!.dumpDataDir('none')).arrayBuffer()));
    fs.writeFileSync(ready, JSON.stringify({ fieldKey } satisfies Ready));
    return server;
  }
  const { fieldKey } = await waitFor(ready);
  const db = await openPglite(null, { loadDataDir: new Blob([fs.readFileSync(dump)]) });
  return testServerOn(db, () => db.close(), { fieldKey });
}

async function postgresDemo(dir: string): Promise<TestServer> {
  const base = process.env.TEST_DATABASE_URL!;
  const template = demoTemplateDb(dir);
  const ready = path.join(dir, 'demo-postgres.json');
  const urlOf = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const admin = await openPostgres(base, 1);
  try {
    if (takeLock(path.join(dir, 'demo-postgres.lock'))) {
      const fieldKey = crypto.randomBytes(32).toString('base64');
      await admin.script(`create database ${template} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
      const db = await openPostgres(urlOf(template), 5);
      await migrate(db);
      const seeder = await testServerOn(db, () => db.close(), { fieldKey });
      await bootstrap(seeder, true);
      // a template must have no session open while it is copied
      await seeder.close();
      fs.writeFileSync(ready, JSON.stringify({ fieldKey } satisfies Ready));
    }
    const { fieldKey } = await waitFor(ready);
    const name = `jc_test_${crypto.randomBytes(6).toString('hex')}`;
    // two copies at the same moment: PostgreSQL lets one read the template at a time
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.script(`create database ${name} template ${template}`);
        break;
      } catch (e) {
        if (attempt > 80 || !/being accessed by other users/.test(String((e as Error).message))) throw e;
        await new Promise((r) => setTimeout(r, 250 + Math.random() * 500));
      }
    }
    const db = await openPostgres(urlOf(name), 5);
    return testServerOn(
      db,
      async () => {
        await db.close();
        const a = await openPostgres(base, 1);
        await a.script(`drop database if exists ${name} with (force)`);
        await a.close();
      },
      { fieldKey },
    );
  } finally {
    await admin.close();
  }
}

/** A test server on a copy of the demo district (TEST_TODAY's demo, as `bootstrap(server, true)` seeds it). */
export async function startDemoServer(engine: Engine): Promise<TestServer> {
  if (!process.env.VITEST) {
    const server = await startTestServer(engine);
    await bootstrap(server, true);
    return server;
  }
  return engine === 'pglite' ? pgliteDemo(runDir()) : postgresDemo(runDir());
}
