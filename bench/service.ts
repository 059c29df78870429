import Fastify from 'fastify';
import { CSRF_HEADER, type ServiceFigures } from '@jiceng/contracts';
import { hashPassword } from '../apps/server/src/modules/account/index.ts';
import { orgRepository } from '../apps/server/src/modules/org/org.repository.ts';
import { serviceFiguresRepository } from '../apps/server/src/modules/service/service.figures.repository.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { searchVectorLiteral } from '../apps/server/src/platform/search/chinese-search.ts';
import { seedRepository } from '../apps/server/seeds/seed.repository.ts';
import { BENCH_ADMIN, type City } from './city.ts';
import { getJson, login, type Session } from './engines.ts';
import { load, median, pairedTimes, percentile, type LoadResult } from './measure.ts';
import { ms, times, type Report } from './report.ts';

/**
 * The 群众诉求 figures of `npm run bench` (issue 10). The city has no grids, so every 社区/村 党组织
 * at depth 2 gets three (type grid, written in bulk); a 社区 desk account on one of them, and a 组织部
 * account on the root and a street account on the widest street for the figures.
 *
 * 1. Intake: POST /api/service/requests as the desk (session cookie + CSRF header, a valid category
 *    and grid, the same body every time) under load, against a
 *    bare Fastify route doing one `insert` of the same row into a plain copy of service_request
 *    (`like service_request`, primary key only) on the same database, bare before and after.
 * 2. Figures: `requests` service_request rows over the last 365 days, the places and the categories,
 *    in every stage (mostly closed and rated, some rejected or withdrawn, the recent ones open, some
 *    of them overdue, a fifth escalated above the community), written by one insert … select over
 *    generate_series with the row triggers (the foreign keys, the figures' counts) off, then counted
 *    into service_figures_count as migration 0041 does and analyzed. Then GET /api/service/figures
 *    (this year, by child organization) as the district and as the street, alternating with the
 *    repository's SQL for the same view sent straight to the database (over the counts), and the
 *    one aggregate over the requests that every view ran before the counts.
 */

export const SERVICE_ACCOUNTS = {
  desk: { username: 'svc_desk', password: BENCH_ADMIN.password },
  district: { username: 'svc_district', password: BENCH_ADMIN.password },
  street: { username: 'svc_street', password: BENCH_ADMIN.password },
} as const;

/** Descriptions of the generated requests (the search vector is computed once for each). */
const DESCRIPTIONS = [
  '小区三栋门口路灯坏了，晚上很黑',
  '楼道堆放杂物，存在消防隐患',
  '楼上漏水，多次协商未果',
  '小区垃圾清运不及时，气味很大',
  '独居老人需要助餐服务',
  '停车位被长期占用',
  '自来水水压太低，高层用水困难',
  '咨询医保缴费政策',
];

export interface ServicePlaces {
  communities: number;
  grids: number;
  /** The desk's community and the grid its load submits to. */
  desk: { communityId: string; gridId: string };
  street: { id: string; path: string };
}

