import type { FloatingInput } from '@jiceng/contracts';
import { AppError } from '../../platform/errors.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Throws one VALIDATION error listing every problem, each under its field. */
export function failOn(problems: FieldProblem[]): void {
  if (problems.length) throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'), { fields: problems });
}

/** A dated step: not in the future, not before the day it follows. */
export function stepDateProblems(date: string, today: string, notBefore: { date: string; label: string } | null, field = 'date'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (date > today) problems.push({ field, message: '日期不能晚于今天' });
  if (notBefore && date < notBefore.date) problems.push({ field, message: `日期不能早于${notBefore.label}（${notBefore.date}）` });
  return problems;
}

/** The order of a registration's dates (the schema already checked their form). */
export function checkFloatingDates(i: Omit<FloatingInput, 'memberId'> & { destinationSince: string }, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (i.leftDate > today) problems.push({ field: 'leftDate', message: '外出日期不能晚于今天' });
  if (i.expectedReturnDate && i.expectedReturnDate < i.leftDate) problems.push({ field: 'expectedReturnDate', message: '预计返回日期不能早于外出日期' });
  if (i.destinationSince < i.leftDate) problems.push({ field: 'destinationSince', message: '到达新流入地日期不能早于外出日期' });
  if (i.destinationSince > today) problems.push({ field: 'destinationSince', message: '到达新流入地日期不能晚于今天' });
  if (i.certIssuedDate && i.certIssuedDate > today) problems.push({ field: 'certIssuedDate', message: '活动证发放日期不能晚于今天' });
  if (i.certIssuedDate && i.certValidUntil && i.certValidUntil < i.certIssuedDate) problems.push({ field: 'certValidUntil', message: '活动证有效期不能早于发放日期' });
  if (i.certValidUntil && !i.certNo?.trim()) problems.push({ field: 'certNo', message: '填写了活动证有效期，请同时填写活动证编号' });
  return problems;
}

/** Trimmed text, or null when empty. */
export const clean = (v: string | null | undefined): string | null => v?.trim() || null;
