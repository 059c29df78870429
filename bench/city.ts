import type { OrgDomain, OrgType } from '@jiceng/contracts';
import { hashPassword } from '../apps/server/src/modules/account/index.ts';
import { orgRepository } from '../apps/server/src/modules/org/org.repository.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { COMMUNITY_PLACES, FIRM_ROOTS, FIRM_TRADES, ORDINALS, VILLAGE_PLACES } from '../apps/server/seeds/names.ts';
import { OrgPlan, type PlannedOrg, type TermBucket } from '../apps/server/seeds/org-plan.ts';
import { createRandom, type Random } from '../apps/server/seeds/random.ts';
import { seedRepository } from '../apps/server/seeds/seed.repository.ts';

/**
 * A synthetic city for benchmarks: root → 12 街道党工委 → 基层党委 → 党总支 → 党支部, built as an
 * OrgPlan and written with the demo seed's bulk inserts.
 *
 * Shares of 党委 / 党总支 / 党支部 follow the 2024 national bulletin (domain-rules §6.2:
 * 30.6 / 33.0 / 461.4 万 of 525.0 万 organizations ≈ 5.8% / 6.3% / 87.9%); the root and the streets
 * count as 党委. Domains of the 党委 follow the 2023 sector split (§6.2: 机关 77.1, 事业 99.7,
 * 企业 160, 社会组织 18.3 万; the rest, ≈ 162 万, taken as 社区 and 村), with enterprises split
 * 1 : 2 between state and private (an assumption: the bulletin gives no split).
 */
export const BULLETIN_2024 = { committee: 30.6, general_branch: 33.0, branch: 461.4 } as const;
const DOMAIN_WEIGHTS: readonly (readonly [OrgDomain, number])[] = [
  ['agency', 77.1],
  ['institution', 99.7],
  ['state_enterprise', 53.3],
  ['private_enterprise', 106.7],
  ['social_org', 18.3],
  ['community', 81],
  ['rural', 81],
];
export const STREET_COUNT = 12;
/** Share of 党支部 sitting under a 党总支 (the others sit directly under a 党委). */
const BRANCHES_UNDER_GENERAL = 0.45;
const TERM_BUCKETS: readonly (readonly [TermBucket, number])[] = [
  ['ok', 80],
  ['due_soon', 8],
  ['overdue', 6],
  ['seriously_overdue', 2],
  ['none', 4],
];

export const BENCH_ADMIN = { username: 'admin', password: 'Bench@2026pw' } as const;

export interface City {
  rootId: string;
  rootPath: string;
  streets: { id: string; name: string; path: string }[];
  byType: Record<string, number>;
  total: number;
}

/** How many organizations of each level a city of `total` gets (root and streets included in 党委). */
export function cityShape(total: number): { committees: number; generalBranches: number; branches: number } {
  const all = BULLETIN_2024.committee + BULLETIN_2024.general_branch + BULLETIN_2024.branch;
  const committees = Math.max(Math.round((total * BULLETIN_2024.committee) / all) - 1 - STREET_COUNT, STREET_COUNT);
  const generalBranches = Math.round((total * BULLETIN_2024.general_branch) / all);
  return { committees, generalBranches, branches: total - 1 - STREET_COUNT - committees - generalBranches };
}

const base = (o: PlannedOrg) => o.name.replace(/^中共/, '').replace(/部?委员会$/, '');

function committeeName(rng: Random, domain: OrgDomain, street: string, n: number): string {
  switch (domain) {
    case 'community':
      return `中共${street}${rng.pick(COMMUNITY_PLACES)}${n}社区委员会`;
    case 'rural':
      return `中共${street}${rng.pick(VILLAGE_PLACES)}${n}村委员会`;
    case 'agency':
      return `中共演示市${street}第${n}机关委员会`;
    case 'institution':
      return `中共演示市${street}第${n}人民医院委员会`;
    case 'state_enterprise':
      return `中共演示市${rng.pick(FIRM_ROOTS)}${n}投资集团有限公司委员会`;
    case 'private_enterprise':
      return `中共江苏${rng.pick(FIRM_ROOTS)}${n}${rng.pick(FIRM_TRADES)}有限公司委员会`;
    case 'social_org':
    case 'school':
    case 'other':
      return `中共${street}第${n}社会组织综合委员会`;
  }
}

