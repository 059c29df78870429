import { sql } from 'drizzle-orm';
import { rolePermissions, type RmReport } from '@jiceng/contracts';
import { addDays } from '@jiceng/rules';
import { createRegionalModule, type RegionalModule } from '../src/modules/regional/index.ts';
import { createRegionMeetModule, type RegionMeetModule } from '../src/modules/regionmeet/index.ts';
import { reportedUnits, type ReportedUnit } from '../src/modules/reportin/index.ts';
import type { Actor } from '../src/platform/http/actor.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { actorOf, seedClock } from './demo-actor.ts';

type Clock = ReturnType<typeof seedClock>;

const HOSPITAL = '演示区人民医院';
const POWER = '国网演示区供电公司';
const SCHOOL = '演示区实验小学';

/** A unit without an account of its own answering on paper, entered by the community (its report's filer). */
async function paperUnit(server: Server, u: ReportedUnit): Promise<Actor | null> {
  const row = await server.db.one<{ created_by: string | null }>(
    sql`select created_by::text as created_by from unit_report_in where region_id = ${server.regionId} and id = ${u.id}`,
  );
  if (!row?.created_by) return null;
  return {
    ...(await actorOf(server, 'shequ')),
    id: row.created_by,
    role: 'resident_unit',
    permissions: rolePermissions.resident_unit,
    scope: 'self',
    displayName: `${u.unitName}（社区代录）`,
  };
}

/**
 * Last year's work of 梅花山社区's units through 三张清单's own services (a project with two units,
 * activities, money and problems solved, the beneficiaries' verdicts), so last year's 双报告 have
 * figures. Skipped when the units or their resources are not there.
 */
async function lastYearProject(rg: RegionalModule, clock: Clock, year: number, shequ: Actor, danwei: Actor, units: ReportedUnit[]): Promise<void> {
  const hospital = units.find((u) => u.unitName === HOSPITAL);
  const power = units.find((u) => u.unitName === POWER);
  if (!hospital || !power) return;
  const offered = (await rg.resources.list(shequ, { pageSize: 200, state: 'offered' })).items;
  const resources = [hospital, power].map((u) => offered.find((r) => r.unitId === u.id)).filter((r) => r !== undefined);
  if (resources.length < 2) return;
  clock.set(`${year}-03-01`);
  const need = await rg.needs.create(shequ, {
    orgId: hospital.communityId,
    categoryCode: 'facilities',
    title: '老旧小区楼道照明和用电安全',
    description: '梅花山一村 12 栋老楼楼道照明损坏、线路老化，老人夜间出行不便',
    beneficiaries: '梅花山一村住户',
    beneficiaryCount: 380,
    urgency: 'soon',
    source: 'joint_meeting',
  });
  clock.set(`${year}-03-03`);
  const p = await rg.projects.create(shequ, {
    needId: need.id,
    title: '点亮楼道共建项目',
    plan: '供电公司检修线路、更换灯具，人民医院开展夜间出行安全宣传',
    startDate: `${year}-03-05`,
    endDate: `${year}-09-30`,
    budgetFen: 2_000_000,
    resourceIds: resources.map((r) => r.id),
  });
  clock.set(`${year}-03-04`);
  for (const x of p.parts)
    if (x.consent === 'pending') await rg.projects.consent(x.unitId === hospital.id ? danwei : shequ, p.id, { agree: true, unitId: x.unitId! });
  const acts: [string, ReportedUnit, string, number, number, number][] = [
    [`${year}-04-12`, power, '楼道线路检修和灯具更换', 12, 72, 380],
    [`${year}-05-20`, hospital, '老年人夜间出行安全讲座', 6, 12, 85],
    [`${year}-07-08`, power, '夏季用电安全入户检查', 8, 32, 120],
  ];
  for (const [day, u, title, participants, hours, beneficiaries] of acts) {
    clock.set(day);
    await rg.projects.addActivity(shequ, p.id, { heldOn: day, title, participants, hours, beneficiaries, unitId: u.id });
  }
  clock.set(`${year}-10-10`);
  await rg.projects.complete(shequ, p.id, { results: '更换楼道灯具 160 盏、改造老化线路 12 栋', fundsFen: 1_860_000, problemsSolved: 4 });
  await rg.projects.feedback(shequ, p.id, { verdict: 'satisfied', rater: '梅花山一村居民' });
  await rg.projects.feedback(shequ, p.id, { verdict: 'satisfied', rater: '楼栋长' });
}