/** Three grids under every community and village (depth 2), and the part's three accounts. */
export async function addServicePlaces(db: Database, regionId: string, city: City): Promise<ServicePlaces> {
  await db.raw(
    `with c as (select id, path, name from org where region_id = $1 and depth = 2 and domain in ('community','rural') and status = 'active'),
      g as (select c.id as parent_id, c.path, c.name, k, gen_random_uuid() as id from c cross join generate_series(1, 3) as k)
     insert into org (region_id, id, parent_id, path, depth, name, type, domain, search)
     select $1, g.id, g.parent_id, g.path || replace(g.id::text, '-', ''), 3, regexp_replace(g.name, '委员会$', '') || '第' || g.k || '网格党支部',
       'grid', 'community', ''::tsvector
     from g`,
    [regionId],
  );
  await orgRepository.rebuildStoredColumns(db, regionId);
  const [desk] = (
    await db.raw(
      `select c.id::text as community_id, (select g.id::text from org g where g.region_id = c.region_id and g.parent_id = c.id and g.type = 'grid' order by g.path limit 1) as grid_id
       from org c where c.region_id = $1 and c.depth = 2 and c.domain = 'community' and c.status = 'active' order by c.path limit 1`,
      [regionId],
    )
  ).rows as { community_id: string; grid_id: string }[];
  const [street] = (
    await db.raw(
      `select s.id::text as id, s.path::text as path from org s where s.region_id = $1 and s.parent_id = $2
       order by (select count(*) from org o where o.region_id = s.region_id and o.path <@ s.path) desc limit 1`,
      [regionId, city.rootId],
    )
  ).rows as { id: string; path: string }[];
  const [n] = (
    await db.raw(
      `select count(*) filter (where depth = 2 and domain in ('community','rural'))::int as communities, count(*) filter (where type = 'grid')::int as grids
       from org where region_id = $1`,
      [regionId],
    )
  ).rows as { communities: number; grids: number }[];
  const passwordHash = await hashPassword(BENCH_ADMIN.password);
  const a = SERVICE_ACCOUNTS;
  await seedRepository.insertAccounts(db, regionId, [
    { id: newId(), username: a.desk.username, displayName: '压测社区窗口', role: 'community', orgId: desk!.community_id, passwordHash },
    { id: newId(), username: a.district.username, displayName: '压测组织部（诉求）', role: 'department', orgId: city.rootId, passwordHash },
    { id: newId(), username: a.street.username, displayName: '压测街道（诉求）', role: 'street', orgId: street!.id, passwordHash },
  ]);
  return { communities: n!.communities, grids: n!.grids, desk: { communityId: desk!.community_id, gridId: desk!.grid_id }, street: street! };
}

/**
 * `total` requests over the 365 days before `now`, in bulk (foreign-key triggers off). A request's
 * place, category, kind and fate come from a multiplicative hash of its number, so a run is
 * reproducible: a quarter at the community, the rest in one of its grids; by age, the last two days
 * all open, the last two weeks partly open or awaiting the rating, older ones mostly closed (70 %
 * 满意, 20 % 基本满意, 10 % 不满意 of the rated; some auto-closed unrated), some rejected or withdrawn,
 * a few still in progress long after their due time; one in five escalated; a few bounced back or
 * reopened. Codes SQ00000001… with the sequence moved past them.
 */
