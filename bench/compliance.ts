import type { ComplianceSummary } from '@jiceng/contracts';
import { COMPLIANCE_ACTIVE_STATES, COMPLIANCE_COMMITTEE_MIN_SEATS, COMPLIANCE_COUNTED_STATES, COMPLIANCE_RULES_2018, periodOf } from '@jiceng/rules';
import { complianceRepository, type EvaluationInput } from '../apps/server/src/modules/compliance/compliance.repository.ts';
import { requirementRows } from '../apps/server/src/modules/compliance/compliance.requirements.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { getJson } from './engines.ts';
import { pairedTimes, percentile, median } from './measure.ts';
import { ms, times, type Report } from './report.ts';

/**
 * The compliance calendar's figures of `npm run bench` (issue 9): 12 months of meetings for every
 * 党支部 of the city — a 主题党日 and a 党小组会-sized meeting every month, a 党员大会 and a 党课 every
 * quarter, 组织生活会 and 民主评议 once — most with their record submitted or reviewed, some only
 * planned, some branches silent for the last months. Written in bulk with the row trigger off, then
 * counted by period as migration 0031 does. Then the district's and the widest street's views
 * through the API, each against the repository's SQL for the same view on the same database (over
 * the read model, migration 0038), run alternately; and that SQL judging live from the meeting
 * counts, as every view did before the read model, and the first read that builds the year.
 */
export async function addMeetings(db: Database, regionId: string, today: string): Promise<{ meetings: number; counts: number }> {
  const end = today.slice(0, 8) + '01';
  await db.script(`set session_replication_role = replica`);
  try {
    // Deterministic spread: branch number b, month k (0 = 11 months ago). Every 13th branch went
    // silent three months ago; every 7th leaves its records unsubmitted.
    await db.raw(
      `with b as (select id, row_number() over (order by path) as n from org where region_id = $1 and type in ('branch', 'joint_branch') and status = 'active'),
        m as (select k, (date_trunc('month', $2::date) - make_interval(months => 11 - k))::date as first from generate_series(0, 11) as k),
        plan as (
          select b.id, b.n, m.k, m.first, t.type, t.day from b cross join m
          cross join lateral (values ('theme_day', 10), ('committee_meeting', 5), ('group_meeting', 15),
            ('branch_assembly', case when m.k % 3 = 2 then 20 else null end), ('party_lecture', case when m.k % 3 = 1 then 25 else null end),
            ('org_life', case when m.k = 10 then 12 else null end), ('appraisal', case when m.k = 10 then 13 else null end)) as t(type, day)
          where t.day is not null and not (b.n % 13 = 0 and m.k >= 9)
        )
      insert into meeting (region_id, id, org_id, type, title, topics, meeting_date, start_time, end_time, starts_at, state, lecture_by_secretary)
      select $1, gen_random_uuid(), p.id, p.type, '压测会议', '议题', p.first + (p.day - 1), '09:00', '10:00', (p.first + (p.day - 1))::timestamptz,
        case when p.n % 7 = 0 then 'held' when (p.n + p.k) % 5 = 0 then 'submitted' else 'reviewed' end, p.type = 'party_lecture' and p.k = 1
      from plan p where p.first + (p.day - 1) < $3::date`,
      [regionId, today, end],
    );
  } finally {
    await db.script(`set session_replication_role = origin`);
  }
  await db.raw(
    `insert into meeting_period_count (region_id, org_id, period_kind, period_start, type, state, by_secretary, n)
     select m.region_id, m.org_id, k.kind, date_trunc(k.kind, m.meeting_date)::date, m.type, m.state, m.type = 'party_lecture' and m.lecture_by_secretary, count(*)
     from meeting m cross join (values ('month'), ('quarter'), ('year')) as k(kind) where m.region_id = $1
     group by 1, 2, 3, 4, 5, 6, 7`,
    [regionId],
  );
  await db.script('analyze meeting; analyze meeting_period_count');
  const [r] = (await db.raw(`select (select count(*) from meeting)::int as meetings, (select count(*) from meeting_period_count)::int as counts`)).rows as {
    meetings: number;
    counts: number;
  }[];
  return r!;
}

export async function benchCompliance(
  ctx: { base: string; db: Database; regionId: string; today: string; report: Report; engine: string; runs: number; budgetMs: number },
  views: { label: string; cookie: string; scopePath: string }[],
): Promise<void> {
  for (const v of views) {
    for (const period of ['month', 'year'] as const) {
      const url = `${ctx.base}/api/compliance/summary?period=${period}`;
      const e: EvaluationInput = {
        regionId: ctx.regionId,
        scopePath: v.scopePath,
        today: ctx.today,
        requirements: requirementRows([COMPLIANCE_RULES_2018], [], periodOf(period, ctx.today)),
        counted: COMPLIANCE_COUNTED_STATES,
        active: COMPLIANCE_ACTIVE_STATES,
        committeeMinSeats: COMPLIANCE_COMMITTEE_MIN_SEATS,
      };
      // the first read of a year builds it in the read model (timed), later ones read it
      const t0 = performance.now();
      const first = await getJson<ComplianceSummary>(url, v.cookie);
      const firstMs = performance.now() - t0;
      const queries = (x: EvaluationInput) => () =>
        Promise.all([
          complianceRepository.countsByChild(ctx.db, x),
          complianceRepository.missingByChild(ctx.db, x),
          complianceRepository.silentByChild(ctx.db, { ...x, silentTypes: ['branch', 'joint_branch'] }),
        ]);
      const direct = queries({ ...e, stored: true });
      const [apiMs, sqlMs] = await pairedTimes(() => getJson(url, v.cookie), direct, { runs: ctx.runs, warmup: 1, budgetMs: ctx.budgetMs, minRuns: 5 });
      // the same queries judging live from the meeting counts (what every view did before the read model)
      const liveMs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t1 = performance.now();
        await queries(e)();
        liveMs.push(performance.now() - t1);
      }
      const fmt = (xs: number[]) => `p95 ${ms(percentile(xs, 95))} (p50 ${ms(median(xs))})`;
      ctx.report.add(
        ctx.engine,
        `GET /api/compliance/summary?period=${period} as ${v.label} (${first.totals.organizations} orgs, ${first.totals.items} items), n=${apiMs.length}`,
        fmt(apiMs),
        `${fmt(sqlMs)} SQL`,
        times(percentile(apiMs, 95), percentile(sqlMs, 95)),
      );
      ctx.report.add(ctx.engine, `  the same view's SQL judging live from the meeting counts, median of 3`, ms(median(liveMs)));
      ctx.report.add(ctx.engine, `  the first read of this view (the first view of a year builds the year in the read model)`, ms(firstMs));
    }
    const heat = `${ctx.base}/api/compliance/heatmap`;
    const runs: number[] = [];
    await getJson(heat, v.cookie);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await getJson(heat, v.cookie);
      runs.push(performance.now() - t);
    }
    ctx.report.add(ctx.engine, `GET /api/compliance/heatmap (the year) as ${v.label}, median of 5`, ms(median(runs)));
  }
}
