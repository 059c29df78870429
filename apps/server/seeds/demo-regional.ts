import { sql } from 'drizzle-orm';
import { rolePermissions, type RgNeedInput, type RgResourceInput } from '@jiceng/contracts';
import { addDays } from '@jiceng/rules';
import type { Actor } from '../src/platform/http/actor.ts';
import { createRegionalModule, type RegionalModule } from '../src/modules/regional/index.ts';
import { reportedUnits, type ReportedUnit } from '../src/modules/reportin/index.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { actorOf, seedClock } from './demo-actor.ts';

type Clock = ReturnType<typeof seedClock>;

/** The community side of an organization without a demo account of its own (its staff, as the services see them). */
async function sideActor(server: Server, orgId: string): Promise<Actor> {
  const o = (await server.db.one<{ path: string; name: string }>(
    sql`select path::text as path, name from org where region_id = ${server.regionId} and id = ${orgId}`,
  ))!;
  return {
    id: '00000000-0000-4000-8000-000000000014',
    regionId: server.regionId,
    username: 'demo',
    displayName: `${o.name}党群服务中心`,
    role: 'community',
    orgId,
    orgPath: o.path,
    orgName: o.name,
    permissions: rolePermissions.community,
    scope: 'subtree',
    csrfToken: '',
    mustChangePassword: false,
    memberId: null,
    ip: null,
  };
}

const phone = (k: number) => `1390000${String(1000 + k).slice(-4)}`;

/** One community's story: its needs, the resources its units offer, and what became of each. */
interface Story {
  need: Omit<RgNeedInput, 'orgId' | 'source'> & { source?: RgNeedInput['source'] };
  /** Days before today the need was recorded. */
  ago: number;
  /** The unit names (of the community's standing reports) whose resources join the project. */
  units?: string[];
  /** What happened: left open, claimed by the demo unit, proposed, running, completed, rated, declined, closed. */
  end: 'open' | 'claimed' | 'proposed' | 'active' | 'completed' | 'rated' | 'declined' | 'closed';
  activities?: { days: number; title: string; participants: number; hours: number; beneficiaries: number }[];
  results?: { text: string; fundsFen: number; problems: number };
}

