import { sql } from 'drizzle-orm';
import { rolePermissions, type KtTaskInput, type Role } from '@jiceng/contracts';
import { addDays, addMonths } from '@jiceng/rules';
import type { Actor } from '../src/platform/http/actor.ts';
import { createKeyTaskModule } from '../src/modules/keytask/index.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { seedClock } from './demo-actor.ts';

/** The district's annual list: [category, title, target, acceptance standard]. */
const TASKS: [string, string, string, string][] = [
  ['政治建设', '深入学习贯彻党的二十大精神', '全区党组织开展专题学习全覆盖', '学习记录、心得体会齐全'],
  ['政治建设', '落实“第一议题”制度', '各级党组织会议首学常态化', '会议记录完整，抽查合格'],
  ['思想建设', '党员冬训全覆盖', '冬训参训率达到95%以上', '培训台账、签到记录齐全'],
  ['思想建设', '建设新时代文明实践站', '每个社区建成1个实践站', '验收挂牌，活动记录齐全'],
  ['组织建设', '软弱涣散基层党组织整顿', '排查确定的软弱涣散党组织全部整顿到位', '整改台账齐全，验收合格率100%'],
  ['组织建设', '“两新”组织党的组织和工作覆盖', '符合条件的两新组织应建尽建', '覆盖率统计表、组建批复'],
  ['组织建设', '发展党员质量提升', '完成年度发展计划，无违规发展', '发展党员档案抽查合格'],
  ['组织建设', '村（社区）党组织书记队伍建设', '书记专业化培训全覆盖', '培训记录、考核结果'],
  ['组织建设', '党员教育管理规范化', '“三会一课”规范开展率100%', '会议记录抽查合格'],
  ['组织建设', '流动党员管理服务', '流动党员全部纳入组织管理', '流动党员台账、联系记录'],
  ['基层治理', '网格党组织全覆盖', '每个网格建立党支部或党小组', '网格党组织名册'],
  ['基层治理', '红色物业全覆盖', '住宅小区物业企业党组织覆盖率达到80%', '覆盖清单、组建材料'],
  ['基层治理', '党建引领小区治理', '每个社区打造1个示范小区', '示范小区验收材料'],
  ['基层治理', '“大党委”共驻共建', '驻区单位全部纳入社区大党委', '大党委成员单位名册、会议记录'],
  ['基层治理', '在职党员进社区“双报到”', '在职党员报到率达到95%以上', '报到台账、服务记录'],
  ['服务群众', '党群服务中心提质增效', '社区党群服务中心全部达到“六有”标准', '阵地验收表'],
  ['服务群众', '“群众点单、村居派单、党员接单”服务', '群众诉求办结率95%以上、满意率90%以上', '诉求台账、回访记录'],
  ['服务群众', '微心愿认领', '全年完成微心愿500个以上', '微心愿台账、照片'],
  ['服务群众', '困难党员帮扶', '困难党员走访慰问全覆盖', '走访记录、帮扶台账'],
  ['服务群众', '红色志愿服务', '组建志愿服务队100支以上', '队伍名册、活动记录'],
  ['作风建设', '基层减负', '精简会议文件30%以上', '会议文件统计'],
  ['作风建设', '党员干部下基层“四访”', '区级领导每月下基层不少于2次', '走访记录'],
  ['纪律建设', '党风廉政教育', '开展警示教育全覆盖', '教育记录'],
  ['纪律建设', '基层“小微权力”监督', '村（社区）小微权力清单全覆盖', '权力清单、运行流程图'],
  ['制度建设', '党建工作责任制考核', '完成年度述职评议考核', '述职报告、评议结果'],
  ['制度建设', '党费收缴使用管理', '党费按时足额收缴率100%', '党费台账'],
  ['党建引领发展', '村级集体经济发展', '集体经济收入全部超过20万元', '财务报表'],
  ['党建引领发展', '党建引领乡村振兴', '打造3个乡村振兴示范村', '示范村验收材料'],
  ['党建引领发展', '“党建+营商环境”', '建立企业服务专员制度', '专员名册、服务记录'],
  ['党建引领发展', '人才工作', '引进培养乡土人才100名', '人才台账'],
  ['组织建设', '机关党建“模范机关”创建', '创建模范机关10个', '创建验收材料'],
  ['组织建设', '国有企业党建', '国企党建入章全覆盖', '公司章程修订材料'],
  ['组织建设', '学校党建', '中小学校党组织领导的校长负责制全面落实', '实施方案、会议记录'],
  ['组织建设', '公立医院党建', '党委领导下的院长负责制全面落实', '议事规则、会议记录'],
  ['基层治理', '“党建+网格+大数据”', '网格事件系统上线运行', '系统运行报告'],
  ['服务群众', '“一老一小”服务', '每个社区建成1个老年助餐点', '助餐点验收材料'],
  ['思想建设', '红色教育基地建设', '建成区级红色教育基地3个', '基地验收材料'],
  ['作风建设', '“我为群众办实事”', '每个党组织每季度办实事不少于1件', '实事清单'],
  ['制度建设', '党内统计与信息管理', '党员信息完整率100%', '信息系统核查报告'],
  ['基层治理', '基层党组织换届', '到期党组织按期换届率100%', '换届批复材料'],
];