/** Builds the plan of a city with `total` organizations; names are deterministic for a `seed`. */
export function planCity(total: number, today: string, seed = 42): OrgPlan {
  const rng = createRandom(seed);
  const terms = createRandom(seed + 1);
  const plan = new OrgPlan(today);
  const shape = cityShape(total);
  const withTerm = (o: PlannedOrg, termNo: number) => void plan.term(terms, o, terms.weighted(TERM_BUCKETS), termNo);
  const add = (parent: PlannedOrg, name: string, type: OrgType, domain: OrgDomain) => {
    const o = plan.add(parent, { name, type, domain });
    withTerm(o, type === 'branch' ? rng.int(2, 8) : rng.int(3, 9));
    return o;
  };

  const root = plan.root({ name: '中共演示市委员会', type: 'committee', domain: 'agency' });
  withTerm(root, 12);
  const places = rng.shuffle(COMMUNITY_PLACES);
  const streets = Array.from({ length: STREET_COUNT }, (_, i) => ({
    org: add(root, `中共${places[i]}街道工作委员会`, 'working_committee', 'community'),
    weight: 0.5 + rng.next(),
  }));
  const streetPairs = streets.map((s) => [s, s.weight] as const);
  const committees = Array.from({ length: shape.committees }, (_, i) => {
    const street = rng.weighted(streetPairs).org;
    const domain = rng.weighted(DOMAIN_WEIGHTS);
    return add(street, committeeName(rng, domain, street.name.slice(2, -7), i + 1), 'committee', domain);
  });
  const generals = Array.from({ length: shape.generalBranches }, (_, i) => {
    const parent = rng.pick(committees);
    return add(parent, `中共${base(parent)}${ORDINALS[i % ORDINALS.length]}总支部委员会`, 'general_branch', parent.domain);
  });
  const seq = new Map<string, number>();
  for (let i = 0; i < shape.branches; i++) {
    const parent = rng.chance(BRANCHES_UNDER_GENERAL) ? rng.pick(generals) : rng.pick(committees);
    const k = (seq.get(parent.id) ?? 0) + 1;
    seq.set(parent.id, k);
    add(parent, `${base(parent)}第${k}党支部`, 'branch', parent.domain);
  }
  return plan;
}

/**
 * Writes a city of `total` organizations into an empty, migrated database with an administrator
 * (BENCH_ADMIN) bound to the root, then refreshes planner statistics as any bulk load should.
 */
export async function generateCity(db: Database, opts: { total: number; regionId: string; today: string; seed?: number }): Promise<City> {
  const existing = await orgRepository.count(db, opts.regionId);
  if (existing > 0) throw new Error(`the database already holds ${existing} organizations in region ${opts.regionId}; use an empty one`);
  const plan = planCity(opts.total, opts.today, opts.seed);
  const root = plan.orgs[0]!;
  const passwordHash = await hashPassword(BENCH_ADMIN.password);
  await db.transaction(async (tx) => {
    await seedRepository.insertPlan(tx, opts.regionId, plan);
    await seedRepository.insertAccounts(tx, opts.regionId, [
      { id: newId(), username: BENCH_ADMIN.username, displayName: '压测管理员', role: 'admin', orgId: root.id, passwordHash },
    ]);
  });
  await db.script('analyze');
  const byType: Record<string, number> = {};
  for (const o of plan.orgs) byType[o.type] = (byType[o.type] ?? 0) + 1;
  return {
    rootId: root.id,
    rootPath: root.path,
    streets: plan.orgs.filter((o) => o.depth === 1).map((o) => ({ id: o.id, name: o.name, path: o.path })),
    byType,
    total: plan.orgs.length,
  };
}
