import type { ServiceActionResult, ServiceRequestDetail } from '@jiceng/contracts';
import { buildOrg, login, PASSWORD, seedTree, type Client, type SeededTree, type TestServer } from './harness.ts';

/**
 * The service loop's test place: the small district of `seedTree` with two grids under 甲一社区
 * (a grid worker on each) and one under 乙一社区, so a test can dispatch, take and resolve.
 */
export async function seedServicePlace(server: TestServer, t?: SeededTree) {
  const tree = t ?? (await seedTree(server));
  const grid = async (parentId: string, name: string) => {
    const r = await tree.admin.post<{ id: string }>('/api/orgs', buildOrg(parentId, { name, type: 'grid', domain: 'community' }));
    if (r.status !== 201) throw new Error(`grid ${name}: ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  const gridA1 = await grid(tree.communityA1, '甲一社区第一网格党支部');
  const gridA2 = await grid(tree.communityA1, '甲一社区第二网格党支部');
  const gridB1 = await grid(tree.communityB1, '乙一社区第一网格党支部');
  const acct = (username: string, role: string, orgId: string) =>
    server.modules.account.bootstrap({ username, displayName: username, role, orgId, password: PASSWORD, mustChangePassword: false });
  await acct('gridA1', 'grid_worker', gridA1);
  await acct('gridA2', 'grid_worker', gridA2);
  await acct('gridB1', 'grid_worker', gridB1);
  await acct('communityB1', 'community', tree.communityB1);
  return { ...tree, gridA1, gridA2, gridB1 };
}
export type ServicePlace = Awaited<ReturnType<typeof seedServicePlace>>;

export const logins = async (server: TestServer, names: string[]): Promise<Record<string, Client>> =>
  Object.fromEntries(await Promise.all(names.map(async (n) => [n, await login(server, n)] as const)));

/** Takes a step as `c`; throws with the answer unless 200. */
export async function step(c: Client, id: string, body: Record<string, unknown>): Promise<ServiceRequestDetail | null> {
  const r = await c.post<ServiceActionResult>(`/api/service/requests/${id}/actions`, body);
  if (r.status !== 200) throw new Error(`${String(body.action)}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.request;
}

/** A desk-registered request body for a place. */
export const deskRequest = (orgId: string, over: Record<string, unknown> = {}) => ({
  kind: 'help',
  categoryCode: 'repair',
  description: '小区三栋门口路灯坏了，晚上很黑',
  orgId,
  contactName: '王大妈',
  contactPhone: '13812345678',
  ...over,
});
