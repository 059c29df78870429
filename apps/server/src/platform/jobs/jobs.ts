import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';

/** A scheduled job. Due times live on the rows it reads; the job only sweeps what is due. */
export interface ScheduledJob {
  name: string;
  /** Cron expression (minute granularity). */
  cron: string;
  run(): Promise<void>;
}

export interface JobRunner {
  stop(): Promise<void>;
}

/**
 * Runs scheduled jobs on pg-boss, on either engine: pg-boss talks to the app's own database handle
 * through its `executeSql` adapter, so on the embedded engine no second opener touches the folder.
 * Each job also runs once at start.
 */
export async function startJobs(db: Database, jobs: ScheduledJob[], log: (msg: string, err?: unknown) => void): Promise<JobRunner> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => db.raw(text, values) },
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
  });
  boss.on('error', (e) => log('任务调度出错', e));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron);
    await boss.send(job.name, {});
    await boss.work(job.name, { pollingIntervalSeconds: 10 }, async () => {
      await job.run();
    });
  }
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }) };
}

/** A cron expression firing about every `seconds` (at least once a minute). */
export function cronEvery(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes >= 60 ? `0 */${Math.min(23, Math.round(minutes / 60))} * * *` : `*/${minutes} * * * *`;
}
