import { creditCodeCheckChar } from '@jiceng/contracts';
import type { Random } from './random.ts';

/**
 * Name pools of the demo district and the benchmark city. Places are invented (no real community is
 * meant); people's names follow the frequency of common Chinese surnames.
 */

/** Space-separated words, so a pool reads as text rather than one item per line. */
const words = (text: string): string[] => text.split(' ');

/** Common surnames, most frequent first; earlier ones are drawn more often. */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

const GIVEN_TWO = words(
  '建国 建华 建军 建平 建新 志强 志刚 志伟 国庆 国华 国强 秀英 秀兰 秀珍 桂英 桂兰 玉兰 玉珍 玉梅 ' +
    '海燕 海涛 丽娟 丽华 晓东 晓燕 晓明 晓峰 晓丽 文斌 文静 文华 明亮 立新 卫东 红梅 红霞 春华 春生 ' +
    '永刚 永红 振华 德明 德胜 金凤 凤英 凤霞 淑芬 淑珍 美玲 慧敏 思远 子涵 雨萱 浩然 宇轩 嘉怡 欣怡 ' +
    '佳琪 俊杰 艳红 亚男 婷婷 静怡 学军 爱国 爱华 伟东 雪梅 月娥 瑞芳 宏伟 鹏飞 少华 福生 长林 长青 ' +
    '秋菊 冬梅 家豪 梓涵 一鸣 天宇 思琪 梦瑶 文军 新民 光明 正平 世杰 敬东 学文 晨阳 雅琴 素芳 兰英 ' +
    '翠萍',
);
const GIVEN_ONE = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超霞平刚华斌辉鹏峰婷琳颖蕾萍健亮'];

/** Given names that read as a woman's or a man's; the rest (建华, 子涵, 敏 …) are given to either. */
const FEMALE_GIVEN = new Set(
  words(
    '秀英 秀兰 秀珍 桂英 桂兰 玉兰 玉珍 玉梅 海燕 丽娟 丽华 晓燕 晓丽 文静 红梅 红霞 永红 金凤 凤英 凤霞 淑芬 淑珍 ' +
      '美玲 慧敏 雨萱 嘉怡 欣怡 佳琪 艳红 亚男 婷婷 静怡 雪梅 月娥 瑞芳 秋菊 冬梅 思琪 梦瑶 雅琴 素芳 兰英 翠萍 ' +
      '芳 娜 静 丽 艳 霞 婷 琳 颖 蕾 萍',
  ),
);
const MALE_GIVEN = new Set(
  words(
    '建国 建军 建平 建新 志强 志刚 志伟 国庆 国华 国强 海涛 晓东 晓明 晓峰 文斌 明亮 卫东 春生 永刚 振华 德明 德胜 ' +
      '思远 浩然 宇轩 俊杰 学军 爱国 伟东 宏伟 鹏飞 福生 长林 长青 家豪 一鸣 天宇 文军 新民 光明 正平 世杰 敬东 学文 ' +
      '伟 强 磊 军 洋 勇 杰 涛 明 超 刚 斌 辉 鹏 峰 健 亮',
  ),
);

/** 'female' or 'male' when the given name reads as one, null when it suits either. */
export function givenNameSex(given: string): 'female' | 'male' | null {
  return FEMALE_GIVEN.has(given) ? 'female' : MALE_GIVEN.has(given) ? 'male' : null;
}

/** The given names fit for a woman (female) or a man (!female): their own and the neutral ones. */
const bySex = (pool: string[]) => ({
  female: pool.filter((g) => givenNameSex(g) !== 'male'),
  male: pool.filter((g) => givenNameSex(g) !== 'female'),
});
const ONE_BY_SEX = bySex(GIVEN_ONE);
const TWO_BY_SEX = bySex(GIVEN_TWO);

/**
 * A realistic full name: surname plus a one- or two-character given name. With `female` the given
 * name fits the person's sex (never a man's name for a woman); without it (a committee member whose
 * sex is not recorded) any name. Both draw the same number of random values.
 */
