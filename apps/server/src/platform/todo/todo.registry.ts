import { sql, type SQL } from 'drizzle-orm';
import {
  addTodoCount,
  emptyTodoCounts,
  TODO_KINDS,
  TODO_SEVERITIES,
  todoKindLabel,
  todoSeverityNature,
  todoSourceKind,
  todoSourceLabel,
  TODO_SOURCES,
  type Todo,
  type TodoCounts,
  type TodoKindCounts,
  type TodoKindId,
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

/** Counts by kind for the kinds `kinds`, zeros included. */
const kindCounts = (kinds: readonly TodoKindId[]) => new Map<TodoKindId, TodoCounts>(kinds.map((k) => [k, emptyTodoCounts()]));
const kindList = (m: Map<TodoKindId, TodoCounts>): TodoKindCounts[] => [...m].map(([kind, counts]) => ({ kind, label: todoKindLabel[kind], counts }));

/** The severities a query asks for (its nature's, narrowed to its severity), or undefined for all. */
export function severitiesOf(q: Pick<TodoQuery, 'nature' | 'severity'>): TodoSeverity[] | undefined {
  if (!q.nature && !q.severity) return undefined;
  return TODO_SEVERITIES.filter((s) => (!q.nature || todoSeverityNature[s] === q.nature) && (!q.severity || s === q.severity));
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

  const narrow = () => ({ detail: false });

  /** The stored sources of `list` with their undated warnings (source → severity). */
  const undatedOf = (list: TodoSource[]) => Object.fromEntries(list.flatMap((s) => (s.store ? [[s.id, s.store.undated]] : [])));

  /**
   * The sources' selects as one UNION ALL, or null when none applies: the stored ones as one scan of
   * the read model, each other one by itself (`opts`).
   */
  function union(scope: TodoScope, list: TodoSource[], opts: (s: TodoSource) => TodoRowsOptions): SQL | null {
    const undated = undatedOf(list);
    const parts = [
      ...(Object.keys(undated).length ? [todoStoreRepository.rows(regionId, undated, scope.path, scope.today)] : []),
      ...list.filter((s) => !s.store).map((s) => s.rows(scope, opts(s))),
    ].filter((p): p is SQL => p !== null);
    return parts.length
      ? sql.join(
          parts.map((p) => sql`(${p})`),
          sql` union all `,
        )
      : null;
  }
  /** A page's parts: each stored source in its index's order, each other source as it is. */
  function firsts(scope: TodoScope, list: TodoSource[]): { rows: SQL; order?: SQL }[] {
    return list.flatMap((s) => {
      if (s.store) return [todoStoreRepository.ordered(regionId, s.id, s.store.undated, scope.path, scope.today)];
      const rows = s.rows(scope, narrow());
      return rows ? [{ rows }] : [];
    });
  }

  /** The page's to-dos, in the page's order: stored rows with their data, the other sources' records read again with details. */
  async function present(scope: TodoScope, list: TodoSource[], refs: { key: string; source: string; ref: string }[]): Promise<Todo[]> {
    const of = new Map(list.map((s) => [s.id as string, s]));
    const stored = refs.filter((r) => of.get(r.source)?.store);
    const undated = Object.fromEntries([...new Set(stored.map((r) => r.source))].map((id) => [id, of.get(id)!.store!.undated]));
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
              undated,
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
      if (!row?.data) return [];
      const todo = of.get(r.source)!.present({ ...row, data: row.data }, scope.today);
      return [{ ...todo, nature: todoSeverityNature[todo.severity] }];
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
      const list = visible(actor).filter((s) => (!q.source || s.id === q.source) && (!q.kind || todoSourceKind[s.id] === q.kind));
      const all = union(scope, list, narrow);
      if (!all) return { items: [], total: 0 };
      const size = q.pageSize ?? 20;
      const offset = ((q.page ?? 1) - 1) * size;
      const filter = { severities: severitiesOf(q), q: q.q };
      const refs = await todoRepository.page(db, all, firsts(scope, list), filter, size, offset);
      const total = refs[0]?.total ?? (offset > 0 ? await todoRepository.count(db, all, filter) : 0);
      return { items: await present(scope, list, refs), total };
    },

    /** The 工作台's counts of the actor's whole scope: by nature and severity, by source and kind, and by direct child organization. */
    async summary(actor: Actor): Promise<TodoSummary> {
      const scope: TodoScope = { actor, regionId, path: actor.orgPath, today: clock.today() };
      await store.refresh(scope.today);
      const list = visible(actor);
      const all = union(scope, list, narrow);
      // an account that sees only its own records (a 党员) has no child organizations to look into: all its to-dos are its own
      const [rows, children] = await Promise.all([
        all ? todoRepository.counts(db, all, actor.orgPath.split('.').length) : [],
        actor.scope === 'self' ? [] : orgs.children(actor),
      ]);
      const counts = emptyTodoCounts();
      const own = emptyTodoCounts();
      const kinds = TODO_KINDS.filter((k) => list.some((s) => todoSourceKind[s.id] === k));
      const bySource = new Map<string, TodoCounts>(TODO_SOURCES.filter((id) => list.some((s) => s.id === id)).map((id) => [id, emptyTodoCounts()]));
      const byKind = kindCounts(kinds);
      const ownByKind = kindCounts(kinds);
      const byChild = new Map(children.map((c) => [c.path, { counts: emptyTodoCounts(), byKind: kindCounts(kinds) }]));
      for (const r of rows) {
        const kind = todoSourceKind[r.source as TodoSourceId];
        addTodoCount(counts, r.severity, r.n);
        addTodoCount(bySource.get(r.source)!, r.severity, r.n);
        addTodoCount(byKind.get(kind)!, r.severity, r.n);
        // Every path below the root starts with a child's path; should a child have moved in between, its rows stay counted.
        const child = r.child !== null ? byChild.get(r.child) : undefined;
        addTodoCount(child?.counts ?? own, r.severity, r.n);
        addTodoCount((child?.byKind ?? ownByKind).get(kind)!, r.severity, r.n);
      }
      return {
        counts,
        bySource: [...bySource].map(([source, c]) => ({
          source: source as TodoSourceId,
          label: todoSourceLabel[source as TodoSourceId],
          kind: todoSourceKind[source as TodoSourceId],
          counts: c,
        })),
        byKind: kindList(byKind),
        own,
        ownByKind: kindList(ownByKind),
        byChild: children
          .filter((c) => c.status === 'active' || byChild.get(c.path)!.counts.total > 0)
          .map((c) => ({ orgId: c.id, orgName: c.name, counts: byChild.get(c.path)!.counts, byKind: kindList(byChild.get(c.path)!.byKind) }))
          .sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.total - a.counts.total || a.orgName.localeCompare(b.orgName, 'zh-CN')),
      };
    },
  };
}
export type TodoRegistry = ReturnType<typeof createTodoRegistry>;
