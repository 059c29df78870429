import type { FormationMode, Org, OrgDomain, OrgInput, OrgType } from '@jiceng/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** What the organization form holds (dates as dayjs, optional text possibly empty). */
export interface OrgFormValues {
  name: string;
  shortName?: string | null;
  type: OrgType;
  domain: OrgDomain;
  formationMode: FormationMode;
  units?: { name: string; creditCode?: string | null; category: OrgDomain }[];
  approvalDocNo?: string | null;
  approvalDate?: Dayjs | null;
  code?: string | null;
}

const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** Form values → the contract's body (without the parent). */
export function toOrgBody(v: OrgFormValues): Omit<OrgInput, 'parentId'> {
  return {
    name: v.name.trim(),
    shortName: text(v.shortName),
    type: v.type,
    domain: v.domain,
    formationMode: v.formationMode,
    units: (v.units ?? []).map((u) => ({ name: u.name.trim(), creditCode: text(u.creditCode)?.toUpperCase() ?? null, category: u.category })),
    approvalDocNo: text(v.approvalDocNo),
    approvalDate: v.approvalDate ? v.approvalDate.format('YYYY-MM-DD') : null,
    code: text(v.code),
  };
}

/** An organization → form values for editing. */
export function fromOrg(o: Org): OrgFormValues {
  return {
    name: o.name,
    shortName: o.shortName,
    type: o.type as OrgType,
    domain: o.domain as OrgDomain,
    formationMode: o.formationMode as FormationMode,
    units: o.units.map((u) => ({ name: u.name, creditCode: u.creditCode, category: u.category as OrgDomain })),
    approvalDocNo: o.approvalDocNo,
    approvalDate: o.approvalDate ? dayjs(o.approvalDate) : null,
    code: o.code,
  };
}

/** Sensible defaults for a new child: a 党支部 (党小组 under a branch) of the parent's domain. */
export function childDefaults(parent: Pick<Org, 'type' | 'domain'>): Partial<OrgFormValues> {
  const branchLike = ['branch', 'joint_branch', 'temporary_branch'].includes(parent.type);
  return {
    type: branchLike ? 'group' : 'branch',
    domain: parent.domain as OrgDomain,
    formationMode: 'single',
    units: [],
  };
}
