import type { Database } from '../db/database.ts';
import type { TodoSource, TodoStore } from './todo.source.ts';
import { todoStoreRepository as repo, uuidArray } from './todo.store.repository.ts';

/** Past this many changed organizations a full rebuild is cheaper than recomputing them one by one. */
const FULL_REBUILD_AT = 2000;

type Stored = TodoSource & { store: TodoStore };

/**
 * Keeps the read model of the stored sources current: before a read, recomputes the rows of the
 * organizations marked as changed (and of those whose rows depend on the day, once the day moved),
 * under the region's refresh lock, in one transaction, with the sources' own SQL. Nothing to do —
 * the usual case — costs one small query.
 */
export function createTodoStore(deps: { db: Database; regionId: string; sources: () => Stored[] }) {
  const { db, regionId } = deps;

  async function rebuildAll(tx: Database, today: string): Promise<void> {
    for (const s of deps.sources()) await repo.replace(tx, regionId, s.id, null, s.store.candidates(regionId, today, null));
    await repo.analyze(tx);
  }

  return {
    /** Brings the stored rows up to date for a read on `today`. */
    async refresh(today: string): Promise<void> {
      const state = await repo.state(db, regionId);
      if (!state.dirty && state.refreshedOn === today) return;
      await db.transaction(async (tx) => {
        const since = await repo.lock(tx, regionId);
        const dirty = new Set(await repo.claimDirty(tx, regionId));
        if (since !== today && since !== null) {
          const [from, to] = since < today ? [since, today] : [today, since];
          for (const s of deps.sources()) {
            const stale = s.store.staleBetween?.(regionId, from, to);
            if (stale) for (const id of await repo.ids(tx, stale, 'org_id')) dirty.add(id);
          }
        }
        if (since === null || dirty.size > FULL_REBUILD_AT) await rebuildAll(tx, today);
        else if (dirty.size > 0) {
          const ids = [...dirty];
          for (const s of deps.sources()) {
            const affected = s.store.affected ? [...new Set([...ids, ...(await repo.ids(tx, s.store.affected(regionId, uuidArray(ids))))])] : ids;
            await repo.replace(tx, regionId, s.id, affected, s.store.candidates(regionId, today, uuidArray(affected)));
          }
        }
        await repo.setRefreshed(tx, regionId, today);
      });
    },

    /** Rebuilds every stored row from scratch (maintenance, and the test comparing it with the incremental result). */
    async rebuild(today: string): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.lock(tx, regionId);
        await repo.claimDirty(tx, regionId);
        await rebuildAll(tx, today);
        await repo.setRefreshed(tx, regionId, today);
      });
    },

    /** Every stored row, for comparing. */
    rows: () => repo.all(db, regionId),
  };
}
export type TodoStoreRefresher = ReturnType<typeof createTodoStore>;
