import type { CommitteePost } from '@jiceng/contracts';
import { addMonths, hasElectedTerm, termYears } from '@jiceng/rules';
import { personName } from './names.ts';
import { addDays, type OrgPlan, type PlannedOrg, type TermBucket } from './org-plan.ts';
import type { Random } from './random.ts';

/** What the demo generators share: the plan, a stream for structure and names, one for people and terms. */
export interface DemoContext {
  plan: OrgPlan;
  /** Structure and organization names (independent of the seed day, so names stay stable). */
  rng: Random;
  /** Terms and committee members. */
  people: Random;
}

/** Share of organizations in each 换届 situation when not pinned; the 换届预警 page shows all but `ok`. */
const BUCKETS: readonly (readonly [TermBucket, number])[] = [
  ['ok', 68],
  ['due_soon', 12],
  ['overdue', 9],
  ['seriously_overdue', 5],
  ['none', 6],
];

export interface StaffOptions {
  /** Pins the term situation (e.g. for an e2e test); random otherwise. */
  bucket?: TermBucket;
  /** Pins who holds a post (a demo account's person). */
  posts?: Partial<Record<CommitteePost, string>>;
  /** 兼职委员 of a 大党委: one per resident unit. */
  partTimeUnits?: string[];
}

/** Posts of a committee by organization type and size (domain-rules §1.2: 党委 5–9, 总支 5–7, 支部 3–5 or 书记 only). */
function postsFor(people: Random, org: PlannedOrg): CommitteePost[] {
  switch (org.type) {
    case 'committee':
    case 'working_committee':
      return [
        'secretary',
        'deputy_secretary',
        ...(people.chance(0.5) ? (['deputy_secretary'] as const) : []),
        'organization',
        'publicity',
        'discipline',
        ...Array<'member'>(people.int(0, 2)).fill('member'),
      ];
    case 'general_branch':
      return [
        'secretary',
        ...(people.chance(0.5) ? (['deputy_secretary'] as const) : []),
        'organization',
        'publicity',
        'discipline',
        ...Array<'member'>(people.int(0, 1)).fill('member'),
      ];
    case 'branch':
    case 'joint_branch':
      // Under 7 正式党员 a branch elects only a 书记 (and maybe a 副书记).
      if (people.chance(0.3)) return ['secretary', ...(people.chance(0.3) ? (['deputy_secretary'] as const) : [])];
      return [
        'secretary',
        ...(people.chance(0.2) ? (['deputy_secretary'] as const) : []),
        'organization',
        'publicity',
        ...(people.chance(0.5) ? (['discipline'] as const) : []),
      ];
    case 'temporary_branch':
      return ['secretary', 'member', 'member'];
    case 'grid':
      return ['secretary', 'member'];
    case 'group':
      return [];
  }
}

/**
 * Gives an organization its current term (if its type has one) and its committee. Without pinned
 * posts, about one in ten elected organizations has no committee recorded (a vacancy to follow up).
 */
export function staffOrg(ctx: DemoContext, org: PlannedOrg, opts: StaffOptions = {}): void {
  const { plan, people } = ctx;
  let start: string | null = null;
  if (hasElectedTerm(org.type)) {
    const bucket = opts.bucket ?? people.weighted(BUCKETS);
    const termNo = org.type === 'committee' || org.type === 'working_committee' ? people.int(3, 9) : people.int(2, 8);
    start = plan.term(people, org, bucket, termNo);
    if (!opts.posts && people.chance(0.1)) return;
  }
  const since = start ?? plan.pastDate(people, 30, 1000);
  const used = new Set(Object.values(opts.posts ?? {}));
  const fresh = () => {
    for (;;) {
      const n = personName(people);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const pinned = { ...opts.posts };
  for (const post of postsFor(people, org)) {
    const name = pinned[post] ?? fresh();
    delete pinned[post];
    plan.member(org, { personName: name, post, startDate: since });
  }
  for (const [post, name] of Object.entries(pinned)) plan.member(org, { personName: name, post: post as CommitteePost, startDate: since });
  for (const unitName of opts.partTimeUnits ?? []) plan.member(org, { personName: fresh(), post: 'part_time', unitName, startDate: since });
  // Some committees keep the previous 书记 on record, with the day the term changed as end date.
  const years = termYears(org.type, org.domain);
  if (start && years && people.chance(0.2)) {
    plan.member(org, { personName: fresh(), post: 'secretary', startDate: addMonths(start, -12 * years), endDate: addDays(start, -1) });
  }
}
