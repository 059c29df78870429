import { sql } from 'drizzle-orm';
import type { CobuildAgreementInput } from '@jiceng/contracts';
import { addDays } from '@jiceng/rules';
import { createCobuildRecords } from '../src/modules/cobuild/cobuild.records.ts';
import { createCobuildService } from '../src/modules/cobuild/cobuild.service.ts';
import { cobuildSweep } from '../src/modules/cobuild/cobuild.sweep.ts';
import type { Actor } from '../src/platform/http/actor.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { actorOf, seedClock } from './demo-actor.ts';

type Org = { id: string; path: string; name: string };

/** An account of `org`'s side as the services see it (the demo's own community account, moved onto that organization). */
const sideOf = (base: Actor, org: Org): Actor => ({ ...base, orgId: org.id, orgPath: org.path, orgName: org.name, displayName: `${org.name}管理员` });

const contacts = (a: string, b: string, k: number): CobuildAgreementInput['contacts'] => [
  { side: 'a', name: a, post: '支部书记', phone: `1391100${String(1000 + k).slice(-4)}` },
  { side: 'b', name: b, post: '党组织书记', phone: `1392200${String(1000 + k).slice(-4)}` },
];

/**
 * 结对共建 of the demo (the 联建共创 campaign: 区直机关 branches paired with communities, villages and
 * enterprises), every step through the module's own services on a clock set to the day it happened,
 * dates relative to today — 区发改委 ↔ 梅花山社区 in force with a year of log (activities, problems
 * solved, funds) and a plan with one commitment overdue; 区财政局 ↔ a 孝陵 community in force and
 * ending within the reminder window (a to-do for both sides, reminded by the sweep); 区民政局 ↔
 * 梅花山社区 waiting for 梅花山's confirmation (shequ's to-do); 区住建局 ↔ a village still a draft;
 * 区卫健委 ↔ a 孝陵 community expired by the sweep and renewed (the next term in force); 区司法局 ↔ an
 * enterprise terminated with a reason.
 */
