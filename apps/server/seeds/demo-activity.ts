import type { AppraisalGrade, ContactMethod, DispositionKind, FloatingReason, HardshipType, MemberInput } from '@jiceng/contracts';
import { addMonths, letterValidUntil, MEMBER_HOME_ORG_TYPES } from '@jiceng/rules';
import { DEMO_ORG } from './demo-accounts.ts';
import { planCare } from './demo-care.ts';
import { addDays, type OrgPlan, type PlannedOrg } from './org-plan.ts';
import type { Random } from './random.ts';

/**
 * The demo district at work: what the modules' records are on the seed day, as a plan (pure and
 * deterministic from its random stream; dates relative to `today`), applied through the modules'
 * own services by demo-activity-apply.ts. Members are referred to by their index in the planned
 * member list (index 0 is the 党员 demo account's record); each member takes part in at most one of
 * transfer, floating, lost contact and hardship, so the records never contradict each other.
 */
export interface ActivityPlan {
  transfers: InternalTransfer[];
  letters: LetterOut[];
  arrivals: LetterIn[];
  floating: FloatingPlan[];
  lost: LostPlan[];
  appraisals: AppraisalPlan[];
  cadres: CadrePlan[];
  hardships: HardshipPlan[];
  memberReports: MemberReportPlan[];
  unitReports: UnitReportPlan[];
}

export interface InternalTransfer {
  member: number;
  toOrgId: string;
  startedOn: string;
  reason: string;
  outcome: { status: 'pending' } | { status: 'accepted' | 'returned' | 'cancelled'; on: string; reason?: string };
}
export interface LetterOut {
  member: number;
  toOrgName: string;
  issueDate: string;
  validUntil: string;
  duesPaidTo: string;
  reason: string;
  outcome: { status: 'pending' } | { status: 'received' | 'cancelled'; on: string; note: string };
}
export interface LetterIn {
  member: MemberInput;
  letterNo: string;
  fromOrgName: string;
  letterDate: string;
  duesPaidTo: string;
  /** The day the receiving branch registered it. */
  registeredOn: string;
}
export interface FloatingPlan {
  member: number;
  destinationPlace: string;
  destinationOrgId: string | null;
  reason: FloatingReason;
  contactPhone: string;
  leftDate: string;
  expectedReturnDate: string | null;
  cert: { no: string; issued: string; validUntil: string } | null;
  arrival: { date: string; contactPerson: string } | null;
  verified: string | null;
  returned: string | null;
}
export interface LostPlan {
  member: number;
  lastContactDate: string;
  measures: string;
  attempts: { date: string; method: ContactMethod; result: string }[];
  /** 停止党籍 decided on this day (the branch's decision, through the member lifecycle). */
  suspendedOn: string | null;
  foundOn: string | null;
}
export interface AppraisalPlan {
  orgId: string;
  year: number;
  grades: {
    member: number;
    grade: AppraisalGrade;
    disposition?: { kind: DispositionKind; startDate: string; deadline: string | null; done?: { on: string; result: string } };
  }[];
}
export interface CadrePlan {
  orgId: string;
  name: string;
  phone: string;
  member: number | null;
}
export interface HardshipPlan {
  member: number;
  type: HardshipType;
  detail: string;
  startDate: string;
  cadre: number | null;
  visits: { date: string; visitor: string; content: string; amount: string }[];
  closed: { date: string; reason: string } | null;
}
export interface MemberReportPlan {
  member: number;
  communityId: string;
  reportDate: string;
  intentions: string | null;
  cancelled: { date: string; reason: string } | null;
}
export interface UnitReportPlan {
  communityId: string;
  unitName: string;
  creditCode: string;
  contactName: string;
  phone: string;
  resources: string;
  reportDate: string;
  /** Filed by the 驻区单位 demo account itself (it then sees the report). */
  byUnitAccount: boolean;
  cancelled: { date: string; reason: string } | null;
}

