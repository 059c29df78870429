import { sql } from 'drizzle-orm';
import {
  clockOf,
  nextLevel,
  satisfactionOutcome,
  serviceTransition,
  type SatisfactionLevel,
  type ServiceComplexity,
  type ServiceLevel,
  type ServiceRequestAction,
  type ServiceRequestEvent,
  type ServiceRequestKind,
  type ServiceRequestState,
} from '@jiceng/rules';
import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';
import { searchVectorLiteral } from '../src/platform/search/chinese-search.ts';
import { DEFAULT_TIMING, factsOf, PRESENT_LEVELS, timingOf } from '../src/modules/service/service.timing.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
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
 */

export const DEMO_RESIDENT = { phone: '13900000001', name: '王阿姨' } as const;
const FOLLOWER = { phone: '13900000002', name: '李大爷' } as const;

const TEXTS: Record<string, string[]> = {
  sanitation: ['楼道里堆满杂物，气味很大，希望清理', '小区垃圾桶满了两天没人清运', '绿化带里有很多建筑垃圾没人管'],
  neighbour: ['楼上邻居深夜装修噪音太大，影响休息', '邻居在楼道里堆放电动车，堵住通道', '邻居家漏水到我家天花板，协商不成'],
  property: ['物业不及时维修电梯，老人上下楼困难', '物业费收了但小区保洁不到位', '地下车库照明坏了很久物业不修'],
  elderly: ['独居老人行动不便，希望有人帮忙买菜', '想给家里老人申请居家养老服务', '老人需要有人定期上门看看'],
  security: ['小区门禁坏了，外来人员随意进出', '夜里有人在小区里乱停车还打架', '楼道灯不亮，晚上回家很不安全'],
  repair: ['小区三栋门口路灯坏了，晚上很黑', '单元门的闭门器坏了，门一直关不上', '健身器材松动，孩子玩有危险'],
  utilities: ['家里突然停水了，没有收到通知', '暖气不热，家里只有十几度', '燃气表显示异常，担心有泄漏'],
  greenery: ['小区的树长得太高遮挡阳光，希望修剪', '建议在小区空地多种一些花草'],
  parking: ['小区停车位不够，希望规划更多车位', '消防通道经常被私家车占用'],
  policy: ['想咨询一下老年人优待证怎么办理', '咨询孩子入学需要准备哪些材料'],
  other: ['建议社区多组织一些文化活动', '希望社区开设老年人智能手机课堂'],
};
const CATEGORY_KIND: Record<string, ServiceRequestKind> = {
  sanitation: 'complaint',
  neighbour: 'help',
  property: 'complaint',
  elderly: 'help',
  security: 'report',
  repair: 'help',
  utilities: 'help',
  greenery: 'suggestion',
  parking: 'suggestion',
  policy: 'consult',
  other: 'suggestion',
};
const URGENT = new Set(['security', 'utilities']);
const RESULTS = ['已联系相关单位处理完毕，现场已恢复正常', '网格员上门协调，双方达成一致', '已安排维修人员更换，经回访群众确认', '已转物业限期整改并复查'];
const NAMES = ['王女士', '张先生', '刘阿姨', '陈大爷', '赵女士', '孙先生', '周阿姨', '吴先生'];

/** One step of a story: the action, hours after the previous step, and what it carries. */
interface Step {
  a: ServiceRequestAction;
  h: number;
  reason?: string;
  rating?: SatisfactionLevel;
  result?: string;
  /** dispatch/reassign: who (default: the request's grid, else the community's team). */
  to?: 'grid' | 'other_grid' | 'team';
}

interface Story {
  category: string;
  /** Hours before now the request came in. */
  ago: number;
  steps: Step[];
  resident?: boolean;
  follower?: boolean;
  gridIndex?: number;
}

const ACCEPT: Step = { a: 'accept', h: 0.5 };
const DISPATCH: Step = { a: 'dispatch', h: 0.5 };
const TAKE: Step = { a: 'take', h: 2 };
const resolve = (h: number): Step => ({ a: 'resolve', h, result: RESULTS[Math.floor(h) % RESULTS.length]! });
const rate = (rating: SatisfactionLevel, h = 5, reason?: string): Step => ({ a: 'rate', h, rating, ...(reason ? { reason } : {}) });

