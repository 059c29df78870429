import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

/**
 * Generations of the watched tables (migration 0025, ADR 0009): a statement trigger appends a mark
 * for every statement that writes rows of a watched table, and a topic's generation is the sum of
 * its marks' weights. It only grows, and it changes with every committed write.
 */
export type Generations = Readonly<Record<string, number>>;

/** The topics with a trigger writing marks (migration 0025). */
export const WATCHED_TOPICS = ['org'] as const;

/**
 * The generations of a region as columns `gen_<topic>`, for a query that runs on every request
 * anyway (the session look-up), so reading them costs no round trip of its own. One scalar sum per
 * topic: measured on PGlite, cheaper than building one jsonb of all topics.
 */
export function generationsColumns(regionId: SQL): SQL {
  return sql.join(
    WATCHED_TOPICS.map(
      (t) => sql`coalesce((select sum(weight) from change_mark where region_id = ${regionId} and topic = ${t}), 0)::float8 as ${sql.identifier(`gen_${t}`)}`,
    ),
    sql`, `,
  );
}

/** The generations read by `generationsColumns`, from the row that carries them. */
export function generationsOf(row: Record<string, unknown>): Generations {
  return Object.fromEntries(WATCHED_TOPICS.map((t) => [t, Number(row[`gen_${t}`])]));
}

/** Marks of a topic beyond which a reader compacts them (the sum is read on every request). */
export const COMPACT_AFTER = 64;

export const changeMarkRepository = {
  async generations(db: Database, regionId: string): Promise<Generations> {
    const row = await db.one<Record<string, unknown>>(sql`select ${generationsColumns(sql`${regionId}`)}`);
    return row ? generationsOf(row) : {};
  },

  async markCount(db: Database, regionId: string, topic: string): Promise<number> {
    const row = await db.one<{ n: number }>(sql`select count(*)::int as n from change_mark where region_id = ${regionId} and topic = ${topic}`);
    return row?.n ?? 0;
  },

  /**
   * Replaces the topic's marks by one carrying their summed weight, in one statement, so every
   * snapshot sees the same sum before and after. Two compactions at once each delete only rows the
   * other did not, and each re-inserts exactly what it deleted.
   */
  async compact(db: Database, regionId: string, topic: string): Promise<void> {
    await db.run(sql`with d as (delete from change_mark where region_id = ${regionId} and topic = ${topic} returning weight)
      insert into change_mark (region_id, topic, weight) select ${regionId}, ${topic}, sum(weight) from d having count(*) > 0`);
  },
};

/**
 * Keeps the marks few, so summing them on every request stays cheap: given the generations a
 * request read, compacts a topic once it has grown by COMPACT_AFTER since this process last did
 * (at most one compaction at a time; a failed one is tried again on a later request).
 */
export function createChangeCompactor(db: Database, regionId: string, onError: (e: unknown) => void) {
  const compactedAt = new Map<string, number>();
  let running = false;
  return {
    observe(seen: Generations | undefined): void {
      if (!seen || running) return;
      const due = Object.entries(seen).find(([topic, gen]) => gen - (compactedAt.get(topic) ?? 0) >= COMPACT_AFTER);
      if (!due) return;
      const [topic, gen] = due;
      running = true;
      changeMarkRepository
        .compact(db, regionId, topic)
        .then(() => compactedAt.set(topic, gen))
        .catch(onError)
        .finally(() => (running = false));
    },
  };
}
