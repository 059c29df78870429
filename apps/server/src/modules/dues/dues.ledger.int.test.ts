import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuesArrearsRow, DuesLedger, DuesLedgerRow, DuesMemberLedger, DuesPublication, DuesSummary, Member, Todo } from '@jiceng/contracts';
import { addDuesMonths, DUES_RULES_2008, duesArrears, duesBasisFor } from '@jiceng/rules';
import { buildIdNumber, buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetFile, upload } from '../../test/xlsx.ts';
import { duesLedgerRepository as repo } from './dues.ledger.repository.ts';
import { DUES_IMPORT_COLUMNS, DUES_IMPORT_SHEET } from './dues.import.ts';

type Err = { error: { code: string; message: string; details?: { errors?: { row: number; column: string; message: string }[] } } };
const RULES = DUES_RULES_2008;
const NOW = '2026-11';
const pay = (months: string[], over: object = {}) => ({ months, paidOn: '2026-11-20', channel: 'cash', ...over });

/** Today is 2026-11-22 (TEST_TODAY): 补交 back to 2026-05, 预交 up to 2027-01 (rule set dues-2008). */
describe.each(ENGINES)('党费台账 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let secA1a: Client;
  let streetA: Client;
  let streetB: Client;
  let memberA1a: Client;
  let seq = 0;

  const member = async (orgId: string, over: Parameters<typeof buildMember>[1] = {}) => {
    seq++;
    const res = await t.admin.post<Member>(
      '/api/members',
      buildMember(orgId, {
        name: `党员${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${seq}`,
        idNumber: buildIdNumber(`1980-01-${String(seq).padStart(2, '0')}`),
        ...over,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const basis = async (id: string, month: string, body: object) => expect((await t.admin.put(`/api/members/${id}/dues-bases/${month}`, body)).status).toBe(200);
  const generate = (month: string, ids: string[]) => repo.generate(server.db, server.regionId, month, RULES, ids);
  const paidRows = async (id: string) =>
    (await server.db.rows<{ n: number }>(sql`select count(*)::int as n from dues_month where member_id = ${id} and paid_fen is not null`))[0]!.n;
  const todos = async (c: Client) => (await c.get<{ items: Todo[] }>('/api/todos?pageSize=200')).body.items.filter((x) => x.source.startsWith('dues.'));

  let m1: Member;
  let m2: Member;
  let waived: Member;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [secA1a, streetA, streetB, memberA1a] = await Promise.all([
      login(server, 'secA1a'),
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'memberA1a'),
    ]);
    m1 = await member(t.branchA1a);
    m2 = await member(t.branchA1a);
    waived = await member(t.branchA1a);
    await basis(m1.id, '2026-01', { category: 'salaried', baseFen: 510_000 });
    await basis(waived.id, '2026-01', { category: 'student', relief: { kind: 'waive', approval: '甲街道党工委 2026-03 批复' } });
    await server.db.run(sql`update account set member_id = ${m1.id} where username = 'memberA1a'`);
  });
  afterAll(() => server.close());

  it('makes the month once for everyone who pays in it, with the due of the basis in effect (第二条, 第七条)', async () => {
    const made = await server.modules.dues.ledger.generateMonth();
    expect(made).toBeGreaterThanOrEqual(3);
    expect(await server.modules.dues.ledger.generateMonth()).toBe(0);
    const l = await secA1a.get<DuesLedger>(`/api/dues/ledger?month=${NOW}`);
    expect(l.status, JSON.stringify(l.body)).toBe(200);
    expect(l.body).toMatchObject({ orgId: t.branchA1a, month: NOW, currentMonth: NOW, generated: true });
    const by = new Map(l.body.rows.map((r) => [r.memberId, r]));
    expect(by.get(m1.id)).toMatchObject({ state: 'pending', dueFen: 7650, basisMonth: '2026-01', paidFen: null });
    expect(by.get(m2.id)).toMatchObject({ state: 'no_basis', dueFen: null });
    expect(by.get(waived.id)).toMatchObject({ state: 'waived', dueFen: 0 });
    expect(l.body.totals).toMatchObject({
      members: 3,
      owingMembers: 2,
      paidMembers: 0,
      waivedMembers: 1,
      noBasisMembers: 1,
      dueFen: 7650,
      paidFen: 0,
      paidRate: 0,
    });
  });

  it('records a payment once; 补交 no more than 6 months; 预交 up to a quarter; never less than due (第十二条)', async () => {
    const res = await secA1a.post<DuesMemberLedger>(`/api/members/${m1.id}/dues/payments`, pay([NOW]));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows.find((r) => r.month === NOW)).toMatchObject({
      state: 'paid',
      paidFen: 7650,
      paidOn: '2026-11-20',
      channel: 'cash',
      recordedBy: 'secA1a',
    });
    const again = await secA1a.post<Err>(`/api/members/${m1.id}/dues/payments`, pay([NOW]));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('2026年11月的党费已于2026-11-20登记交纳');
    const tooOld = await secA1a.post<Err>(`/api/members/${m1.id}/dues/payments`, pay(['2026-04', '2026-05']));
    expect(tooOld.status).toBe(400);
    expect(tooOld.body.error.message).toBe('补交党费一般不超过6个月：2026年4月已超过补交期限，最早可补交2026年5月');
    const tooFar = await secA1a.post<Err>(`/api/members/${m1.id}/dues/payments`, pay(['2027-02']));
    expect(tooFar.body.error.message).toBe('党费按月交纳，经党支部同意可按季度交纳：最多预交至2027年1月');
    const less = await secA1a.post<Err>(`/api/members/${m1.id}/dues/payments`, pay(['2026-12'], { amountFen: 7000 }));
    expect(less.body.error.message).toBe('2026年12月应交76.5元，实交金额不能少于应交金额');
    const noBasis = await secA1a.post<Err>(`/api/members/${m2.id}/dues/payments`, pay([NOW]));
    expect(noBasis.body.error.message).toContain('尚未设置党费基数');
    const proxy = await secA1a.post<Err>(`/api/members/${m1.id}/dues/payments`, pay(['2026-12'], { channel: 'proxy' }));
    expect(proxy.body.error.message).toBe('代交时请填写代交人');
    expect(await paidRows(m1.id)).toBe(1);
    const ok = await secA1a.post<DuesMemberLedger>(
      `/api/members/${m1.id}/dues/payments`,
      pay(['2026-05', '2026-12', '2027-01'], { channel: 'proxy', proxyName: '李明' }),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.rows.map((r) => [r.month, r.state])).toEqual([
      ['2027-01', 'paid'],
      ['2026-12', 'paid'],
      ['2026-11', 'paid'],
      ['2026-05', 'paid'],
    ]);
    expect(ok.body).toMatchObject({ paidTo: '2026-05', monthlyFen: 7650, payable: { from: '2026-05', to: '2027-01' } });
    const audit = await t.admin.get<{ items: { action: string }[] }>(`/api/audit?entityId=${m1.id}&pageSize=100`);
    expect(audit.body.items.filter((a) => a.action === 'dues_payment.record')).toHaveLength(2);
  });

  it('a cancelled payment can be recorded again; a new basis re-prices the unpaid months only', async () => {
    const [row] = (await secA1a.get<DuesMemberLedger>(`/api/members/${m1.id}/dues`)).body.rows.filter((r) => r.month === '2027-01');
    const stale = await secA1a.post<Err>(`/api/members/${m1.id}/dues/2027-01/cancel`, { reason: '登记有误', version: row!.version - 1 });
    expect(stale.status).toBe(409);
    const c = await secA1a.post<DuesLedgerRow>(`/api/members/${m1.id}/dues/2027-01/cancel`, { reason: '登记有误', version: row!.version });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body).toMatchObject({ state: 'pending', paidFen: null, channel: null });
    await basis(m1.id, '2026-12', { category: 'salaried', baseFen: 1_200_000 });
    const l = (await secA1a.get<DuesMemberLedger>(`/api/members/${m1.id}/dues`)).body;
    expect(l.rows.find((r) => r.month === '2027-01')).toMatchObject({ dueFen: 24_000, basisMonth: '2026-12', state: 'pending' });
    expect(l.rows.find((r) => r.month === '2026-12')).toMatchObject({ dueFen: 7650, paidFen: 7650 });
  });

  it('a branch records only its members; a member sees only their own', async () => {
    const other = await member(t.branchB1a);
    await basis(other.id, '2026-01', { category: 'retired', baseFen: 400_000 });
    expect((await secA1a.post(`/api/members/${other.id}/dues/payments`, pay([NOW]))).status).toBe(404);
    expect((await secA1a.get(`/api/members/${other.id}/dues`)).status).toBe(404);
    expect((await secA1a.get(`/api/dues/ledger?orgId=${t.branchB1a}`)).status).toBe(404);
    expect((await streetB.get(`/api/dues/ledger?orgId=${t.branchA1a}`)).status).toBe(404);
    expect((await streetB.get(`/api/dues/summary?orgId=${t.streetA}`)).status).toBe(404);
    expect((await memberA1a.get(`/api/members/${m2.id}/dues`)).status).toBe(403);
    expect((await memberA1a.post(`/api/members/${m1.id}/dues/payments`, pay(['2027-01']))).status).toBe(403);
    const mine = await memberA1a.get<DuesMemberLedger>('/api/dues/me');
    expect(mine.status).toBe(200);
    expect(mine.body.memberId).toBe(m1.id);
    expect(mine.body.rows.every((r) => r.memberId === m1.id)).toBe(true);
    expect(await paidRows(other.id)).toBe(0);
  });

  it('arrears: at 3 months a to-do, at 6 without a reason the 自行脱党 warning (第十三条), a reason ends that run', async () => {
    const m = await member(t.branchA1a, { name: '欠交者' });
    await basis(m.id, '2026-01', { category: 'salaried', baseFen: 300_000 });
    // registered after the month was made: the basis brings the member's row of every month made
    expect((await secA1a.get<DuesMemberLedger>(`/api/members/${m.id}/dues`)).body.rows.map((r) => [r.month, r.state, r.dueFen])).toEqual([
      [NOW, 'pending', 1500],
    ]);
    for (let i = 6; i >= 1; i--) await generate(addDuesMonths(NOW, -i), [m.id]);
    await repo.refreshArrears(server.db, server.regionId, NOW, [m.id]);
    const list = await streetA.get<DuesArrearsRow[]>('/api/dues/arrears?minMonths=3');
    expect(list.body.find((r) => r.memberId === m.id)).toMatchObject({
      consecutive: 6,
      consecutiveWithoutReason: 6,
      unpaidMonths: 6,
      oweFen: 9000,
      since: '2026-05',
      lapseWarning: true,
    });
    let mine = (await todos(secA1a)).filter((x) => x.key.endsWith(m.id));
    expect(mine.map((x) => [x.source, x.severity])).toEqual([['dues.lapse', 'alert']]);
    expect(mine[0]!.title).toBe('欠交者：连续6个月未交党费');
    const [aug] = (await secA1a.get<DuesMemberLedger>(`/api/members/${m.id}/dues`)).body.rows.filter((r) => r.month === '2026-08');
    const r = await secA1a.put<DuesLedgerRow>(`/api/members/${m.id}/dues/2026-08/reason`, { reason: '因病住院', version: aug!.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    mine = (await todos(secA1a)).filter((x) => x.key.endsWith(m.id));
    expect(mine.map((x) => [x.source, x.severity, x.dueDate])).toEqual([['dues.arrears', 'due_soon', '2026-11-30']]);
    expect((await secA1a.get<DuesMemberLedger>(`/api/members/${m.id}/dues`)).body.arrears).toMatchObject({
      consecutive: 6,
      consecutiveWithoutReason: 2,
      todo: true,
      lapseWarning: false,
    });
    await secA1a.post(`/api/members/${m.id}/dues/payments`, pay(['2026-10']));
    expect((await todos(secA1a)).filter((x) => x.key.endsWith(m.id))).toEqual([]);
  });

  it('the stored arrears equal the rule set’s duesArrears on random ledgers', async () => {
    const ms = await Promise.all(Array.from({ length: 6 }, () => member(t.branchA1b)));
    let x = 7;
    const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647;
    const expected = new Map<string, ReturnType<typeof duesArrears>>();
    for (const m of ms) {
      await basis(m.id, '2025-01', { category: 'salaried', baseFen: 200_000 + Math.floor(rnd() * 900_000) });
      const months: { month: string; dueFen: number; paid: boolean; reason: string | null }[] = [];
      for (let i = 20; i >= 1; i--) {
        if (rnd() < 0.1) continue;
        const month = addDuesMonths(NOW, -i);
        await generate(month, [m.id]);
        const paid = rnd() < 0.35;
        const reason = !paid && rnd() < 0.15 ? '外出务工' : null;
        if (paid)
          await server.db.run(
            sql`update dues_month set paid_fen = due_fen, paid_on = '2026-01-01', channel = 'cash', recorded_at = now() where member_id = ${m.id} and month = ${`${month}-01`}::date`,
          );
        if (reason) await server.db.run(sql`update dues_month set reason = ${reason} where member_id = ${m.id} and month = ${`${month}-01`}::date`);
        const [due] = await server.db.rows<{ d: number }>(
          sql`select due_fen as d from dues_month where member_id = ${m.id} and month = ${`${month}-01`}::date`,
        );
        months.push({ month, dueFen: due!.d, paid, reason });
      }
      expected.set(m.id, duesArrears(months, NOW, RULES));
    }
    await repo.refreshArrears(
      server.db,
      server.regionId,
      NOW,
      ms.map((m) => m.id),
    );
    const stored = new Map((await streetA.get<DuesArrearsRow[]>(`/api/dues/arrears?orgId=${t.branchA1b}`)).body.map((r) => [r.memberId, r]));
    for (const m of ms) {
      const e = expected.get(m.id)!;
      const s = stored.get(m.id);
      if (e.unpaidMonths.length === 0 || e.consecutive === 0) continue;
      expect(s, m.id).toMatchObject({
        consecutive: e.consecutive,
        consecutiveWithoutReason: e.consecutiveWithoutReason,
        oweFen: e.oweFen,
        since: e.unpaidMonths[0],
      });
    }
  });

  it('imports a month’s payments all or nothing, naming every bad row', async () => {
    const [idA, idB] = [buildIdNumber('1979-03-03'), buildIdNumber('1979-04-04')];
    const a = await member(t.branchA1a, { name: '导入甲', idNumber: idA });
    const b = await member(t.branchA1a, { name: '导入乙', idNumber: idB });
    await basis(a.id, '2026-01', { category: 'salaried', baseFen: 400_000 });
    await basis(b.id, '2026-01', { category: 'retired', baseFen: 300_000 });
    const headers = DUES_IMPORT_COLUMNS.map((c) => c.header);
    const good = ['导入甲', idA, '2026-11', '', '2026-11-18', '转账', '', ''];
    const bad = await sheetFile(DUES_IMPORT_SHEET, headers, [
      good,
      ['导入乙', idB, '2026-03', '', '2026-11-18', '', '', ''],
      ['导入丙', idB, '2026-11', '', '2026-11-18', '', '', ''],
      ['导入乙', idB, '2026-11', '10', '2026-11-18', '代交', '', ''],
      good,
    ]);
    const res = await upload<Err>(secA1a, '/api/dues/import', bad);
    expect(res.status).toBe(422);
    expect(res.body.error.details!.errors!.map((e) => [e.row, e.column])).toEqual([
      [3, '党费月份'],
      [4, '姓名'],
      [5, '代交人'],
      [6, '党费月份'],
    ]);
    expect(await paidRows(a.id)).toBe(0);
    const ok = await upload<{ created: number }>(
      secA1a,
      '/api/dues/import',
      await sheetFile(DUES_IMPORT_SHEET, headers, [good, ['导入乙', idB, '2026年10月', '20', '2026-11-18', '现金', '', '']]),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.created).toBe(2);
    expect((await secA1a.get<DuesMemberLedger>(`/api/members/${b.id}/dues`)).body.rows.find((r) => r.month === '2026-10')).toMatchObject({
      month: '2026-10',
      paidFen: 2000,
      channel: 'cash',
    });
    expect((await secA1a.get<DuesMemberLedger>(`/api/members/${a.id}/dues`)).body.rows.find((r) => r.month === NOW)).toMatchObject({
      paidFen: 4000,
      channel: 'transfer',
    });
  });

  it('the subtree summary and the publication add up as the ledger rows do; remittance 5% (第十五条)', async () => {
    const year = await streetA.get<DuesSummary>('/api/dues/summary?year=2026');
    expect(year.status, JSON.stringify(year.body)).toBe(200);
    const root = (await server.db.one<{ path: string }>(sql`select path::text as path from org where id = ${t.rootId}`))!.path;
    const sort = (rows: { month: string; child: string | null }[]) => [...rows].sort((a, b) => `${a.month}${a.child}`.localeCompare(`${b.month}${b.child}`));
    expect(sort(await repo.subtreeTotals(server.db, server.regionId, root, '2024-01', '2027-12'))).toEqual(
      sort(await repo.liveSubtreeTotals(server.db, server.regionId, root, '2024-01', '2027-12')),
    );
    const s = year.body;
    expect(s.children.map((c) => c.orgName)).toEqual(['中共甲一社区委员会']);
    expect(s.byMonth).toHaveLength(12);
    expect(s.remittance.fen).toBe(Math.round(s.totals.paidFen * 0.05));
    expect(s.totals.paidFen).toBe(s.children[0]!.totals.paidFen);
    const month = await secA1a.get<DuesSummary>(`/api/dues/summary?month=${NOW}`);
    const ledger = await secA1a.get<DuesLedger>(`/api/dues/ledger?month=${NOW}`);
    expect(month.body.totals).toEqual(ledger.body.totals);
    const sheet = async (url: string) => {
      const res = await streetA.request('GET', url);
      expect(res.status, url).toBe(200);
      return (await openXlsx(res.raw)).worksheets[0]!;
    };
    const summarySheet = await sheet('/api/dues/summary/export?year=2026');
    expect(summarySheet.getRow(1).values).toContain('应上缴党费（元）');
    expect(summarySheet.getRow(2).getCell(10).value).toBe(s.remittance.fen / 100);
    const ledgerSheet = await sheet(`/api/dues/ledger/export?orgId=${t.branchA1a}&month=${NOW}`);
    expect(ledgerSheet.rowCount).toBe(ledger.body.rows.length + 1);
    expect((await sheet('/api/dues/import/template')).name).toBe(DUES_IMPORT_SHEET);
    const pub = await secA1a.get<DuesPublication>('/api/dues/publication?year=2026');
    expect(pub.status).toBe(200);
    expect(pub.body.members.find((m) => m.memberId === m1.id)).toMatchObject({ paidFen: 7650 * 3 });
    expect(pub.body.basis).toContain('每年至少向党员公布1次');
  });

  it('the generation picks the basis as duesBasisFor does, for either baseReset option ([F5])', async () => {
    const m = await member(t.branchA1b);
    await basis(m.id, '2025-03', { category: 'salaried', baseFen: 280_000 });
    await basis(m.id, '2026-01', { category: 'salaried', baseFen: 450_000 });
    await basis(m.id, '2026-06', { category: 'salaried', baseFen: 900_000 });
    const late = await member(t.branchA1b);
    await basis(late.id, '2026-04', { category: 'retired', baseFen: 600_000 });
    const bases = async (id: string) =>
      await server.db.rows<{ effectiveMonth: string; amount: number }>(
        sql`select to_char(effective_month, 'YYYY-MM') as "effectiveMonth", amount_fen as amount from dues_basis where member_id = ${id}`,
      );
    for (const rules of [RULES, { ...RULES, baseReset: 'january' as const }]) {
      for (const month of ['2025-02', '2025-12', '2026-03', '2026-05', '2026-09']) {
        await server.db.run(sql`delete from dues_month where member_id in (${m.id}, ${late.id}) and month = ${`${month}-01`}::date`);
        await repo.generate(server.db, server.regionId, month, rules, [m.id, late.id]);
        for (const id of [m.id, late.id]) {
          const [row] = await server.db.rows<{ due: number | null }>(
            sql`select due_fen as due from dues_month where member_id = ${id} and month = ${`${month}-01`}::date`,
          );
          const expected = duesBasisFor(await bases(id), month, rules);
          expect(row?.due ?? null, `${rules.baseReset} ${month}`).toBe(expected?.amount ?? null);
        }
      }
    }
  });

  it('a transfer letter carries 党费缴至 from the ledger', async () => {
    const res = await secA1a.post<{ duesPaidTo: string } & Err>('/api/transfers/letters', {
      memberId: m1.id,
      toOrgName: '中共某某县委组织部',
      reason: '工作调动',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.duesPaidTo).toBe('2026-05');
    const none = await member(t.branchA1a);
    await basis(none.id, '2026-01', { category: 'student' });
    await generate(NOW, [none.id]);
    const refused = await secA1a.post<Err>('/api/transfers/letters', { memberId: none.id, toOrgName: '中共某某县委组织部' });
    expect(refused.body.error.message).toContain('党费台账中该党员尚无交纳记录');
  });
});
