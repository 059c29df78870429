import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Handle } from './engines.ts';

/**
 * `COPY <table> (<columns>) FROM …` in PostgreSQL's text format, on either engine: on PostgreSQL
 * FROM STDIN over a client of its own (node-postgres has no COPY API; pg-copy-streams is not a
 * dependency, so a Query subclass answers the server's CopyInResponse with the data), on PGlite
 * FROM '/dev/blob' with the data as the query's `blob`.
 */

/** One value of a text-format COPY line: `\N` for null, backslash, tab and line breaks escaped. */
export function copyValue(v: string | number | null): string {
  if (v === null) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text[] value for COPY (labels are plain words: no quoting needed). */
export const copyArray = (items: readonly string[]): string => `{${items.join(',')}}`;

const CHUNK = 64 * 1024;

/** A COPY FROM STDIN: sends `data` in chunks when the server asks for it. */
class CopyFromStdin extends pg.Query {
  constructor(
    text: string,
    private readonly data: Buffer,
  ) {
    super(text);
  }

  handleCopyInResponse(connection: pg.Connection & { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }): void {
    for (let k = 0; k < this.data.length; k += CHUNK) connection.sendCopyFromChunk(this.data.subarray(k, k + CHUNK));
    connection.endCopyFrom();
  }
}

export interface Copier {
  /** Copies text-format `lines` (no trailing newline) into `table`; returns the rows copied. */
  copy(table: string, columns: readonly string[], lines: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

export async function openCopier(h: Handle): Promise<Copier> {
  const payload = (lines: readonly string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
  if (h.url) {
    const client = new pg.Client({ connectionString: h.url });
    await client.connect();
    return {
      copy: (table, columns, lines) =>
        new Promise<number>((resolve, reject) => {
          const q = new CopyFromStdin(`copy ${table} (${columns.join(', ')}) from stdin`, Buffer.from(payload(lines)));
          q.on('error', reject);
          q.on('end', (r: { rowCount: number | null }) => resolve(r.rowCount ?? 0));
          void client.query(q);
        }),
      close: () => client.end(),
    };
  }
  // The embedded engine's one client, under the Drizzle handle the Database wraps.
  const client = (h.db.orm as unknown as { $client: PGlite }).$client;
  return {
    async copy(table, columns, lines) {
      const r = await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([payload(lines)]) });
      return r.affectedRows ?? 0;
    },
    close: async () => undefined,
  };
}
