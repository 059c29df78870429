import type { BookerKindId, VenueAreaQuery, VenueAreaReport, VenueAreaRow, VenueUsage, VenueUsageQuery } from '@jiceng/contracts';
import { venueAreaShortfall, venueAreaWarns } from '@jiceng/rules';
import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { field, type VenueCore } from './venue.core.ts';
import { isOrgSide, venueScopeOf } from './venue.policy.ts';

/** The most months one usage view covers. */
export const USAGE_MONTHS_MAX = 24;

/** 'YYYY-MM' months from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The month `n` months before 'YYYY-MM'. */
export function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** Usage figures (bookings and hours per venue and month, by kind of booker) and the area warning (rule venue-min-area). */
export function createVenueFigures(core: VenueCore) {
  const { db, regionId, rules, bookings, venues, unitsOf, now } = core;

  /** An organization in the reader's subtree (a community or a street); 404 otherwise. */
  async function orgPathOf(actor: Actor, orgId: string | undefined): Promise<string | null> {
    if (!orgId) return null;
    const o = await venues.org(db, regionId, orgId);
    if (!o || !isOrgSide(actor) || !pathInScope(actor, o.path)) throw notFound('社区');
    return o.path;
  }

  return {
    async usage(actor: Actor, q: VenueUsageQuery): Promise<VenueUsage> {
      const scope = venueScopeOf(actor, await unitsOf(db, actor));
      const orgPath = await orgPathOf(actor, q.orgId);
      const to = q.to ?? now().today.slice(0, 7);
      const from = q.from ?? monthsBack(to, 5);
      if (from > to) throw field('from', '起始月份不能晚于截止月份');
      const months = monthsBetween(from, to);
      if (months.length > USAGE_MONTHS_MAX) throw field('from', `一次最多统计 ${USAGE_MONTHS_MAX} 个月`);
      const rows = await bookings.usage(db, regionId, scope, orgPath, `${from}-01`, lastDay(to));
      const zero = () => ({ bookings: 0, minutes: 0 });
      const byMonth = new Map<string, { bookings: number; minutes: number }>();
      const perVenue = new Map<
        string,
        {
          head: (typeof rows)[number];
          total: ReturnType<typeof zero>;
          kinds: Record<BookerKindId, ReturnType<typeof zero>>;
          months: Map<string, ReturnType<typeof zero>>;
        }
      >();
      const total = zero();
      for (const r of rows) {
        const add = (c: { bookings: number; minutes: number }) => {
          c.bookings += r.bookings;
          c.minutes += r.minutes;
        };
        const mk = `${r.month}|${r.booker_kind}`;
        if (!byMonth.has(mk)) byMonth.set(mk, zero());
        add(byMonth.get(mk)!);
        let v = perVenue.get(r.venue_id);
        if (!v) perVenue.set(r.venue_id, (v = { head: r, total: zero(), kinds: { org: zero(), unit: zero(), resident: zero() }, months: new Map() }));
        add(v.total);
        add(v.kinds[r.booker_kind]);
        if (!v.months.has(r.month)) v.months.set(r.month, zero());
        add(v.months.get(r.month)!);
        add(total);
      }
      const counts = (c: { bookings: number; minutes: number }) => ({ bookings: c.bookings, hours: hoursOf(c.minutes) });
      return {
        from,
        to,
        months,
        byMonth: [...byMonth].map(([k, c]) => {
          const [month, bookerKind] = k.split('|') as [string, BookerKindId];
          return { month, bookerKind, ...counts(c) };
        }),
        venues: [...perVenue.values()].map((v) => ({
          venueId: v.head.venue_id,
          venueName: v.head.venue_name,
          orgName: v.head.org_name,
          kind: v.head.kind,
          total: counts(v.total),
          byKind: { org: counts(v.kinds.org), unit: counts(v.kinds.unit), resident: counts(v.kinds.resident) },
          byMonth: months.map((month) => ({ month, ...counts(v.months.get(month) ?? zero()) })),
        })),
        total: counts(total),
      };
    },

    /** Every community in scope against rule venue-min-area, the ones below first. */
    async areaReport(actor: Actor, q: VenueAreaQuery): Promise<VenueAreaReport> {
      if (!isOrgSide(actor)) throw forbidden('阵地面积预警面向社区及上级党组织');
      const path = (await orgPathOf(actor, q.orgId)) ?? actor.orgPath;
      const items: VenueAreaRow[] = (await bookings.area(db, regionId, path, rules)).map((r) => {
        const shortfall = venueAreaShortfall(r.counted_m2, rules);
        return {
          orgId: r.org_id,
          orgName: r.org_name,
          streetName: r.street_name,
          venues: r.venues,
          countedVenues: r.counted_venues,
          unitAreaM2: r.unit_m2,
          countedAreaM2: r.counted_m2,
          requiredAreaM2: rules.minAreaPerCommunityM2,
          shortfallM2: shortfall,
          below: shortfall > 0,
          warns: venueAreaWarns({ countedM2: r.counted_m2, venues: r.venues }, rules),
        };
      });
      const shown = q.belowOnly ? items.filter((i) => i.below) : items;
      shown.sort((a, b) => Number(b.warns) - Number(a.warns) || Number(b.below) - Number(a.below) || b.shortfallM2 - a.shortfallM2);
      return {
        ruleSetId: rules.id,
        requiredAreaM2: rules.minAreaPerCommunityM2,
        rule: `每个社区（村）的阵地总面积（含驻区单位开放阵地，只计开放中的）不少于 ${rules.minAreaPerCommunityM2} 平方米（规则 ${rules.id}）`,
        items: shown,
      };
    },
  };
}
