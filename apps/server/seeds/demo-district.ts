import { staffOrg, type DemoContext, type StaffOptions } from './demo-committee.ts';
import { DEMO_ACCOUNTS, DEMO_ORG } from './demo-accounts.ts';
import { COMMUNITY_PLACES, ORDINALS, VILLAGE_PLACES } from './names.ts';
import type { PlannedOrg, TermBucket } from './org-plan.ts';

/** 6 街道 and 2 乡镇 of the demo district, with how many 社区/村 each has (121 in all). */
const STREETS = [
  { place: '孝陵', township: false, units: 16 },
  { place: '梅园', township: false, units: 15 },
  { place: '锁金', township: false, units: 16 },
  { place: '红山', township: false, units: 17 },
  { place: '玄湖', township: false, units: 15 },
  { place: '紫荆', township: false, units: 17 },
  { place: '青龙镇', township: true, units: 13 },
  { place: '白云乡', township: true, units: 12 },
] as const;

const COMMUNITY_THEMES = ['离退休党员党支部', '在职党员党支部', '流动党员党支部', '物业党支部', '老年协会党支部', '志愿服务党支部', '居民小区党支部'];
const VILLAGE_THEMES = ['老党员党支部', '流动党员党支部', '种植专业合作社党支部', '村办企业党支部', '养殖专业合作社党支部'];
/** Units whose staff sit on the 大党委 of 梅花山社区 as 兼职委员. */
const RESIDENT_UNITS = ['演示区人民医院', '国网演示区供电公司', '演示区实验小学', '中国银行演示支行', '演示区城市管理综合行政执法大队'];

const person = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.displayName;

/** The first 孝陵 communities are pinned: the demo accounts' community, then one per 换届 status. */
const PINNED: { place: string; type: 'committee' | 'general_branch'; bucket: TermBucket }[] = [
  { place: '梅花山', type: 'committee', bucket: 'ok' },
  { place: '苜蓿园', type: 'committee', bucket: 'due_soon' },
  { place: '卫岗', type: 'committee', bucket: 'overdue' },
  { place: '前湖', type: 'general_branch', bucket: 'seriously_overdue' },
  { place: '紫金', type: 'committee', bucket: 'none' },
];

/** Streets and townships with their 社区/村 Party organizations, branches, 党小组 and grids. */
export function planDistrict(ctx: DemoContext, root: PlannedOrg): void {
  const { plan, rng } = ctx;
  const pinnedPlaces = new Set(PINNED.map((p) => p.place));
  const communityPool = rng.shuffle(COMMUNITY_PLACES.filter((p) => !pinnedPlaces.has(p)));
  const villagePool = rng.shuffle(VILLAGE_PLACES);
  STREETS.forEach((s, si) => {
    const name = s.township ? `中共${s.place}委员会` : `中共${s.place}街道工作委员会`;
    const street = plan.add(root, {
      name,
      shortName: s.township ? `${s.place}党委` : `${s.place}街道党工委`,
      type: s.township ? 'committee' : 'working_committee',
      domain: s.township ? 'rural' : 'community',
      approvalDocNo: `演组〔20${10 + si}〕${20 + si}号`,
      approvalDate: `20${10 + si}-0${1 + (si % 9)}-15`,
    });
    staffOrg(ctx, street, { bucket: si === 1 ? 'due_soon' : 'ok', ...(name === DEMO_ORG.street ? { posts: { organization: person('jiedao') } } : {}) });
    const office = plan.add(street, { name: `${s.place}${s.township ? '' : '街道'}机关党支部`, type: 'branch', domain: 'agency' });
    staffOrg(ctx, office);
    for (let i = 0; i < s.units; i++) {
      const pinned = si === 0 ? PINNED[i] : undefined;
      if (s.township) planVillage(ctx, street, villagePool.pop()!);
      else planCommunity(ctx, street, pinned?.place ?? communityPool.pop()!, pinned);
    }
  });
}

function approval(ctx: DemoContext, street: PlannedOrg): { approvalDocNo: string; approvalDate: string } {
  const date = ctx.plan.pastDate(ctx.rng, 400, 5000);
  return { approvalDocNo: `${street.shortName ?? ''}〔${date.slice(0, 4)}〕${ctx.rng.int(1, 60)}号`, approvalDate: date };
}

