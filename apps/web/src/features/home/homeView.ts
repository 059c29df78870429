import {
  TODO_NATURES,
  todoNatureLabel,
  todoSeveritiesOf,
  todoSeverityLabel,
  type Role,
  type TodoNature,
  type TodoQuery,
  type TodoSeverity,
  type TodoSummary,
} from '@jiceng/contracts';

/** Accounts above the community level: their 工作台 is the cockpit (summaries by kind and child, charts) over the list. */
const UPPER_ROLES: readonly string[] = ['admin', 'department', 'street', 'supervisor'] satisfies Role[];

/**
 * Which 工作台 an account gets: a district or street (with child organizations) the cockpit; a
 * community, a branch or an account without children the direct list.
 */
export function homeLayout(role: string, summary: Pick<TodoSummary, 'byChild'> | undefined): 'cockpit' | 'list' {
  return UPPER_ROLES.includes(role) && (summary?.byChild.length ?? 0) > 0 ? 'cockpit' : 'list';
}

/** The list's nature-and-severity filter as one select value: `nature:<n>` or `severity:<s>`. */
export type StatusValue = `nature:${TodoNature}` | `severity:${TodoSeverity}`;

/** The select's options: per nature, the whole nature first, then its severities (a warning is never 已逾期). */
export const statusOptions = TODO_NATURES.map((n) => ({
  label: todoNatureLabel[n],
  options: [
    { value: `nature:${n}` as StatusValue, label: `全部${todoNatureLabel[n]}` },
    ...todoSeveritiesOf(n).map((s) => ({ value: `severity:${s}` as StatusValue, label: todoSeverityLabel[s] })),
  ],
}));

/** The query fields of a select value (and back): exactly one of nature and severity. */
export function statusToQuery(v: StatusValue | undefined): Pick<TodoQuery, 'nature' | 'severity'> {
  if (!v) return { nature: undefined, severity: undefined };
  const [k, x] = v.split(':') as ['nature' | 'severity', string];
  return k === 'nature' ? { nature: x as TodoNature, severity: undefined } : { nature: undefined, severity: x as TodoSeverity };
}
export function statusOf(q: Pick<TodoQuery, 'nature' | 'severity'>): StatusValue | undefined {
  return q.severity ? `severity:${q.severity}` : q.nature ? `nature:${q.nature}` : undefined;
}

/**
 * 换届 by child organization for the stacked bar: one row per child, the term kind's counts (zeros
 * when not visible) and, from `okByChild` (org id → count), the organizations whose term is fine.
 */
export function termByChild(
  summary: TodoSummary,
  okByChild: ReadonlyMap<string, number> = new Map(),
): { name: string; ok: number; overdue: number; dueSoon: number; incomplete: number }[] {
  return summary.byChild.map((c) => {
    const k = c.byKind.find((x) => x.kind === 'term')?.counts;
    return { name: c.orgName, ok: okByChild.get(c.orgId) ?? 0, overdue: k?.overdue ?? 0, dueSoon: k?.dueSoon ?? 0, incomplete: k?.incomplete ?? 0 };
  });
}

/** The short name of an organization for a chart axis: 中共孝陵街道工作委员会 → 孝陵街道. */
export function shortOrgName(name: string): string {
  const m = /^中共(.+?(街道|社区|镇|乡|村|区))/.exec(name);
  return m ? m[1]! : name.replace(/^中共/, '').replace(/(工作委员会|委员会|总支部委员会|支部委员会)$/, '');
}
