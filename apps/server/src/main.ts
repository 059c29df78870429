import path from 'node:path';
import { bootstrap } from './bootstrap.ts';
import { offsetClock } from './platform/clock.ts';
import { demoExposureWarning, loadConfig } from './platform/config.ts';
import { createFieldCrypto, resolveFieldKey } from './platform/crypto/field-crypto.ts';
import { openPglite, openPostgres, type Database } from './platform/db/database.ts';
import { acquireDataLock } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { AppError } from './platform/errors.ts';
import { startJobs, type JobRunner } from './platform/jobs/jobs.ts';
import { createServer } from './server.ts';

/** Starts Jiceng: config → lock → database → migrations → first-start data → HTTP → jobs. */
async function main(): Promise<void> {
  const config = loadConfig();
  const release = config.databaseUrl ? () => undefined : acquireDataLock(config.dataDir);
  let db: Database | null = null;
  let jobs: JobRunner | null = null;
  const shutdown = async (code: number) => {
    await jobs?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    release();
    process.exit(code);
  };
  try {
    db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(path.join(config.dataDir, 'pgdata'));
    await migrate(db);
    const fieldKey = resolveFieldKey(config.fieldKey, config.dataDir);
    createFieldCrypto(fieldKey);
    const server = await createServer({ config, db, fieldKey, clock: offsetClock(config.clockOffsetDays) });
    if (config.clockOffsetDays) console.log(`注意：系统时钟已调快 ${config.clockOffsetDays} 天（CLOCK_OFFSET_DAYS），仅用于演示和测试`);
    for (const line of await bootstrap(server, config.demo)) console.log(line);
    const orphaned = await server.modules.member.importer.recoverOrphaned();
    if (orphaned > 0) console.log(`已将 ${orphaned} 个因服务中断而未完成的党员名册导入标记为失败（未导入任何数据）`);
    const url = await server.app.listen({ port: config.port, host: config.host });
    console.log(
      `基层党建工作平台已启动：${url.replace('0.0.0.0', 'localhost')}（数据库：${db.engine === 'pglite' ? `内置 PGlite，${config.dataDir}` : 'PostgreSQL'}）`,
    );
    // the stored flag, not config.demo: a demo database started later with JICENG_DEMO=false still serves the demo accounts
    const exposed = demoExposureWarning(config.host, await server.isDemo());
    if (exposed) server.app.log.warn(exposed);
    if (config.jobs) jobs = await startJobs(db, server.jobs, (msg, err) => server.app.log.error(err, msg));
    process.on('SIGINT', () => void server.app.close().then(() => shutdown(0)));
    process.on('SIGTERM', () => void server.app.close().then(() => shutdown(0)));
  } catch (e) {
    console.error(e instanceof AppError ? `启动失败：${e.message}` : e);
    await shutdown(1);
  }
}

try {
  await main();
} catch (e) {
  console.error(e instanceof AppError ? `启动失败：${e.message}` : e);
  process.exit(1);
}
