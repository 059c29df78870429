import { sql } from 'drizzle-orm';
import type { VenueDetail, VenueHoursPeriod, VenueInput, VenueRoomInput } from '@jiceng/contracts';
import { addDays, weekdayOf } from '@jiceng/rules';
import { createVenueModule } from '../src/modules/venue/index.ts';
import type { Actor } from '../src/platform/http/actor.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { actorOf, seedClock } from './demo-actor.ts';

type VenueModule = ReturnType<typeof createVenueModule>;

/** A 党群服务中心's week: every day, with 延时服务 on weekday evenings. */
const CENTRE_HOURS: VenueHoursPeriod[] = [
  { days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' },
  { days: [1, 2, 3, 4, 5], start: '18:00', end: '21:00', extended: true },
  { days: [6, 7], start: '09:00', end: '17:00' },
];
const STATION_HOURS: VenueHoursPeriod[] = [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }];
const UNIT_HOURS: VenueHoursPeriod[] = [
  { days: [1, 2, 3, 4, 5], start: '14:00', end: '17:30' },
  { days: [6], start: '09:00', end: '12:00' },
];

const SERVICES = {
  centre: [
    { name: '党员教育', description: '三会一课、主题党日、党课学习' },
    { name: '便民服务', description: '社保、民政、计生等事项代办' },
    { name: '志愿服务', description: '志愿者招募、服务项目对接' },
    { name: '议事协商', description: '居民议事会、大党委联席会议' },
  ],
  station: [
    { name: '歇脚服务', description: '饮水、充电、休息' },
    { name: '应急药箱', description: '常用药品、急救用品' },
  ],
  practice: [
    { name: '理论宣讲', description: '身边人讲身边事' },
    { name: '文化活动', description: '书画、合唱、广场舞排练' },
  ],
  unit: [
    { name: '健康讲座', description: '慢病管理、急救知识' },
    { name: '义诊咨询', description: '每月一次社区义诊' },
  ],
};

type Plan = {
  venue: Omit<VenueInput, 'managerPhone' | 'services' | 'hours'> & { hours?: VenueHoursPeriod[] };
  services: keyof typeof SERVICES;
  rooms: VenueRoomInput[];
};
const room = (name: string, capacity: number, areaM2: number, residentBookable = false): VenueRoomInput => ({ name, capacity, areaM2, residentBookable });

/** The communities' venues by community name: 梅花山 meets 1,000 m² only with the hospital's opened venue, 苜蓿园 and 前湖 fall short. */
const PLANS: Record<string, Plan[]> = {
  [DEMO_ORG.community]: [
    {
      venue: { name: '梅花山社区党群服务中心', kind: 'service_center', address: '梅花山路 8 号', areaM2: 650, managerName: '王秀兰' },
      services: 'centre',
      rooms: [room('多功能活动室', 60, 150, true), room('党员活动室', 30, 70), room('议事协商室', 16, 40)],
    },
    {
      venue: {
        name: '梅花山社区新时代文明实践站',
        kind: 'civilization_station',
        address: '梅花山路 8 号二楼',
        areaM2: 180,
        managerName: '李明',
        hours: STATION_HOURS,
      },
      services: 'practice',
      rooms: [room('文化活动室', 40, 90, true)],
    },
  ],
  中共苜蓿园社区委员会: [
    {
      venue: { name: '苜蓿园社区党群服务中心', kind: 'service_center', address: '苜蓿园大街 21 号', areaM2: 420, managerName: '陈燕' },
      services: 'centre',
      rooms: [room('多功能活动室', 50, 110, true)],
    },
    {
      venue: { name: '苜蓿园红色驿站', kind: 'red_station', address: '苜蓿园大街 60 号', areaM2: 80, managerName: '陈燕', hours: STATION_HOURS },
      services: 'station',
      rooms: [],
    },
  ],
  中共卫岗社区委员会: [
    {
      venue: { name: '卫岗社区党群服务中心', kind: 'service_center', address: '卫岗 3 号', areaM2: 1200, managerName: '周静' },
      services: 'centre',
      rooms: [room('多功能活动室', 80, 200, true), room('党员活动室', 30, 60)],
    },
  ],
  中共前湖社区总支部委员会: [
    {
      venue: { name: '前湖红色驿站', kind: 'red_station', address: '前湖路 2 号', areaM2: 60, managerName: '吴军', hours: STATION_HOURS },
      services: 'station',
      rooms: [room('驿站活动区', 12, 30)],
    },
  ],
};

async function register(vm: VenueModule, actor: Actor, orgId: string, p: Plan, phone: string): Promise<VenueDetail> {
  const { hours, ...venue } = p.venue;
  let v = await vm.service.create(actor, { ...venue, orgId, hours: hours ?? CENTRE_HOURS, managerPhone: phone, services: SERVICES[p.services] });
  for (const r of p.rooms) v = await vm.service.addRoom(actor, v.id, r);
  return v;
}

/** The day itself when Monday to Friday, else the Monday after (the evening and the hospital's hours are on weekdays). */
const weekday = (d: string): string => (weekdayOf(d) > 5 ? addDays(d, 8 - weekdayOf(d)) : d);

const orgIdOf = async (server: Server, name: string) =>
  (await server.db.one<{ id: string }>(sql`select id::text as id from org where region_id = ${server.regionId} and name = ${name}`))?.id;

