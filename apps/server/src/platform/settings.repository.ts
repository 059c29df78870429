import { sql } from 'drizzle-orm';
import type { Database } from './db/database.ts';

/** Per-region key/value settings (e.g. whether the database holds the demo district). */
export const settingsRepository = {
  async get<T>(db: Database, regionId: string, key: string): Promise<T | undefined> {
    const row = await db.one<{ value: T }>(sql`select value from region_setting where region_id = ${regionId} and key = ${key}`);
    return row?.value;
  },
  async set(db: Database, regionId: string, key: string, value: unknown): Promise<void> {
    await db.run(sql`insert into region_setting (region_id, key, value) values (${regionId}, ${key}, ${JSON.stringify(value)}::jsonb)
      on conflict (region_id, key) do update set value = excluded.value`);
  },
};