/** A held (archived) joint meeting with decisions and follow-ups (one overdue), and a draft one. */
async function meetings(rm: RegionMeetModule, clock: Clock, today: string, shequ: Actor, communityId: string) {
  const day = (ago: number) => addDays(today, -ago);
  clock.set(day(45));
  const m = await rm.meetings.create(shequ, {
    orgId: communityId,
    title: '梅花山社区大党委第三次联席会议',
    heldOn: day(40),
    place: '社区党群服务中心二楼会议室',
    host: '王秀兰',
  });
  const candidates = (await rm.meetings.candidates(shequ, m.id)).items;
  await rm.meetings.setAgenda(shequ, m.id, {
    items: [...candidates.slice(0, 3).map((c) => ({ kind: c.kind, refId: c.id })), { kind: 'free', title: '通报下一阶段共建活动安排' }],
  });
  clock.set(day(40));
  let d = await rm.meetings.act(shequ, m.id, { action: 'hold' });
  const rows = d.attendance.map((a, i) => ({
    unitId: a.unitId,
    status: i === 3 ? ('leave' as const) : i === 4 ? ('absent' as const) : ('present' as const),
    attendee: i < 3 ? (a.partTime[0] ?? '联络员') : null,
    note: i === 3 ? '外出培训' : null,
  }));
  d = await rm.meetings.setAttendance(shequ, m.id, { rows });
  await rm.meetings.addDecision(shequ, m.id, { kind: 'text', text: '各成员单位于下月底前报送明年共建项目建议' });
  await rm.meetings.addDecision(shequ, m.id, {
    kind: 'need',
    text: '新增梅花山二村加装楼道扶手需求，列入需求清单',
    need: {
      categoryCode: 'facilities',
      title: '梅花山二村楼道加装扶手',
      description: '二村 8 栋六层楼无电梯，高龄老人上下楼困难',
      beneficiaries: '二村高龄老人',
      beneficiaryCount: 60,
      urgency: 'normal',
    },
  });
  const project = candidates.find((c) => c.kind === 'project');
  if (project)
    await rm.meetings.addDecision(shequ, m.id, {
      kind: 'project',
      projectId: project.id,
      text: `「${project.title}」增加一家参与单位，活动频次由每月一次调整为每月两次`,
    });
  const unit = (i: number) => d.attendance[i]?.unitId;
  if (unit(0)) await rm.meetings.addFollowup(shequ, m.id, { title: '报送明年共建项目建议', ownerKind: 'unit', ownerUnitId: unit(0)!, dueOn: day(10) });
  if (unit(1)) await rm.meetings.addFollowup(shequ, m.id, { title: '完成助餐点用电线路检查', ownerKind: 'unit', ownerUnitId: unit(1)!, dueOn: day(25) });
  d = await rm.meetings.addFollowup(shequ, m.id, { title: '汇总各单位建议，形成明年项目清单', ownerKind: 'community', dueOn: day(-20) });
  clock.set(day(38));
  await rm.meetings.setMinutes(shequ, m.id, {
    minutes:
      '会议由社区党委书记王秀兰主持。会议通报了本季度区域化党建项目推进情况，研究了独居老人助餐、背街小巷整治等需求的对接安排，决定新增楼道扶手需求，部署了下一阶段共建工作。',
  });
  await rm.meetings.act(shequ, m.id, { action: 'archive' });
  const done = d.followups.find((f) => f.title === '完成助餐点用电线路检查');
  if (done) {
    clock.set(day(27));
    await rm.meetings.doneFollowup(shequ, m.id, done.id, { note: '已完成线路检查，更换老化插座 6 处' });
  }
  clock.set(day(3));
  await rm.meetings.create(shequ, {
    orgId: communityId,
    title: '梅花山社区大党委第四次联席会议',
    heldOn: day(-14),
    place: '社区党群服务中心二楼会议室',
    host: '王秀兰',
  });
}