export function personName(rng: Random, female?: boolean): string {
  const rank = Math.floor(SURNAMES.length * rng.next() ** 2);
  const surname = SURNAMES[rank] ?? '王';
  const one = rng.chance(0.28);
  if (female === undefined) return surname + rng.pick(one ? GIVEN_ONE : GIVEN_TWO);
  const pools = one ? ONE_BY_SEX : TWO_BY_SEX;
  return surname + rng.pick(female ? pools.female : pools.male);
}

/** Urban community names (without 社区). */
export const COMMUNITY_PLACES = words(
  '苜蓿园 卫岗 前湖 紫金 樱桃园 半山园 板仓 钟灵 花园路 龙蟠里 清溪 翠竹 丹桂 银杏 玉兰 青松 枫林 ' +
    '芳草 碧水 锦绣 和平 幸福 东苑 西苑 南苑 北苑 春晖 朝阳 晨光 龙江 凤凰 聚宝 长乐 安居 福园 怡康 ' +
    '康乐 新庄 环湖 湖滨 月苑 星河 金桥 银城 华侨路 太平门 钟阜 蓝旗 童卫 仙鹤 百合 海棠 紫薇 桃源 ' +
    '杏林 荷塘 松涛 柳岸 竹园 兰园 菊园 梧桐 香樟 玉泉 明月 清风 东湖 西湖 南湖 北湖 文昌 文华 育才 ' +
    '书香 博园 科苑 学府 健康 仁和 德和 礼贤 信义 同心 团结 友谊 光明 红旗 建设 胜利 新华 工农 向阳 ' +
    '东方 营苑 石门坎 五福 七里 八宝 九华 万寿 百花 千秋 迎春 丁家桥 樱花 玄武门 梅苑',
);

/** Village names (without 村). */
export const VILLAGE_PLACES = words(
  '李家洼 张家湾 石桥 白马 双塘 柳树沟 杨庄 河口 三岔 东岗 西岗 青山 龙潭 桃园 梨园 大营 小营 陈庄 ' +
    '周岗 丁家边 马桥 黄岗 孙楼 高庙 古泉 官塘 汤家 徐家圩 朱湖 新塘',
);

export const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十'];

/** Private firms of the district: trade-name root and business, later turned into 有限公司 names. */
export const FIRM_ROOTS = words('云帆 恒达 博远 致远 华信 天成 星辰 瑞丰 金诚 聚源 卓越 宏图 嘉禾 锦程 鼎盛 新元 汇通 启航 明德 众合 同创 东升 紫云 青禾');
export const FIRM_TRADES = words('信息科技 网络科技 智能装备 生物医药 建筑工程 物流 餐饮管理 文化传媒 环保科技 电子商务 物业管理 软件');

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 组织机构代码 (GB 11714): 8 characters and a check character (weights 3,7,9,10,5,8,4,2; mod 11). */
function orgCode(rng: Random, modern: boolean): string {
  let body = modern ? 'MA' : '';
  while (body.length < 8) body += modern ? rng.pick([...CODE_CHARS]) : String(rng.int(0, 9));
  const value = (c: string) => (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55);
  const sum = [...body].reduce((s, c, i) => s + value(c) * ([3, 7, 9, 10, 5, 8, 4, 2][i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** Kinds of registered units, by the first two characters of their credit code (GB 32100). */
export const UNIT_KIND = { enterprise: '91', socialGroup: '51', privateNonProfit: '52', institution: '12', agency: '11' } as const;

/**
 * A valid 统一社会信用代码 in `division` (6-digit county code), unique within `taken`. The check
 * character comes from creditCodeCheckChar, the same function the server validates with.
 */
export function creditCode(rng: Random, kind: keyof typeof UNIT_KIND, division: string, taken: Set<string>): string {
  for (;;) {
    const first17 = UNIT_KIND[kind] + division + orgCode(rng, kind !== 'agency' && kind !== 'institution');
    const code = first17 + creditCodeCheckChar(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}
