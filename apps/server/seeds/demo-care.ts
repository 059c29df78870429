import type { AppraisalGrade, HardshipType, MemberInput } from '@jiceng/contracts';
import { addMonths, excellentLimit, visitWindow } from '@jiceng/rules';
import { DEMO_ORG } from './demo-accounts.ts';
import {
  ageOf,
  daysAgo,
  later,
  nextPhone,
  takeMembers,
  type ActivityContext,
  type ActivityPlan,
  type AppraisalPlan,
  type CadrePlan,
  type HardshipPlan,
  type MemberReportPlan,
  type UnitReportPlan,
} from './demo-activity.ts';
import { creditCode, personName } from './names.ts';
import { addDays, type PlannedOrg } from './org-plan.ts';

/** County code of the demo credit codes (as in demo-sectors.ts). */
const DIVISION = '320102';

/** 民主评议, 困难党员帮扶 and 双报到 of the plan. */
export function planCare(
  ctx: ActivityContext,
  hardshipTagged: number[],
  lost: Set<number>,
): Pick<ActivityPlan, 'appraisals' | 'cadres' | 'hardships' | 'memberReports' | 'unitReports'> {
  const { cadres, hardships } = planHardship(ctx, hardshipTagged);
  return { appraisals: planAppraisals(ctx, lost), cadres, hardships, memberReports: planMemberReports(ctx), unitReports: planUnitReports(ctx) };
}

const community = (ctx: ActivityContext, name: string) => ctx.plan.orgs.find((o) => o.name === name)!;
const under = (ctx: ActivityContext, org: PlannedOrg, m: MemberInput) => ctx.byId.get(m.orgId)!.path.startsWith(`${org.path}.`);

type Disposition = NonNullable<AppraisalPlan['grades'][number]['disposition']>;

/**
 * Last year's 民主评议 in every branch, the year before in 孝陵街道's: 优秀 within one third, a few
 * 基本合格, and the 不合格 with their 组织处置 — 限期改正 past its deadline, due within the 30-day
 * window, due later and done, 劝其退党 and 除名 in progress. Lost members are not appraised.
 */
function planAppraisals(ctx: ActivityContext, lost: Set<number>): AppraisalPlan[] {
  const { rng, today, members } = ctx;
  const lastYear = Number(today.slice(0, 4)) - 1;
  const start = (min: number, max: number) => daysAgo(ctx, min, max);
  const correction = (s: string, done?: { on: string; result: string }): Disposition => ({
    kind: 'correction',
    startDate: s,
    deadline: addMonths(s, 6),
    ...(done ? { done } : {}),
  });
  const dispositions: Disposition[] = [
    ...[0, 1, 2].map(() => correction(start(200, 280))),
    ...[0, 1, 2].map(() => correction(start(160, 175))),
    ...[0, 1].map(() => correction(start(20, 60))),
    { kind: 'persuade', startDate: start(30, 90), deadline: null },
    { kind: 'remove', startDate: start(10, 40), deadline: null },
    ...[0, 1].map(() => {
      const s = start(220, 330);
      return correction(s, { on: addDays(addMonths(s, 6), -rng.int(1, 15)), result: '整改期间表现良好，经支部大会讨论认为已改正错误' });
    }),
  ];
  const appraisable = (m: MemberInput, i: number, year: number) =>
    !lost.has(i) && i !== 0 && m.joinedDate <= `${year}-12-31` && (m.status === 'full' || m.status === 'probationary');
  const demoBranch = community(ctx, DEMO_ORG.branch).id;
  // one overdue 限期改正 in the demo branch, the rest anywhere
  const first = takeMembers(ctx, 1, (m, i) => m.orgId === demoBranch && appraisable(m, i, lastYear));
  const rest = takeMembers(ctx, dispositions.length - first.length, (m, i) => m.orgId !== demoBranch && appraisable(m, i, lastYear));
  const unqualified = new Map([...first, ...rest].map((m, k) => [m, dispositions[k]!]));
  const street = community(ctx, DEMO_ORG.street);
  const byOrg = new Map<string, number[]>();
  members.forEach((m, i) => byOrg.set(m.orgId, [...(byOrg.get(m.orgId) ?? []), i]));
  const out: AppraisalPlan[] = [];
  for (const year of [lastYear - 1, lastYear]) {
    for (const [orgId, list] of byOrg) {
      if (year < lastYear && !ctx.byId.get(orgId)!.path.startsWith(`${street.path}.`)) continue;
      const appraised = list.filter((i) => appraisable(members[i]!, i, year));
      if (appraised.length === 0) continue;
      let excellent = excellentLimit(appraised.length);
      const grades = appraised.map((member) => {
        const disposition = year === lastYear ? unqualified.get(member) : undefined;
        if (disposition) return { member, grade: 'unqualified' as const, disposition };
        const r = rng.next();
        const grade: AppraisalGrade = r < 0.25 && excellent > 0 ? 'excellent' : r > 0.96 ? 'basically_qualified' : 'qualified';
        if (grade === 'excellent') excellent -= 1;
        return { member, grade };
      });
      out.push({ orgId, year, grades });
    }
  }
  // the 党员 demo account's own history: 优秀 last year, 合格 the year before
  for (const a of out) {
    if (a.orgId !== members[0]!.orgId) continue;
    const excellentLeft = excellentLimit(a.grades.length + 1) - a.grades.filter((g) => g.grade === 'excellent').length;
    a.grades.push({ member: 0, grade: a.year === lastYear && excellentLeft > 0 ? 'excellent' : 'qualified' });
  }
  return out;
}

