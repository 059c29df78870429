import { APPRAISAL_GRADES, type AppraisalRow, type AppraisalSheet, type Disposition, type MyAppraisal } from '@jiceng/contracts';
import { daysBetween, excellentLimit } from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { DispositionRow, MyAppraisalRow, SheetRow } from './appraisal.repository.ts';

/** True when the row was graded this year by another branch (shown, not counted here). */
export const gradedElsewhere = (r: SheetRow, orgId: string) => r.appraisal_org_id !== null && r.appraisal_org_id !== orgId;

export function presentSheetRow(r: SheetRow, orgId: string): AppraisalRow {
  const elsewhere = gradedElsewhere(r, orgId);
  return {
    memberId: r.member_id,
    name: r.name,
    gender: r.gender,
    memberStatus: r.member_status,
    grade: elsewhere ? null : r.grade,
    remark: elsewhere ? null : r.remark,
    overrideReason: elsewhere ? null : r.override_reason,
    gradedBy: elsewhere ? null : r.graded_by_name,
    gradedAt: elsewhere || !r.graded_at ? null : isoTime(r.graded_at),
    disposition:
      !elsewhere && r.disposition_id
        ? { id: r.disposition_id, kind: r.disposition_kind!, startDate: r.disposition_start!, deadline: r.disposition_deadline, status: r.disposition_status! }
        : null,
    appraisedElsewhere: elsewhere ? r.appraisal_org_name : null,
  };
}

/** The sheet with counts per grade and the one-third limit over the members appraised here. */
export function presentSheet(org: { id: string; name: string }, year: number, rows: SheetRow[]): AppraisalSheet {
  const presented = rows.map((r) => presentSheetRow(r, org.id));
  const here = presented.filter((r) => r.appraisedElsewhere === null);
  const counts: Record<string, number> = Object.fromEntries([...APPRAISAL_GRADES, 'ungraded'].map((g) => [g, 0]));
  for (const r of here) counts[r.grade ?? 'ungraded'] = (counts[r.grade ?? 'ungraded'] ?? 0) + 1;
  return { orgId: org.id, orgName: org.name, year, appraisedCount: here.length, excellentLimit: excellentLimit(here.length), counts, rows: presented };
}

export function presentDisposition(d: DispositionRow, today: string): Disposition {
  return {
    id: d.id,
    kind: d.kind,
    startDate: d.start_date,
    deadline: d.deadline,
    status: d.status,
    memberId: d.member_id,
    memberName: d.member_name,
    orgId: d.org_id,
    orgName: d.org_name,
    year: d.year,
    result: d.result,
    completedDate: d.completed_date,
    daysLeft: d.deadline && d.status === 'in_progress' ? daysBetween(today, d.deadline) : null,
  };
}

export function presentMyAppraisal(r: MyAppraisalRow): MyAppraisal {
  return {
    year: r.year,
    orgName: r.org_name,
    grade: r.grade,
    remark: r.remark,
    disposition: r.d_id
      ? { id: r.d_id, kind: r.kind!, startDate: r.start_date!, deadline: r.deadline, status: r.status!, result: r.result, completedDate: r.completed_date }
      : null,
  };
}
