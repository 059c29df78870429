import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

/**
 * Applies the SQL files of `migrations/` in name order, each in its own transaction, once.
 * Landed files are never edited; a change is a new file. Concurrent starters on PostgreSQL
 * serialize on the bookkeeping table's lock.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.script(`create table if not exists schema_migration (id text primary key, applied_at timestamptz not null default now())`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.run(sql`lock table schema_migration in exclusive mode`);
      const seen = await tx.one(sql`select id from schema_migration where id = ${file}`);
      if (seen) return false;
      await tx.script(text);
      await tx.run(sql`insert into schema_migration (id) values (${file})`);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}
