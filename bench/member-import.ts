import { CSRF_HEADER, IMPORT_FILE_FIELD, type MemberImportAccepted, type MemberImportJob } from '@jiceng/contracts';
import { toMemberWrite, checkMember } from '../apps/server/src/modules/member/member.validation.ts';
import type { FieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import type { Copier } from './copy.ts';
import { request, type Session } from './engines.ts';
import { EVENT_COPY_COLUMNS, MEMBER_COPY_COLUMNS, memberCopyLine, memberInput, registerEventLine, type Person } from './roster.ts';

/** The two ways of loading a roster that the import benchmark compares, and the reset between them. */

const POLL_MS = 100;

/** Uploads one file and polls its job until 完成 (throws on 失败); `phases` gets when each phase was first seen. */
async function importFile(base: string, session: Session, file: Buffer, t0: number, phases: Record<string, number>): Promise<MemberImportJob> {
  const form = new FormData();
  form.append(IMPORT_FILE_FIELD, new Blob([file]), '党员名册.xlsx');
  const res = await request(`${base}/api/members/import`, {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken },
  });
  if (res.status !== 202) throw new Error(`import upload: ${res.status} ${await res.text()}`);
  const { jobId } = (await res.json()) as MemberImportAccepted;
  for (;;) {
    const r = await request(`${base}/api/members/import/${jobId}`, { headers: { cookie: session.cookie } });
    if (r.status !== 200) throw new Error(`import job: ${r.status} ${await r.text()}`);
    const job = (await r.json()) as MemberImportJob;
    phases[job.phase] ??= performance.now() - t0;
    if (job.phase === 'failed') throw new Error(`import failed: ${job.message} ${JSON.stringify(job.errors.slice(0, 5))}`);
    if (job.phase === 'done') return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Imports the files one after the other, as a user splits a roster over the per-file row limit;
 * times from the first upload to the last job's 完成. Returns the members created and, per file,
 * when each phase was first seen.
 */
export async function importThroughApi(
  base: string,
  session: Session,
  files: readonly Buffer[],
): Promise<{ ms: number; created: number; phases: Record<string, number>[] }> {
  const t0 = performance.now();
  const phases: Record<string, number>[] = [];
  let created = 0;
  for (const file of files) {
    const p: Record<string, number> = {};
    phases.push(p);
    created += (await importFile(base, session, file, t0, p)).created ?? 0;
  }
  return { ms: performance.now() - t0, created, phases };
}

/**
 * The raw baseline: the same people checked (checkMember), encrypted, hashed and masked the same
 * way (toMemberWrite with the server's key), then COPY of the members and of their 'register'
 * history rows, as the import writes them. Returns the total time and the part spent in COPY.
 */
export async function copyRoster(
  copier: Copier,
  opts: { regionId: string; crypto: FieldCrypto; today: string; actor: { id: string; name: string } },
  rows: readonly { person: Person; orgId: string }[],
): Promise<{ ms: number; copyMs: number }> {
  const t0 = performance.now();
  const vectors = new Map<string, string>();
  const members: string[] = [];
  const events: string[] = [];
  for (const { person, orgId } of rows) {
    const input = memberInput(person, orgId);
    const { checked, problems } = checkMember(input, opts.today);
    if (!checked) throw new Error(`generated member is invalid: ${JSON.stringify(problems)}`);
    const w = toMemberWrite(input, checked, opts.crypto);
    const id = newId();
    members.push(memberCopyLine(opts.regionId, id, w, vectors));
    events.push(registerEventLine(opts.regionId, newId(), id, w, opts.actor));
  }
  const t1 = performance.now();
  const n = await copier.copy('member_row', MEMBER_COPY_COLUMNS, members);
  await copier.copy('member_status_event', EVENT_COPY_COLUMNS, events);
  if (n !== rows.length) throw new Error(`COPY wrote ${n} of ${rows.length} members`);
  const t2 = performance.now();
  return { ms: t2 - t0, copyMs: t2 - t1 };
}

/** Empties the member tables and rewrites them compactly, so every load starts from the same empty table. */
export async function resetMembers(db: Database): Promise<void> {
  await db.script('delete from member_status_event');
  await db.script('delete from member_row');
  await db.script('vacuum full member');
  await db.script('vacuum full member_status_event');
}

export async function memberCount(db: Database): Promise<number> {
  const [r] = (await db.raw('select count(*)::int as n from member')).rows as { n: number }[];
  return r!.n;
}
