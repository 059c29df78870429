import { conflict } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { DUPLICATE_REFUSED_ACTION } from './member.duplicates.ts';
import type { MemberImportDeps } from './member.import.ts';
import type { JobProgress } from './member.import.job.ts';
import type { RosterDraft } from './member.import.rows.ts';
import type { StagedMember } from './member.import.stage.ts';
import { toMemberWrite } from './member.validation.ts';

/**
 * Rows per staging statement (each batch is one JSON parameter, a short transaction of its own):
 * 2,000 measured no faster than 500 on PGlite, and smaller batches let other requests in more often.
 */
export const WRITE_BATCH = 500;
const REGISTER_REASON = '导入党员名册';
const ID_NUMBER_KEY = 'member_id_number_hash_key';

/** A unique violation of the ID number (someone registered one of the file's members meanwhile), as either driver reports it. */
function idNumberTaken(e: unknown): boolean {
  const d = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | null;
  if (!d || typeof d !== 'object') return false;
  return (d.code === '23505' && (d.constraint === ID_NUMBER_KEY || String(d.message).includes(ID_NUMBER_KEY))) || idNumberTaken(d.cause);
}

/**
 * Writes checked rows without holding the database for long: WRITE_BATCH rows at a time are
 * encrypted and staged (member_import_stage), each statement a short transaction of its own with a
 * turn of the event loop after it; then one transaction moves the staged rows into member with their
 * 'register' history rows (`insert … select`), writes the one 'member.import' audit row (count and
 * file name) and marks the job 完成. Staged rows are nobody's record, so a failure or a kill at any
 * point leaves no member, history or audit row behind; they are deleted on failure and after
 * success, and by recoverOrphaned at the next start after a kill. The unique ID-number key checks
 * the move against registrations made since the file was checked. Returns the number written.
 */
export async function writeRoster(
  deps: Pick<MemberImportDeps, 'db' | 'regionId' | 'stage' | 'jobs' | 'audit' | 'crypto'>,
  actor: Actor,
  file: { drafts: RosterDraft[]; orgIds: (string | null)[]; fileName: string },
  progress: JobProgress,
): Promise<number> {
  const { db, regionId, stage, jobs, audit, crypto } = deps;
  const { jobId } = progress;
  const total = file.drafts.length;
  await progress.report('writing', 0, total);
  try {
    for (let k = 0; k < total; k += WRITE_BATCH) {
      const batch: StagedMember[] = file.drafts
        .slice(k, k + WRITE_BATCH)
        .map((d, i) => ({ id: newId(), eventId: newId(), w: toMemberWrite({ ...d.input!, orgId: file.orgIds[k + i]! }, d.checked!, crypto) }));
      await stage.stage(db, regionId, jobId, k, batch);
      await progress.report('writing', k + batch.length, total);
    }
    await db.transaction(async (tx) => {
      const moved = await stage.move(tx, regionId, jobId, { reason: REGISTER_REASON, actorId: actor.id, actorName: actor.displayName });
      // staged rows removed meanwhile (the job was given up as stale by another process): nothing is imported
      if (moved.members !== total || moved.events !== total)
        throw new Error(`import ${jobId}: ${moved.members} members, ${moved.events} history rows of ${total} staged`);
      await audit.record(tx, actor, {
        action: 'member.import',
        entity: 'member',
        entityId: null,
        orgPath: actor.orgPath,
        after: { created: total, fileName: file.fileName },
      });
      // 完成 commits with the members: a kill right after the commit cannot leave the job reading "nothing imported"
      await jobs.finish(tx, regionId, jobId, { phase: 'done', created: total });
    });
  } catch (e) {
    // left behind only if the database itself is failing: recoverOrphaned deletes them at the next start
    await stage.discard(db, regionId, jobId).catch(() => undefined);
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
  // the members are committed: a failure here only leaves staged rows for the next start to delete
  await stage.discard(db, regionId, jobId).catch(() => undefined);
  return total;
}
