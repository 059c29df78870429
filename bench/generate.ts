/**
 * Builds a synthetic city into a database: `npm run bench:gen -- --orgs 20000 [--dir bench/out/city]`.
 * Writes to PostgreSQL when DATABASE_URL is set, else to an embedded PGlite data folder (locked while
 * writing, laid out as the app expects: start it with `DATA_DIR=<dir> npm start`). Log in as
 * BENCH_ADMIN (admin / Bench@2026pw).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chinaDate } from '../apps/server/src/platform/clock.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { openPglite, openPostgres, type Database } from '../apps/server/src/platform/db/database.ts';
import { acquireDataLock } from '../apps/server/src/platform/db/lock.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { BENCH_ADMIN, generateCity } from './city.ts';

const { values } = parseArgs({ options: { orgs: { type: 'string', default: '20000' }, dir: { type: 'string', default: 'bench/out/city' } } });
const total = Number(values.orgs);
if (!Number.isInteger(total) || total < 100) throw new Error('--orgs must be an integer ≥ 100');
const config = loadConfig({ ...process.env, DATA_DIR: path.resolve(values.dir) }, []);

let release = () => undefined as void;
let db: Database | null = null;
try {
  if (!config.databaseUrl) release = acquireDataLock(config.dataDir);
  db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(path.join(config.dataDir, 'pgdata'));
  await migrate(db);
  const t0 = performance.now();
  const city = await generateCity(db, { total, regionId: config.regionId, today: chinaDate(new Date()) });
  const ms = performance.now() - t0;
  const pct = (t: string) => `${(((city.byType[t] ?? 0) / city.total) * 100).toFixed(1)}%`;
  console.log(`${city.total} organizations in ${(ms / 1000).toFixed(1)} s on ${db.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`);
  console.log(`by type: ${JSON.stringify(city.byType)}`);
  console.log(`党委 ${pct('committee')} (+ ${city.byType.working_committee ?? 0} 党工委) / 党总支 ${pct('general_branch')} / 党支部 ${pct('branch')}`);
  console.log(`log in as ${BENCH_ADMIN.username} / ${BENCH_ADMIN.password}`);
} finally {
  await db?.close();
  release();
}