const FOCUS: Story[] = [
  {
    need: {
      categoryCode: 'elderly',
      title: '独居老人助餐',
      description: '辖区 26 位独居、高龄老人午餐无人照料，希望有单位支持送餐和资金',
      beneficiaries: '辖区独居、高龄老人',
      beneficiaryCount: 26,
      urgency: 'urgent',
      estPeople: 8,
      estMoneyFen: 3_000_000,
    },
    ago: 150,
    units: ['演示区人民医院', '中国银行演示支行'],
    end: 'active',
    activities: [
      { days: 120, title: '“爱心午餐”首批送餐上门', participants: 9, hours: 27, beneficiaries: 26 },
      { days: 60, title: '助餐点健康义诊', participants: 6, hours: 18, beneficiaries: 40 },
      { days: 20, title: '重阳节送餐慰问', participants: 12, hours: 30, beneficiaries: 26 },
    ],
  },
  {
    need: {
      categoryCode: 'children',
      title: '双职工家庭子女暑期托管',
      description: '暑假期间双职工家庭小学生无人看护，需要场地和老师',
      beneficiaries: '辖区双职工家庭的小学生',
      beneficiaryCount: 45,
      urgency: 'soon',
      estPeople: 6,
    },
    ago: 200,
    units: ['演示区实验小学'],
    end: 'rated',
    activities: [
      { days: 140, title: '暑期托管班开班', participants: 8, hours: 64, beneficiaries: 45 },
      { days: 110, title: '托管班结业展示', participants: 10, hours: 30, beneficiaries: 45 },
    ],
    results: { text: '开设暑期托管班 6 周，服务 45 名小学生，家长满意', fundsFen: 1_200_000, problems: 2 },
  },
  {
    need: {
      categoryCode: 'environment',
      title: '背街小巷环境整治',
      description: '梅花山路北侧三条背街小巷乱堆乱放、占道经营，居民反映强烈',
      beneficiaries: '沿街居民和商户',
      beneficiaryCount: 600,
      urgency: 'normal',
      estPeople: 20,
    },
    ago: 130,
    units: ['演示区城市管理综合行政执法大队'],
    end: 'completed',
    activities: [{ days: 70, title: '背街小巷集中整治', participants: 24, hours: 96, beneficiaries: 600 }],
    results: { text: '清理三条小巷乱堆乱放 40 余处，规范占道经营 12 户', fundsFen: 500_000, problems: 5 },
  },
  {
    need: {
      categoryCode: 'facilities',
      title: '老旧小区楼道照明改造',
      description: '梅花山新村 12 栋楼道灯老化，夜间出行不便',
      beneficiaries: '梅花山新村住户',
      beneficiaryCount: 380,
      urgency: 'soon',
      estPeople: 6,
      estMoneyFen: 800_000,
    },
    ago: 40,
    units: ['国网演示区供电公司'],
    end: 'proposed',
  },
  {
    need: {
      categoryCode: 'health',
      title: '慢性病老人健康随访',
      description: '高血压、糖尿病老人希望有医生定期上门随访',
      beneficiaries: '辖区慢性病老人',
      beneficiaryCount: 60,
      urgency: 'normal',
      estPeople: 4,
    },
    ago: 25,
    units: ['演示区人民医院'],
    end: 'proposed',
  },
  {
    need: {
      categoryCode: 'health',
      title: '社区义诊进楼栋',
      description: '行动不便的居民希望义诊到楼栋门口',
      beneficiaries: '行动不便的居民',
      beneficiaryCount: 80,
      urgency: 'normal',
      estPeople: 6,
    },
    ago: 18,
    end: 'claimed',
  },
  {
    need: {
      categoryCode: 'facilities',
      title: '电动车集中充电棚',
      description: '小区电动车楼道充电隐患大，需要建设集中充电棚',
      beneficiaries: '梅花山新村住户',
      beneficiaryCount: 300,
      urgency: 'urgent',
      estMoneyFen: 1_500_000,
      source: 'joint_meeting',
    },
    ago: 70,
    end: 'open',
  },
  {
    need: {
      categoryCode: 'employment',
      title: '困难家庭就业帮扶',
      description: '辖区 8 户困难家庭有劳动力，希望推荐就业岗位',
      beneficiaries: '辖区困难家庭',
      beneficiaryCount: 8,
      urgency: 'soon',
      estPeople: 2,
      source: 'resident',
    },
    ago: 10,
    end: 'open',
  },
  {
    need: {
      categoryCode: 'culture',
      title: '社区合唱团排练场地',
      description: '社区合唱团每周需要一次排练场地',
      beneficiaries: '社区合唱团成员',
      beneficiaryCount: 35,
      urgency: 'normal',
    },
    ago: 90,
    units: ['中国银行演示支行'],
    end: 'declined',
  },
  {
    need: {
      categoryCode: 'legal',
      title: '遗产继承法律咨询',
      description: '多户居民咨询遗产继承问题',
      beneficiaries: '有咨询需求的居民',
      beneficiaryCount: 12,
      urgency: 'normal',
    },
    ago: 100,
    end: 'closed',
  },
];

/** What every other community of the two streets did: a project done, one running, a need waiting. */
const ELSEWHERE: Story[] = [
  {
    need: {
      categoryCode: 'elderly',
      title: '老年人智能手机培训',
      description: '老人不会用手机挂号、缴费',
      beneficiaries: '辖区老年人',
      beneficiaryCount: 50,
      urgency: 'normal',
      estPeople: 4,
    },
    ago: 180,
    end: 'rated',
    activities: [{ days: 150, title: '智能手机课堂', participants: 5, hours: 15, beneficiaries: 50 }],
    results: { text: '开课 5 期，50 位老人学会线上挂号', fundsFen: 200_000, problems: 1 },
  },
  {
    need: {
      categoryCode: 'environment',
      title: '小区垃圾分类督导',
      description: '垃圾分类投放点需要督导志愿者',
      beneficiaries: '小区居民',
      beneficiaryCount: 900,
      urgency: 'normal',
      estPeople: 10,
    },
    ago: 60,
    end: 'active',
    activities: [{ days: 30, title: '垃圾分类督导', participants: 10, hours: 40, beneficiaries: 900 }],
  },
  {
    need: {
      categoryCode: 'children',
      title: '四点半课堂志愿老师',
      description: '放学后课业辅导缺少志愿老师',
      beneficiaries: '辖区小学生',
      beneficiaryCount: 30,
      urgency: 'soon',
      estPeople: 3,
    },
    ago: 15,
    end: 'open',
  },
];

