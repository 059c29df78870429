import type { ImportRowError, MemberImportAccepted, MemberImportJob } from '@jiceng/contracts';
import { MEMBER_HOME_ORG_TYPES } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheetInWorker } from '../../platform/xlsx/read-in-worker.ts';
import { readSheet } from '../../platform/xlsx/sheet.ts';
import { loadWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import { maskIdNumber } from '../../platform/crypto/mask.ts';
import { duplicateIdMessage, importRefusalsEvent } from './member.duplicates.ts';
import { createImportJobs, type JobProgress } from './member.import.job.ts';
import type { ImportJobRepository, JobOutcome } from './member.import.repository.ts';
import type { PendingImportRepository } from './member.import.pending.ts';
import { duplicateIdNumbers, resolveBranches } from './member.import.resolve.ts';
import { parseRosterRow, type RosterDraft } from './member.import.rows.ts';
import { buildRosterTemplate } from './member.import.template.ts';
import { writeRoster } from './member.import.write.ts';
import type { MemberRepository, RegisteredId } from './member.repository.ts';
import { ROSTER_READ, type RosterSheet } from './member.xlsx.ts';

export interface MemberImportDeps {
  db: Database;
  regionId: string;
  members: MemberRepository;
  jobs: ImportJobRepository;
  /** The members of imports not yet 完成, written in place and invisible (member_row, ADR 0008). */
  pending: PendingImportRepository;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
}

/** Rows parsed (and their ID numbers hashed) between two progress reports and turns of the event loop: 1,000 held it for ~200 ms. */
const CHECK_CHUNK = 250;
/**
 * ID hashes per look-up (far below PostgreSQL's 65,535 parameters), with a turn of the event loop
 * between look-ups: on PGlite one of 10,000 held every other request for most of a second.
 */
const HASH_CHUNK = 2000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the check reads of an uploaded roster (the job reads it in a worker thread, the error report with its workbook). */
type RosterRows = Pick<RosterSheet, 'rows' | 'headerErrors' | 'date1904'>;

/** The rows of a checked file, and everything wrong with it (sorted by row, then column). */
interface Checked {
  errors: ImportRowError[];
  drafts: RosterDraft[];
  orgIds: (string | null)[];
}

/**
 * Roster import (党员名册): every row is checked in memory first — its own cells with the member
 * form's rules (checkMember), branches by full name in the importer's scope (one query), ID numbers
 * against each other and against the register by keyed hash (one query per 10,000) — and only a
 * file without a single problem is written: in short statements, invisible until the job's 完成
 * makes every row visible at once (member.import.write.ts). It runs as a background job the web app polls.
 */
export function createMemberImportService(deps: MemberImportDeps) {
  const { db, regionId, members, jobs, pending, audit, clock, crypto } = deps;
  const tracker = createImportJobs({ db, regionId, jobs, clock, discard: (jobId) => pending.discard(db, regionId, jobId) });

  /** The members already holding the file's ID numbers, by keyed hash. */
  async function registeredHashes(hashes: (string | null)[]): Promise<Map<string, RegisteredId>> {
    const wanted = hashes.filter((h): h is string => h !== null);
    const found = new Map<string, RegisteredId>();
    for (let k = 0; k < wanted.length; k += HASH_CHUNK) {
      for (const r of await members.existingIdHashes(db, regionId, wanted.slice(k, k + HASH_CHUNK))) found.set(r.id_number_hash, r);
      await turn();
    }
    return found;
  }

  /**
   * Checks every row. Numbers already registered are refused (named only inside the scope) and, as
   * any duplicate refusal, written to the audit log: `via` says whether by the import or its error report.
   */
  async function check(
    actor: Actor,
    sheet: RosterRows,
    progress: JobProgress | null,
    via: { name: 'import' | 'error-report'; fileName: string },
  ): Promise<Checked> {
    const today = clock.today();
    const total = sheet.rows.length;
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const drafts: RosterDraft[] = [];
    const hashes: (string | null)[] = [];
    for (let k = 0; k < total; k += CHECK_CHUNK) {
      for (const raw of sheet.rows.slice(k, k + CHECK_CHUNK)) {
        const parsed = parseRosterRow(raw, sheet.date1904, today);
        errors.push(...parsed.errors);
        drafts.push(parsed.draft);
        hashes.push(parsed.draft.checked ? crypto.lookupHash(parsed.draft.checked.idNumber) : null);
      }
      // Between chunks the event loop serves other requests (the report yields; without one, a turn).
      if (progress) await progress.report('checking', Math.min(k + CHECK_CHUNK, total), total);
      else await new Promise((resolve) => setImmediate(resolve));
    }
    const { orgIds, errors: branchErrors } = resolveBranches(drafts, await members.orgsInScope(db, regionId, actor.orgPath));
    const holders = await registeredHashes(hashes);
    const refused: { maskedIdNumber: string; holder: RegisteredId }[] = [];
    const message = (h: string) => {
      const holder = holders.get(h);
      return holder ? duplicateIdMessage(actor, holder, '导入') : null;
    };
    const record = (i: number) => refused.push({ maskedIdNumber: maskIdNumber(drafts[i]!.checked!.idNumber), holder: holders.get(hashes[i]!)! });
    errors.push(...branchErrors, ...duplicateIdNumbers(drafts, hashes, message, record));
    if (refused.length) await audit.record(db, actor, importRefusalsEvent(actor, refused, via.name, via.fileName));
    return { errors: sortRowErrors(errors, ROSTER_READ.columns), drafts, orgIds };
  }

  async function open(upload: Upload): Promise<RosterSheet> {
    return readSheet(await loadWorkbook(upload.data, upload.fileName), ROSTER_READ);
  }

  /** The job's work: read (in a worker thread), check, write; any problem ends it failed with nothing written. */
  async function run(actor: Actor, upload: Upload, progress: JobProgress): Promise<JobOutcome> {
    // The workbook (hundreds of MB at 50,000 rows) lives and dies in the worker; only the rows come back.
    const sheet = await readSheetInWorker(upload.data, upload.fileName, ROSTER_READ);
    const { errors, drafts, orgIds } = await check(actor, sheet, progress, { name: 'import', fileName: upload.fileName });
    if (errors.length > 0) throw importInvalid(errors);
    const created = await writeRoster(deps, actor, { drafts, orgIds, fileName: upload.fileName }, progress);
    return { phase: 'done', created };
  }

  return {
    /** The blank template, listing the branches `actor` may import into. */
    async template(actor: Actor): Promise<Buffer> {
      const branches = (await members.orgsInScope(db, regionId, actor.orgPath)).filter(
        (o) => o.status === 'active' && (MEMBER_HOME_ORG_TYPES as readonly string[]).includes(o.type),
      );
      return buildRosterTemplate(branches.map((o) => o.name));
    },

    /** Records the upload as a job of `actor` and imports it in the background; `log` receives unexpected errors. */
    async start(actor: Actor, upload: Upload, log: (err: unknown) => void): Promise<MemberImportAccepted> {
      const jobId = await tracker.start(actor, upload.fileName || '党员名册.xlsx', (progress) => run(actor, upload, progress), log);
      return { jobId };
    },

    /** The job's phase and progress, or its result (created, or the row errors); only for the account that started it. */
    job: (actor: Actor, jobId: string): Promise<MemberImportJob> => tracker.get(actor, jobId),

    /** The uploaded sheet with a 错误说明 column and its problem cells highlighted; changes nothing. */
    async errorReport(actor: Actor, upload: Upload): Promise<Buffer> {
      const sheet = await open(upload);
      const { errors } = await check(actor, sheet, null, { name: 'error-report', fileName: upload.fileName });
      annotateErrors(sheet, errors);
      return toBuffer(sheet.workbook);
    },

    /** Resolves when the jobs running in this process have finished. */
    drain: () => tracker.drain(),

    /**
     * Marks failed the imports of processes that are gone (called at start), then deletes the
     * invisible members of every failed import. Returns how many imports it marked failed.
     */
    async recoverOrphaned(): Promise<number> {
      const failed = await tracker.recoverOrphaned();
      await pending.discardFinished(db, regionId);
      return failed;
    },
  };
}
export type MemberImportService = ReturnType<typeof createMemberImportService>;
