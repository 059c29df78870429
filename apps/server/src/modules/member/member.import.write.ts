import { conflict } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { DUPLICATE_REFUSED_ACTION } from './member.duplicates.ts';
import type { MemberImportDeps } from './member.import.ts';
import type { JobProgress } from './member.import.job.ts';
import type { RosterDraft } from './member.import.rows.ts';
import type { MemberWrite } from './member.repository.ts';
import { toMemberWrite } from './member.validation.ts';

/**
 * Members per INSERT (each batch is one JSON parameter): 2,000 measured no faster than 500 on
 * PGlite, and smaller batches let the progress bar move more often.
 */
export const WRITE_BATCH = 500;
/** Rows encrypted between two turns of the event loop. */
const PREPARE_CHUNK = 2000;
const REGISTER_REASON = '导入党员名册';
const ID_NUMBER_KEY = 'member_id_number_hash_key';

/** A unique violation of the ID number (someone registered one of the file's members meanwhile), as either driver reports it. */
function idNumberTaken(e: unknown): boolean {
  const d = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | null;
  if (!d || typeof d !== 'object') return false;
  return (d.code === '23505' && (d.constraint === ID_NUMBER_KEY || String(d.message).includes(ID_NUMBER_KEY))) || idNumberTaken(d.cause);
}

/**
 * Writes checked rows: personal fields encrypted before the transaction opens (so it stays short),
 * then members and their 'register' history rows in batches of WRITE_BATCH, and one 'member.import'
 * audit row with the count and file name, all in one transaction. Returns the number written.
 */
export async function writeRoster(
  deps: Pick<MemberImportDeps, 'db' | 'regionId' | 'members' | 'audit' | 'crypto'>,
  actor: Actor,
  file: { drafts: RosterDraft[]; orgIds: (string | null)[]; fileName: string },
  progress: JobProgress,
): Promise<number> {
  const { db, regionId, members, audit, crypto } = deps;
  const total = file.drafts.length;
  await progress.report('writing', 0, total);
  const rows: { id: string; w: MemberWrite }[] = [];
  for (let k = 0; k < total; k += PREPARE_CHUNK) {
    file.drafts.slice(k, k + PREPARE_CHUNK).forEach((d, i) => rows.push({ id: newId(), w: toMemberWrite({ ...d.input!, orgId: file.orgIds[k + i]! }, d.checked!, crypto) }));
    await progress.report('writing', 0, total);
  }
  try {
    await db.transaction(async (tx) => {
      for (let k = 0; k < total; k += WRITE_BATCH) {
        const batch = rows.slice(k, k + WRITE_BATCH);
        await members.insertMany(tx, regionId, batch);
        const events = batch.map(({ id, w }) => ({ id: newId(), memberId: id, event: 'register', status: w.status, date: w.joinedDate, reason: REGISTER_REASON, actorId: actor.id, actorName: actor.displayName }));
        await members.insertEvents(tx, regionId, events);
        await progress.report('writing', k + batch.length, total, false);
      }
      await audit.record(tx, actor, { action: 'member.import', entity: 'member', entityId: null, orgPath: actor.orgPath, after: { created: total, fileName: file.fileName } });
    });
  } catch (e) {
    if (idNumberTaken(e)) {
      // a duplicate refusal like any other: audited (which number is not known here, only the file)
      await audit.record(db, actor, { action: DUPLICATE_REFUSED_ACTION, entity: 'member', entityId: null, orgPath: actor.orgPath, after: { via: 'import', fileName: file.fileName, concurrent: true } });
      throw conflict('写入时发现文件中有公民身份号码刚被登记（可能有人同时登记了同一党员），未导入任何数据，请重新上传以查看是哪一行');
    }
    throw e;
  }
  return total;
}