/**
 * 大党委 joint meetings, 双报告 and 双向评价 of the demo, through the modules' own services on a
 * clock set to each step's day: in 梅花山社区 a held and archived meeting (an agenda from its needs
 * and projects, attendance, a decision that made a need, follow-ups — one overdue) and a draft;
 * last year's reports of every unit and member of the district, assembled in January (梅花山's: two
 * units confirmed, the demo 党员 dangyuan's corrected, the demo unit danwei's awaiting); ratings both
 * ways for three of 梅花山's units. Tolerates a district without 三张清单's records.
 */
export async function applyRegionMeet(server: Server): Promise<void> {
  const today = server.clock.today();
  const year = Number(today.slice(0, 4)) - 1;
  const cap = (d: string) => (d < today ? d : today);
  const clock = seedClock(today);
  const rg = createRegionalModule({ db: server.db, regionId: server.regionId, audit: server.audit, clock, crypto: server.crypto });
  const rm = createRegionMeetModule({ db: server.db, regionId: server.regionId, audit: server.audit, clock, needs: rg.needs });
  const [shequ, danwei] = await Promise.all([actorOf(server, 'shequ'), actorOf(server, 'danwei')]);
  const dangyuanMember = await server.db.one<{ member_id: string | null }>(
    sql`select member_id::text as member_id from account where region_id = ${server.regionId} and username = 'dangyuan'`,
  );
  const dangyuan = { ...(await actorOf(server, 'dangyuan')), memberId: dangyuanMember?.member_id ?? null };
  const community = (await server.db.one<{ id: string; path: string }>(
    sql`select id::text as id, path::text as path from org where region_id = ${server.regionId} and name = ${DEMO_ORG.community}`,
  ))!;
  const units = (await reportedUnits.under(server.db, server.regionId, community.path)).filter((u) => u.communityId === community.id);

  await lastYearProject(rg, clock, year, shequ, danwei, units);
  await meetings(rm, clock, today, shequ, community.id);

  // the January job's work: last year's reports of the whole district
  clock.set(cap(`${year + 1}-01-06`));
  const root = (await server.db.one<{ path: string }>(sql`select path::text as path from org where region_id = ${server.regionId} and parent_id is null`))!;
  await rm.reports.assembleUnder(root.path, year);
  const page = await rm.reports.list(shequ, { year, pageSize: 200 });
  const of = (name: string): RmReport | undefined => page.items.find((r) => r.subjectName === name);

  clock.set(cap(`${year + 1}-01-20`));
  for (const name of [POWER, SCHOOL]) {
    const u = units.find((x) => x.unitName === name);
    const r = of(name);
    const actor = u ? await paperUnit(server, u) : null;
    if (r && actor) await rm.reports.respond(actor, r.id, { action: 'confirm' });
  }
  const mine = dangyuan.memberId ? page.items.find((r) => r.memberId === dangyuan.memberId) : undefined;
  if (mine)
    await rm.reports.respond(dangyuan, mine.id, {
      action: 'correct',
      note: '另参加了社区组织的两次文明劝导志愿服务，未录入项目活动',
      corrected: { activities: mine.figures.activities + 2 },
    });

  // 双向评价: 梅花山 rates three of its units; the demo unit and one more rate the community
  clock.set(cap(`${year + 1}-02-15`));
  const scores: Record<string, Record<string, number>> = {
    [HOSPITAL]: { activities: 22, resources: 18, projects: 18, problems: 16, masses: 14 },
    [POWER]: { activities: 24, resources: 17, projects: 16, problems: 19, masses: 14 },
    [SCHOOL]: { activities: 15, resources: 14, projects: 12, problems: 10, masses: 11 },
  };
  for (const [name, s] of Object.entries(scores)) {
    const u = units.find((x) => x.unitName === name);
    if (u) await rm.ratings.rateUnit(shequ, u.id, { year, scores: s, comment: '积极参与社区共建' });
  }
  if (units.some((u) => u.unitName === HOSPITAL))
    await rm.ratings.rateCommunity(danwei, { year, scores: { coordination: 32, support: 30, response: 27 }, comment: '社区沟通及时，需求清晰' });
  const power = units.find((u) => u.unitName === POWER);
  const powerActor = power ? await paperUnit(server, power) : null;
  if (power && powerActor) await rm.ratings.rateCommunity(powerActor, { year, unitId: power.id, scores: { coordination: 28, support: 26, response: 25 } });
}
