import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../../..');
const main = path.join(root, 'apps/server/src/main.ts');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

function start(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--no-demo'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JICENG_JOBS: 'false', DATABASE_URL: '' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

/** Polls the health check until it answers, the process exits, or `ms` pass (a loaded machine starts slowly). */
async function healthy(port: number, ms: number, proc?: ReturnType<typeof start>): Promise<boolean> {
  const until = Date.now() + ms;
  let exited = false;
  void proc?.exited.then(() => (exited = true));
  while (Date.now() < until && !exited) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

const STARTUP_MS = 240_000;

describe('one process per embedded data folder', { timeout: STARTUP_MS + 60_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jc-lock-int-'));
  const children: ReturnType<typeof start>[] = [];
  afterAll(() => children.forEach((c) => c.child.kill('SIGKILL')));

  it('refuses a second process on the same folder with a clear Chinese message', async () => {
    const port = await freePort();
    const first = start(dataDir, port);
    children.push(first);
    expect(await healthy(port, STARTUP_MS, first), first.output()).toBe(true);
    const second = start(dataDir, await freePort());
    children.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/正被另一个进程/);
    first.child.kill('SIGTERM');
    await first.exited;
  });

  it('prints a one-time administrator password when started without demo data, and serves health', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jc-nodemo-'));
    const port = await freePort();
    const s = start(dir, port);
    children.push(s);
    expect(await healthy(port, STARTUP_MS, s), s.output()).toBe(true);
    expect(s.output()).toMatch(/admin，一次性密码：\S+/);
    expect(fs.statSync(path.join(dir, 'field.key')).mode & 0o777).toBe(0o600);
    s.child.kill('SIGTERM');
    await s.exited;
    expect(fs.existsSync(path.join(dir, 'jiceng.lock'))).toBe(false);
  });
});