export async function applyCobuild(server: Server): Promise<void> {
  const today = server.clock.today();
  const day = (n: number) => addDays(today, n);
  const clock = seedClock(day(-400));
  const service = createCobuildService({ db: server.db, regionId: server.regionId, audit: server.audit, clock, crypto: server.crypto });
  const records = createCobuildRecords(service);
  const [zuzhibu, shequ] = await Promise.all([actorOf(server, 'zuzhibu'), actorOf(server, 'shequ')]);

  const org = async (where: ReturnType<typeof sql>) =>
    server.db
      .one<Org>(sql`select o.id::text as id, o.path::text as path, o.name from org o where o.region_id = ${server.regionId} and o.status = 'active' and ${where}
      order by o.path limit 1`);
  const agency = (unit: string) => org(sql`o.name = ${`演示区${unit}机关党支部`}`);
  const meihua = (await org(sql`o.name = ${DEMO_ORG.community}`))!;
  const xiaoling = (await org(sql`o.name = ${DEMO_ORG.street}`))!;
  const community = (n: number) =>
    server.db.rows<Org>(sql`select o.id::text as id, o.path::text as path, o.name from org o join org s on s.region_id = o.region_id and s.id = o.parent_id
      where o.region_id = ${server.regionId} and s.id = ${xiaoling.id} and o.domain = 'community' and o.type in ('committee', 'general_branch')
        and o.status = 'active' and o.id <> ${meihua.id} order by o.path limit ${n}`);
  const village = await org(sql`o.domain = 'rural' and o.type in ('committee', 'general_branch') and exists (select 1 from org p where p.region_id = o.region_id
    and p.id = o.parent_id and p.domain = 'rural')`);
  const enterprise = await org(sql`o.domain = 'private_enterprise' and o.type in ('committee', 'general_branch', 'branch')`);
  const [fgw, czj, mzj, zjj, wjw, sfj] = await Promise.all(
    ['发展和改革委员会', '财政局', '民政局', '住房和城乡建设局', '卫生健康委员会', '司法局'].map(agency),
  );
  const [other1, other2] = await community(2);
  if (!fgw || !czj || !mzj || !zjj || !wjw || !sfj || !other1 || !other2 || !village || !enterprise) return;

  const draft = async (a: Org, b: Org, startOn: string, endOn: string, k: number, names: [string, string]) => {
    clock.set(startOn < today ? addDays(startOn, -10) : today);
    return service.create(zuzhibu, { orgAId: a.id, orgBId: b.id, startOn, endOn, contacts: contacts(names[0], names[1], k) });
  };
  const sign = async (id: string, other: Actor, on: string) => {
    clock.set(on);
    await service.act(zuzhibu, id, { action: 'submit' }, null);
    clock.set(addDays(on, 2));
    return service.act(other, id, { action: 'confirm' }, null);
  };

  // 1. 区发改委 ↔ 梅花山社区: in force for a year, with its log and plan
  const main = await draft(fgw, meihua, day(-330), day(400), 1, ['周建明', '王秀兰']);
  await sign(main.id, shequ, day(-335));
  clock.set(day(-320));
  const plan: [string, string, number, 'a' | 'b'][] = [
    ['党建工作联创', '每季度开展一次联合主题党日', 60, 'b'],
    ['发展项目联抓', '协调落实社区养老服务站建设项目', -20, 'a'],
    ['基础设施联建', '推动梅花山片区背街小巷道路硬化', -60, 'a'],
    ['社会活动联谊', '组织机关党员参与社区“邻里节”', 90, 'b'],
  ];
  for (const [heading, content, due, side] of plan) await records.addCommitment(zuzhibu, main.id, { heading, content, dueOn: day(due), side });
  clock.set(today);
  const log = await service.get(shequ, main.id);
  const road = log.plan.find((c) => c.content.includes('道路硬化'))!;
  const acts: [number, string, string, number][] = [
    [-300, '“结对共建 携手同行”签约暨联合主题党日', '党建工作联创', 46],
    [-240, '机关党员进社区“双报到”志愿服务', '社会活动联谊', 32],
    [-180, '养老服务站项目现场协调会', '发展项目联抓', 12],
    [-120, '联合开展“七一”党课', '党建工作联创', 58],
    [-45, '背街小巷道路硬化施工现场督导', '基础设施联建', 9],
    [-10, '重阳节走访慰问困难老人', '社会活动联谊', 20],
  ];
  for (const [d, title, heading, participants] of acts)
    await records.addActivity(shequ, main.id, { heldOn: day(d), title, heading, participants, description: null });
  await records.addProblem(zuzhibu, main.id, { solvedOn: day(-170), heading: '发展项目联抓', count: 1, description: '解决养老服务站用房问题' });
  await records.addProblem(shequ, main.id, { solvedOn: day(-40), heading: '基础设施联建', count: 1, description: '解决道路硬化问题' });
  await records.addProblem(shequ, main.id, { solvedOn: day(-30), heading: '基础设施联建', count: 3, description: '解决楼道照明、雨污分流和停车难问题' });
  await records.addFund(zuzhibu, main.id, {
    raisedOn: day(-175),
    amountFen: 12_000_000,
    source: '区发改委争取省级养老服务专项资金',
    purpose: '社区养老服务站建设',
  });
  await records.addFund(zuzhibu, main.id, { raisedOn: day(-50), amountFen: 3_500_000, source: '区发改委协调城建计划资金', purpose: '背街小巷道路硬化' });
  await records.completeCommitment(shequ, main.id, road.id, { doneOn: day(-35), note: '道路硬化已完工并通过验收' });

  // 2. 区财政局 ↔ a 孝陵 community: in force, ending within the reminder window
  const ending = await draft(czj, other1, day(-345), day(20), 2, ['钱晓东', '孙立华']);
  await sign(ending.id, sideOf(shequ, other1), day(-350));
  clock.set(today);
  await records.addActivity(sideOf(shequ, other1), ending.id, {
    heldOn: day(-200),
    title: '财政惠民政策进社区宣讲',
    heading: '党建工作联创',
    participants: 80,
    description: null,
  });
  await records.addProblem(sideOf(shequ, other1), ending.id, {
    solvedOn: day(-90),
    count: 2,
    description: '解决社区活动室修缮和健身器材更新问题',
    heading: '基础设施联建',
  });

  // 3. 区民政局 ↔ 梅花山社区: sent, waiting for 梅花山's confirmation
  const waiting = await draft(mzj, meihua, day(15), day(745), 3, ['吴海燕', '王秀兰']);
  clock.set(day(-2));
  await service.act(zuzhibu, waiting.id, { action: 'submit' }, null);

  // 4. 区住建局 ↔ a village: still a draft
  await draft(zjj, village, day(30), day(760), 4, ['郑国强', '陈永福']);

  // 5. 区卫健委 ↔ a 孝陵 community: expired by the sweep, then renewed for the next term (in force)
  const old = await draft(wjw, other2, day(-800), day(-70), 5, ['冯丽', '何建平']);
  await sign(old.id, sideOf(shequ, other2), day(-805));
  clock.set(day(-75));
  await records.addActivity(sideOf(shequ, other2), old.id, {
    heldOn: day(-500),
    title: '家庭医生签约服务进社区',
    heading: '社会活动联谊',
    participants: 35,
    description: null,
  });
  await records.addProblem(sideOf(shequ, other2), old.id, {
    solvedOn: day(-400),
    count: 1,
    description: '解决社区卫生服务站设备老化问题',
    heading: '基础设施联建',
  });
  clock.set(day(-69));
  await cobuildSweep({
    core: service.core,
    recipients: (ids, roles) => server.modules.account.boundTo(ids, roles),
    notify: (n) => server.notifications.sendOnce(n),
  })();
  clock.set(day(-60));
  const next = await service.renew(zuzhibu, old.id, {});
  await sign(next.id, sideOf(shequ, other2), day(-58));

  // 6. 区司法局 ↔ an enterprise: terminated with a reason
  const ended = await draft(sfj, enterprise, day(-200), day(530), 6, ['许文', '林志强']);
  await sign(ended.id, sideOf(shequ, enterprise), day(-205));
  clock.set(day(-25));
  await service.act(zuzhibu, ended.id, { action: 'terminate', reason: '企业搬迁出本区，双方协商终止结对' }, null);

  // today's sweep: the ending agreement's reminder reaches both sides' accounts once
  clock.set(today);
  await cobuildSweep({
    core: service.core,
    recipients: (ids, roles) => server.modules.account.boundTo(ids, roles),
    notify: (n) => server.notifications.sendOnce(n),
  })();
}