/** Records one story through the services, each step on its own day. */
async function tell(
  rg: RegionalModule,
  clock: Clock,
  today: string,
  who: { side: Actor; unitActor: Actor | null; ownUnit: string | null },
  communityId: string,
  units: ReportedUnit[],
  s: Story,
  k: number,
) {
  const { side, unitActor, ownUnit } = who;
  const day = (ago: number) => addDays(today, -ago);
  clock.set(day(s.ago));
  const wantedBy = s.end === 'open' && s.need.urgency === 'urgent' ? day(s.ago - 30) : day(s.ago - 90);
  const need = await rg.needs.create(side, { source: 'visit', ...s.need, orgId: communityId, wantedBy: wantedBy > day(s.ago) ? wantedBy : null });
  if (s.end === 'open') return;
  if (s.end === 'closed') {
    clock.set(day(s.ago - 12));
    await rg.needs.close(side, need.id, { reason: '已由街道司法所统一安排律师值班' });
    return;
  }
  if (s.end === 'claimed') {
    clock.set(day(s.ago - 3));
    await rg.needs.claim(unitActor!, need.id, { note: '我院可安排全科医生每月两次到楼栋义诊' });
    return;
  }
  const named = (s.units ?? []).map((n) => units.find((u) => u.unitName === n)).filter((u): u is ReportedUnit => !!u);
  const joined = named.length ? named : units.slice(k % Math.max(units.length, 1), (k % Math.max(units.length, 1)) + 1);
  if (joined.length === 0) return;
  const offered = (await rg.resources.list(side, { pageSize: 200, state: 'offered' })).items;
  const resources = joined
    .map((u) => offered.find((r) => r.unitId === u.id && r.categoryCode === s.need.categoryCode) ?? offered.find((r) => r.unitId === u.id))
    .filter((r) => r !== undefined);
  clock.set(day(s.ago - 5));
  const start = day(s.ago - 7);
  const end = s.end === 'active' ? day(-40) : day(Math.max(s.ago - 100, 3));
  const project = await rg.projects.create(side, {
    needId: need.id,
    title: `${s.need.title}共建项目`,
    plan: `${joined.map((u) => u.unitName).join('、')}共同实施：${s.need.description}`,
    startDate: start,
    endDate: end < start ? start : end,
    budgetFen: s.need.estMoneyFen ?? 0,
    resourceIds: resources.map((r) => r.id),
  });
  const own = project.parts.filter((x) => x.unitId !== null && x.unitId === ownUnit);
  clock.set(day(s.ago - 6));
  if (s.end === 'proposed') return;
  if (s.end === 'declined') {
    await rg.projects.consent(own.length && unitActor ? unitActor : side, project.id, {
      agree: false,
      reason: '本单位会议室年内已排满',
      unitId: joined[0]!.id,
    });
    return;
  }
  // units without an account of their own agreed on paper: the community records it
  for (const x of project.parts)
    if (x.consent === 'pending')
      await rg.projects.consent(x.unitId === ownUnit && unitActor ? unitActor : side, project.id, { agree: true, unitId: x.unitId! });
  for (const a of s.activities ?? []) {
    clock.set(day(a.days));
    await rg.projects.addActivity(side, project.id, {
      heldOn: day(a.days),
      title: a.title,
      participants: a.participants,
      hours: a.hours,
      beneficiaries: a.beneficiaries,
      unitId: joined[0]!.id,
    });
  }
  if (s.end === 'active') return;
  const last = Math.min(...(s.activities ?? [{ days: 5 }]).map((a) => a.days));
  clock.set(day(Math.max(last - 5, 1)));
  await rg.projects.complete(side, project.id, { results: s.results!.text, fundsFen: s.results!.fundsFen, problemsSolved: s.results!.problems });
  await rg.projects.feedback(side, project.id, { verdict: 'satisfied', rater: '受益居民', comment: '服务很贴心' });
  await rg.projects.feedback(side, project.id, { verdict: k % 2 ? 'fair' : 'satisfied', rater: '居民代表' });
  if (s.end === 'completed') return;
  clock.set(day(Math.max(last - 8, 1)));
  await rg.projects.rate(side, project.id, { rating: 5, comment: '单位投入大，群众评价好' });
}

