import {
  MEMBER_IMPORT_ERRORS_KEPT,
  MEMBER_IMPORT_RUNNING_PHASES,
  memberImportPhaseLabel,
  type ImportRowError,
  type MemberImportJob,
  type MemberImportPhase,
} from '@jiceng/contracts';
import { RUNNER_ID } from '../../platform/runner.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { ImportJobRepository, ImportJobRow, JobOutcome } from './member.import.repository.ts';

/** What a running job reports as it goes. */
export interface JobProgress {
  /** The job's id (its members are written under it until 完成). */
  readonly jobId: string;
  /**
   * Phase and rows done. Saved to the table at most every second, and never when `persist` is
   * false: inside a transaction (on PGlite a query beside the open transaction would wait for it
   * forever), where only the in-memory progress moves.
   */
  report(phase: MemberImportPhase, done: number, total: number, persist?: boolean): Promise<void>;
}

interface LiveJob {
  id: string;
  accountId: string;
  fileName: string;
  phase: MemberImportPhase;
  done: number;
  total: number;
  startedAt: string;
  savedAt: number;
}

const SAVE_EVERY_MS = 1000;
const HEARTBEAT_MS = 10_000;
/** A job still "running" whose heartbeat stopped this long ago has no process left working on it. */
export const JOB_STALE_SECONDS = 60;
/** Roster imports one server process runs at once (each holds its workbook in memory, ≈ 400 MB at 50,000 rows). */
export const JOBS_AT_ONCE = 1;
const INTERRUPTED = '导入因服务重启或中断而未完成，未导入任何数据，请重新上传文件';
const INTERNAL = '导入时发生内部错误，未导入任何数据，请稍后重试；如仍失败请联系系统管理员';

/** A thrown error as the job's outcome: row errors of IMPORT_INVALID, the message of any other AppError. */
function failure(e: unknown, log: (err: unknown) => void): JobOutcome {
  if (!(e instanceof AppError)) {
    log(e);
    return { phase: 'failed', message: INTERNAL, errors: [], errorCount: 0 };
  }
  const d = e.details as { errors?: ImportRowError[] } | undefined;
  const errors = e.code === 'IMPORT_INVALID' ? (d?.errors ?? []) : [];
  return { phase: 'failed', message: e.message, errors: errors.slice(0, MEMBER_IMPORT_ERRORS_KEPT), errorCount: errors.length };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Background jobs of this process: a row in member_import_job for every job (polled by its owner),
 * live progress in memory while it runs here, a heartbeat so that a job whose process died is found
 * and marked failed when read (its transaction never committed, so nothing was imported).
 */
export function createImportJobs(deps: {
  db: Database;
  regionId: string;
  jobs: ImportJobRepository;
  clock: Clock;
  /** Removes what a job left behind (its invisible members) once it has been given up as abandoned. */
  discard?: (jobId: string) => Promise<unknown>;
}) {
  const { db, regionId, jobs, clock } = deps;
  const live = new Map<string, LiveJob>();
  const tasks = new Set<Promise<void>>();

  const present = (j: LiveJob | ImportJobRow): MemberImportJob => {
    const row = 'account_id' in j ? j : null;
    return {
      id: j.id,
      fileName: row ? row.file_name : (j as LiveJob).fileName,
      phase: j.phase,
      phaseLabel: memberImportPhaseLabel[j.phase],
      done: j.done,
      total: j.total,
      created: row?.created ?? null,
      message: row?.message ?? null,
      errors: row?.errors ?? [],
      errorCount: row?.error_count ?? 0,
      startedAt: row ? isoTime(row.started_at) : (j as LiveJob).startedAt,
      finishedAt: row ? isoTime(row.finished_at) : null,
    };
  };

  return {
    /**
     * Records a job of `actor` and runs `work` in the background, after this request has been
     * answered; returns the job's id. Refuses while this process already runs JOBS_AT_ONCE jobs.
     */
    async start(actor: Actor, fileName: string, work: (p: JobProgress) => Promise<JobOutcome>, log: (err: unknown) => void): Promise<string> {
      if (live.size >= JOBS_AT_ONCE) throw conflict('系统正在处理另一个党员名册导入，请等它完成后再上传');
      const id = newId();
      const job: LiveJob = { id, accountId: actor.id, fileName, phase: 'reading', done: 0, total: 0, startedAt: clock.now().toISOString(), savedAt: 0 };
      live.set(id, job);
      try {
        await jobs.insert(db, regionId, { id, accountId: actor.id, fileName, runner: RUNNER_ID });
      } catch (e) {
        live.delete(id);
        throw e;
      }
      const progress: JobProgress = {
        jobId: id,
        async report(phase, done, total, persist = true) {
          const changed = phase !== job.phase;
          Object.assign(job, { phase, done, total });
          if (persist && (changed || Date.now() - job.savedAt >= SAVE_EVERY_MS)) {
            job.savedAt = Date.now();
            await jobs.progress(db, regionId, id, { phase, done, total });
          }
          await turn(); // let requests in between chunks of work
        },
      };
      const beat = setInterval(() => void jobs.touch(db, regionId, id).catch(log), HEARTBEAT_MS);
      beat.unref();
      const task = (async () => {
        await turn();
        const outcome = await work(progress).catch((e: unknown) => failure(e, log));
        clearInterval(beat);
        await jobs.finish(db, regionId, id, outcome).catch(log);
        live.delete(id);
      })();
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
      return id;
    },

    /** A job as its owner sees it; anyone else gets 404. A job abandoned by a stopped process reads as failed. */
    async get(actor: Actor, id: string): Promise<MemberImportJob> {
      const running = live.get(id);
      if (running) {
        if (running.accountId !== actor.id) throw notFound('导入任务');
        return present(running);
      }
      const row = await jobs.byId(db, regionId, id);
      if (!row || row.account_id !== actor.id) throw notFound('导入任务');
      if (MEMBER_IMPORT_RUNNING_PHASES.includes(row.phase) && (await jobs.failIfStale(db, regionId, id, JOB_STALE_SECONDS, INTERRUPTED))) {
        await deps.discard?.(id);
        return present((await jobs.byId(db, regionId, id))!);
      }
      return present(row);
    },

    /**
     * At start: every job left "running" by a process that is gone (killed mid-import) reads as
     * failed at once; nothing of it was imported (its transaction never committed).
     */
    recoverOrphaned: (): Promise<number> => jobs.failOrphaned(db, regionId, RUNNER_ID, INTERRUPTED),

    /** Resolves when every job of this process has finished (server shutdown, tests). */
    drain: async (): Promise<void> => {
      await Promise.all([...tasks]);
    },
  };
}
export type ImportJobs = ReturnType<typeof createImportJobs>;
