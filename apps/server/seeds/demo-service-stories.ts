import type { SatisfactionLevel, ServiceRequestAction, ServiceRequestKind } from '@jiceng/rules';
import type { Random } from './random.ts';

/**
 * The demo's 群众诉求 as stories: what each request says (by category), its kind and urgency, and
 * the steps it went through (hours apart). 梅花山社区 has one request in every state near now
 * (`HOME`); every place has a year of ordinary ones (`yearOf`). demo-service-play.ts plays them
 * through the rules.
 */

export const TEXTS: Record<string, string[]> = {
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
export const CATEGORY_KIND: Record<string, ServiceRequestKind> = {
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
export const URGENT = new Set(['security', 'utilities']);
const RESULTS = ['已联系相关单位处理完毕，现场已恢复正常', '网格员上门协调，双方达成一致', '已安排维修人员更换，经回访群众确认', '已转物业限期整改并复查'];
export const NAMES = ['王女士', '张先生', '刘阿姨', '陈大爷', '赵女士', '孙先生', '周阿姨', '吴先生'];

/** One step of a story: the action, hours after the previous step, and what it carries. */
export interface Step {
  a: ServiceRequestAction;
  h: number;
  reason?: string;
  rating?: SatisfactionLevel;
  result?: string;
  /** dispatch/reassign: who (default: the request's grid, else the community's team). */
  to?: 'grid' | 'other_grid' | 'team';
}

export interface Story {
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
export const HOME: Story[] = [
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

/** A year of ordinary requests of a place (most closed, a few open), for the figures. */
export function yearOf(rng: Random, count: number): Story[] {
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