/**
 * 阵地 of the demo, through the module's own service on a clock that walks back eight weeks: the
 * venues of 梅花山社区 (党群服务中心 with three rooms, 新时代文明实践站) and the opened venue of the demo
 * 驻区单位 (演示区人民医院, account danwei) that brings it over 1,000 m²; venues in three more communities
 * of 孝陵街道 (苜蓿园 and 前湖 below the rule: the 阵地面积 warning and its 待办 for the street) and two
 * of 梅园街道; bookings by the community, a branch and the hospital — past (used), upcoming and
 * cancelled — so the venue page, the usage figures and the warning have something to show.
 */
export async function applyVenues(server: Server): Promise<void> {
  const today = server.clock.today();
  const clock = seedClock(addDays(today, -60));
  const vm = createVenueModule({ db: server.db, regionId: server.regionId, audit: server.audit, clock, crypto: server.crypto });
  const [shequ, shuji, danwei, jiedao, zuzhibu] = await Promise.all([
    actorOf(server, 'shequ'),
    actorOf(server, 'shuji'),
    actorOf(server, 'danwei'),
    actorOf(server, 'jiedao'),
    actorOf(server, 'zuzhibu'),
  ]);

  const venues: Record<string, VenueDetail> = {};
  let phone = 13_900_002_000;
  for (const [orgName, plans] of Object.entries(PLANS)) {
    const orgId = await orgIdOf(server, orgName);
    if (!orgId) continue;
    for (const p of plans) venues[p.venue.name] = await register(vm, orgName === DEMO_ORG.community ? shequ : jiedao, orgId, p, String(phone++));
  }
  // two communities of the other street, registered by the district (one meets the rule, one does not)
  const others = (await vm.service.communities(zuzhibu)).filter((c) => c.streetName === DEMO_ORG.otherStreet).slice(0, 2);
  for (const [i, c] of others.entries()) {
    const place = c.name.replace(/^中共/, '').replace(/(委员会|总支部委员会)$/, '');
    await register(
      vm,
      zuzhibu,
      c.id,
      {
        venue: { name: `${place}党群服务中心`, kind: 'service_center', address: `梅园路 ${10 + i} 号`, areaM2: i === 0 ? 1100 : 900, managerName: '孙红' },
        services: 'centre',
        rooms: [room('多功能活动室', 50, 120, true)],
      },
      String(phone++),
    );
  }
  // the hospital opens its lecture hall to 梅花山社区
  const unitVenue = await vm.service.create(danwei, {
    name: '演示区人民医院健康讲堂',
    kind: 'unit_open',
    address: '梅花山路 99 号门诊楼三楼',
    areaM2: 200,
    hours: UNIT_HOURS,
    managerName: '刘医生',
    managerPhone: '13900002999',
    services: SERVICES.unit,
  });
  venues[unitVenue.name] = await vm.service.addRoom(danwei, unitVenue.id, room('健康讲堂', 80, 160, true));

  const centre = venues['梅花山社区党群服务中心']!;
  const roomOf = (v: VenueDetail, name: string) => v.rooms.find((r) => r.name === name)!.id;
  const book = (actor: Actor, v: VenueDetail, roomName: string, date: string, start: string, end: string, purpose: string, attendees: number) =>
    vm.service.book(actor, v.id, { roomId: roomOf(v, roomName), date, start, end, purpose, attendees });

  // eight weeks of use: each week a 主题党日 of the branch, the community's 议事会, the hospital's 义诊宣讲
  for (let week = 8; week >= 1; week--) {
    const day = addDays(today, -7 * week);
    clock.set(addDays(day, -2));
    await book(shuji, centre, '党员活动室', day, '09:00', '11:00', '第一党支部主题党日', 24);
    await book(shequ, centre, '议事协商室', addDays(day, 1), '14:30', '16:30', '居民议事会', 14);
    await book(danwei, centre, '多功能活动室', addDays(day, 2), '14:00', '16:00', '健康知识宣讲', 45);
    if (week % 2 === 0) await book(shequ, venues['演示区人民医院健康讲堂']!, '健康讲堂', weekday(addDays(day, 3)), '14:30', '16:30', '老年人慢病管理讲座', 60);
  }
  // one past booking cancelled before its day
  clock.set(addDays(today, -20));
  const rained = await book(shequ, venues['梅花山社区新时代文明实践站']!, '文化活动室', addDays(today, -18), '09:00', '11:00', '书画兴趣小组', 20);
  await vm.service.cancel(shequ, rained.id, { reason: '书画老师临时有事，活动改期' });

  // upcoming: the next two weeks, one cancelled
  clock.set(today);
  await book(shuji, centre, '党员活动室', addDays(today, 3), '09:00', '11:00', '第一党支部组织生活会', 26);
  await book(shequ, centre, '多功能活动室', weekday(addDays(today, 5)), '18:30', '20:30', '大党委联席会议', 30);
  await book(danwei, centre, '多功能活动室', addDays(today, 9), '14:00', '16:00', '社区义诊', 50);
  const moved = await book(shequ, centre, '议事协商室', addDays(today, 7), '14:30', '16:30', '物业问题协商', 12);
  await vm.service.cancel(shequ, moved.id, { reason: '与物业公司协商时间调整' });
  await book(jiedao, venues['卫岗社区党群服务中心']!, '多功能活动室', addDays(today, 4), '09:00', '11:30', '街道党建工作推进会', 70);
}