/** Resources the units offer (the demo unit's through its own account). */
async function offer(rg: RegionalModule, side: Actor, unitActor: Actor | null, units: ReportedUnit[], own: string | null) {
  const CATS: Record<string, [string, string, Partial<RgResourceInput>]> = {
    演示区人民医院: ['health', '医护志愿服务与健康义诊', { capacityPeople: 10, capacityHoursMonth: 40 }],
    国网演示区供电公司: ['facilities', '用电安全检查和线路改造', { capacityPeople: 6, capacityMoneyFen: 1_000_000 }],
    演示区实验小学: ['children', '暑期托管场地和志愿教师', { capacityPeople: 8, venue: '实验小学多功能教室（周一至周五 8:30–17:00）' }],
    中国银行演示支行: ['elderly', '助老公益资金和金融知识讲座', { capacityMoneyFen: 2_000_000, capacityPeople: 4 }],
    演示区城市管理综合行政执法大队: ['environment', '环境整治执法力量', { capacityPeople: 25 }],
  };
  for (const [k, u] of units.entries()) {
    const [categoryCode, title, extra] = CATS[u.unitName] ?? (['party', `${u.unitName}党员志愿服务`, { capacityPeople: 5 }] as const);
    const input: RgResourceInput = {
      ownerKind: 'unit',
      unitId: u.id,
      categoryCode,
      title,
      description: `${u.unitName}面向${u.communityName}提供：${title}`,
      availableFrom: null,
      availableTo: null,
      contactName: '联络员',
      phone: phone(k),
      ...extra,
    };
    const byUnit = own !== null && u.id === own && unitActor !== null;
    await rg.resources.create(byUnit ? unitActor : side, byUnit ? { ...input, unitId: null } : input);
    if (u.unitName === '中国银行演示支行')
      await rg.resources.create(side, { ...input, categoryCode: 'culture', title: '营业网点会议室', venue: '支行二楼会议室（周末）', capacityMoneyFen: null });
  }
  if (units[0]) {
    const old = await rg.resources.create(side, {
      ownerKind: 'unit',
      unitId: units[0].id,
      categoryCode: 'party',
      title: '党员志愿服务队（往年）',
      description: '往年的志愿服务',
      contactName: '联络员',
      phone: phone(9),
    });
    await rg.resources.withdraw(side, old.id, {});
  }
}

/**
 * 区域化党建 三张清单 of the demo, through the module's own services on a clock that walks back over
 * the last seven months: in 梅花山社区 ten needs in every state — open (one overdue), claimed by the
 * demo 驻区单位 (演示区人民医院, account danwei), two projects proposed (one waiting for danwei's
 * consent), one running with activities, one completed awaiting its rating (overdue), one rated with
 * the beneficiaries' verdicts, one declined by a unit, one closed — with the units' resources (one
 * withdrawn); in the other communities of 孝陵街道 and 梅园街道 a project rated, one running and a
 * need waiting, so the street's and district's figures have something to count.
 */
export async function applyRegional(server: Server): Promise<void> {
  const today = server.clock.today();
  const clock = seedClock(addDays(today, -220));
  const rg = createRegionalModule({ db: server.db, regionId: server.regionId, audit: server.audit, clock, crypto: server.crypto });
  const shequ = await actorOf(server, 'shequ');
  const danwei = await actorOf(server, 'danwei');
  const ownUnit = (await rg.reports.units(danwei, {}))[0]?.unitId ?? null;
  const demo = (await server.db.one<{ id: string; path: string }>(
    sql`select id::text as id, path::text as path from org where region_id = ${server.regionId} and name = ${DEMO_ORG.community}`,
  ))!;
  const streets = await server.db.rows<{ path: string }>(
    sql`select path::text as path from org where region_id = ${server.regionId} and name in (${DEMO_ORG.street}, ${DEMO_ORG.otherStreet})`,
  );
  const all = (await Promise.all(streets.map((s) => reportedUnits.under(server.db, server.regionId, s.path)))).flat();
  const byCommunity = new Map<string, ReportedUnit[]>();
  for (const u of all) byCommunity.set(u.communityId, [...(byCommunity.get(u.communityId) ?? []), u]);

  clock.set(addDays(today, -215));
  const demoUnits = byCommunity.get(demo.id) ?? [];
  await offer(rg, shequ, danwei, demoUnits, ownUnit);
  for (const [k, s] of FOCUS.entries()) await tell(rg, clock, today, { side: shequ, unitActor: danwei, ownUnit }, demo.id, demoUnits, s, k);

  let k = 0;
  for (const [communityId, units] of byCommunity) {
    if (communityId === demo.id) continue;
    const side = await sideActor(server, communityId);
    clock.set(addDays(today, -215));
    await offer(rg, side, null, units, null);
    for (const s of ELSEWHERE) await tell(rg, clock, today, { side, unitActor: null, ownUnit: null }, communityId, units, s, k++);
  }
}
