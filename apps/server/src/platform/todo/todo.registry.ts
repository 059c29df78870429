import { sql, type SQL } from 'drizzle-orm';
import {
  TODO_SOURCES,
  todoSourceLabel,
  type Todo,
  type TodoCounts,
  type TodoPage,
  type TodoQuery,
  type TodoSeverity,
  type TodoSourceId,
  type TodoSummary,
} from '@jiceng/contracts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../http/actor.ts';
import { todoRepository } from './todo.repository.ts';
import type { TodoRowsOptions, TodoScope, TodoSource, TodoStore } from './todo.source.ts';
import { createTodoStore } from './todo.store.ts';
import { todoStoreRepository } from './todo.store.repository.ts';

export type { TodoSource } from './todo.source.ts';

/** What the registry needs to know of the organization tree (the org module provides it). */
export interface TodoOrgs {
  /** An organization inside the actor's scope; a Chinese 404 outside it. */
  resolveInScope(actor: Actor, id: string): Promise<{ id: string; path: string }>;
  /** The direct children of the actor's own organization, dissolved ones included. */
  children(actor: Actor): Promise<{ id: string; name: string; path: string; status: string }[]>;
}

const zero = (): TodoCounts => ({ total: 0, overdue: 0, dueSoon: 0, noDeadline: 0 });
const FIELD: Record<TodoSeverity, 'overdue' | 'dueSoon' | 'noDeadline'> = { overdue: 'overdue', due_soon: 'dueSoon', no_deadline: 'noDeadline' };
function count(c: TodoCounts, severity: TodoSeverity, n: number): void {
  c[FIELD[severity]] += n;
  c.total += n;
}

/**
 * The 待办 registry: modules add sources (SQL over their own data); the registry runs them as one
 * UNION ALL in the database — a page in a stable order with its total, or counts by source, severity
 * and child organization — and asks only the sources on the page for their rows' details. Nothing is
 * merged in memory. Sources with a `store` are read from the read model (`todo_item`), brought up to
 * date for the changed organizations first (todo.store.ts); the others are derived at read time.
 */
export function createTodoRegistry(deps: { db: Database; regionId: string; clock: Clock; orgs: TodoOrgs }) {
  const { db, regionId, clock, orgs } = deps;
  const sources: TodoSource[] = [];
  const visible = (actor: Actor) => sources.filter((s) => actor.permissions.includes(s.permission));
  const store = createTodoStore({ db, regionId, sources: () => sources.filter((s): s is TodoSource & { store: TodoStore } => !!s.store) });

  /** The sources' selects as one UNION ALL, or null when none applies: stored sources from the read model. */
  function union(scope: TodoScope, list: TodoSource[], opts: (s: TodoSource) => TodoRowsOptions): SQL | null {
    const parts = list
      .map((s) => (s.store ? todoStoreRepository.rows(regionId, s.id, scope.path, scope.today) : s.rows(scope, opts(s))))
      .filter((p): p is SQL => p !== null);
    return parts.length
      ? sql.join(
          parts.map((p) => sql`(${p})`),
          sql` union all `,
        )
      : null;
  }
  const narrow = () => ({ detail: false });

  /** The page's to-dos, in the page's order: stored rows with their data, the other sources' records read again with details. */
  async function present(scope: TodoScope, list: TodoSource[], refs: { key: string; source: string; ref: string }[]): Promise<Todo[]> {
    const of = new Map(list.map((s) => [s.id as string, s]));
    const stored = refs.filter((r) => of.get(r.source)?.store);
    const live = new Map<string, Set<string>>();
    for (const r of refs) if (!of.get(r.source)?.store) live.set(r.source, (live.get(r.source) ?? new Set()).add(r.ref));
    const all = union(
      scope,
      list.filter((s) => live.has(s.id)),
      (s) => ({ detail: true, refs: [...live.get(s.id)!] }),
    );
    const rows = new Map(
      [
        ...(stored.length
          ? await todoStoreRepository.details(
              db,
              regionId,
              [...new Set(stored.map((r) => r.source))],
              stored.map((r) => r.key),
              scope.today,
            )
          : []),
        ...(all ? await todoRepository.details(db, all) : []),
      ].map((r) => [r.key, r]),
    );
    // A record that changed between the two reads drops out of this page rather than showing stale.
    return refs.flatMap((r) => {
      const row = rows.get(r.key);
      return row?.data ? [of.get(r.source)!.present({ ...row, data: row.data }, scope.today)] : [];
    });
  }

  return {
    /** The read model, for maintenance and tests (rebuild, compare). */
    store,

    add(source: TodoSource): void {
      if (sources.some((s) => s.id === source.id)) throw new Error(`todo source ${source.id} added twice`);
      sources.push(source);
    },

    /** One page of the actor's to-dos (narrowed by the filters), in the stable list order, with the total. */
    async page(actor: Actor, q: TodoQuery): Promise<TodoPage> {
      const path = q.childOrgId ? (await orgs.resolveInScope(actor, q.childOrgId)).path : actor.orgPath;
      const scope: TodoScope = { actor, regionId, path, today: clock.today() };
      await store.refresh(scope.today);
      const list = visible(actor).filter((s) => !q.source || s.id === q.source);
      const all = union(scope, list, narrow);
      if (!all) return { items: [], total: 0 };
      const size = q.pageSize ?? 20;
      const offset = ((q.page ?? 1) - 1) * size;
      const filter = { severity: q.severity, q: q.q };
      const refs = await todoRepository.page(db, all, filter, size, offset);
      const total = refs[0]?.total ?? (offset > 0 ? await todoRepository.count(db, all, filter) : 0);
      return { items: await present(scope, list, refs), total };
    },

    /** The 工作台's counts of the actor's whole scope: by severity, by source, and by direct child organization. */
    async summary(actor: Actor): Promise<TodoSummary> {
      const scope: TodoScope = { actor, regionId, path: actor.orgPath, today: clock.today() };
      await store.refresh(scope.today);
      const list = visible(actor);
      const all = union(scope, list, narrow);
      const [rows, children] = await Promise.all([all ? todoRepository.counts(db, all, actor.orgPath.split('.').length) : [], orgs.children(actor)]);
      const counts = zero();
      const own = zero();
      const bySource = new Map<string, TodoCounts>(TODO_SOURCES.filter((id) => list.some((s) => s.id === id)).map((id) => [id, zero()]));
      const byChild = new Map(children.map((c) => [c.path, zero()]));
      for (const r of rows) {
        count(counts, r.severity, r.n);
        count(bySource.get(r.source)!, r.severity, r.n);
        // Every path below the root starts with a child's path; should a child have moved in between, its rows stay counted.
        count((r.child !== null && byChild.get(r.child)) || own, r.severity, r.n);
      }
      return {
        counts,
        bySource: [...bySource].map(([source, c]) => ({ source: source as TodoSourceId, label: todoSourceLabel[source as TodoSourceId], counts: c })),
        own,
        byChild: children
          .filter((c) => c.status === 'active' || byChild.get(c.path)!.total > 0)
          .map((c) => ({ orgId: c.id, orgName: c.name, counts: byChild.get(c.path)! }))
          .sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.total - a.counts.total || a.orgName.localeCompare(b.orgName, 'zh-CN')),
      };
    },
  };
}
export type TodoRegistry = ReturnType<typeof createTodoRegistry>;