export async function addServiceRequests(
  db: Database,
  regionId: string,
  total: number,
  now: Date,
): Promise<{ byState: Record<string, number>; counts: number }> {
  const searches = DESCRIPTIONS.map((d) => searchVectorLiteral([d]));
  await db.script(`set session_replication_role = replica`);
  try {
    await db.raw(
      `with p as (
          select row_number() over (order by x.org_path) - 1 as i, x.* from (
            select c.id as community_id, null::uuid as grid_id, c.id as org_id, c.path as org_path from org c
              where c.region_id = $1 and c.depth = 2 and c.domain in ('community','rural') and c.status = 'active'
            union all
            select g.parent_id, g.id, g.id, g.path from org g where g.region_id = $1 and g.type = 'grid' and g.status = 'active'
          ) x),
        pn as (select count(*) as n from p),
        c as (select row_number() over (order by code) - 1 as i, code, complexity from service_category where region_id = $1 and active),
        cn as (select count(*) as n from c),
        s as (
          select g, h, h % 1000 as u, (h / 1000) % 1000 as v, t.at, extract(epoch from $3::timestamptz - t.at) / 86400 as age
          from generate_series(1, $2::int) as g
          cross join lateral (select (g::bigint * 2654435761) % 4294967296 as h) as hh
          cross join lateral (select $3::timestamptz - make_interval(secs => ((g::bigint * 7919) % (365 * 86400))::double precision) as at) as t),
        r as (
          select s.*, case
            when s.age < 2 then case when s.u < 300 then 'submitted' when s.u < 500 then 'accepted' when s.u < 700 then 'dispatched'
              when s.u < 900 then 'in_progress' when s.u < 950 then 'awaiting_info' else 'resolved' end
            when s.age < 14 then case when s.u < 100 then 'in_progress' when s.u < 150 then 'dispatched' when s.u < 200 then 'awaiting_info'
              when s.u < 350 then 'resolved' when s.u < 380 then 'rejected' when s.u < 400 then 'withdrawn' else 'closed' end
            else case when s.u < 30 then 'rejected' when s.u < 50 then 'withdrawn' when s.u < 60 then 'in_progress' else 'closed' end
          end as state from s)
      insert into service_request (region_id, id, code, kind, category_code, complexity, description, search, community_id, grid_id, org_id, org_path,
        source, state, level, assignee_type, assignee_org_id, assignee_org_path, assignee_name, stage, due_at, submitted_at, accepted_at, taken_at,
        resolved_at, closed_at, result, rating, auto_closed, accepted_on_time, responded_on_time, resolved_on_time, reopen_count, return_count, updated_at)
      select $1, gen_random_uuid(), 'SQ' || lpad(r.g::text, 8, '0'), (array['consult','help','complaint','suggestion','report'])[1 + r.g % 5],
        c.code, c.complexity, ($4::text[])[1 + r.g % $6::int], ($5::text[])[1 + r.g % $6::int]::tsvector, p.community_id, p.grid_id, p.org_id, p.org_path,
        (array['h5','desk','grid','hotline'])[1 + r.g % 4], r.state,
        case when r.v < 100 then 'street' when r.v < 160 then 'area' when r.v < 200 then 'joint' else 'community' end,
        case when r.state in ('dispatched','in_progress','awaiting_info','resolved','closed') then 'grid' end,
        case when r.state in ('dispatched','in_progress','awaiting_info','resolved','closed') then p.org_id end,
        case when r.state in ('dispatched','in_progress','awaiting_info','resolved','closed') then p.org_path end,
        case when r.state in ('dispatched','in_progress','awaiting_info','resolved','closed') then '压测网格' end,
        case r.state when 'submitted' then 'accept' when 'accepted' then 'respond' when 'dispatched' then 'respond' when 'in_progress' then 'resolve'
          when 'awaiting_info' then 'resolve' when 'resolved' then 'rate' end,
        case when r.state in ('submitted','accepted','dispatched','in_progress','awaiting_info') then r.at + make_interval(hours => (2 + (r.v % 10) * 24)::int) end,
        r.at,
        case when r.state not in ('submitted','rejected','withdrawn') then r.at + interval '30 minutes' end,
        case when r.state in ('in_progress','awaiting_info','resolved','closed') then r.at + interval '3 hours' end,
        case when r.state in ('resolved','closed') then r.at + make_interval(days => (1 + r.v % 5)::int) end,
        case when r.state in ('closed','rejected','withdrawn') then r.at + make_interval(days => (2 + r.v % 5)::int) end,
        case when r.state in ('resolved','closed') then '已处理' end,
        case when r.state = 'closed' and r.v % 11 <> 0 then case when r.v % 10 < 7 then 'satisfied' when r.v % 10 < 9 then 'basically_satisfied' else 'unsatisfied' end end,
        r.state = 'closed' and r.v % 11 = 0,
        case when r.state not in ('submitted','rejected','withdrawn') then r.v % 20 <> 0 end,
        case when r.state in ('in_progress','awaiting_info','resolved','closed') then r.v % 15 <> 0 end,
        case when r.state in ('resolved','closed') then r.v % 12 <> 0 end,
        case when r.state in ('resolved','closed') and r.v % 37 = 0 then 1 else 0 end,
        case when r.state not in ('submitted','rejected','withdrawn') and r.v % 23 = 0 then 1 else 0 end,
        r.at
      from r cross join pn cross join cn
      join p on p.i = (r.h / 1000000) % pn.n
      join c on c.i = r.g % cn.n`,
      [regionId, total, now.toISOString(), DESCRIPTIONS, searches, DESCRIPTIONS.length],
    );
  } finally {
    await db.script(`set session_replication_role = origin`);
  }
  await db.raw(`select setval('service_request_no_seq', greatest($1::bigint, 1))`, [total]);
  // the row trigger was off: count them as migration 0041 does
  await serviceFiguresRepository.rebuild(db, regionId);
  // vacuum as autovacuum would have by now: the overdue count reads the open requests' index only
  await db.script('vacuum analyze service_request');
  await db.script('analyze service_figures_count');
  const { rows } = await db.raw(`select state, count(*)::int as n from service_request where region_id = $1 group by 1 order by 1`, [regionId]);
  const [c] = (await db.raw(`select count(*)::int as n from service_figures_count where region_id = $1`, [regionId])).rows as { n: number }[];
  return { byState: Object.fromEntries((rows as { state: string; n: number }[]).map((r) => [r.state, r.n])), counts: c!.n };
}

