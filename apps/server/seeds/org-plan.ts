import type { CommitteePost, FormationMode, OrgDomain, OrgType, OrgUnitInput } from '@jiceng/contracts';
import { addMonths, termEndDate, termYears } from '@jiceng/rules';
import { newId, pathLabel } from '../src/platform/ids.ts';
import { checkOrgFields } from '../src/modules/org/org.validation.ts';
import type { Random } from './random.ts';

/** One organization of a plan, with its place in the tree computed as the org service does. */
export interface PlannedOrg {
  id: string;
  parentId: string | null;
  /** ltree path: the parent's path plus this id without dashes. */
  path: string;
  depth: number;
  name: string;
  shortName: string | null;
  code: string | null;
  type: OrgType;
  domain: OrgDomain;
  formationMode: FormationMode;
  approvalDocNo: string | null;
  approvalDate: string | null;
  units: OrgUnitInput[];
}

export interface PlannedTerm {
  id: string;
  orgId: string;
  termNo: number;
  startDate: string;
  endDate: string;
  termYears: number;
}

export interface PlannedMember {
  id: string;
  orgId: string;
  personName: string;
  post: CommitteePost;
  unitName: string | null;
  startDate: string;
  endDate: string | null;
}

export interface OrgFields {
  name: string;
  type: OrgType;
  domain: OrgDomain;
  shortName?: string | null;
  code?: string | null;
  formationMode?: FormationMode;
  approvalDocNo?: string | null;
  approvalDate?: string | null;
  units?: OrgUnitInput[];
}

/** 换届 situation a planned term is built to show on `today`. */
export type TermBucket = 'ok' | 'due_soon' | 'overdue' | 'seriously_overdue' | 'none';

/** `date` (YYYY-MM-DD) moved by `days`. */
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Organizations, terms and committee members to insert in bulk (demo seed, benchmark city). Each
 * organization passes the same field and 隶属关系 checks as the org service's create, so the plan
 * never holds data the application would refuse.
 */
export class OrgPlan {
  readonly orgs: PlannedOrg[] = [];
  readonly terms: PlannedTerm[] = [];
  readonly members: PlannedMember[] = [];
  private readonly creditCodes = new Set<string>();

  /** `today` (YYYY-MM-DD) anchors approval dates and term buckets. */
  constructor(readonly today: string) {}

  root(f: OrgFields): PlannedOrg {
    if (this.orgs.length > 0) throw new Error('a plan has one root, added first');
    return this.push(null, f);
  }

  add(parent: PlannedOrg, f: OrgFields): PlannedOrg {
    return this.push(parent, f);
  }

  private push(parent: PlannedOrg | null, f: OrgFields): PlannedOrg {
    const units = f.units ?? [];
    const input = { name: f.name, type: f.type, domain: f.domain, formationMode: f.formationMode ?? 'single', units, approvalDate: f.approvalDate ?? null };
    const problems = checkOrgFields(input, parent?.type ?? null, this.today);
    for (const u of units) {
      if (!u.creditCode) continue;
      if (this.creditCodes.has(u.creditCode)) problems.push({ field: 'units', message: `统一社会信用代码「${u.creditCode}」重复` });
      this.creditCodes.add(u.creditCode);
    }
    if (problems.length) throw new Error(`planned organization「${f.name}」is invalid: ${problems.map((p) => p.message).join('；')}`);
    const id = newId();
    const org: PlannedOrg = {
      id,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id),
      depth: parent ? parent.depth + 1 : 0,
      name: f.name,
      shortName: f.shortName ?? null,
      code: f.code ?? null,
      type: f.type,
      domain: f.domain,
      formationMode: input.formationMode,
      approvalDocNo: f.approvalDocNo ?? null,
      approvalDate: input.approvalDate,
      units,
    };
    this.orgs.push(org);
    return org;
  }

  /**
   * Records the current term (and sometimes the one before) so that on `today` the organization is
   * in `bucket`; returns the current term's start date, or null when no term is recorded. Term
   * lengths come from the rule set (termYears), end dates from termEndDate, as in the service.
   */
  term(rng: Random, org: PlannedOrg, bucket: TermBucket, termNo: number): string | null {
    const years = termYears(org.type, org.domain);
    if (years === null || bucket === 'none') return null;
    // Target end date, in days from today, with margins so month-end clamping never changes the bucket.
    const span = years * 365;
    const offset = {
      ok: () => rng.int(200, span - 40),
      due_soon: () => rng.int(10, 170),
      overdue: () => rng.int(-350, -10),
      seriously_overdue: () => rng.int(-900, -380),
    }[bucket]();
    const startDate = addMonths(addDays(this.today, offset + 1), -12 * years);
    this.terms.push({ id: newId(), orgId: org.id, termNo, startDate, endDate: termEndDate(startDate, years), termYears: years });
    if (termNo > 1 && rng.chance(0.5)) {
      const prevStart = addMonths(startDate, -12 * years);
      this.terms.push({ id: newId(), orgId: org.id, termNo: termNo - 1, startDate: prevStart, endDate: termEndDate(prevStart, years), termYears: years });
    }
    return startDate;
  }

  member(org: PlannedOrg, m: Omit<PlannedMember, 'id' | 'orgId' | 'unitName' | 'endDate'> & { unitName?: string | null; endDate?: string | null }): void {
    if (org.type === 'group') throw new Error(`党小组「${org.name}」不设委员会`);
    this.members.push({ id: newId(), orgId: org.id, unitName: null, endDate: null, ...m });
  }

  /** A random date between `daysAgoMax` and `daysAgoMin` days before today. */
  pastDate(rng: Random, daysAgoMin: number, daysAgoMax: number): string {
    return addDays(this.today, -rng.int(daysAgoMin, daysAgoMax));
  }
}