/** 梅花山社区: one request in each state near now (hours before now; the sweep's thresholds kept in mind). */
const HOME: Story[] = [
  { category: 'repair', ago: 0.5, steps: [], resident: true },
  {
    category: 'sanitation',
    ago: 3,
    steps: [
      { a: 'urge', h: 1.6 },
      { a: 'urge', h: 0.4 },
    ],
  },
  { category: 'neighbour', ago: 2, steps: [ACCEPT] },
  { category: 'repair', ago: 3, steps: [ACCEPT, DISPATCH], resident: true, follower: true },
  { category: 'security', ago: 20, steps: [ACCEPT, DISPATCH, TAKE] },
  { category: 'sanitation', ago: 24 * 9, steps: [ACCEPT, DISPATCH, TAKE, { a: 'urge', h: 24 * 6 }, { a: 'urge', h: 24 }] },
  { category: 'utilities', ago: 30, steps: [ACCEPT, DISPATCH, TAKE, { a: 'request_info', h: 3, reason: '请补充停水的具体楼栋和时间' }], resident: true },
  { category: 'repair', ago: 50, steps: [ACCEPT, DISPATCH, TAKE, resolve(20)], resident: true },
  { category: 'greenery', ago: 24 * 7 + 20, steps: [ACCEPT, DISPATCH, TAKE, resolve(24)] },
  { category: 'repair', ago: 24 * 20, steps: [ACCEPT, DISPATCH, TAKE, resolve(30), rate('satisfied', 20, '处理得很及时，谢谢')], resident: true },
  { category: 'parking', ago: 24 * 30, steps: [ACCEPT, DISPATCH, TAKE, resolve(72), rate('basically_satisfied')] },
  {
    category: 'property',
    ago: 24 * 40,
    steps: [ACCEPT, DISPATCH, TAKE, resolve(48), rate('unsatisfied', 10, '电梯还是经常坏'), resolve(72), rate('satisfied')],
  },
  { category: 'elderly', ago: 24 * 25, steps: [ACCEPT, { a: 'dispatch', h: 0.5, to: 'team' }, TAKE, resolve(30), { a: 'auto_close', h: 24 * 7 + 1 }] },
  { category: 'other', ago: 24 * 12, steps: [{ a: 'reject', h: 1, reason: '属于物业合同纠纷，请通过司法途径解决，已告知群众' }] },
  { category: 'policy', ago: 24 * 3, steps: [ACCEPT, { a: 'withdraw', h: 5 }], resident: true },
  { category: 'neighbour', ago: 30, steps: [ACCEPT, DISPATCH, { a: 'escalate', h: 26, reason: '响应超时，自动提级至乡镇（街道）' }] },
  {
    category: 'sanitation',
    ago: 26,
    steps: [ACCEPT, DISPATCH, { a: 'return', h: 2, reason: '不属于本网格，应由第二网格办理' }, { a: 'dispatch', h: 1, to: 'other_grid' }, TAKE],
  },
];