interface Ctx {
  base: string;
  db: Database;
  regionId: string;
  report: Report;
  engine: string;
}

/** Intake under load as the desk vs a bare route inserting the same row into a plain table (bare before and after, averaged). */
export async function benchServiceIntake(ctx: Ctx & { places: ServicePlaces; connections: number; seconds: number }): Promise<void> {
  const { db } = ctx;
  const desk: Session = await login(ctx.base, SERVICE_ACCOUNTS.desk);
  const body = (marker: string) =>
    JSON.stringify({
      kind: 'help',
      categoryCode: 'repair',
      description: `小区三栋门口路灯坏了，晚上很黑 ${marker}`,
      orgId: ctx.places.desk.gridId,
      place: '三栋门口',
      contactName: '王大妈',
      contactPhone: '13812345678',
    });
  const headers = { cookie: desk.cookie, [CSRF_HEADER]: desk.csrfToken, 'content-type': 'application/json' };
  const url = `${ctx.base}/api/service/requests`;
  const probe = await fetch(url, { method: 'POST', headers, body: body('probe') });
  if (probe.status !== 201) throw new Error(`intake: ${probe.status} ${await probe.text()}`);
  const probeId = ((await probe.json()) as { id: string }).id;
  const [place] = (
    await db.raw(`select community_id::text as community_id, org_path::text as org_path from service_request where region_id = $1 and id = $2`, [
      ctx.regionId,
      probeId,
    ])
  ).rows as { community_id: string; org_path: string }[];

  await db.script(`drop table if exists service_request_plain; create table service_request_plain (like service_request including defaults);
    alter table service_request_plain add primary key (region_id, id)`);
  const bare = Fastify({ logger: false });
  const search = searchVectorLiteral(['小区三栋门口路灯坏了，晚上很黑']);
  bare.post('/insert', async (req, reply) => {
    const b = req.body as { kind: string; categoryCode: string; description: string; orgId: string; place: string };
    await db.raw(
      `insert into service_request_plain (region_id, id, code, kind, category_code, complexity, description, search, community_id, grid_id, org_id, org_path,
         place, anonymous, contact_name_enc, contact_phone_enc, source, submitted_at, stage, clock_rule, due_at, sweep_after)
       values ($1, $2, 'SQ' || lpad(nextval('service_request_no_seq')::text, 8, '0'), $3, $4, 'general', $5, $6::tsvector, $7, $8, $8, $9::ltree,
         $10, false, 'enc', 'enc', 'desk', now(), 'accept', 'accept-2h', now() + interval '2 hours', now() + interval '1 hour')`,
      [ctx.regionId, newId(), b.kind, b.categoryCode, b.description, search, place!.community_id, b.orgId, place!.org_path, b.place],
    );
    return reply.status(201).send({ ok: true });
  });
  const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    // One body for every request: intake rejects no duplicate (the hint is a GET the form asks
    // while typing) and account routes have no rate limit; autocannon cannot vary bodies (measure.ts).
    const opts = { connections: ctx.connections, seconds: ctx.seconds, method: 'POST', body: body('（压测）') };
    const bareOpts = { ...opts, headers: { 'content-type': 'application/json' } };
    await load(`${bareBase}/insert`, { ...bareOpts, seconds: 1 });
    await load(url, { ...opts, seconds: 1, headers });
    const before = await count(db, ctx.regionId);
    const b1 = await load(`${bareBase}/insert`, bareOpts);
    const a = await load(url, { ...opts, headers });
    const b2 = await load(`${bareBase}/insert`, bareOpts);
    const written = (await count(db, ctx.regionId)) - before;
    // what the POST answers with is the new request's detail: the same read, alone under load
    const detailUrl = `${ctx.base}/api/service/requests/${probeId}`;
    await load(detailUrl, { connections: ctx.connections, seconds: 1, headers: { cookie: desk.cookie } });
    const d = await load(detailUrl, { connections: ctx.connections, seconds: ctx.seconds, headers: { cookie: desk.cookie } });
    const b: LoadResult = { rps: (b1.rps + b2.rps) / 2, p99: (b1.p99 + b2.p99) / 2, failures: b1.failures + b2.failures };
    if (a.failures || b.failures || d.failures) throw new Error(`failed requests under load: api ${a.failures}, bare ${b.failures}, detail ${d.failures}`);
    const what = `POST /api/service/requests as a community desk (${written} written), ${ctx.connections} conn × ${ctx.seconds} s`;
    ctx.report.add(ctx.engine, `${what}: req/s`, a.rps.toFixed(0), `${b.rps.toFixed(0)} bare insert`, times(a.rps, b.rps));
    ctx.report.add(ctx.engine, `${what}: p99`, ms(a.p99), `${ms(b.p99)} bare insert`, times(a.p99, b.p99));
    ctx.report.add(
      ctx.engine,
      `  GET /api/service/requests/:id alone (the detail the POST answers with), ${ctx.connections} conn × ${ctx.seconds} s: req/s`,
      d.rps.toFixed(0),
      `${b.rps.toFixed(0)} bare insert`,
      times(d.rps, b.rps),
    );
    ctx.report.raw[`${ctx.engine}.service.intake`] = { api: a, bare: b, bare1: b1, bare2: b2, detail: d, written };
  } finally {
    await bare.close();
    await db.script('drop table if exists service_request_plain');
  }
}

