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

/** The 接诉即办 figures (service_request, migration 0039); SQL only. Merged-away requests are not counted. */
export const serviceFiguresRepository = {
  async counts(
    db: Database,
    regionId: string,
    q: { basePath: string; from: string; to: string; now: string; group: FigureGroup | null },
  ): Promise<FigureCounts[]> {
    const where = sql`r.region_id = ${regionId} and r.org_path <@ ${q.basePath}::ltree and r.submitted_at >= ${q.from}::timestamptz
      and r.submitted_at < ${q.to}::timestamptz and r.merged_into is null`;
    const overdue = sql`count(*) filter (where r.state in ('submitted','accepted','dispatched','in_progress') and r.due_at < ${q.now}::timestamptz)::int as overdue_open`;
    const g = q.group;
    if (!g) return db.rows<FigureCounts>(sql`select null as key, null as label, ${COUNTS}, ${overdue} from service_request r where ${where}`);
    const keyOf: Record<FigureGroup, SQL> = {
      org: sql`subpath(r.org_path, 0, nlevel(${q.basePath}::ltree) + 1)::text`,
      grid: sql`r.grid_id::text`,
      category: sql`r.category_code`,
      month: sql`to_char(r.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
    };
    const labelOf: Record<FigureGroup, SQL> = {
      org: sql`(select o.name from org o where o.region_id = ${regionId} and o.path = t.key::ltree)`,
      grid: sql`(select o.name from org o where o.region_id = ${regionId} and o.id = t.key::uuid)`,
      category: sql`(select c.name from service_category c where c.region_id = ${regionId} and c.code = t.key)`,
      month: sql`t.key`,
    };
    return db.rows<FigureCounts>(sql`select t.*, ${labelOf[g]} as label from (
        select ${keyOf[g]} as key, ${COUNTS}, ${overdue} from service_request r where ${where} group by 1
      ) t order by t.total desc, t.key`);
  },
};
