import { conflict } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { DUPLICATE_REFUSED_ACTION } from './member.duplicates.ts';
import type { MemberImportDeps } from './member.import.ts';
import type { JobProgress } from './member.import.job.ts';
import type { RosterDraft } from './member.import.rows.ts';
import type { PendingMember } from './member.import.pending.ts';
import { toMemberWrite } from './member.validation.ts';

/**
 * Rows per batch (one JSON parameter, a short transaction of its own). On PGlite a batch holds the
 * engine: at 100,000 members a request waited up to 298 ms behind batches of 500 and 212 ms behind
 * 250, for a whole import 1.5 s longer (14.4 s for 30,000 rows); on PostgreSQL it holds nobody.
 */
export const WRITE_BATCH = 250;
const REGISTER_REASON = '导入党员名册';
const ID_NUMBER_KEY = 'member_id_number_hash_key';

/** A unique violation of the ID number (someone registered one of the file's members meanwhile), as either driver reports it. */
function idNumberTaken(e: unknown): boolean {
  const d = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | null;
  if (!d || typeof d !== 'object') return false;
  return (d.code === '23505' && (d.constraint === ID_NUMBER_KEY || String(d.message).includes(ID_NUMBER_KEY))) || idNumberTaken(d.cause);
}

/**
 * Writes checked rows without holding the database for long (ADR 0008): WRITE_BATCH rows at a time
 * are encrypted and written in place with their 'register' history rows, under the job and
 * invisible through `member`, each batch a short transaction of its own with a turn of the event
 * loop after it. Then one small transaction is the flip: it locks the job, checks that every row is
 * there, marks their organizations for the to-do read model, writes the one 'member.import' audit
 * row (count and file name) and marks the job 完成, which makes all of them visible at once. A
 * failure or a kill at any point before leaves no visible member, history or audit row; the job's
 * rows are deleted on failure, and by recoverOrphaned at the next start after a kill. The unique
 * ID-number key checks every batch against registrations made since the file was checked. Returns
 * the number written.
 */
export async function writeRoster(
  deps: Pick<MemberImportDeps, 'db' | 'regionId' | 'pending' | 'jobs' | 'audit' | 'crypto'>,
  actor: Actor,
  file: { drafts: RosterDraft[]; orgIds: (string | null)[]; fileName: string },
  progress: JobProgress,
): Promise<number> {
  const { db, regionId, pending, jobs, audit, crypto } = deps;
  const { jobId } = progress;
  const total = file.drafts.length;
  const event = { reason: REGISTER_REASON, actorId: actor.id, actorName: actor.displayName };
  await progress.report('writing', 0, total);
  try {
    for (let k = 0; k < total; k += WRITE_BATCH) {
      const batch: PendingMember[] = file.drafts
        .slice(k, k + WRITE_BATCH)
        .map((d, i) => ({ id: newId(), eventId: newId(), w: toMemberWrite({ ...d.input!, orgId: file.orgIds[k + i]! }, d.checked!, crypto) }));
      await pending.write(db, regionId, jobId, batch, event);
      await progress.report('writing', k + batch.length, total);
    }
    await db.transaction(async (tx) => {
      // given up as stale by another process meanwhile (which deletes its rows): nothing is imported
      if (!(await jobs.lockRunning(tx, regionId, jobId))) throw new Error(`import ${jobId}: no longer running`);
      const written = await pending.prepareFlip(tx, regionId, jobId);
      if (written !== total) throw new Error(`import ${jobId}: ${written} of ${total} members written`);
      await audit.record(tx, actor, {
        action: 'member.import',
        entity: 'member',
        entityId: null,
        orgPath: actor.orgPath,
        after: { created: total, fileName: file.fileName },
      });
      // 完成 is the flip: the members become visible with it, so a kill right after the commit cannot
      // leave the job reading "nothing imported", nor before it leave any member visible
      await jobs.finish(tx, regionId, jobId, { phase: 'done', created: total });
    });
  } catch (e) {
    // left behind only if the database itself is failing: recoverOrphaned deletes them at the next start
    await pending.discard(db, regionId, jobId).catch(() => undefined);
    if (idNumberTaken(e)) {
      // a duplicate refusal like any other: audited (which number is not known here, only the file)
      await audit.record(db, actor, {
        action: DUPLICATE_REFUSED_ACTION,
        entity: 'member',
        entityId: null,
        orgPath: actor.orgPath,
        after: { via: 'import', fileName: file.fileName, concurrent: true },
      });
      throw conflict('写入时发现文件中有公民身份号码刚被登记（可能有人同时登记了同一党员），未导入任何数据，请重新上传以查看是哪一行');
    }
    throw e;
  }
  return total;
}
