import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUES_MONTH_STATES, type DuesArrearsRow, type DuesLedger, type DuesMemberLedger, type TodoPage } from '@jiceng/contracts';
import { addDuesMonths, DUES_RULES_2008, duesMonthOf, monthlyDues, type DuesCategory } from '@jiceng/rules';
import { duesLedgerRepository } from './modules/dues/dues.ledger.repository.ts';
import { stateOf } from './modules/dues/dues.ledger.presenter.ts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_ORG, DEMO_PASSWORD } from '../seeds/demo-accounts.ts';

/** The demo's 党费: bases from the rule set, the ledger in every state, the arrears 待办, the 党员's own page, the kept totals. */
describe.each(ENGINES)('demo dues (%s)', (engine) => {
  let server: TestServer;
  let current: string;

  beforeAll(async () => {
    server = await startDemoServer(engine);
    current = duesMonthOf(server.clock.today());
  }, 240_000);
  afterAll(() => server.close());

  const todos = async (username: string) =>
    (await (await login(server, username, DEMO_PASSWORD)).get<TodoPage>('/api/todos?pageSize=200')).body.items.filter((x) => x.source.startsWith('dues.'));

  it('gives nearly every member a basis whose amount is the rule set’s, in every category the demo means to show', async () => {
    const r = await server.db.one<{ members: number; with_basis: number }>(sql`select count(*)::int as members,
        count(*) filter (where exists (select 1 from dues_basis b where b.member_id = m.id))::int as with_basis
      from member m where m.status in ('probationary', 'full') and m.transferred_out_date is null`);
    expect(r!.with_basis / r!.members).toBeGreaterThan(0.95);
    expect(r!.with_basis).toBeLessThan(r!.members);
    const bases = await server.db.rows<{
      month: string;
      category: DuesCategory;
      base_fen: number | null;
      chosen_fen: number | null;
      relief_kind: 'waive' | 'reduce' | null;
      relief_fen: number | null;
      relief_approval: string | null;
      amount_fen: number;
      explanation: string;
    }>(sql`select to_char(effective_month, 'YYYY-MM') as month, category, base_fen::float8 as base_fen, chosen_fen, relief_kind, relief_fen, relief_approval,
        amount_fen, explanation from dues_basis`);
    for (const b of bases) {
      const relief =
        b.relief_kind === 'waive'
          ? { kind: 'waive' as const, approval: b.relief_approval! }
          : b.relief_kind === 'reduce'
            ? { kind: 'reduce' as const, amountFen: b.relief_fen!, approval: b.relief_approval! }
            : null;
      const a = monthlyDues({ effectiveMonth: b.month, category: b.category, baseFen: b.base_fen, chosenFen: b.chosen_fen, relief }, DUES_RULES_2008);
      expect({ amount: b.amount_fen, explanation: b.explanation }).toEqual({ amount: a.amountFen, explanation: a.explanation });
    }
    const categories = new Set(bases.map((b) => b.category));
    for (const c of ['salaried', 'retired', 'farmer', 'student', 'unemployed'] as const) expect(categories, c).toContain(c);
    const brackets = new Set(
      bases
        .filter((b) => b.category === 'salaried')
        .map((b) => monthlyDues({ effectiveMonth: b.month, category: 'salaried', baseFen: b.base_fen }).bracket!.rateBp),
    );
    expect(brackets).toEqual(new Set([50, 100, 150, 200]));
    expect(bases.some((b) => b.category === 'salaried' && b.base_fen === 500_000)).toBe(true);
    expect(new Set(bases.filter((b) => b.relief_kind).map((b) => b.relief_kind))).toEqual(new Set(['waive', 'reduce']));
    // a second basis later in the year (工资调整): members with two
    const twice = await server.db.one<{ n: number }>(
      sql`select count(*)::int as n from (select member_id from dues_basis group by member_id having count(*) > 1) x`,
    );
    expect(twice!.n).toBeGreaterThan(5);
  });

  it('holds the last 8 months, each made by the job, in every state; payments as the table allows', async () => {
    const months = await server.db.rows<{ month: string }>(sql`select to_char(month, 'YYYY-MM') as month from dues_ledger_run order by month`);
    expect(months.map((m) => m.month)).toEqual(Array.from({ length: 8 }, (_, k) => addDuesMonths(current, k - 7)));
    const rows = await server.db.rows<{ month: string; due_fen: number | null; paid_fen: number | null; n: number }>(
      sql`select to_char(month, 'YYYY-MM') as month, due_fen, paid_fen, count(*)::int as n from dues_month group by 1, 2, 3`,
    );
    expect(new Set(rows.map((r) => stateOf(r, current)))).toEqual(new Set(DUES_MONTH_STATES));
    // 预交: a few rows of next month, paid
    const ahead = rows.filter((r) => r.month === addDuesMonths(current, 1));
    expect(ahead.some((r) => r.paid_fen !== null)).toBe(true);
    // paid on a day of the month or after, never after today (预交 months: before theirs)
    const bad = await server.db.one<{ n: number }>(sql`select count(*)::int as n from dues_month
      where paid_fen is not null and (paid_fen <> due_fen or paid_on > ${server.clock.today()}::date or recorded_by is null
        or (paid_on < month and month <= ${`${current}-01`}::date))`);
    expect(bad!.n).toBe(0);
    // this month partly paid, past months mostly
    const rate = (m: string) => {
      const owing = rows.filter((r) => r.month === m && r.due_fen !== null && r.due_fen > 0);
      const n = owing.reduce((s, r) => s + r.n, 0);
      return owing.filter((r) => r.paid_fen !== null).reduce((s, r) => s + r.n, 0) / n;
    };
    expect(rate(current)).toBeGreaterThan(0.25);
    expect(rate(current)).toBeLessThan(0.6);
    expect(rate(addDuesMonths(current, -2))).toBeGreaterThan(0.85);
  });

  it('shows the secretary this month’s ledger of the branch with paid and unpaid rows, and the 欠交 and 自行脱党 待办', async () => {
    const shuji = await login(server, 'shuji', DEMO_PASSWORD);
    const l = await shuji.get<DuesLedger>('/api/dues/ledger');
    expect(l.status, JSON.stringify(l.body)).toBe(200);
    expect(l.body).toMatchObject({ orgName: DEMO_ORG.branch, month: current, generated: true });
    const states = new Set(l.body.rows.map((r) => r.state));
    expect(states).toContain('paid');
    expect(states).toContain('pending');
    expect(states).toContain('waived');
    const sources = new Set((await todos('shuji')).map((x) => x.source));
    expect(sources).toEqual(new Set(['dues.arrears', 'dues.lapse']));
  });

  it('warns the community of 3+ members 6 months without a reason, but not of the one with 因病住院 recorded', async () => {
    expect((await todos('shequ')).filter((x) => x.source === 'dues.lapse').length).toBeGreaterThanOrEqual(3);
    const shequ = await login(server, 'shequ', DEMO_PASSWORD);
    const arrears = (await shequ.get<DuesArrearsRow[]>('/api/dues/arrears?minMonths=3')).body;
    expect(arrears.filter((a) => a.lapseWarning).length).toBeGreaterThanOrEqual(3);
    const excused = arrears.find((a) => a.consecutive >= 6 && !a.lapseWarning);
    expect(excused).toBeDefined();
    const ledger = (await shequ.get<DuesMemberLedger>(`/api/members/${excused!.memberId}/dues`)).body;
    expect(ledger.rows.some((r) => r.reason === '因病住院')).toBe(true);
  });

  it('shows the 党员 her months: paid up to last month, this month to pay', async () => {
    const dangyuan = await login(server, 'dangyuan', DEMO_PASSWORD);
    const me = await dangyuan.get<DuesMemberLedger>('/api/dues/me');
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.rows.length).toBeGreaterThan(1);
    expect(me.body.monthlyFen).toBeGreaterThan(0);
    expect(me.body.arrears).toMatchObject({ unpaidMonths: [], oweFen: 0, consecutive: 0 });
    expect(me.body.paidTo).toBe(addDuesMonths(current, -1));
    expect(me.body.rows.find((r) => r.month === current)?.state).toBe('pending');
    expect(me.body.rows.filter((r) => r.month !== current).every((r) => r.state === 'paid')).toBe(true);
  });

  it('keeps the totals equal to the live aggregate over the district', async () => {
    const root = await server.db.one<{ path: string }>(sql`select path::text as path from org where name = ${DEMO_ORG.root}`);
    const year = current.slice(0, 4);
    const first = addDuesMonths(current, -7);
    const from = first < `${year}-01` ? first : `${year}-01`;
    const to = addDuesMonths(current, 1) > `${year}-12` ? addDuesMonths(current, 1) : `${year}-12`;
    const order = (rows: { month: string; child: string | null }[]) =>
      [...rows].sort((a, b) => `${a.month}${a.child ?? ''}`.localeCompare(`${b.month}${b.child ?? ''}`));
    const kept = await duesLedgerRepository.subtreeTotals(server.db, server.regionId, root!.path, from, to);
    const live = await duesLedgerRepository.liveSubtreeTotals(server.db, server.regionId, root!.path, from, to);
    expect(live.length).toBeGreaterThan(8);
    expect(order(kept)).toEqual(order(live));
  });
});
