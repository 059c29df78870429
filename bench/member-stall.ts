import http from 'node:http';
import { CSRF_HEADER, idNumberCheckChar, IMPORT_FILE_FIELD, type MemberImportAccepted, type MemberImportJob, type MemberImportPhase } from '@jiceng/contracts';
import { percentile } from './measure.ts';
import { request, type Session } from './engines.ts';
import { ms, times, type Report } from './report.ts';
import type { Person } from './roster.ts';

/**
 * Requests behind a large import: a cheap GET that reads the database on every call (the first
 * member of one branch: the session look-up and one small indexed read of `member`; GET
 * /api/auth/me alone may be answered from memory on PGlite, ADR 0016) due every PROBE_MS while one roster import of N rows runs, from its upload
 * to 完成, against the same GET fired the same way with no import running, in the same run. One
 * probe is in flight at a time (a tick passes while one is out), so a probe waits for the import
 * and not for a queue of earlier probes; its latency counts from the tick it was sent on, so a
 * blocked event loop counts as much as a waiting query. Each probe is labelled with the job's phase
 * at its tick (phases read every few ms from the in-process job tracker, which answers from memory
 * while the job runs).
 */

export const PROBE_MS = 20;
const IDLE_MS = 4000;

export interface Probe {
  /** ms after the probing started that the probe was due */
  at: number;
  ms: number;
  phase: string;
}

/**
 * Sends `get` on the ticks of a PROBE_MS clock until `until` settles (or for `forMs`), one at a
 * time: the next goes out on the first tick after the previous one answered. Returns each probe's
 * latency from its tick.
 */
async function probe(
  get: () => Promise<unknown>,
  opts: { until?: Promise<unknown>; forMs?: number; phase: (at: number) => string; t0?: number },
): Promise<Probe[]> {
  let stop = false;
  void opts.until?.finally(() => (stop = true));
  const t0 = opts.t0 ?? performance.now();
  const out: Probe[] = [];
  for (let k = 0; !stop && (opts.forMs === undefined || k * PROBE_MS < opts.forMs); ) {
    const due = t0 + k * PROBE_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await get();
    const now = performance.now();
    out.push({ at: due - t0, ms: now - due, phase: opts.phase(due - t0) });
    k = Math.max(k + 1, Math.ceil((now - t0) / PROBE_MS));
  }
  await opts.until;
  return out;
}

/**
 * The same person born in the same-numbered district of the next city (3202xx for 3201xx), which no
 * generated person is, so the roster never collides with the generated members (nor with itself).
 */
export function outsideGenerated(p: Person): Person {
  const first17 = `3202${p.idNumber.slice(4, 17)}`;
  return { ...p, idNumber: first17 + idNumberCheckChar(first17) };
}

const summary = (xs: number[]) => (xs.length ? `max ${ms(Math.max(...xs))}, p95 ${ms(percentile(xs, 95))} (n=${xs.length})` : 'no probe');

/**
 * Uploads `file` (one roster of `rows` rows) and probes `probePath` while its job runs; before
 * that, the same probing with no import. `phaseOf(jobId)` reads the job's phase in-process.
 */
export async function benchStall(
  ctx: { base: string; engine: string; report: Report },
  session: Session,
  file: Buffer,
  rows: number,
  phaseOf: (jobId: string) => Promise<MemberImportPhase>,
  probePath: string,
): Promise<void> {
  // node:http without any timeout (fetch gives up connecting after 10 s of a blocked event loop)
  const agent = new http.Agent({ keepAlive: true });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(`${ctx.base}${probePath}`, { agent, headers: { cookie: session.cookie } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`probe: ${res.statusCode}`))));
      });
      req.on('error', reject);
    });
  const idle = await probe(get, { forMs: IDLE_MS, phase: () => 'idle' });

  let done!: (job: MemberImportJob) => void;
  let failed!: (e: unknown) => void;
  const finished = new Promise<MemberImportJob>((resolve, reject) => ((done = resolve), (failed = reject)));
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  // The import: upload, then its phase read from memory every few ms until it has finished.
  void (async () => {
    const form = new FormData();
    form.append(IMPORT_FILE_FIELD, new Blob([file]), '党员名册.xlsx');
    const res = await request(`${ctx.base}/api/members/import`, {
      method: 'POST',
      body: form,
      headers: { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken },
    });
    if (res.status !== 202) throw new Error(`import upload: ${res.status} ${await res.text()}`);
    const { jobId } = (await res.json()) as MemberImportAccepted;
    for (;;) {
      const phase = await phaseOf(jobId);
      phases[phase] ??= performance.now() - t0;
      if (phase === 'done' || phase === 'failed') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const r = await request(`${ctx.base}/api/members/import/${jobId}`, { headers: { cookie: session.cookie } });
    done((await r.json()) as MemberImportJob);
  })().catch((e: unknown) => failed(e));
  // a probe belongs to the phase first seen last before it was due (phases are seen within a few ms, blocked loops aside)
  const phaseAt = (at: number) => Object.entries(phases).reduce((p, [name, seen]) => (seen <= at ? name : p), 'upload');
  const busy = await probe(get, { until: finished, phase: phaseAt, t0 });
  const job = await finished;
  const tookMs = performance.now() - t0;
  if (job.phase !== 'done' || job.created !== rows) throw new Error(`stall import: ${job.phase} ${job.message} ${JSON.stringify(job.errors.slice(0, 3))}`);

  const idleMs = idle.map((p) => p.ms);
  const add = (label: string, xs: number[]) =>
    ctx.report.add(ctx.engine, label, summary(xs), `${summary(idleMs)} with no import`, xs.length ? times(Math.max(...xs), Math.max(...idleMs)) : '');
  add(
    `stall: GET ${probePath.split('?')[0]} (one branch, 1 row) every ${PROBE_MS} ms during an import of ${rows} rows (upload → 完成 ${ms(tookMs)})`,
    busy.map((p) => p.ms),
  );
  for (const ph of ['upload', 'reading', 'checking', 'writing'] as const) {
    add(
      `stall: … of those due while the job was ${ph}`,
      busy.filter((p) => p.phase === ph).map((p) => p.ms),
    );
  }
  agent.destroy();
  ctx.report.raw[`${ctx.engine}.stall`] = { rows, tookMs, phases, idle, busy };
}
