import type { Database } from './database.ts';

/**
 * Planner statistics for the embedded engine, which runs no autovacuum: without them every table
 * looks like one row, and a join over 3,000 members took 106 s instead of a fraction of one (the
 * demo's first to-do read). Nightly; PostgreSQL's autovacuum keeps its own.
 */
export async function refreshPlannerStatistics(db: Database): Promise<void> {
  if (db.engine === 'pglite') await db.script('analyze');
}

/**
 * Statistics right after a bulk load, on either engine: PostgreSQL's autovacuum analyzes a table
 * only a while after it changed, and the demo's first to-do and training reads on it took 30 s
 * each until then.
 */
export async function analyzeAfterBulkLoad(db: Database): Promise<void> {
  await db.script('analyze');
}
