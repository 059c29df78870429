import { sql, type SQL } from 'drizzle-orm';
import {
  addDuesMonths,
  DUES_RULES_2008,
  duesMonthName,
  duesMonthOf,
  duesMonthsBetween,
  firstDuesMonth,
  monthlyDues,
  type DuesBasis,
  type DuesCategory,
} from '@jiceng/rules';
import { duesLedgerRepository } from '../src/modules/dues/dues.ledger.repository.ts';
import { toBasisWrite, type DuesBasisWrite } from '../src/modules/dues/dues.repository.ts';
import type { Database } from '../src/platform/db/database.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { personName } from './names.ts';
import type { OrgPlan } from './org-plan.ts';
import type { Random } from './random.ts';

/**
 * 党费 of the demo: a basis for nearly every 预备/正式 member (mostly salaried over all four
 * brackets, retired on their pensions, a few farmers, students, unemployed, one waived and one
 * reduced with their approval; some with a second basis from July, ~2% 未定基数), the ledger of
 * the last 8 months generated month by month as the job makes it (its triggers keep the totals),
 * and payments: most months paid, this month partly, a few 预交, scattered single months unpaid,
 * some runs of 3–5 months up to last month (the 党费欠交 待办) and, in 梅花山社区, runs of 6+ without
 * a reason (the 自行脱党 warning) and one of 6 with 因病住院 recorded (no warning). The demo 党员
 * `dangyuan` has paid every month but this one. Amounts are the rule set's `monthlyDues`; nothing
 * audited; months relative to today.
 */

const RULES = DUES_RULES_2008;
/** Months of the ledger: the current one and the 7 before it. */
const LEDGER_MONTHS = 8;

interface Person {
  id: string;
  org_id: string;
  org_path: string;
  occupation: string;
  birth_date: string;
  joined_date: string;
  transferred_out_date: string | null;
  hardship: boolean;
}

/** How a member's months go: paid bits over the ledger months (bit k: k months after the first), plus next month for 预交. */
interface Payments {
  id: string;
  paid: number;
  channel: 'cash' | 'transfer' | 'proxy';
  proxy: string | null;
  by: string;
  /** Day of the month they usually pay (1–28), and whether they pay early the month after instead. */
  day: number;
  late: boolean;
}

const yuan = (rng: Random, from: number, to: number) => rng.int(from, to) * 100 + rng.pick([0, 0, 0, 0, 50, 20, 80, 35]);

function salariedBase(rng: Random): number {
  if (rng.chance(0.05)) return rng.pick([300_000, 500_000, 1_000_000]);
  const bracket = rng.weighted([
    [0, 15],
    [1, 35],
    [2, 38],
    [3, 12],
  ] as const);
  return bracket === 0 ? yuan(rng, 2500, 2999) : bracket === 1 ? yuan(rng, 3001, 4999) : bracket === 2 ? yuan(rng, 5001, 9999) : yuan(rng, 10_001, 15_000);
}

function pension(rng: Random): number {
  if (rng.chance(0.04)) return 500_000;
  return rng.chance(0.6) ? yuan(rng, 2000, 4999) : yuan(rng, 5001, 9000);
}

const age = (p: Person, today: string) => Number(today.slice(0, 4)) - Number(p.birth_date.slice(0, 4));

/** The member's category and base as their branch would have set it, from the member record. */
function basisOf(p: Person, today: string, rng: Random): Pick<DuesBasis, 'category' | 'baseFen' | 'chosenFen'> {
  const brackets = (category: DuesCategory, baseFen: number) => ({ category, baseFen, chosenFen: null });
  const fixed = (category: DuesCategory) => ({ category, baseFen: null, chosenFen: null });
  if (p.occupation === 'retired') return brackets('retired', pension(rng));
  if (p.occupation === 'farmer') return { category: 'farmer', baseFen: null, chosenFen: rng.pick([20, 30, 50, 50, 80, 100]) };
  if (p.hardship && rng.chance(0.5)) return fixed(rng.pick(['low_income', 'relief'] as const));
  if (age(p, today) < 30 && rng.chance(p.occupation === 'other' ? 0.6 : 0.1)) return fixed('student');
  if (p.occupation === 'other') {
    const r = rng.next();
    if (r < 0.15) return fixed('unemployed');
    if (r < 0.4) return brackets('self_employed', yuan(rng, 2000, 8000));
  }
  if (p.occupation === 'manager' && rng.chance(0.2)) return brackets('annual_salary', yuan(rng, 9000, 25_000));
  return brackets('salaried', salariedBase(rng));
}