interface Sim {
  state: ServiceRequestState;
  level: ServiceLevel;
  events: (ServiceRequestEvent & { from: ServiceRequestState; actor: string | null; reason: string | null; data: Record<string, unknown> })[];
  row: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Plays a story through the rules: the history rows and the columns the service would have set. */
function play(
  kind: ServiceRequestKind,
  complexity: ServiceComplexity,
  category: string,
  start: number,
  steps: Step[],
  assignees: Record<string, Assignee | null>,
): Sim {
  const sim: Sim = {
    state: 'submitted',
    level: 'community',
    events: [
      { at: iso(start), action: 'submit', to: 'submitted', from: 'submitted', level: 'community', actor: null, reason: null, data: { level: 'community' } },
    ],
    row: { reopen_count: 0, return_count: 0 },
  };
  let t = start;
  const r = sim.row;
  for (const s of steps) {
    t += s.h * 3_600_000;
    const at = iso(t);
    const clock = clockOf(factsOf({ kind, complexity, category_code: category }, sim.events), at, DEFAULT_TIMING);
    const onTime = clock && clock.status !== 'paused' ? t <= Date.parse(clock.dueAt) : null;
    let action = s.a;
    const data: Record<string, unknown> = {};
    let reason = s.reason ?? null;
    switch (s.a) {
      case 'accept':
        Object.assign(r, { accepted_at: at, accepted_on_time: onTime });
        break;
      case 'dispatch':
      case 'reassign': {
        const a = assignees[s.to ?? 'grid'] ?? assignees.team!;
        Object.assign(r, { assignee: a });
        data.assignee = a?.name;
        break;
      }
      case 'take':
        if (!r.taken_at) Object.assign(r, { taken_at: at, responded_on_time: onTime });
        break;
      case 'return':
        r.return_count = (r.return_count as number) + 1;
        r.assignee = null;
        break;
      case 'resolve':
        Object.assign(r, { resolved_at: at, result: s.result, resolved_on_time: onTime });
        break;
      case 'rate': {
        const out = satisfactionOutcome(s.rating!, r.reopen_count as number);
        data.rating = s.rating;
        if (out.outcome === 'reopen') {
          action = 'reopen';
          reason = reason ?? '群众评价不满意';
          r.reopen_count = (r.reopen_count as number) + 1;
        } else Object.assign(r, { rating: s.rating, rating_comment: reason, closed_at: at });
        break;
      }
      case 'auto_close':
        Object.assign(r, { auto_closed: true, closed_at: at });
        reason = '办结后超时未评价，系统自动关闭';
        break;
      case 'reject':
      case 'withdraw':
        r.closed_at = at;
        break;
      case 'escalate':
        sim.level = nextLevel(sim.level, PRESENT_LEVELS) ?? sim.level;
        r.assignee = null;
        break;
      case 'request_info':
      case 'supply_info':
      case 'reopen':
      case 'follow_up':
      case 'extend':
      case 'urge':
        break;
    }
    const step = serviceTransition(sim.state, action, { role: roleOf(action), reason: reason ?? '演示' });
    if (!step.ok) throw new Error(`demo service story: ${action} from ${sim.state}: ${step.reason}`);
    if ((action === 'urge' || action === 'escalate') && !reason) reason = action === 'urge' ? '已超时，催办' : '超时提级';
    sim.events.push({ at, action, to: step.to, from: sim.state, level: sim.level, actor: actorName(action), reason, data: { level: sim.level, ...data } });
    sim.state = step.to;
  }
  return sim;
}

const roleOf = (a: ServiceRequestAction) =>
  (
    ({
      take: 'assignee',
      return: 'assignee',
      resolve: 'assignee',
      request_info: 'assignee',
      rate: 'resident',
      reopen: 'resident',
      withdraw: 'resident',
      auto_close: 'system',
    }) as const
  )[a as 'take'] ?? 'community';
const actorName = (a: ServiceRequestAction): string | null =>
  a === 'auto_close'
    ? '系统'
    : ['take', 'return', 'resolve', 'request_info'].includes(a)
      ? '李明'
      : ['rate', 'reopen', 'withdraw'].includes(a)
        ? '群众（139****0001）'
        : '王秀兰';

interface Assignee {
  type: string;
  orgId: string;
  orgPath: string;
  name: string;
}

interface Place {
  community: PlannedOrg;
  grids: PlannedOrg[];
}

/** A year of ordinary requests of a place (most closed, a few open), for the figures. */
function yearOf(rng: Random, count: number): Story[] {
  const cats = Object.keys(TEXTS);
  return Array.from({ length: count }, () => {
    const category = rng.pick(cats);
    const ago = rng.int(24 * 3, 24 * 360);
    const fate = rng.weighted([
      ['satisfied', 55],
      ['basic', 18],
      ['reopened', 6],
      ['auto', 10],
      ['returned', 5],
      ['rejected', 4],
      ['late', 2],
    ] as const);
    const quick = resolve(rng.int(6, 24 * 5));
    const slow = resolve(rng.int(24 * 8, 24 * 14));
    const steps: Step[] = {
      satisfied: [ACCEPT, DISPATCH, TAKE, quick, rate('satisfied', rng.int(2, 48))],
      basic: [ACCEPT, DISPATCH, TAKE, rng.chance(0.3) ? slow : quick, rate('basically_satisfied', rng.int(2, 48))],
      reopened: [ACCEPT, DISPATCH, TAKE, quick, rate('unsatisfied', 12, '问题没有彻底解决'), resolve(48), rate('satisfied')],
      auto: [ACCEPT, DISPATCH, TAKE, quick, { a: 'auto_close', h: 24 * 7 + 1 }],
      returned: [ACCEPT, DISPATCH, { a: 'return', h: 3, reason: '不属于本网格职责' }, { a: 'dispatch', h: 1, to: 'team' }, TAKE, quick, rate('satisfied')],
      rejected: [{ a: 'reject', h: 1, reason: '不属于受理范围，已告知群众咨询渠道' }],
      late: [ACCEPT, DISPATCH, TAKE, slow, rate('unsatisfied'), slow, rate('basically_satisfied')],
    }[fate] as Step[];
    return { category, ago, steps };
  });
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
