import type { ServiceFigureRow, ServiceFigures, ServiceFiguresQuery } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { serviceFiguresRepository as figures, ZERO_COUNTS, type FigureCounts } from './service.figures.repository.ts';
import { serviceRepository as repo } from './service.repository.ts';

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);
const dayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();

function row(c: FigureCounts, key: string, label: string): ServiceFigureRow {
  return {
    key,
    label,
    total: c.total,
    accepted: c.accepted,
    responded: c.responded,
    respondedOnTime: c.responded_on_time,
    resolved: c.resolved,
    rated: c.rated,
    satisfied: c.satisfied,
    onTime: c.on_time,
    returned: c.returned,
    reopened: c.reopened,
    overdueOpen: c.overdue_open,
    responseRate: rate(c.responded_on_time, c.accepted),
    resolutionRate: rate(c.resolved, c.accepted),
    satisfactionRate: rate(c.satisfied, c.rated),
    onTimeRate: rate(c.on_time, c.resolved),
    bounceRate: rate(c.returned, c.accepted),
    reopenRate: rate(c.reopened, c.resolved),
  };
}

/**
 * The 接诉即办 figures of a subtree and period (submitted in [from, to], China dates; default this
 * year): response, resolution, satisfaction, on-time, bounce-back and reopen rates, in total and by
 * child organization, grid, category or month.
 */
export function createServiceFigures(deps: { db: Database; regionId: string; clock: Clock }) {
  const { db, regionId, clock } = deps;
  return async function serviceFigures(actor: Actor, q: ServiceFiguresQuery): Promise<ServiceFigures> {
    const today = clock.today();
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    const to = q.to ?? today;
    if (from > to) throw invalid('开始日期不能晚于结束日期');
    let basePath = actor.orgPath;
    if (q.orgId) {
      const org = await repo.org(db, regionId, q.orgId);
      if (!org || !pathInScope(actor, org.path)) throw notFound('组织');
      basePath = org.path;
    }
    const span = { basePath, from: dayStart(from), to: new Date(Date.parse(dayStart(to)) + 86_400_000).toISOString(), now: clock.now().toISOString() };
    const groupBy = q.groupBy ?? 'org';
    const [total] = await figures.counts(db, regionId, { ...span, group: null });
    const rows = await figures.counts(db, regionId, { ...span, group: groupBy });
    const labelOf = (c: FigureCounts) => {
      if (groupBy === 'org' && c.key === basePath) return '本级';
      if (groupBy === 'grid' && c.key === null) return '未分网格';
      return c.label ?? c.key ?? '—';
    };
    return { from, to, groupBy, total: row(total ?? ZERO_COUNTS, 'total', '合计'), rows: rows.map((c) => row(c, c.key ?? 'none', labelOf(c))) };
  };
}
