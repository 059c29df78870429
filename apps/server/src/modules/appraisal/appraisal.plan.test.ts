import { describe, expect, it } from 'vitest';
import { APPRAISAL_RULES_2024 } from '@jiceng/rules';
import { planGrades } from './appraisal.plan.ts';
import type { SheetRow } from './appraisal.repository.ts';

const BRANCH = 'b';
const row = (id: string, over: Partial<SheetRow> = {}): SheetRow => ({
  member_id: id,
  name: id,
  gender: 'male',
  member_status: 'full',
  appraisal_id: null,
  appraisal_org_id: null,
  appraisal_org_name: null,
  grade: null,
  remark: null,
  override_reason: null,
  graded_by_name: null,
  graded_at: null,
  disposition_id: null,
  disposition_kind: null,
  disposition_start: null,
  disposition_deadline: null,
  disposition_status: null,
  ...over,
});
const graded = (id: string, grade: string, over: Partial<SheetRow> = {}) => row(id, { appraisal_id: `a${id}`, appraisal_org_id: BRANCH, grade, ...over });
const plan = (rows: SheetRow[], items: Parameters<typeof planGrades>[2], reason?: string) =>
  planGrades(rows, BRANCH, items, reason, '2026-11-22', APPRAISAL_RULES_2024);

describe('rule appraisal-2024 applied to a sheet', () => {
  it('needs a reason only when a request adds 优秀 above one third, and records it on the new ones', () => {
    const rows = [graded('1', 'excellent', { override_reason: '旧理由' }), row('2'), row('3'), row('4')];
    const p = plan(
      rows,
      [
        { memberId: '2', grade: 'excellent' },
        { memberId: '1', grade: 'excellent' },
      ],
      '新的理由说明',
    );
    expect(p.excellent).toEqual({ before: 1, after: 2, appraised: 4, limit: 1, exceeded: true });
    expect(p.changes.map((c) => c.overrideReason)).toEqual(['新的理由说明', '旧理由']);
    const same = plan([graded('1', 'excellent'), graded('2', 'excellent'), row('3')], [{ memberId: '3', grade: 'qualified' }]);
    expect(same.excellent.exceeded).toBe(false);
  });

  it('leaves members graded by another branch out of the count and refuses to grade them again', () => {
    const rows = [row('1'), row('2'), row('3'), row('x', { appraisal_org_id: 'other', appraisal_org_name: '乙支部', grade: 'qualified' })];
    const p = plan(rows, [
      { memberId: 'x', grade: 'qualified' },
      { memberId: '1', grade: 'excellent' },
    ]);
    expect(p.problems).toEqual(['「x」本年度已在「乙支部」参加评议，不能重复评议']);
    expect(p.excellent).toMatchObject({ appraised: 3, limit: 1, exceeded: false });
  });

  it('starts a 限期改正 with the default deadline and drops one in progress when the grade changes', () => {
    const rows = [row('1'), graded('2', 'unqualified', { disposition_id: 'd2', disposition_kind: 'correction', disposition_status: 'in_progress' })];
    const p = plan(rows, [
      { memberId: '1', grade: 'unqualified', disposition: { kind: 'correction' } },
      { memberId: '2', grade: 'qualified' },
    ]);
    expect(p.problems).toEqual([]);
    expect(p.changes[0]!.startDisposition).toEqual({ kind: 'correction', startDate: '2026-11-22', deadline: '2027-05-22' });
    expect(p.changes[1]!.dropDispositionId).toBe('d2');
  });
});