/** What the planners share: the district, its members, the day and the stream, and who is already busy. */
export interface ActivityContext {
  plan: OrgPlan;
  members: MemberInput[];
  today: string;
  rng: Random;
  byId: Map<string, PlannedOrg>;
  /** Members already given a transfer, floating, lost-contact or hardship record. */
  busy: Set<number>;
  /** Phones handed out so far (cadre phones are unique). */
  phoneSeq: { n: number };
}

export const birthOf = (m: MemberInput) => `${m.idNumber.slice(6, 10)}-${m.idNumber.slice(10, 12)}-${m.idNumber.slice(12, 14)}`;
export const isFemale = (m: MemberInput) => Number(m.idNumber[16]) % 2 === 0;
export const ageOf = (m: MemberInput, today: string) => Number(today.slice(0, 4)) - Number(m.idNumber.slice(6, 10));
const isHome = (o: PlannedOrg) => (MEMBER_HOME_ORG_TYPES as readonly string[]).includes(o.type);

/** A random day between `maxDaysAgo` and `minDaysAgo` days before today. */
export const daysAgo = (ctx: ActivityContext, minDaysAgo: number, maxDaysAgo: number) => addDays(ctx.today, -ctx.rng.int(minDaysAgo, maxDaysAgo));
/** `date` plus 1..`max` days, never after today. */
export const later = (ctx: ActivityContext, date: string, min: number, max: number) => {
  const d = addDays(date, ctx.rng.int(min, max));
  return d > ctx.today ? ctx.today : d;
};
/** A unique mobile number of the demo (the 199 range, unused by the member roster). */
export const nextPhone = (ctx: ActivityContext) => `199${String(10_000_000 + ++ctx.phoneSeq.n * 7919).slice(-8)}`;

/**
 * Up to `n` members not yet busy that satisfy `ok`, in random order, marked busy. The candidate order
 * is the stream's, so the same plan comes out on every run.
 */
export function takeMembers(ctx: ActivityContext, n: number, ok: (m: MemberInput, i: number) => boolean, mark = true): number[] {
  const out: number[] = [];
  const order = ctx.rng.shuffle(ctx.members.map((_, i) => i));
  for (const i of order) {
    if (out.length >= n) break;
    if (i === 0 || ctx.busy.has(i) || !ok(ctx.members[i]!, i)) continue;
    out.push(i);
    if (mark) ctx.busy.add(i);
  }
  return out;
}

/**
 * `demoN` members of the demo accounts' branch and `communityN` more of its community first (so every
 * demo account sees records of the module), then anyone.
 */
function takeWithDemo(ctx: ActivityContext, demoN: number, n: number, ok: (m: MemberInput) => boolean, communityN = 1): number[] {
  const branch = ctx.plan.orgs.find((o) => o.name === DEMO_ORG.branch)!;
  const community = ctx.plan.orgs.find((o) => o.name === DEMO_ORG.community)!;
  const first = takeMembers(ctx, demoN, (m) => m.orgId === branch.id && ok(m));
  const near = takeMembers(ctx, communityN, (m) => m.orgId !== branch.id && ctx.byId.get(m.orgId)!.path.startsWith(`${community.path}.`) && ok(m));
  return [...first, ...near, ...takeMembers(ctx, n - first.length - near.length, ok)];
}

const working = (ctx: ActivityContext) => (m: MemberInput) => m.categories.includes('employed') && ageOf(m, ctx.today) < 58;
const OUTSIDE_ORGS = [
  '中共上海市浦东新区张江镇委员会',
  '中共苏州工业园区斜塘街道工作委员会',
  '中共杭州市西湖区翠苑街道工作委员会',
  '中共合肥市蜀山区南七街道工作委员会',
  '中共无锡市梁溪区崇安寺街道工作委员会',
  '中共深圳市南山区粤海街道工作委员会',
];
const PLACES = [
  '广东省深圳市南山区',
  '上海市浦东新区',
  '浙江省杭州市余杭区',
  '江苏省苏州市工业园区',
  '北京市海淀区',
  '安徽省合肥市高新区',
  '江苏省无锡市新吴区',
  '四川省成都市武侯区',
];
const TRANSFER_REASONS = ['工作调动', '居住地变更', '随配偶迁居', '单位合并', '退休后回居住地社区'];

