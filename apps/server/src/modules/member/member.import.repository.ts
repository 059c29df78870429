import { sql } from 'drizzle-orm';
import type { ImportRowError, MemberImportPhase } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { RUNNER_APP_PREFIX } from '../../platform/runner.ts';

/** A roster import job as stored. */
export interface ImportJobRow {
  id: string;
  account_id: string;
  file_name: string;
  phase: MemberImportPhase;
  done: number;
  total: number;
  created: number | null;
  message: string | null;
  errors: ImportRowError[];
  error_count: number;
  started_at: string;
  finished_at: string | null;
}

/** How a job ended. */
export type JobOutcome = { phase: 'done'; created: number } | { phase: 'failed'; message: string; errors: ImportRowError[]; errorCount: number };

const RUNNING = sql`('reading', 'checking', 'writing')`;

/** The member_import_job table: progress and outcome of background roster imports. */
export const importJobRepository = {
  async insert(db: Database, regionId: string, j: { id: string; accountId: string; fileName: string; runner: string }) {
    await db.run(
      sql`insert into member_import_job (region_id, id, account_id, file_name, runner) values (${regionId}, ${j.id}, ${j.accountId}, ${j.fileName}, ${j.runner})`,
    );
  },

  /**
   * Marks failed every job still "running" whose process is gone: on the embedded engine (one
   * process only) every one not run by `me`; on PostgreSQL those whose runner has no connection left.
   * Returns how many.
   */
  failOrphaned(db: Database, regionId: string, me: string, message: string): Promise<number> {
    const gone =
      db.engine === 'pglite'
        ? sql`true`
        : sql`runner is null or runner not in (select substr(application_name, ${RUNNER_APP_PREFIX.length + 1}) from pg_stat_activity
            where application_name like ${RUNNER_APP_PREFIX + '%'})`;
    return db.run(sql`update member_import_job set phase = 'failed', message = ${message}, finished_at = now()
      where region_id = ${regionId} and phase in ${RUNNING} and runner is distinct from ${me} and (${gone})`);
  },

  /** Phase and progress of a running job; also its heartbeat. */
  async progress(db: Database, regionId: string, id: string, p: { phase: MemberImportPhase; done: number; total: number }) {
    await db.run(sql`update member_import_job set phase = ${p.phase}, done = ${p.done}, total = ${p.total}, updated_at = now()
      where region_id = ${regionId} and id = ${id} and phase in ${RUNNING}`);
  },

  /** Heartbeat of a running job (proves a process still works on it). */
  async touch(db: Database, regionId: string, id: string) {
    await db.run(sql`update member_import_job set updated_at = now() where region_id = ${regionId} and id = ${id} and phase in ${RUNNING}`);
  },

  /** Locks a job that is still running (the flip's first step); false when it is not running any more. */
  async lockRunning(tx: Database, regionId: string, id: string): Promise<boolean> {
    return !!(await tx.one(sql`select 1 as ok from member_import_job where region_id = ${regionId} and id = ${id} and phase in ${RUNNING} for update`));
  },

  async finish(db: Database, regionId: string, id: string, o: JobOutcome) {
    const failed = o.phase === 'failed';
    await db.run(sql`update member_import_job set phase = ${o.phase}, created = ${failed ? null : o.created}, message = ${failed ? o.message : null},
        errors = ${JSON.stringify(failed ? o.errors : [])}::jsonb, error_count = ${failed ? o.errorCount : 0},
        done = ${failed ? sql`done` : sql`total`}, updated_at = now(), finished_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  byId(db: Database, regionId: string, id: string) {
    return db.one<ImportJobRow>(sql`select id, account_id, file_name, phase, done, total, created, message, errors, error_count,
        started_at::text as started_at, finished_at::text as finished_at
      from member_import_job where region_id = ${regionId} and id = ${id}`);
  },

  /** Marks the job failed when it is still "running" but its heartbeat stopped `staleSeconds` ago; true if it did. */
  async failIfStale(db: Database, regionId: string, id: string, staleSeconds: number, message: string): Promise<boolean> {
    return (
      (await db.run(sql`update member_import_job set phase = 'failed', message = ${message}, finished_at = now()
      where region_id = ${regionId} and id = ${id} and phase in ${RUNNING}
        and updated_at < now() - make_interval(secs => ${staleSeconds})`)) === 1
    );
  },
};
export type ImportJobRepository = typeof importJobRepository;
