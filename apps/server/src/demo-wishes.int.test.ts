import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WISH_STATE_IDS, type TodoPage, type WishWall, type WishWallItem } from '@jiceng/contracts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_ORG, DEMO_PASSWORD } from '../seeds/demo-accounts.ts';

/** The demo's 微心愿: every state, the demo 党员's wall and own claim, the community's to-dos. */
describe.each(ENGINES)('demo wishes (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  }, 240_000);
  afterAll(() => server.close());

  it('holds wishes in every state, with a history row per step', async () => {
    const rows = await server.db.rows<{ state: string }>(sql`select distinct state from wish`);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(WISH_STATE_IDS));
    const bad = await server.db.one<{ n: number }>(sql`select count(*)::int as n from wish w where w.version - 1 <>
      (select count(*) from workflow_event e where e.kind = 'wish' and e.record_id = w.id)`);
    expect(bad!.n).toBe(0);
  });

  it('shows the demo 党员 wishes on the wall of their community and their own claim', async () => {
    const dangyuan = await login(server, 'dangyuan', DEMO_PASSWORD);
    const wall = (await dangyuan.get<WishWall>('/api/h5/wishes')).body;
    expect(wall.communityName).toBe(DEMO_ORG.community);
    expect(wall.items.length).toBeGreaterThan(1);
    const mine = (await dangyuan.get<WishWallItem[]>('/api/h5/wishes/mine')).body;
    expect(mine.some((w) => w.state === 'claimed' && w.mine)).toBe(true);
  });

  it('gives the community its to-dos: wishes to review, fulfilments to confirm, overdue claims', async () => {
    const shequ = await login(server, 'shequ', DEMO_PASSWORD);
    const items = (await shequ.get<TodoPage>('/api/todos?kind=wish&pageSize=100')).body.items;
    expect(new Set(items.map((x) => x.source))).toEqual(new Set(['wish.review', 'wish.confirm', 'wish.overdue']));
  });
});
