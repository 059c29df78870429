import type { CommitteeMember, Org, OrgSummary, OrgType, Term } from '@jiceng/contracts';
import { hasElectedTerm, termStatus } from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { CommitteeRow, OrgRow, OrgSummaryRow } from './org.repository.ts';

export function presentOrgSummary(r: OrgSummaryRow, today: string): OrgSummary {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    type: r.type,
    domain: r.domain,
    status: r.status,
    parentId: r.parent_id,
    depth: r.depth,
    childCount: r.child_count,
    termStatus: hasElectedTerm(r.type as OrgType) && r.status === 'active' ? termStatus(r.term_end, today) : 'ok',
    termEndDate: r.term_end,
  };
}

export function presentOrg(
  r: OrgRow,
  today: string,
  extra: {
    units: { name: string; credit_code: string | null; category: string }[];
    ancestors: { id: string; name: string }[];
    childCountsByType: Record<string, number>;
  },
): Org {
  return {
    ...presentOrgSummary(r, today),
    code: r.code,
    formationMode: r.formation_mode,
    units: extra.units.map((u) => ({ name: u.name, creditCode: u.credit_code, category: u.category })),
    approvalDocNo: r.approval_doc_no,
    approvalDate: r.approval_date,
    ancestors: extra.ancestors,
    childCountsByType: extra.childCountsByType,
    version: r.version,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}

export const presentCommitteeMember = (m: CommitteeRow): CommitteeMember => ({
  id: m.id,
  orgId: m.org_id,
  personName: m.person_name,
  post: m.post,
  unitName: m.unit_name,
  startDate: m.start_date,
  endDate: m.end_date,
  version: m.version,
});

export const presentTerm = (t: { id: string; org_id: string; term_no: number; start_date: string; end_date: string; term_years: number }): Term => ({
  id: t.id,
  orgId: t.org_id,
  termNo: t.term_no,
  startDate: t.start_date,
  endDate: t.end_date,
  termYears: t.term_years,
});
