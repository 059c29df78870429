import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MemberSummary } from '@jiceng/contracts';
import { upload } from '../../test/xlsx.ts';
import { buildIdNumber, buildMember, ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };

describe.each(ENGINES)('member records over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB, secA1a] = await Promise.all([login(server, 'streetA'), login(server, 'streetB'), login(server, 'secA1a')]);
  });
  afterAll(() => server.close());

  const create = async (c: Client, orgId: string, over: Parameters<typeof buildMember>[1] = {}) => {
    const res = await c.post<Member>('/api/members', buildMember(orgId, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const count = async () => (await t.admin.get<{ total: number }>('/api/members?includeLeft=true&pageSize=1')).body.total;

  describe('register', () => {
    it('stores personal fields encrypted and answers them masked', async () => {
      const idNumber = buildIdNumber('1985-06-15');
      const m = await create(secA1a, t.branchA1a, { name: '李秀英', idNumber, phone: '13812345678' });
      expect(m).toMatchObject({
        name: '李秀英',
        gender: 'male',
        birthDate: null,
        age: 41,
        idNumber: `${idNumber.slice(0, 2)}**************${idNumber.slice(-2)}`,
        phone: '138****5678',
        unmasked: false,
        canVote: true,
        partyAge: 16,
      });
      const raw = await server.db.one<Record<string, unknown>>(sql`select * from member where id = ${m.id}`);
      expect(JSON.stringify(raw)).not.toContain(idNumber);
      expect(JSON.stringify(raw)).not.toContain('13812345678');
      expect(JSON.stringify(raw)).not.toContain('中山门大街');
    });

    it('rejects a wrong check digit, and a birth date or sex that disagrees with the ID, changing nothing', async () => {
      const before = await count();
      const id = buildIdNumber('1990-01-01');
      const badCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
      const r1 = await secA1a.post<Err>('/api/members', buildMember(t.branchA1a, { idNumber: badCheck }));
      expect(r1.status).toBe(400);
      expect(r1.body.error.message).toBe('公民身份号码校验位不正确，请核对');
      const r2 = await secA1a.post<Err>('/api/members', buildMember(t.branchA1a, { idNumber: id, birthDate: '1990-02-01', gender: 'female' }));
      expect(r2.body.error.message).toMatch(/出生日期与公民身份号码不一致.*性别与公民身份号码不一致/);
      expect(await count()).toBe(before);
    });

    it('refuses a second registration of the same ID number, even in another street', async () => {
      const idNumber = buildIdNumber();
      await create(streetA, t.branchA1a, { idNumber });
      const res = await streetB.post<Err>('/api/members', buildMember(t.branchB1a, { idNumber: idNumber.toLowerCase() }));
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe('该公民身份号码无法登记：已有党员档案使用此号码，请联系上级党组织核实');
      // the refusal is audited in the writer's scope, with the masked number only
      const audit = await streetB.get<{ items: { action: string; entityId: string | null; after: unknown }[] }>('/api/audit?action=member.duplicate_refused');
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          entityId: null,
          after: { via: 'create', idNumber: `${idNumber.slice(0, 2)}**************${idNumber.slice(-2)}`, inScope: false, memberId: null },
        }),
      ]);
      expect(JSON.stringify(audit.body)).not.toContain(idNumber);
    });

    it("names the holder of a duplicate ID number inside the writer's scope, on registration and on edit", async () => {
      const idNumber = buildIdNumber();
      const held = await create(secA1a, t.branchA1a, { name: '欧阳重号', idNumber });
      const again = await streetA.post<Err>('/api/members', buildMember(t.branchA1b, { idNumber }));
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe('该公民身份号码已登记为党员（甲一社区第一党支部：欧阳重号），请勿重复登记；如组织关系需要调整，请办理转接');
      const other = await create(streetA, t.branchA1b, { name: '司马另号' });
      const edit = await streetA.patch<Err>(`/api/members/${other.id}`, { idNumber, version: other.version });
      expect(edit.status).toBe(409);
      expect(edit.body.error.message).toMatch(/欧阳重号/);
      const audit = await streetA.get<{ items: { actorName: string; after: unknown }[] }>('/api/audit?action=member.duplicate_refused&pageSize=2');
      expect(audit.body.items.map((e) => e.after)).toEqual([
        { via: 'update', idNumber: `${idNumber.slice(0, 2)}**************${idNumber.slice(-2)}`, inScope: true, memberId: held.id },
        { via: 'create', idNumber: `${idNumber.slice(0, 2)}**************${idNumber.slice(-2)}`, inScope: true, memberId: held.id },
      ]);
    });

    it('puts members only in branches inside the scope', async () => {
      expect((await secA1a.post('/api/members', buildMember(t.branchA1b))).status).toBe(404);
      const res = await streetA.post<Err>('/api/members', buildMember(t.communityA1));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/不是党支部/);
    });

    it('checks the order of dates and the age at application', async () => {
      const young = await secA1a.post<Err>(
        '/api/members',
        buildMember(t.branchA1a, { idNumber: buildIdNumber('2000-01-01'), appliedDate: '2017-06-01', joinedDate: '2019-07-01' }),
      );
      expect(young.body.error.message).toMatch(/年满 18 岁/);
      const future = await secA1a.post<Err>('/api/members', buildMember(t.branchA1a, { status: 'full', joinedDate: '2026-01-10' }));
      expect(future.body.error.message).toMatch(/转正日期晚于今天/);
    });
  });

  describe('read, mask and scope', () => {
    let m: Member;
    beforeAll(async () => {
      m = await create(secA1a, t.branchA1a, { name: '欧阳明', idNumber: buildIdNumber('1979-11-02'), phone: '13700001111' });
    });

    it('shows personal fields in full only on request, with the permission, and audits the read', async () => {
      const full = await secA1a.get<Member>(`/api/members/${m.id}?unmask=true`);
      expect(full.body).toMatchObject({
        unmasked: true,
        birthDate: '1979-11-02',
        age: 47,
        phone: '13700001111',
        address: '南京市玄武区孝陵卫街道中山门大街1号',
      });
      const audit = await t.admin.get<{ items: { entityId: string; actorName: string; after: { fields: string[] } }[] }>('/api/audit?action=personal.unmask');
      expect(audit.body.items.find((e) => e.entityId === m.id && e.actorName === 'secA1a')?.after.fields).toEqual([
        'idNumber',
        'birthDate',
        'phone',
        'address',
      ]);
      // masked, the birth date is the age only (with the masked number it would rebuild the whole)
      const masked = await streetA.get<Member>(`/api/members/${m.id}`);
      expect(masked.body).toMatchObject({ phone: '137****1111', birthDate: null, age: 47, unmasked: false });
      expect((await streetA.get<{ items: MemberSummary[] }>('/api/members?pageSize=200')).body.items.every((x) => x.birthDate === null)).toBe(true);
      const supervisor = await login(server, 'supA');
      expect((await supervisor.get<Member>(`/api/members/${m.id}`)).body.unmasked).toBe(false);
      const denied = await supervisor.get<Err>(`/api/members/${m.id}?unmask=true`);
      expect(denied.status).toBe(403);
    });

    it('hides the member from another street and from a sibling branch', async () => {
      expect((await streetB.get(`/api/members/${m.id}`)).status).toBe(404);
      expect((await streetB.patch(`/api/members/${m.id}`, { workUnit: '越权' })).status).toBe(404);
      expect((await streetB.post(`/api/members/${m.id}/events`, { event: 'suspend', date: '2026-01-01', reason: '越权操作' })).status).toBe(404);
      const list = await streetB.get<{ items: MemberSummary[] }>('/api/members?pageSize=200');
      expect(list.body.items.map((x) => x.id)).not.toContain(m.id);
      const sec = await login(server, 'communityA1');
      expect((await sec.get(`/api/members/${m.id}`)).status).toBe(200);
    });

    it('finds by a two-character name piece, by exact ID number and by phone', async () => {
      const byName = await streetA.get<{ items: MemberSummary[] }>(`/api/members?q=${encodeURIComponent('阳明')}`);
      expect(byName.body.items.map((x) => x.name)).toEqual(['欧阳明']);
      const full = (await secA1a.get<Member>(`/api/members/${m.id}?unmask=true`)).body.idNumber;
      const byId = await streetA.get<{ items: MemberSummary[] }>(`/api/members?idNumber=${full}`);
      expect(byId.body.items.map((x) => x.id)).toEqual([m.id]);
      const byPhone = await streetA.get<{ items: MemberSummary[] }>('/api/members?phone=13700001111');
      expect(byPhone.body.items.map((x) => x.id)).toEqual([m.id]);
      const other = await streetB.get<{ items: MemberSummary[] }>('/api/members?phone=13700001111');
      expect(other.body.items).toHaveLength(0);
    });

    it('filters by age band and party age', async () => {
      const res = await streetA.get<{ items: MemberSummary[] }>('/api/members?ageMin=47&ageMax=47&pageSize=200');
      expect(res.body.items.map((x) => x.id)).toContain(m.id);
      expect(res.body.items.every((x) => x.age === 47)).toBe(true);
      const pa = await streetA.get<{ items: MemberSummary[] }>('/api/members?partyAgeMin=16&partyAgeMax=16&pageSize=200');
      expect(pa.body.items.every((x) => x.partyAge === 16)).toBe(true);
    });

    it('edits fields, keeps the ID rules, audits which fields changed', async () => {
      const { version } = (await secA1a.get<Member>(`/api/members/${m.id}`)).body;
      const res = await secA1a.patch<Member>(`/api/members/${m.id}`, { workUnit: '南京市第一中学', categories: ['employed', 'party_worker'], version });
      expect(res.body.workUnit).toBe('南京市第一中学');
      const bad = await secA1a.patch<Err>(`/api/members/${m.id}`, { birthDate: '1979-11-03', version: res.body.version });
      expect(bad.status).toBe(400);
      const audit = await t.admin.get<{ items: { after: { changedFields: string[] } }[] }>(`/api/audit?action=member.update&entityId=${m.id}`);
      expect(audit.body.items[0]!.after.changedFields.sort()).toEqual(['categories', 'workUnit']);
    });
  });

  describe('lifecycle', () => {
    it('confirms a probationary member after a year, with history', async () => {
      const p = await create(secA1a, t.branchA1a, { status: 'probationary', joinedDate: '2025-09-01', appliedDate: '2023-03-01' });
      expect(p).toMatchObject({ partyAge: null, canVote: false, probationEndDate: '2026-09-01' });
      const early = await secA1a.post<Err>(`/api/members/${p.id}/events`, { event: 'confirm', date: '2026-08-01', reason: '支部大会讨论通过' });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toBe('预备期至 2026-09-01 届满，届满后方可转正');
      const ok = await secA1a.post<Member>(`/api/members/${p.id}/events`, { event: 'confirm', date: '2026-09-10', reason: '支部大会讨论通过' });
      expect(ok.body).toMatchObject({ status: 'full', confirmedDate: '2026-09-01', canVote: true, partyAge: 0 });
      const history = await secA1a.get<{ event: string; reason: string }[]>(`/api/members/${p.id}/history`);
      expect(history.body.map((h) => h.event)).toEqual(['register', 'confirm']);
    });

    it('answers an illegal transition with a clear error and changes nothing', async () => {
      const f = await create(secA1a, t.branchA1a);
      const res = await secA1a.post<Err>(`/api/members/${f.id}/events`, { event: 'extend_probation', date: '2026-01-01', reason: '测试', months: 6 });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe('正式党员状态不能办理「延长预备期」');
      expect((await secA1a.get<Member>(`/api/members/${f.id}`)).body.status).toBe('full');
    });

    it('suspends, restores and records leaving; left members drop out of lists', async () => {
      const f = await create(secA1a, t.branchA1a, { name: '司马光' });
      expect((await secA1a.post<Member>(`/api/members/${f.id}/events`, { event: 'suspend', date: '2026-03-01', reason: '失联超过六个月' })).body.status).toBe(
        'suspended',
      );
      expect((await secA1a.post<Member>(`/api/members/${f.id}/events`, { event: 'restore', date: '2026-05-01', reason: '已取得联系' })).body.status).toBe(
        'full',
      );
      const left = await secA1a.post<Member>(`/api/members/${f.id}/events`, { event: 'leave', date: '2026-06-01', reason: '病故', leaveReason: 'deceased' });
      expect(left.body).toMatchObject({ status: 'left', leaveReason: 'deceased' });
      const list = await secA1a.get<{ items: MemberSummary[] }>(`/api/members?q=${encodeURIComponent('司马')}`);
      expect(list.body.items).toHaveLength(0);
      const withLeft = await secA1a.get<{ items: MemberSummary[] }>(`/api/members?q=${encodeURIComponent('司马')}&includeLeft=true`);
      expect(withLeft.body.items).toHaveLength(1);
      expect((await secA1a.patch<Err>(`/api/members/${f.id}`, { workUnit: 'x' })).status).toBe(400);
    });
  });

  describe('extended tabs', () => {
    it('adds, lists and removes entries, checking each kind’s fields', async () => {
      const m = await create(secA1a, t.branchA1a);
      const add = await secA1a.post<{ id: string }>(`/api/members/${m.id}/details`, {
        kind: 'reward',
        data: { type: 'reward', name: '优秀共产党员', authority: '区委' },
        startDate: '2021-07-01',
      });
      expect(add.status).toBe(201);
      const bad = await secA1a.post<Err>(`/api/members/${m.id}/details`, { kind: 'family', data: { relation: '配偶' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/姓名/);
      expect((await secA1a.get<unknown[]>(`/api/members/${m.id}/details?kind=reward`)).body).toHaveLength(1);
      expect((await secA1a.del(`/api/members/${m.id}/details/${add.body.id}`)).status).toBe(200);
      expect((await secA1a.get<unknown[]>(`/api/members/${m.id}/details?kind=reward`)).body).toHaveLength(0);
    });
  });

  describe('photo', () => {
    it('stores a JPG or PNG, serves it back in scope, refuses other files and other streets', async () => {
      const m = await create(secA1a, t.branchA1a);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
      expect((await upload(secA1a, `/api/members/${m.id}/photo`, png, '照片.png', 'PUT')).status).toBe(200);
      expect((await secA1a.get<Member>(`/api/members/${m.id}`)).body.hasPhoto).toBe(true);
      const back = await secA1a.get(`/api/members/${m.id}/photo`);
      expect(back.headers['content-type']).toBe('image/png');
      expect(back.raw.equals(png)).toBe(true);
      const text = await upload<Err>(secA1a, `/api/members/${m.id}/photo`, Buffer.from('不是图片'), 'x.txt', 'PUT');
      expect(text.status).toBe(400);
      expect(text.body.error.message).toBe('照片应为 JPG 或 PNG 图片');
      expect((await streetB.get(`/api/members/${m.id}/photo`)).status).toBe(404);
      expect((await upload(streetB, `/api/members/${m.id}/photo`, png, 'p.png', 'PUT')).status).toBe(404);
    });
  });

  describe('self-service', () => {
    it('shows a 党员 account its own record only', async () => {
      const m = await create(secA1a, t.branchA1a, { name: '王小明', phone: '13655556666' });
      await server.modules.account.bootstrap({
        username: 'wangxm',
        displayName: '王小明',
        role: 'member',
        orgId: t.branchA1a,
        password: PASSWORD,
        mustChangePassword: false,
      });
      await server.db.run(sql`update account set member_id = ${m.id} where username = 'wangxm'`);
      const me = await login(server, 'wangxm');
      const mine = await me.get<Member>('/api/me/member');
      expect(mine.body).toMatchObject({ id: m.id, phone: '13655556666' });
      expect((await me.get('/api/members')).status).toBe(403);
      const unbound = await login(server, 'memberA1a');
      expect((await unbound.get<Err>('/api/me/member')).status).toBe(404);
    });
  });
});

describe.each(ENGINES)('exact look-up by full ID number or phone (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  it('is refused to an account that sees only masks (it would confirm rebuilt candidates), allowed to one that may unmask', async () => {
    const idNumber = buildIdNumber('1972-08-19');
    expect((await t.admin.post('/api/members', buildMember(t.branchA1a, { idNumber, phone: '13700001111' }))).status).toBe(201);
    const supA = await login(server, 'supA');
    for (const q of [`idNumber=${idNumber}`, 'phone=13700001111']) {
      const refused = await supA.get<Err>(`/api/members?${q}`);
      expect(refused.status, q).toBe(403);
      expect(refused.body.error.message).toContain('按姓名查找');
    }
    const streetA = await login(server, 'streetA');
    expect((await streetA.get<{ total: number }>(`/api/members?idNumber=${idNumber}`)).body.total).toBe(1);
  });
});