function planCommunity(ctx: DemoContext, street: PlannedOrg, place: string, pinned?: (typeof PINNED)[number]): void {
  const { plan, rng } = ctx;
  const demo = place === '梅花山';
  const type = pinned?.type ?? (rng.chance(0.75) ? 'committee' : 'general_branch');
  const community = plan.add(street, {
    name: type === 'committee' ? `中共${place}社区委员会` : `中共${place}社区总支部委员会`,
    shortName: type === 'committee' ? `${place}社区党委` : `${place}社区党总支`,
    type,
    domain: 'community',
    ...approval(ctx, street),
  });
  const opts: StaffOptions = demo
    ? { bucket: 'ok', posts: { secretary: person('shequ') }, partTimeUnits: RESIDENT_UNITS.slice(0, 4) }
    : { ...(pinned ? { bucket: pinned.bucket } : {}) };
  staffOrg(ctx, community, opts);

  const count = demo ? 4 : rng.int(2, 4);
  const themed = demo ? ['离退休党员党支部', '物业党支部'] : rng.shuffle(COMMUNITY_THEMES).slice(0, rng.int(0, Math.min(2, count - 1)));
  const names = [...ORDINALS.slice(0, count - themed.length).map((o) => `${o}党支部`), ...themed];
  names.forEach((n, i) => {
    const branch = plan.add(community, { name: `${place}社区${n}`, type: 'branch', domain: 'community' });
    staffOrg(ctx, branch, demo && i === 0 ? { bucket: 'ok', posts: { secretary: person('shuji') } } : {});
    const groups = demo && i === 0 ? 2 : rng.chance(0.45) ? rng.int(1, 3) : 0;
    for (let g = 0; g < groups; g++) plan.add(branch, { name: `${branch.name}${ORDINALS[g]}党小组`, type: 'group', domain: 'community' });
  });

  const grids = demo ? 3 : rng.chance(0.18) ? rng.int(2, 3) : 0;
  for (let g = 0; g < grids; g++) {
    const grid = plan.add(community, { name: `${place}社区${ORDINALS[g]}网格党支部`, type: 'grid', domain: 'community' });
    staffOrg(ctx, grid);
    const buildings = rng
      .shuffle(Array.from({ length: 30 }, (_, k) => k + 1))
      .slice(0, rng.int(2, 4))
      .sort((a, b) => a - b);
    for (const b of buildings) plan.add(grid, { name: `${place}社区${ORDINALS[g]}网格${b}栋楼栋党小组`, type: 'group', domain: 'community' });
  }
}

function planVillage(ctx: DemoContext, township: PlannedOrg, place: string): void {
  const { plan, rng } = ctx;
  const type = rng.weighted([
    ['committee', 35],
    ['general_branch', 45],
    ['branch', 20],
  ] as const);
  const label = { committee: ['委员会', '党委'], general_branch: ['总支部委员会', '党总支'], branch: ['支部委员会', '党支部'] }[type];
  const village = plan.add(township, {
    name: `中共${place}村${label[0]}`,
    shortName: `${place}村${label[1]}`,
    type,
    domain: 'rural',
    ...approval(ctx, township),
  });
  staffOrg(ctx, village);
  if (type === 'branch') {
    // A small village: one 党支部 whose members meet in 党小组.
    const groups = rng.int(2, 3);
    for (let g = 0; g < groups; g++) plan.add(village, { name: `${place}村${ORDINALS[g]}党小组`, type: 'group', domain: 'rural' });
    return;
  }
  const count = rng.int(2, 4);
  const themed = rng.shuffle(VILLAGE_THEMES).slice(0, rng.int(0, Math.min(2, count - 1)));
  for (const n of [...ORDINALS.slice(0, count - themed.length).map((o) => `${o}党支部`), ...themed]) {
    const branch = plan.add(village, { name: `${place}村${n}`, type: 'branch', domain: 'rural' });
    staffOrg(ctx, branch);
    if (rng.chance(0.3)) plan.add(branch, { name: `${branch.name}第一党小组`, type: 'group', domain: 'rural' });
  }
}
