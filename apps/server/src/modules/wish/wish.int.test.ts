import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, ResidentWish, TodoPage, Wish, WishCommunity, WishDetail, WishWall, WishWallItem } from '@jiceng/contracts';
import { jpegBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { buildMember, ENGINES, login, PASSWORD, residentLogin, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable, upload } from '../../test/xlsx.ts';

type Err = { error: { code: string; message: string } };
const WISH = { title: '一个新书包', description: '孩子明年上小学，想要一个新书包', beneficiary: '困难家庭的孩子', valueFen: 12_000 };

/**
 * 微心愿 end to end: a resident posts (待审核), the community publishes, a 党员 of that community
 * claims, fulfils with a photo, the community confirms; scope on every side (another street's
 * community 404, another community's member does not see it, a resident sees only their own);
 * illegal steps 409 in Chinese; the value cap and the open-claim limit; the to-dos and the export.
 */
describe.each(ENGINES)('微心愿 (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let community: Client;
  let streetB: Client;
  let memberA: Client;
  let memberB: Client;
  let resident: Client;
  let other: Client;
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;

  /** A 党员 account bound to a new member record of `branchId`. */
  async function memberAccount(username: string, name: string, branchId: string, existing?: string): Promise<Client> {
    const m = (await t.admin.post<Member>('/api/members', buildMember(branchId, { name }))).body;
    if (!existing)
      await server.modules.account.bootstrap({
        username,
        displayName: username,
        role: 'member',
        orgId: branchId,
        password: PASSWORD,
        mustChangePassword: false,
      });
    await server.db.run(sql`update account set member_id = ${m.id} where username = ${existing ?? username}`);
    return login(server, existing ?? username);
  }

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [community, streetB] = await Promise.all([login(server, 'communityA1'), login(server, 'streetB')]);
    memberA = await memberAccount('memberA1a', '王认领', t.branchA1a, 'memberA1a');
    memberB = await memberAccount('memberB1a', '赵乙一', t.branchB1a);
    resident = await residentLogin(server, '13800001234', '李阿姨');
    other = await residentLogin(server, '13900005678');
  });
  afterAll(() => server.close());

  it('runs the whole path: resident posts → community publishes → member claims → fulfils with a photo → community confirms', async () => {
    const places = await resident.get<WishCommunity[]>('/api/resident/wishes/communities');
    expect(places.status).toBe(200);
    expect(places.body.map((c) => c.id).sort()).toEqual([t.communityA1, t.communityB1].sort());

    const posted = await resident.post<ResidentWish>('/api/resident/wishes', { ...WISH, orgId: t.communityA1 });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ state: 'pending', stateLabel: '待审核', canWithdraw: true, claimed: false });
    const id = posted.body.id;

    // the community sees it with the resident's phone masked; the wall does not (not yet published)
    const listed = await community.get<{ items: Wish[] }>('/api/wishes?state=pending');
    const w = listed.body.items.find((x) => x.id === id)!;
    expect(w).toMatchObject({ posterKind: 'resident', contactPhone: '138****1234', actions: ['publish', 'reject'] });
    expect((await memberA.get<WishWall>('/api/h5/wishes')).body.items.map((x) => x.id)).not.toContain(id);

    const pub = await community.post<WishDetail>(`/api/wishes/${id}/actions`, { action: 'publish', version: w.version });
    expect(pub.status).toBe(200);
    expect(pub.body.state).toBe('published');

    // the wall of the member's community shows it, without any personal data
    const wall = await memberA.get<WishWall>('/api/h5/wishes');
    expect(wall.body.communityName).toBe('中共甲一社区委员会');
    const item = wall.body.items.find((x) => x.id === id)!;
    expect(item).toMatchObject({ title: '一个新书包', beneficiary: '困难家庭的孩子', state: 'published' });
    expect(JSON.stringify(wall.body)).not.toMatch(/1380|1234|李阿姨|phone/);

    expect((await memberA.post<WishWallItem>(`/api/h5/wishes/${id}/claim`, {})).body).toMatchObject({ state: 'claimed', mine: true });
    const again = await memberA.post<Err>(`/api/h5/wishes/${id}/claim`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('微心愿当前为「已认领」，不能办理「认领」');

    const noPhoto = await memberA.post<Err>(`/api/h5/wishes/${id}/fulfil`, { note: '已送到' });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.error.message).toMatch(/请先上传心愿完成的照片/);
    const photo = await upload<{ attachment: { id: string } }>(memberA, `/api/h5/wishes/${id}/photos`, jpegBytes(), '送书包.jpg');
    expect(photo.status).toBe(200);
    const done = await memberA.post<WishWallItem>(`/api/h5/wishes/${id}/fulfil`, { note: '书包已送到孩子手中' });
    expect(done.body).toMatchObject({ state: 'fulfilled', photoCount: 1 });
    expect((await memberA.get(`/api/h5/wishes/${id}/photos/${photo.body.attachment.id}`)).status).toBe(200);

    const confirmed = await community.post<WishDetail>(`/api/wishes/${id}/actions`, { action: 'confirm' });
    expect(confirmed.body).toMatchObject({ state: 'confirmed', claimerName: '王认领', fulfilNote: '书包已送到孩子手中' });
    expect(confirmed.body.history.map((e) => [e.action, e.toStateLabel])).toEqual([
      ['publish', '已发布'],
      ['claim', '已认领'],
      ['fulfil', '已完成（待确认）'],
      ['confirm', '已确认'],
    ]);
    expect(confirmed.body.photos.map((p) => p.fileName)).toEqual(['送书包.jpg']);
    expect((await community.get(`/api/wishes/${id}/photos/${photo.body.attachment.id}`)).status).toBe(200);
    expect(await count(sql`select count(*)::int as n from workflow_event where kind = 'wish' and record_id = ${id}`)).toBe(4);
    expect(await count(sql`select count(*)::int as n from audit_log where entity = 'wish' and entity_id = ${id}`)).toBe(6); // create, 4 steps, photo

    // the resident follows it, and can no longer withdraw it
    const mine = await resident.get<ResidentWish[]>('/api/resident/wishes');
    expect(mine.body.find((x) => x.id === id)).toMatchObject({ state: 'confirmed', claimed: true, canWithdraw: false });
    const late = await resident.post<Err>(`/api/resident/wishes/${id}/withdraw`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('微心愿当前为「已确认」，不能办理「撤回」');
    expect((await memberA.get<WishWallItem[]>('/api/h5/wishes/mine')).body.map((x) => x.id)).toContain(id);
  });

  it('keeps every side in its scope: another street 404, another community’s member neither sees nor claims, a resident only their own', async () => {
    const w = (await community.post<WishDetail>('/api/wishes', { ...WISH, title: '轮椅一台' })).body;
    expect(w).toMatchObject({ state: 'published', posterKind: 'community', orgId: t.communityA1 });

    expect((await streetB.get(`/api/wishes/${w.id}`)).status).toBe(404);
    expect((await streetB.post(`/api/wishes/${w.id}/actions`, { action: 'cancel', reason: '越权' })).status).toBe(404);
    expect((await streetB.get<{ items: Wish[] }>('/api/wishes')).body.items.map((x) => x.id)).not.toContain(w.id);

    const wallB = await memberB.get<WishWall>('/api/h5/wishes');
    expect(wallB.body.communityName).toBe('中共乙一社区委员会');
    expect(wallB.body.items.map((x) => x.id)).not.toContain(w.id);
    expect((await memberB.post(`/api/h5/wishes/${w.id}/claim`, {})).status).toBe(404);

    const mine = (await resident.post<ResidentWish>('/api/resident/wishes', { ...WISH, title: '老花镜一副', orgId: t.communityB1 })).body;
    expect((await other.get<ResidentWish[]>('/api/resident/wishes')).body).toEqual([]);
    expect((await other.post(`/api/resident/wishes/${mine.id}/withdraw`, {})).status).toBe(404);
    expect((await community.get(`/api/wishes/${mine.id}`)).status).toBe(404);
    expect((await resident.post<ResidentWish>(`/api/resident/wishes/${mine.id}/withdraw`, {})).body).toMatchObject({
      state: 'cancelled',
      stateLabel: '已撤下',
    });
  });

  it('refuses illegal steps with a Chinese 409 naming the state, a missing reason with 400, a wish over the cap with 400', async () => {
    const w = (await community.post<WishDetail>('/api/wishes', { ...WISH, title: '米面油一份' })).body;
    const confirm = await community.post<Err>(`/api/wishes/${w.id}/actions`, { action: 'confirm' });
    expect(confirm.status).toBe(409);
    expect(confirm.body.error.message).toBe('微心愿当前为「已发布」，不能办理「确认完成」');
    const noReason = await community.post<Err>(`/api/wishes/${w.id}/actions`, { action: 'cancel', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('办理「撤下」须填写原因');
    const fulfil = await memberA.post<Err>(`/api/h5/wishes/${w.id}/fulfil`, {});
    expect(fulfil.status).toBe(409);
    expect(fulfil.body.error.message).toMatch(/已发布/);

    const over = await community.post<Err>('/api/wishes', { ...WISH, valueFen: 50_001 });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('微心愿价值不能超过 500 元（本次 500.01 元），较大的需求请通过其他帮扶渠道办理');
    const overRes = await resident.post<Err>('/api/resident/wishes', { ...WISH, valueFen: 80_000, orgId: t.communityA1 });
    expect(overRes.status).toBe(400);
    const zero = await community.post<Err>('/api/wishes', { ...WISH, valueFen: 0 });
    expect(zero.status).toBe(400);
    const branch = await community.post<Err>('/api/wishes', { ...WISH, orgId: t.branchA1a });
    expect(branch.status).toBe(400);
    expect(branch.body.error.message).toMatch(/不是社区（村）党组织/);
    const phone = await community.post<Err>('/api/wishes', { ...WISH, beneficiary: '王奶奶13912345678' });
    expect(phone.status).toBe(400);

    // rejected with its reason, which the resident then reads
    const posted = (await resident.post<ResidentWish>('/api/resident/wishes', { ...WISH, title: '修理收音机', orgId: t.communityA1 })).body;
    const rejected = await community.post<WishDetail>(`/api/wishes/${posted.id}/actions`, { action: 'reject', reason: '不属于微心愿范围' });
    expect(rejected.body).toMatchObject({ state: 'cancelled', lastReason: '不属于微心愿范围' });
    expect((await resident.get<ResidentWish[]>('/api/resident/wishes')).body.find((x) => x.id === posted.id)).toMatchObject({ lastReason: '不属于微心愿范围' });
  });

  it('releases with a reason back to the wall, returns a fulfilment to the claimer, and limits open claims per member', async () => {
    const mk = async (title: string) => (await community.post<WishDetail>('/api/wishes', { ...WISH, title })).body.id;
    const a = await mk('电饭煲一个');
    await memberA.post(`/api/h5/wishes/${a}/claim`, {});
    expect((await memberB.post(`/api/h5/wishes/${a}/release`, { reason: '试试' })).status).toBe(404);
    expect((await memberA.post<Err>(`/api/h5/wishes/${a}/release`, {})).status).toBe(400);
    expect((await memberA.post<WishWallItem>(`/api/h5/wishes/${a}/release`, { reason: '临时出差' })).body).toMatchObject({ state: 'published', mine: false });

    // returned: back to the claimer, who fulfils again
    await memberA.post(`/api/h5/wishes/${a}/claim`, {});
    await upload(memberA, `/api/h5/wishes/${a}/photos`, jpegBytes(320, 240), '电饭煲.jpg');
    await memberA.post(`/api/h5/wishes/${a}/fulfil`, {});
    const back = await community.post<WishDetail>(`/api/wishes/${a}/actions`, { action: 'return', reason: '照片看不清' });
    expect(back.body).toMatchObject({ state: 'claimed', lastReason: '照片看不清', fulfilledAt: null });
    expect((await memberA.get<WishWallItem[]>('/api/h5/wishes/mine')).body.find((x) => x.id === a)).toMatchObject({
      state: 'claimed',
      lastReason: '照片看不清',
    });

    // memberA holds a (claimed); two more, then the fourth is refused
    const b = await mk('棉被一床');
    const c = await mk('台灯一盏');
    const d = await mk('保温杯一个');
    for (const id of [b, c]) expect((await memberA.post(`/api/h5/wishes/${id}/claim`, {})).status).toBe(200);
    const fourth = await memberA.post<Err>(`/api/h5/wishes/${d}/claim`, {});
    expect(fourth.status).toBe(409);
    expect(fourth.body.error).toEqual({ code: 'RULE_VIOLATION', message: '每名党员同时最多认领 3 个未完成的微心愿，请先完成已认领的心愿' });
  });

  it('lists the community’s to-dos (to review, to confirm, overdue claims) and exports the ledger', async () => {
    const posted = (await resident.post<ResidentWish>('/api/resident/wishes', { ...WISH, title: '助听器一个', orgId: t.communityA1 })).body;
    const claimed = (await community.post<WishDetail>('/api/wishes', { ...WISH, title: '拐杖一根' })).body.id;
    await memberB.get('/api/h5/wishes');
    const m = await memberAccount('memberA1b', '钱甲二', t.branchA1b);
    expect((await m.post(`/api/h5/wishes/${claimed}/claim`, {})).status).toBe(200);
    await server.db.run(sql`update wish set claimed_at = '2026-11-01T02:00:00Z' where id = ${claimed}`);

    const todos = (await community.get<TodoPage>('/api/todos?kind=wish&pageSize=100')).body.items;
    expect(todos.find((x) => x.key === `wish.review:${posted.id}`)).toMatchObject({ severity: 'incomplete', title: '微心愿待审核：助听器一个' });
    expect(todos.find((x) => x.key === `wish.overdue:${claimed}`)).toMatchObject({ severity: 'overdue', link: `/wishes?wishId=${claimed}` });
    expect((await streetB.get<TodoPage>('/api/todos?kind=wish&pageSize=100')).body.items).toEqual([]);
    const row = (await community.get<{ items: Wish[] }>('/api/wishes?q=拐杖')).body.items[0]!;
    expect(row.overdue).toBe(true);

    const file = await community.get<string>('/api/wishes/export');
    expect(file.status).toBe(200);
    const { headers, rows } = sheetTable((await openXlsx(file.raw)).getWorksheet('微心愿台账')!);
    expect(headers).toContain('认领党员');
    expect(rows.length).toBeGreaterThan(5);
    expect(JSON.stringify(rows)).not.toMatch(/1380000/);
  });
});
