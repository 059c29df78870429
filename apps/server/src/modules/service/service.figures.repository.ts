import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

export type FigureGroup = 'org' | 'grid' | 'category' | 'month';

export interface FigureCounts {
  key: string | null;
  label: string | null;
  total: number;
  accepted: number;
  responded: number;
  responded_on_time: number;
  resolved: number;
  rated: number;
  satisfied: number;
  on_time: number;
  returned: number;
  reopened: number;
  overdue_open: number;
}

const COUNTS = sql.raw(`count(*)::int as total,
  count(*) filter (where r.accepted_at is not null)::int as accepted,
  count(*) filter (where r.taken_at is not null)::int as responded,
  count(*) filter (where r.responded_on_time)::int as responded_on_time,
  count(*) filter (where r.resolved_at is not null)::int as resolved,
  count(*) filter (where r.rating is not null)::int as rated,
  count(*) filter (where r.rating in ('satisfied','basically_satisfied'))::int as satisfied,
  count(*) filter (where r.resolved_on_time)::int as on_time,
  count(*) filter (where r.return_count > 0)::int as returned,
  count(*) filter (where r.reopen_count > 0)::int as reopened`);

/** Sums of the stored counts, as the live aggregate names them. */
const SUMS = sql.raw(`sum(t.total)::int as total, sum(t.accepted)::int as accepted, sum(t.responded)::int as responded,
  sum(t.responded_on_time)::int as responded_on_time, sum(t.resolved)::int as resolved, sum(t.rated)::int as rated, sum(t.satisfied)::int as satisfied,
  sum(t.on_time)::int as on_time, sum(t.returned)::int as returned, sum(t.reopened)::int as reopened, sum(t.overdue_open)::int as overdue_open`);
const NO_COUNTS = sql.raw(`0 as total, 0 as accepted, 0 as responded, 0 as responded_on_time, 0 as resolved, 0 as rated, 0 as satisfied, 0 as on_time,
  0 as returned, 0 as reopened`);
const STORED = sql.raw(`c.total, c.accepted, c.responded, c.responded_on_time, c.resolved, c.rated, c.satisfied, c.on_time, c.returned, c.reopened`);
/** Open with a running clock (待补充材料 is paused): what may be overdue. */
const OPEN = sql.raw(`('submitted','accepted','dispatched','in_progress')`);

export interface FiguresQuery {
  basePath: string;
  /** Submitted at or after (an instant). */
  from: string;
  /** Submitted before (an instant). */
  to: string;
  /** What is overdue is counted at this instant. */
  now: string;
  group: FigureGroup | null;
}

