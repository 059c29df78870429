import type { OrgSummary } from '@jiceng/contracts';
import { createReadCache } from '../../platform/cache/read-cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { assertOrgInScope } from './org.policy.ts';
import { presentOrgSummary } from './org.presenter.ts';
import type { OrgRepository } from './org.repository.ts';

/** Characters of serialized levels kept in memory (a level of 145 children is about 42,000). */
export const TREE_CACHE_CHARS = 16_000_000;

/**
 * One level of the tree as the JSON the route sends (ADR 0009). A level is the same for everyone
 * who may see its parent, so its answer is kept, serialized, while the org generation read with the
 * request's session is unchanged (every statement writing org rows changes it, on any process) and
 * for the day it was made (the term status depends on the date). The scope is checked on every
 * request: a kept level is used only when its parent lies in the actor's subtree; otherwise the
 * query decides, as it did before there was a cache (a parent outside the scope answers 404).
 */
export function createTreeLevels(deps: { db: Database; regionId: string; orgs: OrgRepository; clock: Clock; maxChars?: number }) {
  const { db, regionId, orgs, clock } = deps;
  const cache = createReadCache<{ parentPath: string; json: string }>({ maxChars: deps.maxChars ?? TREE_CACHE_CHARS });
  return {
    async json(actor: Actor, parentId: string, includeDissolved: boolean, serialize: (level: OrgSummary[]) => string): Promise<string> {
      const today = clock.today();
      // Read before the data is queried, so a kept answer is never newer than its generation says.
      const generation = actor.seen ? (actor.seen.org ?? 0) : undefined;
      const key = `${parentId}|${includeDissolved ? 1 : 0}|${today}`;
      if (generation !== undefined) {
        const kept = cache.get(key, generation);
        if (kept && pathInScope(actor, kept.parentPath)) return kept.json;
      }
      // One query checks the parent's scope and reads its children; only an empty answer (a leaf,
      // or a parent outside scope or unknown) looks the parent up again, for the 404.
      const rows = await orgs.childSummaries(db, regionId, actor.orgPath, parentId, includeDissolved);
      if (rows.length === 0) {
        assertOrgInScope(actor, await orgs.byId(db, regionId, parentId));
        return serialize([]);
      }
      const json = serialize(rows.map((r) => presentOrgSummary(r, today)));
      if (generation !== undefined) cache.set(key, generation, { parentPath: rows[0]!.parent_path, json }, json.length);
      return json;
    },
    cacheSize: () => cache.size(),
  };
}

export type TreeLevels = ReturnType<typeof createTreeLevels>;
