import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dumped PGlite data folder with every migration applied; each in-memory test database starts from it. */
    pgliteSnapshot: string;
  }
}

/** The PostgreSQL template database of the run's demo district (`test/demo-server.ts`), named after the run's folder. */
export const demoTemplateDb = (runDir: string) =>
  `jc_demo_${path
    .basename(runDir)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;

/**
 * The int run's global setup: migrates one in-memory PGlite and dumps its data folder, so each test
 * server's PGlite loads it (≈ 0.35 s) instead of running initdb and the migrations (≈ 2.8 s). The
 * PostgreSQL databases are still created and migrated per file. The demo district's copies
 * (`test/demo-server.ts`) are kept in the same folder; the teardown drops its template database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let client: PGlite | undefined;
  const db = await openPglite(null, { onClient: (c) => (client = c) });
  await migrate(db);
  const dump = await client!.dumpDataDir('none');
  await db.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-int-'));
  const file = path.join(dir, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (!process.env.TEST_DATABASE_URL) return;
    const admin = await openPostgres(process.env.TEST_DATABASE_URL, 1);
    await admin.script(`drop database if exists ${demoTemplateDb(dir)} with (force)`);
    await admin.close();
  };
}
