import type { Database } from './database.ts';

/**
 * Planner statistics for the embedded engine, which runs no autovacuum: without them every table
 * looks like one row, and a join over 3,000 members took 106 s instead of a fraction of one (the
 * demo's first to-do read). Run after bulk loads (the demo seed) and nightly; PostgreSQL's
 * autovacuum keeps its own.
 */
export async function refreshPlannerStatistics(db: Database): Promise<void> {
  if (db.engine === 'pglite') await db.script('analyze');
}
