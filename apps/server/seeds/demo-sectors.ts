import type { OrgDomain, OrgUnitInput } from '@jiceng/contracts';
import { staffOrg, type DemoContext } from './demo-committee.ts';
import { creditCode, FIRM_ROOTS, FIRM_TRADES, UNIT_KIND } from './names.ts';
import type { OrgFields, PlannedOrg } from './org-plan.ts';

/** County code inside the demo credit codes (the default REGION_ID). */
const DIVISION = '320102';

/**
 * Organizations outside the streets: 机关 and 事业单位 under the 区直机关工委, schools under the
 * 教育工委, state firms under the 国资委党委, private firms, a 联合党支部, social organizations and a
 * 楼宇 branch under the 两新工委, and a 临时党支部 on a construction project.
 */
export function planSectors(ctx: DemoContext, root: PlannedOrg): void {
  const { plan, rng } = ctx;
  const codes = new Set<string>();
  const unit = (name: string, category: OrgDomain, kind: keyof typeof UNIT_KIND): OrgUnitInput => ({
    name,
    creditCode: creditCode(rng, kind, DIVISION, codes),
    category,
  });
  const add = (parent: PlannedOrg, f: OrgFields) => {
    const org = plan.add(parent, f);
    staffOrg(ctx, org);
    return org;
  };
  const branches = (parent: PlannedOrg, prefix: string, names: string[], domain: OrgDomain) =>
    names.map((n) => add(parent, { name: `${prefix}${n}`, type: 'branch', domain }));

  // 机关 and 事业单位
  const organs = add(root, { name: '中共演示区区直机关工作委员会', shortName: '区直机关工委', type: 'working_committee', domain: 'agency' });
  for (const u of [
    '演示区委办公室',
    '演示区人民政府办公室',
    '演示区发展和改革委员会',
    '演示区财政局',
    '演示区民政局',
    '演示区人力资源和社会保障局',
    '演示区住房和城乡建设局',
    '演示区卫生健康委员会',
    '演示区退役军人事务局',
    '演示区司法局',
  ]) {
    add(organs, { name: `${u}机关党支部`, type: 'branch', domain: 'agency', units: [unit(u, 'agency', 'agency')] });
  }
  const market = add(organs, {
    name: '中共演示区市场监督管理局机关总支部委员会',
    shortName: '区市场监管局党总支',
    type: 'general_branch',
    domain: 'agency',
    units: [unit('演示区市场监督管理局', 'agency', 'agency')],
  });
  branches(market, '演示区市场监督管理局', ['机关第一党支部', '机关第二党支部', '孝陵市场监管所党支部', '梅园市场监管所党支部'], 'agency');
  const hospital = add(organs, {
    name: '中共演示区人民医院委员会',
    shortName: '区人民医院党委',
    type: 'committee',
    domain: 'institution',
    units: [unit('演示区人民医院', 'institution', 'institution')],
  });
  for (const b of branches(
    hospital,
    '演示区人民医院',
    ['内科党支部', '外科党支部', '医技党支部', '护理党支部', '行政后勤党支部', '离退休党支部'],
    'institution',
  )) {
    if (rng.chance(0.5)) plan.add(b, { name: `${b.name}第一党小组`, type: 'group', domain: 'institution' });
  }
  add(organs, {
    name: '演示区疾病预防控制中心党支部',
    type: 'branch',
    domain: 'institution',
    units: [unit('演示区疾病预防控制中心', 'institution', 'institution')],
  });

  // 学校
  const education = add(root, { name: '中共演示区委教育工作委员会', shortName: '区委教育工委', type: 'working_committee', domain: 'agency' });
  const school = add(education, {
    name: '中共演示区第一中学委员会',
    shortName: '区一中党委',
    type: 'committee',
    domain: 'school',
    units: [unit('演示区第一中学', 'school', 'institution')],
  });
  branches(school, '演示区第一中学', ['高一年级党支部', '高二年级党支部', '高三年级党支部', '行政后勤党支部', '退休教师党支部'], 'school');
  const second = add(education, {
    name: '中共演示区第二中学总支部委员会',
    shortName: '区二中党总支',
    type: 'general_branch',
    domain: 'school',
    units: [unit('演示区第二中学', 'school', 'institution')],
  });
  branches(second, '演示区第二中学', ['初中部党支部', '高中部党支部'], 'school');
  for (const u of ['演示区实验小学', '演示区孝陵小学', '演示区梅园幼儿园'])
    add(education, { name: `${u}党支部`, type: 'branch', domain: 'school', units: [unit(u, 'school', 'institution')] });

  // 国有企业
  const sasac = add(root, { name: '中共演示区国资委委员会', shortName: '区国资委党委', type: 'committee', domain: 'agency' });
  const ucg = add(sasac, {
    name: '中共演示区城市建设投资集团有限公司委员会',
    shortName: '城建集团党委',
    type: 'committee',
    domain: 'state_enterprise',
    units: [unit('演示区城市建设投资集团有限公司', 'state_enterprise', 'enterprise')],
  });
  branches(ucg, '演示区城市建设投资集团有限公司', ['机关第一党支部', '机关第二党支部'], 'state_enterprise');
  const works = add(ucg, {
    name: '中共演示区城建工程建设有限公司总支部委员会',
    shortName: '城建工程公司党总支',
    type: 'general_branch',
    domain: 'state_enterprise',
    units: [unit('演示区城建工程建设有限公司', 'state_enterprise', 'enterprise')],
  });
  branches(works, '演示区城建工程建设有限公司', ['项目一部党支部', '项目二部党支部', '综合管理部党支部'], 'state_enterprise');
  add(ucg, { name: '地铁五号线演示段工程项目临时党支部', type: 'temporary_branch', domain: 'state_enterprise' });
  const water = add(sasac, {
    name: '中共演示区水务集团有限公司委员会',
    shortName: '水务集团党委',
    type: 'committee',
    domain: 'state_enterprise',
    units: [unit('演示区水务集团有限公司', 'state_enterprise', 'enterprise')],
  });
  branches(water, '演示区水务集团', ['机关党支部', '供水分公司党支部', '污水处理分公司党支部'], 'state_enterprise');
  add(sasac, {
    name: '演示区国有资产经营有限公司党支部',
    type: 'branch',
    domain: 'state_enterprise',
    units: [unit('演示区国有资产经营有限公司', 'state_enterprise', 'enterprise')],
  });

  // 非公企业 and 社会组织, under the 两新工委
  const newSectors = add(root, {
    name: '中共演示区非公有制经济组织和社会组织工作委员会',
    shortName: '区两新工委',
    type: 'working_committee',
    domain: 'private_enterprise',
  });
  const firmNames = rng.shuffle(FIRM_ROOTS.filter((r) => r !== '恒达')).map((r) => `${r}${rng.pick(FIRM_TRADES)}有限公司`);
  const group = add(newSectors, {
    name: '中共江苏恒达建设集团有限公司委员会',
    shortName: '恒达集团党委',
    type: 'committee',
    domain: 'private_enterprise',
    units: [unit('江苏恒达建设集团有限公司', 'private_enterprise', 'enterprise')],
  });
  branches(group, '江苏恒达建设集团有限公司', ['第一党支部', '第二党支部', '项目部党支部'], 'private_enterprise');
  for (const f of firmNames.slice(0, 7)) {
    const full = `江苏${f}`;
    add(newSectors, { name: `${full}党支部`, type: 'branch', domain: 'private_enterprise', units: [unit(full, 'private_enterprise', 'enterprise')] });
  }
  // 联合党支部: small firms with fewer than 3 正式党员 each join one branch (domain-rules §1.1).
  const small = firmNames.slice(7, 10).map((f) => unit(`南京${f}`, 'private_enterprise', 'enterprise'));
  add(newSectors, { name: '紫金科创园第一联合党支部', type: 'joint_branch', domain: 'private_enterprise', formationMode: 'joint', units: small });
  add(newSectors, { name: '演示区金鼎大厦楼宇党支部', type: 'branch', domain: 'other' });
  const social = add(newSectors, { name: '中共演示区社会组织综合委员会', shortName: '区社会组织综合党委', type: 'committee', domain: 'social_org' });
  for (const [u, kind] of [
    ['演示区慈善总会', 'socialGroup'],
    ['演示区个体劳动者协会', 'socialGroup'],
    ['演示区晨曦社会工作服务中心', 'privateNonProfit'],
    ['演示区颐康养老服务中心', 'privateNonProfit'],
  ] as const) {
    add(social, { name: `${u}党支部`, type: 'branch', domain: 'social_org', units: [unit(u, 'social_org', kind)] });
  }
}
