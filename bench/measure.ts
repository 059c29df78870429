import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** Measuring tools of the benchmark runner: timing, load (autocannon in its own process), cold starts. */

export const REPO = path.resolve(import.meta.dirname, '..');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The `p`-th percentile (0–100) of `xs`, nearest rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/**
 * Times of `a` and `b` run alternately, so both see the same machine load (other processes on a
 * shared 2-core machine move absolute figures by 2× between runs). Stops after `runs` pairs, or
 * once `budgetMs` has passed and at least `minRuns` pairs were taken.
 */
export async function pairedTimes(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  opts: { runs: number; warmup?: number; budgetMs?: number; minRuns?: number },
): Promise<[number[], number[]]> {
  for (let i = 0; i < (opts.warmup ?? 3); i++) await Promise.all([a(), b()]);
  const ta: number[] = [];
  const tb: number[] = [];
  const timed = async (fn: () => Promise<unknown>, times: number[]) => {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  };
  const started = performance.now();
  for (let i = 0; i < opts.runs; i++) {
    if (opts.budgetMs !== undefined && i >= (opts.minRuns ?? 5) && performance.now() - started > opts.budgetMs) break;
    await timed(a, ta);
    await timed(b, tb);
  }
  return [ta, tb];
}

/** Medians of `a` and `b` run alternately (see pairedTimes). */
export async function medianPairMs(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number, warmup = 3): Promise<[number, number]> {
  const [ta, tb] = await pairedTimes(a, b, { runs, warmup });
  return [median(ta), median(tb)];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface LoadResult {
  rps: number;
  p99: number;
  /** Responses other than 2xx, and socket errors: must be 0 for the figures to mean anything. */
  failures: number;
}

interface AutocannonJson {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** GET unless given (e.g. POST with `body`). */
  method?: string;
  /** Sent as is with every request (autocannon 8's `-I` id replacement miscounts Content-Length, so bodies cannot vary). */
  body?: string;
}

/**
 * Runs autocannon in a child process (so the load generator does not share the server's event
 * loop) against `url` and returns mean requests/s and p99 latency in ms.
 */
export async function load(url: string, opts: LoadOptions): Promise<LoadResult> {
  const args = [path.join(REPO, 'node_modules/autocannon/autocannon.js'), '-j', '-c', String(opts.connections), '-d', String(opts.seconds)];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}: ${v}`);
  if (opts.method) args.push('-m', opts.method);
  if (opts.body !== undefined) args.push('-b', opts.body);
  args.push(url);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`autocannon exited ${code}: ${stderr}`))));
  });
  const r = JSON.parse(out) as AutocannonJson;
  return { rps: r.requests.average, p99: r.latency.p99, failures: r.non2xx + r.errors + r.timeouts };
}

/** Time from spawning `node -e ""` to its exit: the floor of any Node process start. */
export async function nodeStartMs(): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
  return performance.now() - t0;
}

/**
 * Spawns the real entry point (`node --import tsx apps/server/src/main.ts`) with `env` and returns
 * the ms until GET /api/health answers 200; the process is stopped (SIGTERM) before returning.
 */
export async function coldStartMs(env: Record<string, string>, timeoutMs = 120_000): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'apps/server/src/main.ts')], {
    cwd: REPO,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), JICENG_JOBS: 'false', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  try {
    for (;;) {
      if (exited) throw new Error(`the server exited before answering: ${stderr}`);
      if (performance.now() - t0 > timeoutMs) throw new Error(`no healthy answer within ${timeoutMs} ms: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (!exited) child.kill('SIGTERM');
    await exit;
  }
}