/** Who claims what: [department name inside the organization, owner, post]. */
const DEPTS = {
  zuzhibu: ['区委组织部', '陈立新', '组织部副部长'],
  xuanchuan: ['区委宣传部', '何静', '宣传部副部长'],
  street: ['孝陵街道党建办', '刘志刚', '党工委副书记'],
  otherStreet: ['梅园街道党建办', '周强', '党工委副书记'],
  community: ['梅花山社区党委', '王秀兰', '社区党委书记'],
} as const;
type Dept = keyof typeof DEPTS;

async function actorAt(server: Server, orgName: string, username: string | null, role: Role): Promise<Actor> {
  const o = (await server.db.one<{ id: string; path: string }>(
    sql`select id::text as id, path::text as path from org where region_id = ${server.regionId} and name = ${orgName}`,
  ))!;
  const a = username
    ? await server.db.one<{ id: string; display_name: string }>(
        sql`select id::text as id, display_name from account where region_id = ${server.regionId} and username = ${username}`,
      )
    : undefined;
  return {
    id: a?.id ?? '00000000-0000-4000-8000-000000000001',
    regionId: server.regionId,
    username: username ?? 'demo',
    displayName: a?.display_name ?? `${orgName}党建办`,
    role,
    orgId: o.id,
    orgPath: o.path,
    orgName,
    permissions: rolePermissions[role],
    scope: 'subtree',
    csrfToken: '',
    mustChangePassword: false,
    memberId: null,
    ip: null,
  };
}

/**
 * 重点任务 of the demo, through the module's own services on a clock that walks the year (so every
 * date passes the rules as a user's would): the district's annual plan of 40 tasks published ten
 * months ago, claimed by the district's departments, 孝陵街道, 梅园街道 and 梅花山社区 (three claims
 * still waiting, two tasks nobody took), progress reported month by month — some on time, some
 * behind, milestones missed — a 调度会 held three weeks ago whose decisions 孝陵街道 has not all
 * carried out, the next one in preparation; tasks completed, accepted, one failed with an 约谈
 * record, one cancelled. 孝陵街道's own plan is claimed by its communities.
 */
