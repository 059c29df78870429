import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuesMemberLedger, Member } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { buildIdNumber, buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { sheetFile, upload } from '../../test/xlsx.ts';
import { DUES_IMPORT_COLUMNS, DUES_IMPORT_SHEET } from './dues.import.ts';

const NOW = '2026-11';
const pay = (months: string[]) => ({ months, paidOn: '2026-11-20', channel: 'cash' });

/** 党费 under contention: on PostgreSQL the requests really run at once. Today is 2026-11-22. */
describe.each(ENGINES)('党费台账 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let secA1a: Client;
  let communityA1: Client;

  const member = async (over: Parameters<typeof buildMember>[1] = {}) => {
    const res = await t.admin.post<Member>('/api/members', buildMember(t.branchA1a, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const b = await t.admin.put(`/api/members/${res.body.id}/dues-bases/2026-01`, { category: 'salaried', baseFen: 510_000 });
    expect(b.status).toBe(200);
    return res.body;
  };
  const paid = async (id: string) =>
    (
      await server.db.rows<{ month: string }>(
        sql`select to_char(month, 'YYYY-MM') as month from dues_month where member_id = ${id} and paid_fen is not null order by month`,
      )
    ).map((r) => r.month);
  const audits = async (id: string, action: string) =>
    (await t.admin.get<{ items: { action: string }[] }>(`/api/audit?entityId=${id}&pageSize=100`)).body.items.filter((a) => a.action === action).length;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [secA1a, communityA1] = await Promise.all([login(server, 'secA1a'), login(server, 'communityA1')]);
  });
  afterAll(() => server.close());

  it('pays a month once: of 10 at once one records it, the rest are 409; one row, one audit', async () => {
    const m = await member();
    await race(10, (i) => (i % 2 ? secA1a : communityA1).post(`/api/members/${m.id}/dues/payments`, pay([NOW])), { successes: 1 });
    expect(await paid(m.id)).toEqual([NOW]);
    expect(await audits(m.id, 'dues_payment.record')).toBe(1);
  });

  it('overlapping multi-month payments: each month paid once, a payment stands whole or not at all', async () => {
    const m = await member();
    const sets = [['2026-09', '2026-10'], ['2026-10', NOW], [NOW, '2026-12'], ['2026-09'], ['2026-12']];
    const { answers, ok } = await race(sets.length, (i) => secA1a.post<DuesMemberLedger>(`/api/members/${m.id}/dues/payments`, pay(sets[i]!)), {
      successes: [1, 3],
    });
    const months = await paid(m.id);
    expect(await audits(m.id, 'dues_payment.record')).toBe(ok.length);
    // the months paid are exactly those of the payments that stood, none twice
    expect(
      sets
        .filter((_, i) => answers[i]!.status === 200)
        .flat()
        .sort(),
    ).toEqual(months);
  });

  it('a cancel and payments of the month at once end in one of the legal orders; the arrears follow the last', async () => {
    const m = await member();
    const first = await secA1a.post<DuesMemberLedger>(`/api/members/${m.id}/dues/payments`, pay([NOW]));
    const version = first.body.rows.find((r) => r.month === NOW)!.version;
    const answers = await Promise.all([
      secA1a.post(`/api/members/${m.id}/dues/${NOW}/cancel`, { reason: '登记有误', version }),
      secA1a.post(`/api/members/${m.id}/dues/payments`, pay([NOW])),
      communityA1.post(`/api/members/${m.id}/dues/payments`, pay([NOW])),
    ]);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const cancelled = answers[0]!.status === 200;
    const repaid = answers.slice(1).filter((a) => a.status === 200).length;
    // a payment before the cancel is a 409 (the month is paid); after it, one payment may record it again
    expect(repaid).toBeLessThanOrEqual(cancelled ? 1 : 0);
    expect(await paid(m.id)).toEqual(cancelled && repaid === 0 ? [] : [NOW]);
  });

  it('a basis written while a month is paid leaves the paid amount as paid and re-prices the rest', async () => {
    const m = await member();
    await server.modules.dues.ledger.generateMonth();
    await Promise.all([
      secA1a.post(`/api/members/${m.id}/dues/payments`, pay([NOW])),
      secA1a.put(`/api/members/${m.id}/dues-bases/2026-11`, { category: 'salaried', baseFen: 1_200_000 }),
      secA1a.post(`/api/members/${m.id}/dues/payments`, pay(['2026-12'])),
    ]);
    const rows = await server.db.rows<{ month: string; due: number; paid: number | null }>(
      sql`select to_char(month, 'YYYY-MM') as month, due_fen as due, paid_fen as paid from dues_month where member_id = ${m.id} order by month`,
    );
    for (const r of rows) {
      if (r.paid === null) expect(r.due, r.month).toBe(24_000);
      else expect(r.paid, r.month).toBe(r.due);
    }
  });

  it('two imports of one file at once: one imports it whole, the other changes nothing', async () => {
    const ids = [buildIdNumber('1977-02-02'), buildIdNumber('1977-03-03'), buildIdNumber('1977-04-04')];
    const ms = await Promise.all(ids.map((idNumber, i) => member({ idNumber, name: `并发导入${'一二三'[i]}` })));
    const file = await sheetFile(
      DUES_IMPORT_SHEET,
      DUES_IMPORT_COLUMNS.map((c) => c.header),
      ms.map((m, i) => [m.name, ids[i]!, NOW, '', '2026-11-19', '现金', '', '']),
    );
    const { ok } = await race(2, () => upload(secA1a, '/api/dues/import', file), { successes: 1, refusals: ['CONFLICT', 'IMPORT_INVALID'] });
    expect(ok).toHaveLength(1);
    for (const m of ms) expect(await paid(m.id)).toEqual([NOW]);
  });

  it('two month runs at once make each row once and record the month once', async () => {
    await server.db.run(sql`delete from dues_ledger_run`);
    const before = (await server.db.rows<{ n: number }>(sql`select count(*)::int as n from dues_month where month = '2026-11-01'`))[0]!.n;
    const made = await Promise.all([server.modules.dues.ledger.generateMonth(), server.modules.dues.ledger.generateMonth()]);
    const after = (await server.db.rows<{ n: number }>(sql`select count(*)::int as n from dues_month where month = '2026-11-01'`))[0]!.n;
    expect(made[0]! + made[1]!).toBe(after - before);
    expect((await server.db.rows<{ n: number }>(sql`select count(*)::int as n from dues_ledger_run`))[0]!.n).toBe(1);
  });
});