function write(p: Person, month: string, b: DuesBasis, recordedBy: string): DuesBasisWrite {
  return toBasisWrite(p.id, month, b, monthlyDues(b, RULES), recordedBy);
}

export async function applyDues(server: Server, tx: Database, plan: OrgPlan, rng: Random): Promise<void> {
  const { regionId } = server;
  const today = server.clock.today();
  const current = duesMonthOf(today);
  const first = addDuesMonths(current, 1 - LEDGER_MONTHS);
  const next = addDuesMonths(current, 1);
  const months = Array.from({ length: LEDGER_MONTHS }, (_, k) => addDuesMonths(first, k));
  const cur = LEDGER_MONTHS - 1;
  const community = plan.orgs.find((o) => o.name === DEMO_ORG.community)!;
  const branch = plan.orgs.find((o) => o.name === DEMO_ORG.branch)!;

  // everyone who pays in some month of the ledger, in the order they were registered (ids are time-ordered)
  const people = await tx.rows<Person>(sql`select m.id, m.org_id, o.path::text as org_path, m.occupation,
      m.birth_date::text as birth_date, m.joined_date::text as joined_date, m.transferred_out_date::text as transferred_out_date,
      'hardship' = any(m.categories) as hardship
    from member m join org o on o.region_id = m.region_id and o.id = m.org_id
    where m.region_id = ${regionId} and m.status in ('probationary', 'full') and m.joined_date < ${`${next}-01`}::date
      and (m.transferred_out_date is null or m.transferred_out_date >= ${`${first}-01`}::date)
    order by m.id`);
  const secretaries = new Map(
    (
      await tx.rows<{ org_id: string; person_name: string }>(sql`select distinct on (org_id) org_id, person_name from org_committee_member
        where region_id = ${regionId} and post = 'secretary' and end_date is null order by org_id, start_date desc, id`)
    ).map((r) => [r.org_id, r.person_name]),
  );
  const recorder = (p: Person) => secretaries.get(p.org_id) ?? '党支部书记';
  const dangyuan = await tx.one<{ member_id: string }>(sql`select member_id from account where region_id = ${regionId} and username = 'dangyuan'`);

  /** Index (0 = first ledger month) of the member's first month in the ledger, and of their last (a transfer out ends it). */
  const span = (p: Person) => {
    const from = Math.max(0, duesMonthsBetween(first, firstDuesMonth(p.joined_date)));
    const out = p.transferred_out_date ? duesMonthsBetween(first, duesMonthOf(p.transferred_out_date)) : cur;
    return { from, to: Math.min(cur, out) };
  };
  const wholeWindow = (p: Person) => p.id !== dangyuan?.member_id && p.transferred_out_date === null && span(p).from === 0;

  // the demo community's cases, named so the tests and the 待办 always find them
  type Story = 'lapse' | 'arrears' | 'reason' | 'waived' | 'reduced';
  const story = new Map<string, { kind: Story; run: number }>();
  const own = rng.shuffle(people.filter((p) => p.org_id === branch.id && wholeWindow(p)));
  const elsewhere = rng.shuffle(people.filter((p) => p.org_path.startsWith(`${community.path}.`) && p.org_id !== branch.id && wholeWindow(p)));
  const pool = [...elsewhere, ...own.slice(3)];
  const cases: [Person | undefined, Story, number][] = [
    [own[0], 'lapse', 7],
    [own[1], 'arrears', 4],
    [own[2], 'waived', 0],
    [pool[0], 'lapse', 6],
    [pool[1], 'lapse', 7],
    [pool[2], 'reason', 6],
    [pool[3], 'reduced', 0],
    [pool[4], 'arrears', 3],
  ];
  for (const [p, kind, run] of cases) if (p) story.set(p.id, { kind, run });

  // bases: from January of the ledger's first year, or the member's first month if later; a raise from July for some
  const startMonth = `${first.slice(0, 4)}-01`;
  const july = `${current.slice(0, 4)}-07`;
  const raiseMonth = duesMonthsBetween(first, july) > 0 && duesMonthsBetween(july, current) > 0 ? july : addDuesMonths(current, -3);
  const bases: DuesBasisWrite[] = [];
  let branchRaised = false;
  const approval = `孝陵街道党工委 ${duesMonthName(startMonth)}批复`;
  for (const p of people) {
    const s = story.get(p.id);
    const isDangyuan = p.id === dangyuan?.member_id;
    if (!s && !isDangyuan && rng.chance(0.02)) {
      continue;
    }
    const fm = firstDuesMonth(p.joined_date);
    const from = duesMonthsBetween(startMonth, fm) > 0 ? fm : startMonth;
    const b: DuesBasis = isDangyuan
      ? { effectiveMonth: from, category: 'salaried', baseFen: 680_000, chosenFen: null }
      : { effectiveMonth: from, ...basisOf(p, today, rng) };
    if (s?.kind === 'waived') b.relief = { kind: 'waive', approval };
    if (s?.kind === 'reduced') {
      const due = monthlyDues(b, RULES).amountFen;
      b.relief = due > 20 ? { kind: 'reduce', amountFen: Math.max(20, Math.floor(due / 300) * 100), approval } : { kind: 'waive', approval };
    }
    bases.push(write(p, from, b, recorder(p)));
    // 工资调整 / 养老金调整 from July
    const raisable = (b.category === 'salaried' || b.category === 'retired') && !b.relief && !isDangyuan && duesMonthsBetween(from, raiseMonth) > 0;
    if (raisable && (rng.chance(0.025) || (p.org_id === branch.id && !s && !branchRaised))) {
      if (p.org_id === branch.id) branchRaised = true;
      const factor = b.category === 'retired' ? 1.02 : 1 + rng.int(6, 25) / 100;
      const baseFen = Math.round((b.baseFen! * factor) / 1000) * 1000;
      bases.push(write(p, raiseMonth, { ...b, effectiveMonth: raiseMonth, baseFen }, recorder(p)));
    }
  }
  for (let i = 0; i < bases.length; i += 2000) {
    const batch = JSON.stringify(bases.slice(i, i + 2000));
    await tx.run(sql`insert into dues_basis (region_id, member_id, effective_month, category, base_fen, chosen_fen, relief_kind, relief_fen, relief_approval,
        computed_fen, amount_fen, bracket_label, bracket_rate_bp, rule_set, explanation, recorded_by)
      select ${regionId}, x."memberId", (x.month || '-01')::date, x.category, x."baseFen", x."chosenFen", x."reliefKind", x."reliefFen", x."reliefApproval",
        x."computedFen", x."amountFen", x."bracketLabel", x."bracketRateBp", x."ruleSet", x.explanation, x."recordedBy"
      from jsonb_to_recordset(${batch}::jsonb) as x("memberId" uuid, month text, category text, "baseFen" bigint, "chosenFen" integer, "reliefKind" text,
        "reliefFen" integer, "reliefApproval" text, "computedFen" integer, "amountFen" integer, "bracketLabel" text, "bracketRateBp" integer,
        "ruleSet" text, explanation text, "recordedBy" text)`);
  }

  // the ledger as the monthly job would have made it, month by month
  for (const month of months) {
    const made = await duesLedgerRepository.generate(tx, regionId, month, RULES);
    await duesLedgerRepository.markRun(tx, regionId, month, made);
  }

  // who paid which months
  const all = (1 << LEDGER_MONTHS) - 1;
  const bit = (k: number) => 1 << k;
  const ahead: string[] = [];
  const payments: Payments[] = [];
  for (const p of people) {
    const { from, to } = span(p);
    if (to < from) continue;
    const s = story.get(p.id);
    const retired = p.occupation === 'retired';
    // a member pays the same way every month: retired members more often in cash or by a family member (代交)
    const channel = rng.weighted<Payments['channel']>(
      retired
        ? [
            ['cash', 45],
            ['transfer', 30],
            ['proxy', 25],
          ]
        : [
            ['transfer', 60],
            ['cash', 34],
            ['proxy', 6],
          ],
    );
    let paid = all & ~(bit(from) - 1) & (bit(to + 1) - 1);
    const isDangyuan = p.id === dangyuan?.member_id;
    const run = (n: number) => {
      for (let k = cur - n; k < cur; k++) paid &= ~bit(k);
    };
    let payNext = false;
    if (isDangyuan) paid &= ~bit(cur);
    else if (s?.kind === 'lapse' || s?.kind === 'arrears' || s?.kind === 'reason') {
      run(s.run);
      paid &= ~bit(cur);
    } else {
      const r = rng.next();
      const past = cur - from;
      if (r < 0.018 && past >= 5 && to === cur) run(rng.int(3, 5));
      else if (r < 0.021 && past >= 6 && to === cur) run(rng.int(6, past));
      else if (r < 0.12 && past >= 1) {
        paid &= ~bit(rng.int(from, cur - 1));
        if (rng.chance(0.4)) paid &= ~bit(rng.int(from, cur - 1));
      } else if (r < 0.14 && to === cur) payNext = true;
      // this month: about 40% have paid so far (everyone who paid ahead, nobody in arrears)
      if (r < 0.021 || (!payNext && !rng.chance(0.4))) paid &= ~bit(cur);
    }
    if (payNext) {
      paid |= bit(LEDGER_MONTHS);
      ahead.push(p.id);
    }
    payments.push({
      id: p.id,
      paid,
      channel,
      proxy: channel === 'proxy' ? personName(rng, rng.chance(0.6)) : null,
      by: recorder(p),
      day: rng.int(1, 28),
      late: rng.chance(0.25),
    });
  }
  // 预交: next month's rows of those who paid ahead, as a payment of a month not generated yet makes them
  if (ahead.length) await duesLedgerRepository.generate(tx, regionId, next, RULES, ahead);

  // the payments in one statement (the statement trigger adds one delta per branch and month);
  // paid on the member's usual day of the month, or early the month after, never after today;
  // months from this one on were paid together on this month's day
  const k = sql`((extract(year from d.month) - ${Number(first.slice(0, 4))}) * 12 + extract(month from d.month) - ${Number(first.slice(5, 7))})::int`;
  const firstDay = sql`${`${first}-01`}::date`;
  const dayIn = (idx: SQL) =>
    sql`case when p.late then (${firstDay} + make_interval(months => ${idx} + 1))::date + (p.day + ${idx} * 3) % 10
      else (${firstDay} + make_interval(months => ${idx}))::date + (p.day - 1 + ${idx} * 5) % 28 end`;
  const paidOn = sql`least(${dayIn(sql`least(${k}, ${cur})`)}, ${today}::date)`;
  await tx.run(sql`update dues_month d set paid_fen = d.due_fen, paid_on = ${paidOn}, channel = p.channel, proxy_name = p.proxy, recorded_by = p.by,
      recorded_at = least((${paidOn}::text || ' 18:00:00+08')::timestamptz, now()), version = d.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(payments)}::jsonb) as p(id uuid, paid integer, channel text, proxy text, by text, day integer, late boolean)
    where d.region_id = ${regionId} and d.member_id = p.id and d.month >= ${firstDay} and d.due_fen > 0 and d.paid_fen is null and (p.paid >> ${k}) & 1 = 1`);

  // 因病住院 recorded for one month of the run of 6: a reason the branch accepted, so no 自行脱党 warning
  for (const [id, s] of story) {
    if (s.kind !== 'reason') continue;
    const month = addDuesMonths(current, -4);
    const [row] = await duesLedgerRepository.memberMonths(tx, regionId, id, { months: [month] });
    if (row) await duesLedgerRepository.setReason(tx, regionId, id, month, '因病住院', row.version);
  }

  await duesLedgerRepository.refreshArrears(tx, regionId, current, null);
}
