import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';

export const LOCK_FILE = 'jiceng.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock on the embedded data folder. PGlite takes none itself, and two processes
 * on one folder silently lose committed rows, so a live holder is refused with a clear message and
 * a stale lock (its process is gone) is taken over. Returns the release function.
 */
export function acquireDataLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, body, { flag: 'wx', mode: 0o600 });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const held = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (held.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; host?: string; since?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        /* unreadable lock: treat as stale */
      }
      const sameHost = !holder.host || holder.host === os.hostname();
      if (holder.pid && holder.pid !== process.pid && (!sameHost || alive(holder.pid))) {
        throw new AppError(
          'CONFLICT',
          `数据目录 ${dir} 正被另一个进程（PID ${holder.pid}，启动于 ${holder.since ?? '未知时间'}）使用。` +
            '同一数据目录只能由一个进程打开，请先停止该进程；迁移、导入、备份请通过本应用完成。',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('CONFLICT', `无法获取数据目录 ${dir} 的锁，请稍后重试`);
}