/** The whole plan of the demo's module records on `today`. */
export function planActivity(plan: OrgPlan, members: MemberInput[], today: string, rng: Random): ActivityPlan {
  const ctx: ActivityContext = { plan, members, today, rng, byId: new Map(plan.orgs.map((o) => [o.id, o])), busy: new Set(), phoneSeq: { n: 0 } };
  const hardshipTagged = members.flatMap((m, i) => (m.categories.includes('hardship') ? [i] : []));
  for (const i of hardshipTagged) ctx.busy.add(i);
  const transfers = planTransfers(ctx);
  const letters = planLetters(ctx);
  const arrivals = planArrivals(ctx);
  const floating = planFloating(ctx);
  const lost = planLost(ctx);
  return { transfers, letters, arrivals, floating, lost, ...planCare(ctx, hardshipTagged, new Set(lost.map((l) => l.member))) };
}

/** 发起/接收/退回/撤销 between branches of the district; the demo branch sends and receives some. */
function planTransfers(ctx: ActivityContext): InternalTransfer[] {
  const { rng, plan } = ctx;
  const homes = plan.orgs.filter(isHome);
  const demoBranch = plan.orgs.find((o) => o.name === DEMO_ORG.branch)!;
  const outcomes = [
    ...Array<'pending'>(8).fill('pending'),
    ...Array<'accepted'>(12).fill('accepted'),
    ...Array<'returned'>(4).fill('returned'),
    ...Array<'cancelled'>(4).fill('cancelled'),
  ];
  const movers = takeWithDemo(ctx, 0, outcomes.length, (m) => m.status === 'full' || m.status === 'probationary');
  return movers.map((member, k) => {
    const from = ctx.members[member]!.orgId;
    // two transfers come into the demo branch (one waiting for it to accept)
    let to = k === 2 || k === 9 ? demoBranch : rng.pick(homes);
    while (to.id === from) to = rng.pick(homes);
    const status = outcomes[k]!;
    const startedOn = status === 'pending' ? daysAgo(ctx, 0, 25) : daysAgo(ctx, 20, 330);
    const reason = rng.pick(TRANSFER_REASONS);
    if (status === 'pending') return { member, toOrgId: to.id, startedOn, reason, outcome: { status } };
    const on = later(ctx, startedOn, 1, 15);
    const why =
      status === 'returned'
        ? rng.pick(['转接原因与实际不符，请核实后重新发起', '党员信息不完整，请补充后重新发起', '该党员居住地不在本支部范围，请重新选择接收党支部'])
        : status === 'cancelled'
          ? rng.pick(['党员工作调动取消', '选错接收党支部，重新发起'])
          : undefined;
    return { member, toOrgId: to.id, startedOn, reason, outcome: { status, on, ...(why ? { reason: why } : {}) } };
  });
}

/** 介绍信 out of the district: waiting (valid or overdue), received (the member has left), voided. */
function planLetters(ctx: ActivityContext): LetterOut[] {
  const { rng } = ctx;
  const kinds = [
    ...Array<'overdue'>(7).fill('overdue'),
    ...Array<'valid'>(6).fill('valid'),
    ...Array<'received'>(7).fill('received'),
    ...Array<'cancelled'>(3).fill('cancelled'),
  ];
  const leavers = takeWithDemo(ctx, 1, kinds.length, (m) => m.status === 'full' || m.status === 'probationary');
  return leavers.map((member, k) => {
    const kind = kinds[k]!;
    const issueDate = kind === 'valid' ? daysAgo(ctx, 0, 60) : kind === 'overdue' ? daysAgo(ctx, 100, 240) : daysAgo(ctx, 30, 300);
    const validUntil = letterValidUntil(issueDate);
    const duesPaidTo = issueDate.slice(0, 7);
    const base = {
      member,
      toOrgName: rng.pick(OUTSIDE_ORGS),
      issueDate,
      validUntil,
      duesPaidTo,
      reason: rng.pick(['工作调动至外地', '随子女迁居外地', '考入外地单位']),
    };
    if (kind === 'received') {
      const on = later(ctx, issueDate, 5, 40);
      return { ...base, outcome: { status: 'received' as const, on: on > validUntil ? validUntil : on, note: '接收党组织已签回执' } };
    }
    if (kind === 'cancelled')
      return { ...base, outcome: { status: 'cancelled' as const, on: later(ctx, issueDate, 3, 60), note: '介绍信已过期，作废后重新开具' } };
    return { ...base, outcome: { status: 'pending' as const } };
  });
}

