import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';

const EXPORT = '/api/accounts/export';
const HEADERS = ['用户名', '姓名', '角色', '所属组织', '状态', '关联党员档案', '最近登录', '创建时间'];

describe.each(ENGINES)('accounts list export (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let community: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, community] = await Promise.all([login(server, 'streetA'), login(server, 'communityA1')]);
    const grid = await streetA.post<{ id: string }>('/api/accounts', {
      username: 'grid_off',
      displayName: '停用网格员',
      role: 'grid_worker',
      orgId: t.branchA1b,
      password: PASSWORD,
    });
    expect((await streetA.patch(`/api/accounts/${grid.body.id}`, { disabled: true })).status).toBe(200);
  });
  afterAll(() => server.close());

  const exported = async (c: Client, query = '') => {
    const res = await c.get(`${EXPORT}${query}`);
    expect(res.status, String(res.body)).toBe(200);
    return { disposition: String(res.headers['content-disposition']), ...sheetTable((await openXlsx(res.raw)).getWorksheet('账号列表')!) };
  };

  it('exports the list of the scope, named after what and whose, with the list’s rows and labels', async () => {
    const { disposition, headers, rows } = await exported(streetA);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('账号列表_中共甲街道工作委员会_2026-11-22.xlsx')}`);
    expect(headers).toEqual(HEADERS);
    const list = (await streetA.get<{ items: { username: string }[]; total: number }>('/api/accounts?pageSize=200')).body;
    expect(rows.map((r) => r['用户名'])).toEqual(list.items.map((a) => a.username));
    expect(rows.map((r) => r['用户名'])).not.toContain('streetB');
    expect(rows.find((r) => r['用户名'] === 'grid_off')).toMatchObject({
      姓名: '停用网格员',
      角色: '网格员',
      所属组织: '甲一社区第二党支部',
      状态: '已停用',
      最近登录: '从未登录',
    });
    expect(rows.find((r) => r['用户名'] === 'streetA')).toMatchObject({ 角色: '街道/乡镇党(工)委', 状态: '已启用' });
    expect(JSON.stringify(rows)).not.toMatch(/argon2/);
  });

  it('applies the list filters, and a community exports only its own subtree', async () => {
    expect((await exported(streetA, '?role=grid_worker')).rows.map((r) => r['用户名'])).toEqual(['grid_off']);
    expect((await exported(streetA, '?q=sec')).rows.map((r) => r['用户名'])).toEqual(['secA1a']);
    const mine = await exported(community);
    expect(mine.disposition).toContain(encodeURIComponent('账号列表_中共甲一社区委员会_'));
    expect(mine.rows.map((r) => r['用户名']).sort()).toEqual(['communityA1', 'grid_off', 'memberA1a', 'secA1a']);
  });

  it('refuses bad filters with a Chinese 400 and roles without account:read with 403', async () => {
    const bad = await streetA.get<{ error: { message: string } }>(`${EXPORT}?role=boss`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/角色/);
    expect((await (await login(server, 'supA')).get(EXPORT)).status).toBe(403);
  });
});
