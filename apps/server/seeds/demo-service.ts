import { sql } from 'drizzle-orm';
import type { ServiceComplexity } from '@jiceng/rules';
import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';
import { searchVectorLiteral } from '../src/platform/search/chinese-search.ts';
import { DEFAULT_TIMING, factsOf, timingOf } from '../src/modules/service/service.timing.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { iso, play, type Assignee } from './demo-service-play.ts';
import { CATEGORY_KIND, HOME, NAMES, TEXTS, URGENT, yearOf } from './demo-service-stories.ts';
import type { OrgPlan, PlannedOrg } from './org-plan.ts';
import type { Random } from './random.ts';

/**
 * 群众诉求 of the demo, written straight to the tables with the history the workflow would have
 * written (nothing audited), the clock computed by the service's own timing from that history:
 * - 梅花山社区 has a request in every state near now — just submitted, 受理 overdue and urged,
 *   accepted waiting for dispatch, dispatched to the first grid (the demo grid worker `wangge`
 *   takes it), in progress on time and two days overdue, waiting for material (paused), resolved
 *   waiting for the rating and one about to be closed unrated, closed 满意 / 基本满意 / after a 重办,
 *   closed unrated, rejected, withdrawn, escalated to the street, returned once and re-dispatched —
 *   several of them submitted by the demo resident 13900000001 (王阿姨) and one joined by a second;
 * - every community and village has a year of closed requests (and a few open ones), so the
 *   接诉即办 figures and charts have something to show per street, community, grid, category and month.
 * Dispatch rules: 梅花山社区's 物业管理 goes to its 物业党支部, 养老助残 to its 红色志愿服务队.
 * The stories are in demo-service-stories.ts, played through the rules by demo-service-play.ts;
 * this file writes the residents, the dispatch rules and the rows.
 */

export const DEMO_RESIDENT = { phone: '13900000001', name: '王阿姨' } as const;
const FOLLOWER = { phone: '13900000002', name: '李大爷' } as const;

interface Place {
  community: PlannedOrg;
  grids: PlannedOrg[];
}