const HARDSHIP_DETAIL: Record<HardshipType, string[]> = {
  living: ['家庭收入低于当地低保标准，子女尚在读书', '本人下岗多年，仅靠打零工维持生活'],
  illness: ['本人患慢性病长期服药，医疗支出较大', '配偶重病住院，家庭负担沉重'],
  disaster: ['住房遭受暴雨损毁，正在修缮', '家中失火，财物损失较大'],
  elderly_alone: ['年逾七旬独居，子女在外地', '高龄独居，行动不便，需定期照看'],
  disability: ['本人肢体残疾，生活部分不能自理', '视力残疾，出行困难'],
  other: ['家庭遭遇变故，生活暂时困难'],
};
const VISIT_CONTENT = [
  '上门走访，了解近况并送去慰问金',
  '陪同就医，协调办理医疗救助',
  '帮助申请临时救助，送去米面油',
  '节日慰问，与家属谈心',
  '电话问候后上门查看居住情况',
];

/**
 * Every member tagged 困难 gets an open hardship record (the tag and the record agree), most with a
 * helping cadre (1–3 members each) and visits: this quarter's done, missing (overdue after the
 * quarter's first month) or not yet due (opened this quarter). A few earlier records were closed
 * (脱困), and a member of the demo branch is helped (if none there is tagged) so its secretary sees the module at work.
 */
