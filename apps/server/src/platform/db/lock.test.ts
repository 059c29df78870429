import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataLock, LOCK_FILE } from './lock.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jc-lock-'));

describe('data folder lock', () => {
  it('refuses a folder held by a live process, naming it in Chinese', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: 'x' }));
    expect(() => acquireDataLock(dir)).toThrow(/正被另一个进程（PID \d+/);
  });

  it('takes over a stale lock whose process is gone', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname() }));
    const release = acquireDataLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over an unreadable lock file', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
    acquireDataLock(dir)();
  });
});
