import type { DuesChannel, DuesLedgerRow, DuesMonthState, DuesTotals } from '@jiceng/contracts';
import { duesMonthsBetween, duesYuan } from '@jiceng/rules';
import type { DuesMonthRow, DuesTotalsRow } from './dues.ledger.repository.ts';

/** A month's state as read in `current`: paid, nothing due, no basis, unpaid before this month (欠交) or not yet (待交). */
export function stateOf(r: Pick<DuesMonthRow, 'month' | 'due_fen' | 'paid_fen'>, current: string): DuesMonthState {
  if (r.paid_fen !== null) return 'paid';
  if (r.due_fen === null) return 'no_basis';
  if (r.due_fen === 0) return 'waived';
  return duesMonthsBetween(r.month, current) > 0 ? 'arrears' : 'pending';
}

export const presentLedgerRow = (r: DuesMonthRow, current: string): DuesLedgerRow => ({
  memberId: r.member_id,
  memberName: r.member_name,
  memberStatus: r.member_status === 'probationary' ? '预备党员' : '正式党员',
  orgId: r.org_id,
  orgName: r.org_name,
  month: r.month,
  state: stateOf(r, current),
  dueFen: r.due_fen,
  basisMonth: r.basis_month,
  paidFen: r.paid_fen,
  paidOn: r.paid_on,
  channel: r.channel as DuesChannel | null,
  proxyName: r.proxy_name,
  note: r.note,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
  reason: r.reason,
  version: r.version,
});

export const ZERO_TOTALS: DuesTotalsRow = { members: 0, owing_members: 0, paid_members: 0, waived_members: 0, no_basis_members: 0, due_fen: 0, paid_fen: 0 };

export function addTotals(a: DuesTotalsRow, b: DuesTotalsRow): DuesTotalsRow {
  return {
    members: a.members + b.members,
    owing_members: a.owing_members + b.owing_members,
    paid_members: a.paid_members + b.paid_members,
    waived_members: a.waived_members + b.waived_members,
    no_basis_members: a.no_basis_members + b.no_basis_members,
    due_fen: Number(a.due_fen) + Number(b.due_fen),
    paid_fen: Number(a.paid_fen) + Number(b.paid_fen),
  };
}

/** Totals of ledger rows, counted as the kept totals count them (migration 0043). */
export function totalsOfRows(rows: readonly Pick<DuesMonthRow, 'due_fen' | 'paid_fen'>[]): DuesTotalsRow {
  const t = { ...ZERO_TOTALS };
  for (const r of rows) {
    const owing = r.due_fen === null || r.due_fen > 0;
    t.members++;
    if (owing) t.owing_members++;
    if (owing && r.paid_fen !== null) t.paid_members++;
    if (r.due_fen === 0) t.waived_members++;
    if (r.due_fen === null) t.no_basis_members++;
    t.due_fen += r.due_fen ?? 0;
    t.paid_fen += r.paid_fen ?? 0;
  }
  return t;
}

export const presentTotals = (t: DuesTotalsRow): DuesTotals => ({
  members: t.members,
  owingMembers: t.owing_members,
  paidMembers: t.paid_members,
  waivedMembers: t.waived_members,
  noBasisMembers: t.no_basis_members,
  dueFen: Number(t.due_fen),
  paidFen: Number(t.paid_fen),
  paidRate: t.owing_members > 0 ? t.paid_members / t.owing_members : null,
});

/** An amount for messages: 76.5元 (the rule set's way of writing 元). */
export const yuanText = (fen: number): string => `${duesYuan(fen)}元`;