const count = async (db: Database, regionId: string) =>
  ((await db.raw(`select count(*)::int as n from service_request where region_id = $1`, [regionId])).rows[0] as { n: number }).n;

const dayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();

/** The figures of this year by child organization as each view's account, vs the repository's two queries for that view. */
export async function benchServiceFigures(
  ctx: Ctx & { today: string; runs: number; budgetMs: number },
  views: { label: string; session: Session; basePath: string }[],
): Promise<void> {
  for (const v of views) {
    const url = `${ctx.base}/api/service/figures?groupBy=org`;
    const t0 = performance.now();
    const first = await getJson<ServiceFigures>(url, v.session.cookie);
    const firstMs = performance.now() - t0;
    const span = {
      basePath: v.basePath,
      from: dayStart(`${ctx.today.slice(0, 4)}-01-01`),
      to: new Date(Date.parse(dayStart(ctx.today)) + 86_400_000).toISOString(),
    };
    const queries = (read: typeof serviceFiguresRepository.counts) => async () => {
      const now = new Date().toISOString();
      await read(ctx.db, ctx.regionId, { ...span, now, group: null });
      await read(ctx.db, ctx.regionId, { ...span, now, group: 'org' });
    };
    const direct = queries(serviceFiguresRepository.counts);
    const [apiMs, sqlMs] = await pairedTimes(() => getJson(url, v.session.cookie), direct, {
      runs: ctx.runs,
      warmup: 1,
      budgetMs: ctx.budgetMs,
      minRuns: 5,
    });
    const fmt = (xs: number[]) => `p95 ${ms(percentile(xs, 95))} (p50 ${ms(median(xs))})`;
    ctx.report.add(
      ctx.engine,
      `GET /api/service/figures?groupBy=org as ${v.label} (${first.total.total} requests this year, ${first.rows.length} rows), n=${apiMs.length}`,
      fmt(apiMs),
      `${fmt(sqlMs)} SQL`,
      times(percentile(apiMs, 95), percentile(sqlMs, 95)),
    );
    // the one aggregate over the requests that every view ran before the counts (migration 0041)
    const liveMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t1 = performance.now();
      await queries(serviceFiguresRepository.liveCounts)();
      liveMs.push(performance.now() - t1);
    }
    ctx.report.add(ctx.engine, `  the same view's SQL as one aggregate over the requests (before the counts), median of 3`, ms(median(liveMs)));
    ctx.report.add(ctx.engine, `  the first read of this view`, ms(firstMs));
    ctx.report.raw[`${ctx.engine}.service.figures.${v.label}`] = { total: first.total, rows: first.rows.length, apiMs, sqlMs, liveMs, firstMs };
  }
}