function planHardship(ctx: ActivityContext, tagged: number[]): { cadres: CadrePlan[]; hardships: HardshipPlan[] } {
  const { rng, today, members } = ctx;
  const w = visitWindow(today);
  const demoBranch = community(ctx, DEMO_ORG.branch).id;
  const extraOpen = tagged.some((i) => members[i]!.orgId === demoBranch) ? [] : takeMembers(ctx, 1, (m) => m.orgId === demoBranch);
  const closedOnes = takeMembers(ctx, 6, () => true);
  const cadres: CadrePlan[] = [];
  const hardships: HardshipPlan[] = [];
  // cadres belong to the organization above the member's branch (the community, the street office …)
  const groups = new Map<string, number[]>();
  for (const i of [...tagged, ...extraOpen, ...closedOnes]) {
    const parent = ctx.byId.get(members[i]!.orgId)!.parentId!;
    groups.set(parent, [...(groups.get(parent) ?? []), i]);
  }
  for (const [orgId, list] of groups) {
    const org = ctx.byId.get(orgId)!;
    // the current cadre of the group, how many they help and how many they will take (1–3)
    let cadre: number | null = null;
    let load = 0;
    let room = 0;
    for (const i of list) {
      const closed = closedOnes.includes(i);
      let helpedBy: number | null = null;
      if (!closed && rng.chance(0.92)) {
        if (cadre === null || load >= room) {
          const [helper] = takeMembers(ctx, 1, (m) => under(ctx, org, m) && !m.categories.includes('hardship') && ageOf(m, today) < 65);
          const name = helper !== undefined ? members[helper]!.name : personName(rng, rng.chance(0.5));
          cadres.push({ orgId, name, phone: nextPhone(ctx), member: helper ?? null });
          cadre = cadres.length - 1;
          load = 0;
          room = rng.int(1, 3);
        }
        helpedBy = cadre;
        load += 1;
      }
      const m = members[i]!;
      const age = ageOf(m, today);
      const type: HardshipType =
        age >= 75 && rng.chance(0.6)
          ? 'elderly_alone'
          : rng.weighted([
              ['living', 35],
              ['illness', 35],
              ['disability', 12],
              ['disaster', 8],
              ['other', 10],
            ] as const);
      const recent = !closed && rng.chance(0.08) && today > w.periodStart;
      const startDate = closed
        ? daysAgo(ctx, 500, 1400)
        : recent
          ? addDays(w.periodStart, rng.int(1, daysBetween(w.periodStart, today)))
          : daysAgo(ctx, daysBetween(w.periodStart, today) + 30, 1500);
      const visitor = helpedBy !== null ? cadres[helpedBy]!.name : `${org.shortName ?? org.name}书记`;
      const visit = (date: string) => ({ date, visitor, content: rng.pick(VISIT_CONTENT), amount: rng.pick(['0', '200.00', '300.00', '500.00', '800.00']) });
      const visits = [];
      for (let q = 3; q >= 1; q--) {
        const d = addDays(addMonths(w.periodStart, -3 * q), rng.int(3, 60));
        if (d >= startDate && d <= today && (!closed || rng.chance(0.7))) visits.push(visit(d));
      }
      // this quarter: most visited, about one in four not yet (overdue once the first month is over)
      if (!closed && !recent && rng.chance(0.72)) visits.push(visit(addDays(w.periodStart, rng.int(0, daysBetween(w.periodStart, today)))));
      const closedAt = closed ? later(ctx, visits.at(-1)?.date ?? startDate, 30, 200) : null;
      hardships.push({
        member: i,
        type,
        detail: rng.pick(HARDSHIP_DETAIL[type]),
        startDate,
        cadre: helpedBy,
        visits: closedAt ? visits.filter((v) => v.date <= closedAt) : visits,
        closed: closedAt ? { date: closedAt, reason: rng.pick(['家庭经济状况好转，已脱困', '子女就业，家庭收入稳定']) } : null,
      });
    }
  }
  return { cadres, hardships };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const INTENTIONS = ['志愿服务：文明劝导、环境整治', '法律咨询', '义诊、健康讲座', '青少年课业辅导', '文艺演出、书法培训', '疫情防控、应急值守', '政策宣讲'];

/**
 * 双报到: in-service members of 机关, 事业单位, schools and firms report to the communities where they
 * live (梅花山社区 has a good share, so the community accounts see some); a few moved and cancelled.
 */
function planMemberReports(ctx: ActivityContext): MemberReportPlan[] {
  const { rng, plan } = ctx;
  const communities = plan.orgs.filter((o) => o.domain === 'community' && (o.type === 'committee' || o.type === 'general_branch') && o.depth === 2);
  const demo = community(ctx, DEMO_ORG.community);
  const inService = (m: MemberInput) => m.categories.includes('employed') && !['community', 'rural'].includes(ctx.byId.get(m.orgId)!.domain);
  const reporters = takeMembers(ctx, 50, inService, false);
  const report = (member: number, communityId: string): MemberReportPlan => {
    const reportDate = daysAgo(ctx, 10, 1000);
    const cancelled = rng.chance(0.1) ? { date: later(ctx, reportDate, 30, 400), reason: '搬家至其他社区居住' } : null;
    return { member, communityId, reportDate, intentions: rng.chance(0.85) ? rng.pick(INTENTIONS) : null, cancelled };
  };
  return [{ ...report(0, demo.id), cancelled: null }, ...reporters.map((m, k) => report(m, k < 10 ? demo.id : rng.pick(communities).id))];
}

const UNIT_RESOURCES = [
  '提供活动场地、会议室',
  '组织义诊和健康讲座',
  '开展金融知识进社区',
  '提供志愿者和应急物资',
  '开放图书室，组织青少年活动',
  '协助开展城市管理和环境整治',
];

/**
 * Resident units (驻区单位) reporting to communities: the 大党委's units at 梅花山社区 (the hospital
 * through the 驻区单位 demo account), and units of the district's organizations elsewhere.
 */
function planUnitReports(ctx: ActivityContext): UnitReportPlan[] {
  const { rng, plan } = ctx;
  const demo = community(ctx, DEMO_ORG.community);
  const communities = plan.orgs.filter(
    (o) => o.domain === 'community' && (o.type === 'committee' || o.type === 'general_branch') && o.depth === 2 && o.id !== demo.id,
  );
  const known = new Map(plan.orgs.flatMap((o) => o.units.flatMap((u) => (u.creditCode ? [[u.name, u.creditCode] as const] : []))));
  const taken = new Set(known.values());
  const codeOf = (name: string) =>
    known.get(name) ?? creditCode(rng, name.includes('公司') || name.includes('银行') ? 'enterprise' : 'institution', DIVISION, taken);
  const unit = (communityId: string, unitName: string, byUnitAccount = false): UnitReportPlan => {
    const reportDate = daysAgo(ctx, 20, 900);
    const female = rng.chance(0.5);
    return {
      communityId,
      unitName,
      creditCode: codeOf(unitName),
      contactName: personName(rng, female),
      phone: nextPhone(ctx),
      resources: rng.pick(UNIT_RESOURCES),
      reportDate,
      byUnitAccount,
      cancelled: null,
    };
  };
  const residents = ['演示区人民医院', '国网演示区供电公司', '演示区实验小学', '中国银行演示支行', '演示区城市管理综合行政执法大队'].map((n, k) =>
    unit(demo.id, n, k === 0),
  );
  const others = rng
    .shuffle([...known.keys()])
    .slice(0, 24)
    .map((n) => unit(rng.pick(communities).id, n));
  for (const u of others.slice(0, 2)) u.cancelled = { date: later(ctx, u.reportDate, 30, 300), reason: '单位搬迁出本社区' };
  return [...residents, ...others];
}
