import { sql } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import { VENUE_RULES_2026, type VenueRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoRowsOptions, type TodoScope, type TodoSource } from '../../platform/todo/todo.source.ts';
import { areaAggregates } from './venue.bookings.repository.ts';
import { communityWhere } from './venue.repository.ts';

interface AreaTodoData {
  orgName: string;
  countedM2: number;
  unitM2: number;
  requiredM2: number;
  venues: number;
}

const fmt = (n: number) => String(Math.round(Number(n) * 100) / 100);

/**
 * 社区阵地面积不足 (rule venue-min-area): a community in scope whose open venues (units' opened
 * venues included) add up to less than the rule's area — a warning (预警, no due date) for the
 * community side (regional:manage). Communities with no venue registered raise none while the rule
 * set's `warnWithoutVenues` is false (rule venue-area-unregistered). Read at read time: one grouped
 * pass over the scope's communities and their venues.
 */
export function venueTodoSources(rules: VenueRuleSet = VENUE_RULES_2026): TodoSource[] {
  const a = areaAggregates(rules);
  return [
    {
      id: 'venue.area',
      permission: Permission.REGION_MANAGE,
      rows: (s: TodoScope, o: TodoRowsOptions) => {
        if (s.actor.scope !== 'subtree') return null;
        const data = sql`jsonb_build_object('orgName', x.name, 'countedM2', x.counted_m2, 'unitM2', x.unit_m2, 'requiredM2', ${rules.minAreaPerCommunityM2}::float8, 'venues', x.venues)`;
        return sql`select ${todoColumns('venue.area', o, {
          key: sql`x.id`,
          ref: sql`x.id`,
          orgId: sql`x.id`,
          orgPath: sql`x.path`,
          severity: sql`'alert'`,
          dueDate: sql`null::date`,
          name: sql`x.name`,
          data,
        })}
          from (select c.id, c.path, c.name, ${a.venues} as venues, ${a.countedM2} as counted_m2, ${a.unitM2} as unit_m2
            from org c left join venue v on v.region_id = c.region_id and v.org_id = c.id
            where c.region_id = ${s.regionId} and c.path <@ ${s.path}::ltree and ${communityWhere(rules)} ${refsFilter(sql`c.id`, o)}
            group by c.id, c.path, c.name) x
          where x.counted_m2 < ${rules.minAreaPerCommunityM2} ${rules.warnWithoutVenues ? sql`` : sql`and x.venues > 0`}`;
      },
      present(row): TodoPresented {
        const d = row.data as unknown as AreaTodoData;
        const short = fmt(d.requiredM2 - d.countedM2);
        const unit = Number(d.unitM2) > 0 ? `（其中驻区单位开放阵地 ${fmt(d.unitM2)} 平方米）` : '';
        return {
          key: row.key,
          source: 'venue.area',
          title: `阵地面积不足：${d.orgName}`,
          detail: `${d.orgName}开放中的阵地合计 ${fmt(d.countedM2)} 平方米${unit}，低于每个社区 ${fmt(d.requiredM2)} 平方米的要求（规则 ${rules.id}），还差 ${short} 平方米；请新建、扩建阵地或协调驻区单位开放场地`,
          orgId: row.org_id,
          dueDate: null,
          severity: row.severity,
          link: `/venues/area?orgId=${row.ref}`,
        };
      },
    },
  ];
}
