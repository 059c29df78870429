import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '@jiceng/contracts';
import { AppError } from '../errors.ts';
import type { ImportSheet, SheetRow, SheetSpec } from './sheet.ts';

/** An import sheet's data without the workbook objects (what crosses from the worker thread). */
export type SheetData<K extends string> = Omit<ImportSheet<K>, 'workbook' | 'sheet'>;

/**
 * Rows per message from the worker. The main thread takes each message apart in one go (all 30,000
 * rows at once held its event loop for half a second), and messages waiting on a port are all
 * taken in the same turn, so the worker sends the next only when asked.
 */
export const ROWS_PER_MESSAGE = 2000;

/**
 * The worker's first lines: on Node 20 a worker thread does not inherit the main thread's TypeScript
 * loader (tsx through --import, or Vitest's), so it registers tsx itself before importing its module.
 */
const BOOT = `require(${JSON.stringify(createRequire(import.meta.url).resolve('tsx/esm/api'))}).register();
import(require('node:worker_threads').workerData.entry);`;

export type ReadMessage<K extends string> =
  | { kind: 'rows'; rows: SheetRow<K>[] }
  | { kind: 'done'; sheet: Omit<SheetData<K>, 'rows'> }
  | { kind: 'refused'; code: ErrorCode; message: string; details?: unknown }
  | { kind: 'failed'; message: string };

/**
 * loadWorkbook + readSheet in a worker thread, for imports that need only the rows. Parsing a
 * 30,000-row .xlsx on the main thread held its event loop for up to 1.5 s at a time (3.4 s in
 * all), and every request of the server waited. The worker's refusals (not an .xlsx, no header, too
 * many rows) are rethrown as the same AppError; the workbook (hundreds of MB for a large file)
 * never leaves the worker and is freed with it.
 */
export function readSheetInWorker<K extends string>(data: Buffer, fileName: string, spec: SheetSpec<K>): Promise<SheetData<K>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      eval: true,
      execArgv: [],
      workerData: { entry: new URL('./read-worker.ts', import.meta.url).href, data: new Uint8Array(data), fileName, spec },
    });
    const rows: SheetRow<K>[] = [];
    let settled = false;
    const settle = (fn: () => void) => {
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (m: ReadMessage<K>) => {
      if (m.kind === 'rows') {
        rows.push(...m.rows);
        setImmediate(() => settled || worker.postMessage('next'));
      } else if (m.kind === 'done') settle(() => resolve({ ...m.sheet, rows }));
      else if (m.kind === 'refused') settle(() => reject(new AppError(m.code, m.message, m.details)));
      else settle(() => reject(new Error(`xlsx worker: ${m.message}`)));
    });
    worker.once('error', (e) => settled || settle(() => reject(e)));
    worker.once('exit', (code) => settled || settle(() => reject(new Error(`xlsx worker exited (${code}) without an answer`))));
  });
}
