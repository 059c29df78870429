import { toMemberWrite } from '../apps/server/src/modules/member/member.validation.ts';
import type { FieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { createRandom } from '../apps/server/seeds/random.ts';
import type { Copier } from './copy.ts';
import { checkedOf, createPeople, MEMBER_COPY_COLUMNS, memberCopyLine, memberInput } from './roster.ts';

/**
 * Many members straight into the database for the list benchmark: people generated as for the
 * roster, written through toMemberWrite (so masks, keyed hashes and search vectors are the app's)
 * and loaded with COPY in batches; the secondary indexes are dropped for the load and created again
 * from their own definitions afterwards, as any bulk load does (the primary key and the unique ID
 * hash stay, so duplicates are still refused). Encryption is the one shortcut: ciphertexts
 * come from a small pool of real ones (lists show masked values and never decrypt), while every
 * keyed hash is computed, so ID numbers stay unique and exact look-ups find their member.
 */

const BATCH = 50_000;
const POOL = 256;
/** Every SAMPLE_EVERY-th member is remembered in clear, to search for. */
const SAMPLE_EVERY = 997;

export interface Sample {
  name: string;
  idNumber: string;
  phone: string;
  orgId: string;
}

/** Real encryption for the first POOL values, then those ciphertexts again in turn. */
function pooledCrypto(real: FieldCrypto): FieldCrypto {
  const pool: string[] = [];
  let next = 0;
  return {
    encrypt: (plain) => {
      if (pool.length < POOL) {
        pool.push(real.encrypt(plain));
        return pool[pool.length - 1]!;
      }
      return pool[next++ % POOL]!;
    },
    decrypt: (stored) => real.decrypt(stored),
    lookupHash: (plain) => real.lookupHash(plain),
  };
}

/** Runs `load` with the table's indexes that back no constraint dropped, then creates them again. */
async function withoutSecondaryIndexes<T>(db: Database, table: string, load: () => Promise<T>): Promise<T> {
  const { rows } = await db.raw(
    `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = $1
       and indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`,
    [table],
  );
  const defs = rows as { indexname: string; indexdef: string }[];
  for (const d of defs) await db.script(`drop index ${d.indexname}`);
  const out = await load();
  for (const d of defs) await db.script(d.indexdef);
  return out;
}

export async function generateMembers(
  db: Database,
  copier: Copier,
  opts: { regionId: string; total: number; today: string; crypto: FieldCrypto; branchIds: readonly string[]; seed?: number; onBatch?: (done: number) => void },
): Promise<Sample[]> {
  const rng = createRandom(opts.seed ?? 7);
  const person = createPeople(rng, opts.today);
  const crypto = pooledCrypto(opts.crypto);
  const vectors = new Map<string, string>();
  const samples: Sample[] = [];
  const batch = (from: number): string[] => {
    const lines: string[] = [];
    for (let i = from; i < Math.min(from + BATCH, opts.total); i++) {
      const p = person();
      const orgId = rng.pick(opts.branchIds);
      lines.push(memberCopyLine(opts.regionId, newId(), toMemberWrite(memberInput(p, orgId), checkedOf(p), crypto), vectors));
      if (i % SAMPLE_EVERY === 0) samples.push({ name: p.name, idNumber: p.idNumber, phone: p.phone, orgId });
    }
    return lines;
  };
  await withoutSecondaryIndexes(db, 'member_row', async () => {
    // While one batch is copied the next is prepared (on PostgreSQL the server works in parallel).
    let lines = batch(0);
    for (let done = 0; done < opts.total; ) {
      const copying = copier.copy('member_row', MEMBER_COPY_COLUMNS, lines);
      const next = done + lines.length < opts.total ? batch(done + lines.length) : [];
      const n = await copying;
      if (n !== lines.length) throw new Error(`COPY wrote ${n} of ${lines.length} members`);
      done += n;
      opts.onBatch?.(done);
      lines = next;
    }
  });
  return samples;
}
