import { creditCodeCheckChar } from '@jiceng/contracts';
import { login, seedTree, type Client, type SeededTree, type TestServer } from '../harness.ts';
import type { RecordKind, WorldPerson } from '../world.ts';
import { RECORD_KINDS } from '../world.ts';

/** What every part of the world builder shares: the server, the tree, its logged-in accounts, the records so far. */
export interface WorldContext {
  server: TestServer;
  t: SeededTree;
  ids: Record<RecordKind, string[]>;
  /** Records a record of `kind` (once). */
  add(kind: RecordKind, id: string): void;
  people: WorldPerson[];
  /** The person made for `key` of PLAN. */
  person(key: string): WorldPerson;
  /** A POST that must succeed (the world fails loudly when a step is refused). */
  post<T = { id: string }>(c: Client, what: string, url: string, body?: unknown): Promise<T>;
  streetA: Client;
  streetB: Client;
  secA1a: Client;
  communityA1: Client;
}

export const WORLD_PASSWORD = 'World@2026pw';
export const YEAR = 2026;
export const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17)!;

export const expectOk = <T>(what: string, res: { status: number; body: T }, status = [200, 201]): T => {
  if (!status.includes(res.status)) throw new Error(`world: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** Seeds the tree and logs in the accounts the builders act as. */
export async function worldContext(server: TestServer): Promise<WorldContext> {
  const t = await seedTree(server);
  const ids = Object.fromEntries(RECORD_KINDS.map((k) => [k, [] as string[]])) as Record<RecordKind, string[]>;
  const [streetA, streetB, secA1a, communityA1] = await Promise.all([
    login(server, 'streetA'),
    login(server, 'streetB'),
    login(server, 'secA1a'),
    login(server, 'communityA1'),
  ]);
  const people: WorldPerson[] = [];
  return {
    server,
    t,
    ids,
    add: (kind, id) => void (ids[kind].includes(id) || ids[kind].push(id)),
    people,
    person: (key) => people.find((p) => p.key === key)!,
    post: async <T = { id: string }>(c: Client, what: string, url: string, body: unknown = {}) => expectOk<T>(what, await c.post<T>(url, body)),
    streetA,
    streetB,
    secA1a,
    communityA1,
  };
}
