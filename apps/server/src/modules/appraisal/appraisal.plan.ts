import { appraisalGradeLabel, dispositionKindLabel, type AppraisalGrade, type AppraisalGradeItem, type DispositionKind } from '@jiceng/contracts';
import { correctionDeadline, excellentLimit, excellentShareExceeded, type AppraisalRuleSet } from '@jiceng/rules';
import { gradedElsewhere } from './appraisal.presenter.ts';
import type { SheetRow } from './appraisal.repository.ts';

/** What one grade item does to the stored records. */
export interface GradeChange {
  row: SheetRow;
  grade: AppraisalGrade;
  remark: string | null;
  /** Set on a new 优秀 above the limit; kept from before on one staying 优秀; null otherwise. */
  overrideReason: string | null;
  /** A disposition to start (new 不合格), or the one to drop (no longer 不合格). */
  startDisposition: { kind: DispositionKind; startDate: string; deadline: string | null } | null;
  dropDispositionId: string | null;
}

export interface GradePlan {
  problems: string[];
  changes: GradeChange[];
  excellent: { before: number; after: number; appraised: number; limit: number; exceeded: boolean };
}

/**
 * Checks a set of grades against the branch-year sheet as a whole (pure): every member must be on
 * the sheet and not appraised elsewhere; a 不合格 needs a disposition (限期改正 with a deadline of at
 * most a year); a finished disposition fixes the grade. The 优秀 share is measured over the sheet as
 * it would be after applying all of them.
 */
export function planGrades(
  rows: SheetRow[],
  orgId: string,
  items: AppraisalGradeItem[],
  overrideReason: string | undefined,
  today: string,
  rules: AppraisalRuleSet,
): GradePlan {
  const problems: string[] = [];
  const changes: GradeChange[] = [];
  const byId = new Map(rows.map((r) => [r.member_id, r]));
  const seen = new Set<string>();
  /** One item: the change it makes, or what is wrong with it. */
  function checkItem(item: AppraisalGradeItem, i: number): GradeChange | string {
    const row = byId.get(item.memberId);
    if (!row) return `第 ${i + 1} 条：该党员不在本支部本年度的评议名单中`;
    const who = `「${row.name}」`;
    if (seen.has(item.memberId)) return `${who}重复出现，每名党员只能有一个评议等次`;
    seen.add(item.memberId);
    if (gradedElsewhere(row, orgId)) return `${who}本年度已在「${row.appraisal_org_name}」参加评议，不能重复评议`;
    const hasDisposition = row.disposition_id !== null;
    if (row.disposition_status === 'done' && item.grade !== 'unqualified') return `${who}的组织处置已完成，评议等次不能再改变`;
    const d = item.disposition ?? null;
    if (d && item.grade !== 'unqualified') return `${who}评为「${appraisalGradeLabel[item.grade]}」，不需要组织处置`;
    let start: GradeChange['startDisposition'] = null;
    if (item.grade === 'unqualified' && hasDisposition) {
      if (d && d.kind !== row.disposition_kind)
        return `${who}已有组织处置（${dispositionKindLabel[row.disposition_kind as DispositionKind]}），如需调整请在「组织处置」中办理`;
    } else if (item.grade === 'unqualified') {
      if (!d) return `${who}评为不合格，请选择组织处置方式（限期改正、劝其退党或除名）`;
      const startDate = d.startDate ?? today;
      if (startDate > today) return `${who}：组织处置的开始日期不能晚于今天`;
      if (d.kind !== 'correction' && d.deadline) return `${who}：只有限期改正需要设定整改期限`;
      let deadline: string | null = null;
      if (d.kind === 'correction') {
        const check = correctionDeadline(startDate, d.deadline, rules);
        if (!check.ok) return `${who}：${check.reason}`;
        deadline = check.deadline;
      }
      start = { kind: d.kind, startDate, deadline };
    }
    return {
      row,
      grade: item.grade,
      remark: item.remark === undefined ? row.remark : item.remark?.trim() || null,
      overrideReason: null,
      startDisposition: start,
      dropDispositionId: hasDisposition && item.grade !== 'unqualified' ? row.disposition_id : null,
    };
  }

  for (const [i, item] of items.entries()) {
    const out = checkItem(item, i);
    if (typeof out === 'string') problems.push(out);
    else changes.push(out);
  }

  const here = rows.filter((r) => !gradedElsewhere(r, orgId));
  const final = new Map(here.map((r) => [r.member_id, r.grade]));
  for (const c of changes) final.set(c.row.member_id, c.grade);
  const before = here.filter((r) => r.grade === 'excellent').length;
  const after = [...final.values()].filter((g) => g === 'excellent').length;
  // Only a request that adds 优秀 above the limit needs a reason; one that leaves it as it was does not.
  const exceeded = after > before && excellentShareExceeded(after, here.length, rules);
  for (const c of changes) {
    if (c.grade !== 'excellent') continue;
    c.overrideReason = c.row.grade === 'excellent' ? c.row.override_reason : exceeded ? (overrideReason?.trim() ?? null) : null;
  }
  return { problems, changes, excellent: { before, after, appraised: here.length, limit: excellentLimit(here.length, rules), exceeded } };
}
