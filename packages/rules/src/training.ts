import type { TrainingKind } from '@jiceng/contracts';
import { TRAINING_RULE_SETS, type TrainingRuleSet } from './training.rules.ts';

/**
 * The rule set a year is judged by: the one in force on its 1 January; a year before the first set
 * takes the first (Jiceng has no older figures to apply).
 */
export function trainingRulesFor(year: number, sets: readonly TrainingRuleSet[] = TRAINING_RULE_SETS): TrainingRuleSet {
  const jan1 = `${year}-01-01`;
  const inForce = sets.filter((s) => s.effectiveFrom <= jan1);
  return inForce.at(-1) ?? sets[0]!;
}

/** Rule training-rounding: `hours` rounded up to the set's step (a pro-rata minimum). */
export function roundUpHours(hours: number, rules: TrainingRuleSet): number {
  const steps = Math.ceil(hours / rules.hoursStep - 1e-9);
  return Math.max(0, steps) * rules.hoursStep;
}

/** Whether `hours` is a whole number of the set's steps (what a record may carry). */
export function isHoursStep(hours: number, rules: TrainingRuleSet): boolean {
  const steps = hours / rules.hoursStep;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/**
 * Rule training-pro-rata: the whole months of `year` from the month of `since` (counted) to
 * December; 12 when `since` is before the year, 0 when after it.
 */
export function monthsOwed(since: string, year: number): number {
  const y = Number(since.slice(0, 4));
  if (y < year) return 12;
  if (y > year) return 0;
  return 13 - Number(since.slice(5, 7));
}

/** A minimum owed from `since` in `year` (rules training-pro-rata and training-rounding). */
export function minimumOwed(minHours: number, since: string, year: number, rules: TrainingRuleSet): number {
  const months = monthsOwed(since, year);
  if (months === 0) return 0;
  if (rules.partYear === 'full' || months === 12) return minHours;
  return roundUpHours((minHours * months) / 12, rules);
}

/** One person's year, as the hours list reads it. */
export interface TrainingPersonYear {
  year: number;
  /** The day the person joined the Party (入党日期). */
  joinedDate: string;
  /** First day in the year as 书记 or 班子成员 (the earliest seat's start, the year's 1 January at the latest), or null. */
  cadreSince: string | null;
  /** Hours credited by the person's attendance records of the year, by kind of session. */
  records: readonly { kind: TrainingKind; hours: number }[];
  /** 党课 attended at meetings in the year. */
  partyLectures: number;
}

export interface TrainingYearResult {
  /** Hours of the kinds that count (rule training-kinds). */
  trainingHours: number;
  /** Hours credited for 党课 (rule training-party-lecture). */
  lectureHours: number;
  totalHours: number;
  /** Rules training-minimum-member / -cadre, pro rata (training-pro-rata): the larger minimum owed. */
  required: number;
  shortfall: number;
  met: boolean;
}

/** Rules training-minimum-*, -kinds, -party-lecture, -pro-rata, -rounding: a person's yearly hours against the minimum. */
export function trainingYear(p: TrainingPersonYear, rules: TrainingRuleSet = trainingRulesFor(p.year)): TrainingYearResult {
  const trainingHours = p.records.filter((r) => rules.kinds[r.kind]?.counts).reduce((s, r) => s + r.hours, 0);
  const lectureHours = rules.partyLecture.counts ? p.partyLectures * rules.partyLecture.hours : 0;
  const totalHours = trainingHours + lectureHours;
  const member = minimumOwed(rules.memberMinHours, p.joinedDate, p.year, rules);
  const cadre = p.cadreSince === null ? 0 : minimumOwed(rules.cadreMinHours, p.cadreSince > p.joinedDate ? p.cadreSince : p.joinedDate, p.year, rules);
  const required = Math.max(member, cadre);
  const shortfall = Math.max(0, required - totalHours);
  return { trainingHours, lectureHours, totalHours, required, shortfall, met: shortfall === 0 };
}

/** Whose shortfalls are to-dos on `today`, and how pressing they are (rule training-reminder). */
export interface TrainingReminder {
  year: number;
  severity: 'due_soon' | 'overdue';
  /** 31 December of that year. */
  dueDate: string;
}

/** Rule training-reminder: this year's shortfalls from the reminder day, last year's until `overdueUntil`, else none. */
export function trainingReminder(today: string, sets: readonly TrainingRuleSet[] = TRAINING_RULE_SETS): TrainingReminder | null {
  const year = Number(today.slice(0, 4));
  const md = today.slice(5);
  const current = trainingRulesFor(year, sets);
  if (md >= current.reminderFrom) return { year, severity: 'due_soon', dueDate: `${year}-12-31` };
  const last = trainingRulesFor(year - 1, sets);
  if (md <= last.overdueUntil) return { year: year - 1, severity: 'overdue', dueDate: `${year - 1}-12-31` };
  return null;
}