const CHINA_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The first day (YYYY-MM-DD) of the month `n` months after the one `first` begins. */
const addMonths = (first: string, n: number) => {
  const d = new Date(`${first}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
/** China keeps +08:00 all year: a China date's midnight, and the China date of an instant. */
const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`) - CHINA_MS;
const dateOf = (instant: number) => new Date(instant + CHINA_MS).toISOString().slice(0, 10);

/** Half-open ranges of China dates (YYYY-MM-DD) and of instants (ISO). */
export interface SpanSplit {
  /** Whole months, from the month rows: first days [first, end). */
  months: [string, string] | null;
  /** Whole days outside them, from the day rows. */
  days: [string, string][];
  /** What is left (not whole days: only when the span does not start or end at a China midnight), live from the requests. */
  live: [string, string][];
}

/** How [from, to) splits into whole China months, whole days and the rest. */
export function spanSplit(from: string, to: string): SpanSplit {
  const f = Date.parse(from);
  const t = Date.parse(to);
  const out: SpanSplit = { months: null, days: [], live: [] };
  if (!(f < t)) return out;
  let d0 = dateOf(f);
  if (midnight(d0) < f) d0 = dateOf(midnight(d0) + DAY_MS);
  const d1 = dateOf(t);
  if (!(midnight(d0) < midnight(d1))) return { ...out, live: [[from, to]] };
  if (f < midnight(d0)) out.live.push([from, new Date(midnight(d0)).toISOString()]);
  if (midnight(d1) < t) out.live.push([new Date(midnight(d1)).toISOString(), to]);
  const m0 = d0.endsWith('-01') ? d0 : addMonths(d0.slice(0, 8) + '01', 1);
  const m1 = d1.slice(0, 8) + '01';
  if (m0 < m1) {
    out.months = [m0, m1];
    if (d0 < m0) out.days.push([d0, m0]);
    if (m1 < d1) out.days.push([m1, d1]);
  } else out.days.push([d0, d1]);
  return out;
}

/**
 * The 接诉即办 figures (service_request, migration 0039; the counts, migration 0041); SQL only.
 * Merged-away requests are not counted.
 */
export const serviceFiguresRepository = {
  /**
   * The figures of a subtree and span, in total (`group` null) or by one key: whole months and the
   * days at either end from the counts, what is overdue now (and any part of a day) live from the requests.
   */
  async counts(db: Database, regionId: string, q: FiguresQuery): Promise<FigureCounts[]> {
    const split = spanSplit(q.from, q.to);
    const g = q.group;
    const storedKey: Record<FigureGroup, SQL> = {
      org: sql`subpath(c.org_path, 0, nlevel(${q.basePath}::ltree) + 1)::text`,
      grid: sql`c.grid_id::text`,
      category: sql`c.category_code`,
      month: sql`to_char(c.period_start, 'YYYY-MM')`,
    };
    const sKey = g ? storedKey[g] : sql`null::text`;
    const lKey = g ? liveKey(q.basePath)[g] : sql`null::text`;
    const scope = sql`r.region_id = ${regionId} and r.org_path <@ ${q.basePath}::ltree and r.merged_into is null`;
    const periods: SQL[] = [];
    if (split.months) periods.push(sql`(c.period_kind = 'month' and c.period_start >= ${split.months[0]}::date and c.period_start < ${split.months[1]}::date)`);
    for (const [a, b] of split.days) periods.push(sql`(c.period_kind = 'day' and c.period_start >= ${a}::date and c.period_start < ${b}::date)`);
    const parts: SQL[] = [];
    if (periods.length)
      parts.push(sql`select ${sKey} as key, ${STORED}, 0 as overdue_open from service_figures_count c
        where c.region_id = ${regionId} and (${sql.join(periods, sql` or `)}) and c.org_path <@ ${q.basePath}::ltree`);
    for (const [a, b] of split.live)
      parts.push(sql`select ${lKey} as key, ${COUNTS}, 0 as overdue_open from service_request r
        where ${scope} and r.submitted_at >= ${a}::timestamptz and r.submitted_at < ${b}::timestamptz group by 1`);
    // over the open requests' partial index (migration 0041)
    parts.push(sql`select ${lKey} as key, ${NO_COUNTS}, count(*)::int as overdue_open from service_request r
      where ${scope} and r.state in ${OPEN} and r.due_at < ${q.now}::timestamptz
        and r.submitted_at >= ${q.from}::timestamptz and r.submitted_at < ${q.to}::timestamptz group by 1`);
    const all = sql`select t.key, ${SUMS} from (${sql.join(parts, sql` union all `)}) t group by t.key`;
    if (!g) {
      const [row] = await db.rows<FigureCounts>(sql`select s.*, null as label from (${all}) s`);
      return [row ?? { ...ZERO_COUNTS }];
    }
    return db.rows<FigureCounts>(sql`select s.*, ${labelOf(regionId, g)} as label from (${all}) s where s.total > 0 or s.overdue_open > 0
      order by s.total desc, s.key`);
  },

  /** The same figures as one aggregate over the requests (what every view read before the counts). */
  async liveCounts(db: Database, regionId: string, q: FiguresQuery): Promise<FigureCounts[]> {
    const where = sql`r.region_id = ${regionId} and r.org_path <@ ${q.basePath}::ltree and r.submitted_at >= ${q.from}::timestamptz
      and r.submitted_at < ${q.to}::timestamptz and r.merged_into is null`;
    const overdue = sql`count(*) filter (where r.state in ${OPEN} and r.due_at < ${q.now}::timestamptz)::int as overdue_open`;
    const g = q.group;
    if (!g) return db.rows<FigureCounts>(sql`select null as key, null as label, ${COUNTS}, ${overdue} from service_request r where ${where}`);
    return db.rows<FigureCounts>(sql`select s.*, ${labelOf(regionId, g)} as label from (
        select ${liveKey(q.basePath)[g]} as key, ${COUNTS}, ${overdue} from service_request r where ${where} group by 1
      ) s order by s.total desc, s.key`);
  },

  /** Recounts a region's stored counts from its requests (after a bulk load with the row triggers off). */
  async rebuild(db: Database, regionId: string): Promise<void> {
    await db.run(sql`delete from service_figures_count where region_id = ${regionId}`);
    await db.run(sql`insert into service_figures_count (region_id, period_kind, period_start, org_path, grid_id, category_code, total, accepted,
        responded, responded_on_time, resolved, rated, satisfied, on_time, returned, reopened)
      select r.region_id, k.kind, date_trunc(k.kind, r.submitted_at at time zone 'Asia/Shanghai')::date, r.org_path, r.grid_id, r.category_code, ${COUNTS}
      from service_request r cross join (values ('month'), ('day')) as k(kind) where r.region_id = ${regionId} and r.merged_into is null
      group by 1, 2, 3, 4, 5, 6`);
  },
};

/** Counts of a view with no requests. */
export const ZERO_COUNTS: FigureCounts = {
  key: null,
  label: null,
  total: 0,
  accepted: 0,
  responded: 0,
  responded_on_time: 0,
  resolved: 0,
  rated: 0,
  satisfied: 0,
  on_time: 0,
  returned: 0,
  reopened: 0,
  overdue_open: 0,
};

function liveKey(basePath: string): Record<FigureGroup, SQL> {
  return {
    org: sql`subpath(r.org_path, 0, nlevel(${basePath}::ltree) + 1)::text`,
    grid: sql`r.grid_id::text`,
    category: sql`r.category_code`,
    month: sql`to_char(r.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  };
}

function labelOf(regionId: string, g: FigureGroup): SQL {
  return {
    org: sql`(select o.name from org o where o.region_id = ${regionId} and o.path = s.key::ltree)`,
    grid: sql`(select o.name from org o where o.region_id = ${regionId} and o.id = s.key::uuid)`,
    category: sql`(select c.name from service_category c where c.region_id = ${regionId} and c.code = s.key)`,
    month: sql`s.key`,
  }[g];
}