/** Members who arrived from outside with a letter (凭介绍信转入), registered as new records. */
function planArrivals(ctx: ActivityContext): LetterIn[] {
  const { rng, plan, today } = ctx;
  const homes = plan.orgs.filter(isHome);
  const demoBranch = plan.orgs.find((o) => o.name === DEMO_ORG.branch)!;
  return Array.from({ length: 6 }, (_, k) => {
    const female = rng.chance(0.4);
    const birth = addDays(today, -rng.int(26, 55) * 365 - rng.int(0, 300));
    const first17 = `340104${birth.replaceAll('-', '')}${String(100 + k * 2 + (female ? 0 : 1)).padStart(3, '0')}`;
    const joinedDate = addMonths(birth, 12 * rng.int(22, 25));
    const letterDate = daysAgo(ctx, 5, 200);
    const member: MemberInput = {
      name: '',
      idNumber: first17 + idCheck(first17),
      ethnicity: '汉族',
      education: rng.pick(['bachelor', 'master', 'junior_college'] as const),
      occupation: rng.pick(['professional', 'manager', 'worker'] as const),
      workUnit: rng.pick(['华信软件有限公司', '演示区人民医院', '恒达物流有限公司']),
      phone: nextPhone(ctx),
      address: `南京市演示区${rng.pick(['中山门大街', '孝陵卫路', '前湖路'])}${rng.int(1, 300)}号`,
      appliedDate: addMonths(joinedDate, -14),
      joinedDate,
      status: 'full',
      orgId: (k === 0 ? demoBranch : rng.pick(homes)).id,
      categories: ['employed'],
    };
    return {
      member,
      female,
      letterNo: `${letterDate.slice(0, 4)}第${rng.int(3, 90)}号`,
      fromOrgName: rng.pick(OUTSIDE_ORGS),
      letterDate,
      duesPaidTo: letterDate.slice(0, 7),
      registeredOn: later(ctx, letterDate, 2, 20),
    };
  }).map(({ female, ...a }) => ({ ...a, member: { ...a.member, name: arrivalName(ctx, female) } }));
}

const arrivalName = (ctx: ActivityContext, female: boolean) =>
  `${ctx.rng.pick([...'王李张刘陈杨黄吴'])}${ctx.rng.pick(female ? ['雨婷', '佳慧', '晓婷', '文娟'] : ['子健', '浩宇', '志鹏', '俊峰'])}`;

/** GB 11643 check character (the contracts' function, inlined to keep the plan free of lookups). */
function idCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