export async function applyServiceRequests(server: Server, tx: Database, plan: OrgPlan, rng: Random): Promise<void> {
  const { regionId, crypto } = server;
  const now = server.clock.now().getTime();
  const home = plan.orgs.find((o) => o.name === DEMO_ORG.community)!;
  const places: Place[] = plan.orgs
    .filter((o) => o.depth === 2 && (o.domain === 'community' || o.domain === 'rural'))
    .map((community) => ({ community, grids: plan.orgs.filter((g) => g.parentId === community.id && g.type === 'grid') }));

  const residents = [DEMO_RESIDENT, FOLLOWER].map((r) => ({ ...r, id: newId() }));
  for (const r of residents) {
    await tx.run(sql`insert into resident (region_id, id, phone_hash, phone_enc, name) values (${regionId}, ${r.id}, ${crypto.lookupHash(r.phone)},
      ${crypto.encrypt(r.phone)}, ${r.name}) on conflict (region_id, phone_hash) do nothing`);
  }
  const residentIds = await tx.rows<{ id: string; phone_hash: string }>(
    sql`select id, phone_hash from resident where region_id = ${regionId} and phone_hash in (${crypto.lookupHash(DEMO_RESIDENT.phone)}, ${crypto.lookupHash(FOLLOWER.phone)})`,
  );
  const residentId = (phone: string) => residentIds.find((r) => r.phone_hash === crypto.lookupHash(phone))!.id;

  const homeBranches = plan.orgs.filter((o) => o.parentId === home.id);
  const property = homeBranches.find((o) => o.name.endsWith('物业党支部'));
  const team = (c: PlannedOrg): Assignee => ({ type: 'team', orgId: c.id, orgPath: c.path, name: `${c.shortName ?? c.name}红色志愿服务队` });
  await tx.run(sql`insert into service_dispatch_rule (region_id, id, org_id, org_path, category_code, assignee_type, assignee_org_id, assignee_name, note)
    values (${regionId}, ${newId()}, ${home.id}, ${home.path}::ltree, 'elderly', 'team', ${home.id}, ${team(home).name}, '养老助残由社区红色志愿服务队承办')`);
  if (property) {
    await tx.run(sql`insert into service_dispatch_rule (region_id, id, org_id, org_path, category_code, assignee_type, assignee_org_id, assignee_name, note)
      values (${regionId}, ${newId()}, ${home.id}, ${home.path}::ltree, 'property', 'department', ${property.id}, ${property.name}, '物业问题由物业党支部牵头督促')`);
  }

  const requests: unknown[][] = [];
  const events: unknown[][] = [];
  const followers: unknown[][] = [];
  const nowIso = iso(now);
  let n = 0;
  for (const place of places) {
    const isHome = place.community.id === home.id;
    const stories = [...(isHome ? HOME : []), ...yearOf(rng, isHome ? 40 : rng.int(4, 12))];
    for (const [i, story] of stories.entries()) {
      const grid = place.grids.length
        ? place.grids[(story.gridIndex ?? (isHome && i < HOME.length ? 0 : rng.int(0, place.grids.length - 1))) % place.grids.length]!
        : null;
      const otherGrid = place.grids.length > 1 ? place.grids.find((g) => g.id !== grid?.id)! : null;
      const at = (g: PlannedOrg | null): Assignee | null => (g ? { type: 'grid', orgId: g.id, orgPath: g.path, name: g.name } : null);
      const assignees = { grid: at(grid) ?? team(place.community), other_grid: at(otherGrid) ?? team(place.community), team: team(place.community) };
      const kind = CATEGORY_KIND[story.category]!;
      const complexity: ServiceComplexity = URGENT.has(story.category) ? 'urgent' : 'general';
      const start = now - story.ago * 3_600_000;
      const sim = play(kind, complexity, story.category, start, story.steps, assignees);
      const id = newId();
      const orgPath = grid?.path ?? place.community.path;
      const orgId = grid?.id ?? place.community.id;
      const description = rng.pick(TEXTS[story.category]!);
      const anonymous = kind === 'suggestion' && rng.chance(0.2);
      const phone = story.resident ? DEMO_RESIDENT.phone : `139${String(10_000_000 + ((n * 7919) % 89_999_999)).padStart(8, '0')}`;
      const name = story.resident ? DEMO_RESIDENT.name : rng.pick(NAMES);
      const t = timingOf(factsOf({ kind, complexity, category_code: story.category }, sim.events), nowIso, DEFAULT_TIMING);
      const r = sim.row as Record<string, string | boolean | number | null | undefined> & { assignee?: Assignee | null };
      n++;
      requests.push([
        id,
        `SQ${String(n).padStart(8, '0')}`,
        kind,
        story.category,
        complexity,
        description,
        searchVectorLiteral([description]),
        place.community.id,
        grid?.id ?? null,
        orgId,
        orgPath,
        story.resident || rng.chance(0.3) ? `${rng.int(1, 30)}栋` : null,
        anonymous,
        anonymous ? null : crypto.encrypt(name),
        anonymous ? null : crypto.encrypt(phone),
        anonymous ? null : crypto.lookupHash(phone),
        story.resident ? residentId(DEMO_RESIDENT.phone) : null,
        story.resident ? 'h5' : rng.pick(['desk', 'grid', 'hotline', 'h5']),
        sim.state,
        sim.level,
        sim.events.length,
        r.assignee?.type ?? null,
        r.assignee?.orgId ?? null,
        r.assignee?.orgPath ?? null,
        r.assignee?.name ?? null,
        t.stage,
        t.clockRule,
        t.dueAt,
        t.pausedLeftMs,
        t.sweepAfter,
        iso(start),
        r.accepted_at ?? null,
        r.taken_at ?? null,
        r.resolved_at ?? null,
        r.closed_at ?? null,
        r.result ?? null,
        r.rating ?? null,
        r.rating_comment ?? null,
        !!r.auto_closed,
        r.accepted_on_time ?? null,
        r.responded_on_time ?? null,
        r.resolved_on_time ?? null,
        r.reopen_count ?? 0,
        r.return_count ?? 0,
        story.follower ? 1 : 0,
      ]);
      for (const e of sim.events) {
        events.push([newId(), id, orgPath, e.from, e.to, e.action, e.actor, e.reason, e.at, JSON.stringify(e.data)]);
      }
      if (story.follower) followers.push([newId(), id, residentId(FOLLOWER.phone), crypto.encrypt(FOLLOWER.phone), crypto.lookupHash(FOLLOWER.phone)]);
    }
  }
  for (let i = 0; i < requests.length; i += 300) {
    const batch = requests.slice(i, i + 300);
    await tx.run(sql`insert into service_request (region_id, id, code, kind, category_code, complexity, description, search, community_id, grid_id, org_id,
        org_path, place, anonymous, contact_name_enc, contact_phone_enc, contact_phone_hash, resident_id, source, state, level, version,
        assignee_type, assignee_org_id, assignee_org_path, assignee_name, stage, clock_rule, due_at, paused_left_ms, sweep_after, submitted_at,
        accepted_at, taken_at, resolved_at, closed_at, result, rating, rating_comment, auto_closed, accepted_on_time, responded_on_time,
        resolved_on_time, reopen_count, return_count, follower_count)
      values ${sql.join(
        batch.map(
          (v) =>
            sql`(${regionId}, ${v[0]}, ${v[1]}, ${v[2]}, ${v[3]}, ${v[4]}, ${v[5]}, ${v[6]}::tsvector, ${v[7]}, ${v[8]}, ${v[9]}, ${v[10]}::ltree, ${v[11]},
              ${v[12]}, ${v[13]}, ${v[14]}, ${v[15]}, ${v[16]}, ${v[17]}, ${v[18]}, ${v[19]}, ${v[20]}, ${v[21]}, ${v[22]}, ${v[23]}::ltree, ${v[24]},
              ${v[25]}, ${v[26]}, ${v[27]}::timestamptz, ${v[28]}, ${v[29]}::timestamptz, ${v[30]}::timestamptz, ${v[31]}::timestamptz,
              ${v[32]}::timestamptz, ${v[33]}::timestamptz, ${v[34]}::timestamptz, ${v[35]}, ${v[36]}, ${v[37]}, ${v[38]}, ${v[39]}, ${v[40]},
              ${v[41]}, ${v[42]}, ${v[43]}, ${v[44]})`,
        ),
        sql`, `,
      )}`);
  }
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500);
    await tx.run(sql`insert into workflow_event (region_id, id, kind, record_id, org_path, from_state, to_state, action, actor_id, actor_name, reason, at, data)
      values ${sql.join(
        batch.map(
          (v) =>
            sql`(${regionId}, ${v[0]}, 'service_request', ${v[1]}, ${v[2]}::ltree, ${v[3]}, ${v[4]}, ${v[5]}, null, ${v[6]}, ${v[7]}, ${v[8]}::timestamptz, ${v[9]}::jsonb)`,
        ),
        sql`, `,
      )}`);
  }
  for (const f of followers) {
    await tx.run(sql`insert into service_request_follower (region_id, id, request_id, resident_id, phone_enc, phone_hash)
      values (${regionId}, ${f[0]}, ${f[1]}, ${f[2]}, ${f[3]}, ${f[4]})`);
  }
  // new requests numbered after the demo's
  await tx.run(sql`select setval('service_request_no_seq', ${n})`);
}
