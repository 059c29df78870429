import { DEV_RULES_2014, type DevRecorder, type DevRuleSet } from './development.rules.ts';
import { addDays, devOffsetDate, devProbationEnd, devRecordOf, devStepRefusal, type DevPath } from './development.ts';
import { addMonths } from './term.ts';

/** A time limit of an applicant's path: the talk, the next assessment, the approval, the end of 预备期. */
export interface DevDeadline {
  key: string;
  no: number;
  label: string;
  rule: string;
  what: string;
  dueOn: string;
  by: DevRecorder;
  status: 'upcoming' | 'due_soon' | 'overdue';
}

function status(dueOn: string, today: string, rules: DevRuleSet): DevDeadline['status'] {
  if (today > dueOn) return 'overdue';
  return today >= addDays(dueOn, -rules.reminderLeadDays) ? 'due_soon' : 'upcoming';
}

/**
 * Every open limit of `path` on `today` (rules dev-talk-1-month, dev-assessment-6-months,
 * dev-approval-3-months, dev-probation-1-year), earliest first. An ended path has none.
 */
export function devDeadlines(path: DevPath, today: string, rules: DevRuleSet = DEV_RULES_2014): DevDeadline[] {
  if (path.ended || path.stage === 'full') return [];
  const out: DevDeadline[] = [];
  const push = (key: string, rule: string, what: string, dueOn: string) => {
    const s = rules.steps.find((x) => x.key === key)!;
    out.push({ key, no: s.no, label: s.label, rule, what, dueOn, by: s.by, status: status(dueOn, today, rules) });
  };
  for (const s of rules.steps) {
    if (s.follows.some((k) => !devRecordOf(path, k, rules))) continue;
    if (s.due && !devRecordOf(path, s.key, rules)) {
      const dueOn = devOffsetDate(path, s.due, rules);
      if (dueOn) push(s.key, s.due.rule, s.due.what, dueOn);
    }
    if (s.periodic && !devRecordOf(path, s.periodic.until, rules)) {
      const from = devRecordOf(path, s.periodic.from, rules);
      if (!from) continue;
      const last = path.records.filter((r) => r.key === s.key && r.date >= from.date).reduce((d, r) => (r.date > d ? r.date : d), from.date);
      push(s.key, s.periodic.rule, `每${s.periodic.everyMonths}个月进行一次${s.label}`, addMonths(last, s.periodic.everyMonths));
    }
  }
  const end = devProbationEnd(path, rules);
  if (end && path.stage === 'probationary' && !devRecordOf(path, 'full_meeting', rules))
    push('full_meeting', 'dev-probation-1-year', '预备期满，及时讨论能否转正', end);
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.no - b.no);
}

/** A step that can be taken next, or why not yet (the refusal an attempt today would get). */
export interface DevNextStep {
  key: string;
  no: number;
  label: string;
  by: DevRecorder;
  possibleFrom: string | null;
  blockedBy: string | null;
}

/**
 * The steps open on `today`: not yet recorded (or periodic), every step they follow recorded. Each
 * carries what a recording dated today would be told about its dates (not about its inputs).
 */
export function devNextSteps(path: DevPath, today: string, rules: DevRuleSet = DEV_RULES_2014): DevNextStep[] {
  if (path.ended || (path.stage === 'full' && devRecordOf(path, 'archive', rules))) return [];
  const out: DevNextStep[] = [];
  for (const s of rules.steps) {
    if (s.follows.some((k) => !devRecordOf(path, k, rules))) continue;
    if (!s.periodic && devRecordOf(path, s.key, rules)) continue;
    if (s.periodic && devRecordOf(path, s.periodic.until, rules)) continue;
    const r = devStepRefusal(
      path,
      { key: s.key, date: today, today },
      { ...rules, steps: rules.steps.map((x) => (x.key === s.key ? { ...x, inputs: [] } : x)) },
    );
    const dateRule = r && (r.possibleFrom || r.rule !== 'dev-order') ? r : null;
    out.push({ key: s.key, no: s.no, label: s.label, by: s.by, possibleFrom: dateRule?.possibleFrom ?? null, blockedBy: dateRule?.message ?? null });
  }
  return out;
}