/** 流出登记 in every step of 凡进必登、凡登必核, destinations inside and outside the platform. */
function planFloating(ctx: ActivityContext): FloatingPlan[] {
  const { rng, plan, today } = ctx;
  const destinations = plan.orgs.filter((o) => o.type === 'branch' || o.type === 'joint_branch' || o.type === 'temporary_branch');
  const kinds = [
    ...Array<'pending_arrival'>(7).fill('pending_arrival'),
    ...Array<'pending_verify'>(6).fill('pending_verify'),
    ...Array<'verified'>(12).fill('verified'),
    ...Array<'returned'>(5).fill('returned'),
  ];
  const away = takeWithDemo(ctx, 1, kinds.length, working(ctx));
  return away.map((member, k) => {
    const kind = kinds[k]!;
    const home = ctx.members[member]!.orgId;
    // about a third go to a branch of this platform, which then registers them itself
    const inside = k % 3 === 0;
    let dest: PlannedOrg | null = inside ? rng.pick(destinations) : null;
    while (dest && dest.id === home) dest = rng.pick(destinations);
    // half have been away for six months or more (a 转接 to propose)
    const leftDate = k % 2 === 0 ? daysAgo(ctx, 190, 700) : daysAgo(ctx, 10, 170);
    const certIssued = later(ctx, leftDate, 0, 10);
    // a few 活动证 have run out
    const certValidUntil = k % 5 === 1 ? addDays(today, -rng.int(5, 60)) : addMonths(certIssued, 24);
    const cert = rng.chance(0.85)
      ? {
          no: `演流证${certIssued.slice(0, 4)}${String(101 + k).padStart(4, '0')}`,
          issued: certIssued,
          validUntil: certValidUntil < certIssued ? addDays(certIssued, 1) : certValidUntil,
        }
      : null;
    const arrival =
      kind === 'pending_arrival' ? null : { date: later(ctx, leftDate, 3, 30), contactPerson: `${rng.pick([...'王李张刘陈'])}${rng.pick(['书记', '委员'])}` };
    const verified = kind === 'verified' || (kind === 'returned' && arrival) ? later(ctx, arrival!.date, 1, 20) : null;
    const returned = kind === 'returned' ? later(ctx, verified ?? leftDate, 30, 200) : null;
    return {
      member,
      destinationPlace: dest ? `${dest.name}所在地` : rng.pick(PLACES),
      destinationOrgId: dest?.id ?? null,
      reason: rng.weighted([
        ['work', 70],
        ['study', 10],
        ['family', 15],
        ['other', 5],
      ] as const),
      contactPhone: nextPhone(ctx),
      leftDate,
      expectedReturnDate: rng.chance(0.5) ? addMonths(leftDate, 12 * rng.int(1, 3)) : null,
      cert,
      arrival,
      verified,
      returned,
    };
  });
}

const METHODS: readonly ContactMethod[] = ['phone', 'visit', 'relatives', 'unit', 'notice'];
const RESULTS = ['电话无人接听', '号码已停机', '上门未见本人，邻居称已外出多年', '亲属表示不知其下落', '原工作单位称已离职', '已在社区公告栏张贴寻人启事'];

/** 失联党员: lost recently, lost long enough to propose 停止党籍, suspended long enough to propose 除名, found. */
function planLost(ctx: ActivityContext): LostPlan[] {
  const { rng, today } = ctx;
  const kinds = [
    ...Array<'suspend_due'>(5).fill('suspend_due'),
    ...Array<'recent'>(4).fill('recent'),
    ...Array<'suspended'>(1).fill('suspended'),
    ...Array<'remove_due'>(2).fill('remove_due'),
    ...Array<'found'>(4).fill('found'),
  ];
  const lost = takeWithDemo(ctx, 1, kinds.length, (m) => m.status === 'full' && ageOf(m, today) < 70 && m.joinedDate < addDays(today, -4 * 365));
  return lost.map((member, k) => {
    const kind = kinds[k]!;
    const lastContactDate = {
      recent: () => daysAgo(ctx, 40, 150),
      suspend_due: () => daysAgo(ctx, 200, 500),
      suspended: () => daysAgo(ctx, 300, 500),
      remove_due: () => daysAgo(ctx, 1000, 1300),
      found: () => daysAgo(ctx, 60, 400),
    }[kind]();
    const suspendedOn = kind === 'suspended' || kind === 'remove_due' ? addDays(addMonths(lastContactDate, 6), rng.int(5, 40)) : null;
    const attempts = Array.from({ length: rng.int(1, 4) }, () => ({
      date: later(ctx, lastContactDate, 5, 120),
      method: rng.pick(METHODS),
      result: rng.pick(RESULTS),
    })).sort((a, b) => a.date.localeCompare(b.date));
    const foundOn = kind === 'found' ? later(ctx, attempts.at(-1)!.date, 5, 60) : null;
    return { member, lastContactDate, measures: '电话、短信联系无果，已上门走访并联系亲属', attempts, suspendedOn, foundOn };
  });
}