export async function applyKeyTasks(server: Server): Promise<void> {
  const today = server.clock.today();
  const start = addMonths(today, -10);
  const year = Number(start.slice(0, 4));
  const clock = seedClock(start);
  const kt = createKeyTaskModule({ db: server.db, regionId: server.regionId, audit: server.audit, clock, orgs: server.modules.org.service });
  const zuzhibu = await actorAt(server, DEMO_ORG.root, 'zuzhibu', 'department');
  const jiedao = await actorAt(server, DEMO_ORG.street, 'jiedao', 'street');
  const shequ = await actorAt(server, DEMO_ORG.community, 'shequ', 'community');
  const other = await actorAt(server, DEMO_ORG.otherStreet, null, 'street');
  const by: Record<Dept, Actor> = { zuzhibu, xuanchuan: zuzhibu, street: jiedao, otherStreet: other, community: shequ };

  const deadline = (i: number) => (i % 5 === 0 ? addMonths(start, 6 + (i % 3)) : `${year}-12-31` > addDays(today, 20) ? `${year}-12-31` : addMonths(today, 2));
  const input = ([category, title, target, standard]: (typeof TASKS)[number], i: number): KtTaskInput => {
    const due = deadline(i);
    return {
      category,
      title,
      target,
      deadline: due,
      acceptanceStandard: standard,
      weight: i % 4 === 0 ? 3 : i % 3 === 0 ? 2 : 1,
      milestones: [
        { title: '制定实施方案', dueOn: addMonths(start, 2) },
        { title: '推进过半', dueOn: addMonths(start, 6) < due ? addMonths(start, 6) : due },
      ],
      subtasks:
        i % 7 === 3
          ? [
              { title: '摸底排查', weight: 1 },
              { title: '集中攻坚', weight: 2 },
              { title: '巩固提升', weight: 1 },
            ]
          : [],
    };
  };

  const plan = await kt.service.createPlan(zuzhibu, {
    orgId: zuzhibu.orgId,
    year,
    title: `${year}年度全区党建工作重点任务`,
    note: '区委常委会审议通过，实行揭榜认领、挂图作战',
  });
  const ids: string[] = [];
  await server.db.transaction(async (tx) => {
    for (const [i, t] of TASKS.entries()) ids.push(await kt.service.addTaskIn(tx, zuzhibu, plan.id, input(t, i)));
  });
  await kt.service.publishPlan(zuzhibu, plan.id);

  // 揭榜: who leads each task (index → department); 36–37 wait for confirmation, 38–39 nobody took
  const leadOf = (i: number): Dept => (['zuzhibu', 'street', 'xuanchuan', 'otherStreet', 'community', 'street', 'zuzhibu'] as const)[i % 7]!;
  clock.set(addDays(start, 5));
  const claimAs = async (dept: Dept, id: string, role: 'lead' | 'support') => {
    const [unitName, ownerName, post] = DEPTS[dept];
    const d = await kt.service.claim(by[dept], id, {
      role,
      unitName,
      ownerName,
      post,
      duty: role === 'lead' ? '牵头推进，每月报告进展' : '配合推进，提供保障',
    });
    return d.claims.find((c) => c.unitName === unitName && c.state === 'pending')!.id;
  };
  for (let i = 0; i < 36; i++) {
    const c = await claimAs(leadOf(i), ids[i]!, 'lead');
    await kt.service.decideClaim(zuzhibu, ids[i]!, c, { confirm: true });
    const helper: Dept = leadOf(i) === 'community' ? 'street' : 'community';
    if (i % 6 === 1) await kt.service.decideClaim(zuzhibu, ids[i]!, await claimAs(helper, ids[i]!, 'support'), { confirm: true });
  }
  // a competing lead claim declined with its reason
  const rival = await claimAs('otherStreet', ids[37]!, 'lead');
  await kt.service.decideClaim(zuzhibu, ids[37]!, rival, { confirm: false, reason: '该任务涉及全区统筹，宜由区委组织部牵头' });
  clock.set(addDays(today, -2));
  for (const [i, dept] of [
    [36, 'street'],
    [37, 'zuzhibu'],
  ] as const)
    await claimAs(dept, ids[i]!, 'lead');
  await claimAs('street', ids[2]!, 'support');

  // progress every quarter or so: most on pace, every fifth behind, every seventh stalled
  const pace = (i: number) => (i % 7 === 2 ? 0.25 : i % 5 === 1 ? 0.55 : 1.05);
  const tasks = await Promise.all(ids.slice(0, 36).map((id, i) => kt.service.getTask(by[leadOf(i)], id)));
  const reached = new Set<string>();
  const done = new Set<string>();
  for (const m of [2, 5, 8, 9]) {
    const on = addMonths(start, m);
    if (on > today) break;
    clock.set(on);
    for (const [i, d] of tasks.entries()) {
      if (done.has(d.id)) continue;
      const months = Math.max(1, (Date.parse(d.deadline) - Date.parse(start)) / (30.4 * 86_400_000));
      const percent = Math.min(100, Math.round(Math.min(1, m / months) * 100 * pace(i)));
      const milestone = d.milestones.find((x) => !reached.has(x.id) && x.dueOn <= on && pace(i) > 0.5);
      if (milestone) reached.add(milestone.id);
      const report = { reportedOn: on, percent, narrative: `第${m}个月：按计划推进，完成${percent}%`, risks: pace(i) < 1 ? '人员力量不足，推进偏慢' : null };
      const ms = { milestoneId: milestone?.id, milestoneDone: !!milestone };
      if (d.subtasks.length) for (const sub of d.subtasks) await kt.progress.report(by[leadOf(i)], d.id, { ...report, ...ms, subtaskId: sub.id });
      else await kt.progress.report(by[leadOf(i)], d.id, { ...report, ...ms });
      if (percent >= 100 && i % 5 === 0) {
        await kt.progress.complete(by[leadOf(i)], d.id, { note: '各项目标全部完成，材料齐全' });
        done.add(d.id);
      }
    }
  }

  // acceptance of what was completed: most pass, one fails (and its lead is interviewed), one still waits
  clock.set(addDays(today, -25));
  const completed = (await kt.service.listTasks(zuzhibu, { planId: plan.id, state: 'completed', pageSize: 200 })).items;
  for (const [n, t] of completed.entries()) {
    if (n === completed.length - 1) break;
    const score = n === 1 ? 72 : 85 + ((n * 7) % 14);
    await kt.progress.accept(zuzhibu, t.id, {
      score,
      opinion: score >= 80 ? '对照验收标准逐项核查，达到要求' : '台账资料不全，部分指标未达标',
      acceptedOn: clock.today(),
    });
    if (score < 80)
      await kt.progress.accountability(zuzhibu, t.id, {
        level: 'interview',
        subject: `${t.lead?.unitName ?? ''} ${t.lead?.ownerName ?? ''}`,
        reason: '验收未达到标准，限期整改',
        decidedBy: '区委组织部',
        decidedOn: clock.today(),
      });
  }
  await kt.service.cancel(zuzhibu, ids[34]!, '上级部署调整，该任务并入第5项统筹推进');

  // the 调度会 of three weeks ago: a decision for every lagging task, held
  clock.set(addDays(today, -21));
  const review = await kt.reviews.create(zuzhibu, {
    planId: plan.id,
    heldOn: clock.today(),
    title: `${year}年第三季度党建重点任务调度会`,
    place: '区委第一会议室',
    host: '陈立新',
  });
  for (const [n, item] of review.items.filter((x) => x.needsDecision).entries()) {
    const kind = n % 3 === 0 ? 'new_deadline' : n % 3 === 1 ? 'support' : 'escalate';
    await kt.reviews.decide(zuzhibu, review.id, item.taskId, {
      kind,
      text:
        kind === 'new_deadline'
          ? '受客观因素影响，同意调整完成时限'
          : kind === 'support'
            ? '区委组织部协调相关部门给予支持'
            : '列入区委督查重点，每半月报告一次',
      newDeadline: kind === 'new_deadline' ? addMonths(today, 2) : null,
    });
  }
  await kt.reviews.hold(zuzhibu, review.id, {
    attendees: '区委组织部、宣传部，各街道党工委分管负责同志',
    minutes: '会议逐项听取了重点任务推进情况汇报，对滞后任务逐一研究并作出决定，要求责任单位按期落实。',
  });
  clock.set(addDays(today, -3));
  const mine = (await kt.service.listTasks(jiedao, { planId: plan.id, mine: true, pageSize: 200 })).items;
  const decided = (await Promise.all(mine.map((t) => kt.service.getTask(jiedao, t.id)))).filter((d) => d.decisions.some((x) => x.dueOn && !x.doneOn));
  if (decided[0]) await kt.progress.decisionDone(jiedao, decided[0].id, review.id, { note: '已落实专人负责，加快推进' });
  // a task added to the plan three days ago: its lead confirmed, not started yet
  clock.set(addDays(today, -3));
  const late = await kt.service.addTask(zuzhibu, plan.id, {
    category: '基层治理',
    title: '基层党组织书记“擂台比武”',
    target: '全区社区书记参加述职比武',
    deadline: addMonths(today, 3),
    acceptanceStandard: '比武方案、评分结果',
    weight: 1,
  });
  const lc = await claimAs('street', late.id, 'lead');
  await kt.service.decideClaim(zuzhibu, late.id, lc, { confirm: true });
  clock.set(today);
  await kt.reviews.create(zuzhibu, {
    planId: plan.id,
    heldOn: addDays(today, 7),
    title: `${year}年第四季度党建重点任务调度会`,
    place: '区委第一会议室',
    host: '陈立新',
  });

  // 孝陵街道's own plan, claimed by its communities
  clock.set(addMonths(today, -4));
  const sp = await kt.service.createPlan(jiedao, { orgId: jiedao.orgId, year: Number(clock.today().slice(0, 4)), title: '孝陵街道党建引领基层治理重点任务' });
  const streetTasks = ['小区党支部全覆盖', '红色物业示范点', '“大党委”联席会议常态化', '社区党群服务中心改造'];
  for (const [i, title] of streetTasks.entries())
    await kt.service.addTask(jiedao, sp.id, {
      category: '基层治理',
      title,
      target: `${title}：年底前完成`,
      deadline: addMonths(today, i === 0 ? -1 : 3),
      acceptanceStandard: '现场验收合格',
      weight: 1,
      milestones: [{ title: '完成方案', dueOn: addDays(today, i === 1 ? 5 : -40) }],
    });
  await kt.service.publishPlan(jiedao, sp.id);
  const streetIds = (await kt.service.listTasks(jiedao, { planId: sp.id, pageSize: 50 })).items.map((t) => t.id);
  for (const id of streetIds.slice(0, 3)) {
    const d = await kt.service.claim(shequ, id, { role: 'lead', ownerName: '王秀兰', post: '社区党委书记', duty: '牵头推进' });
    await kt.service.decideClaim(jiedao, id, d.claims[0]!.id, { confirm: true });
  }
  clock.set(addDays(today, -10));
  await kt.progress.report(shequ, streetIds[1]!, { reportedOn: clock.today(), percent: 60, narrative: '完成选址和设计方案', risks: null });
  // the statuses as of today, and the reminders the sweep sends
  await server.sweepKeyTasks();
}
