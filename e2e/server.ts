import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { inject } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The app's data folder (the embedded database, the field key). */
  dataDir: string;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
  /**
   * The newest resident login code the server wrote to its log (no SMS gateway: MESSAGE_SENDER=log
   * logs each `resident.login_code` message at info level), waiting for it; needs `logLevel: 'info'`.
   */
  residentCode(after?: string | null): Promise<string>;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`);
    return res.status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts the real app (`node --import tsx apps/server/src/main.ts`) on an embedded database of its
 * own with the demo district, serving the built web app, and waits until /api/health answers 200.
 * The database is a copy of the one the e2e run seeded once (`e2e/demo-template.ts`), so each file
 * starts on the same fresh demo data without seeding it again; `fresh` seeds a new one instead, and
 * `keepData` leaves the data folder after `stop` (how the template is made).
 */
export async function startApp(
  opts: {
    timeoutMs?: number;
    logLevel?: 'warn' | 'info';
    fresh?: boolean;
    keepData?: boolean;
    /** Start on this data folder as it is (an app stopped with `keepData`), instead of a copy of the demo. */
    dataDir?: string;
    /** More environment for the server (e.g. CLOCK_OFFSET_DAYS). */
    env?: Record<string, string>;
  } = {},
): Promise<RunningApp> {
  if (!fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) throw new Error('前端尚未构建：请先运行 npm run build');
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-e2e-'));
  const template = opts.fresh || opts.dataDir ? undefined : inject('demoTemplate');
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: opts.logLevel ?? 'warn', JICENG_DEMO: 'true', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // login codes out of the log, every one (the kept output above is only its tail)
  const codes: string[] = [];
  let partial = '';
  const utf8 = new StringDecoder('utf8');
  child.stdout?.on('data', (b: Buffer) => {
    const lines = (partial + utf8.write(b)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const code = line.includes('resident.login_code') ? /验证码为 (\d{6})/.exec(line)?.[1] : undefined;
      if (code) codes.push(code);
    }
  });
  const residentCode = async (after: string | null = null) => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const last = codes.at(-1);
      if (last && last !== after) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('服务器日志中没有新的群众登录验证码（startApp 需 logLevel: info）');
  };

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    if (!opts.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 150_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await healthy(url)) return { url, dataDir, stop, residentCode };
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`服务未能启动（${url}）：\n${output}`);
}
