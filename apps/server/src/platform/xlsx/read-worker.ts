import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { readSheet, type SheetSpec } from './sheet.ts';
import { loadWorkbook } from './workbook.ts';
import { ROWS_PER_MESSAGE, type ReadMessage } from './read-in-worker.ts';

/**
 * Worker side of readSheetInWorker: opens the upload, reads the sheet, posts its rows in chunks, each
 * once the main thread has taken the previous one (it asks for the next after a turn of its event
 * loop), then the rest; or the refusal.
 */
const { data, fileName, spec } = workerData as { data: Uint8Array; fileName: string; spec: SheetSpec<string> };
const port = parentPort!;
const post = (m: ReadMessage<string>) => port.postMessage(m);
const taken = () => new Promise<void>((resolve) => port.once('message', () => resolve()));
try {
  const {
    workbook: _wb,
    sheet: _ws,
    rows,
    ...rest
  } = readSheet(await loadWorkbook(Buffer.from(data.buffer, data.byteOffset, data.byteLength), fileName), spec);
  for (let k = 0; k < rows.length; k += ROWS_PER_MESSAGE) {
    post({ kind: 'rows', rows: rows.slice(k, k + ROWS_PER_MESSAGE) });
    await taken();
  }
  post({ kind: 'done', sheet: rest });
} catch (e) {
  post(
    e instanceof AppError
      ? { kind: 'refused', code: e.code, message: e.message, details: e.details }
      : { kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
  );
}
