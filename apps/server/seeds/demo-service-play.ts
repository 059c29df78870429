import {
  clockOf,
  nextLevel,
  satisfactionOutcome,
  serviceTransition,
  type ServiceComplexity,
  type ServiceLevel,
  type ServiceRequestAction,
  type ServiceRequestEvent,
  type ServiceRequestKind,
  type ServiceRequestState,
} from '@jiceng/rules';
import { DEFAULT_TIMING, factsOf, PRESENT_LEVELS } from '../src/modules/service/service.timing.ts';
import type { Step } from './demo-service-stories.ts';

export interface Sim {
  state: ServiceRequestState;
  level: ServiceLevel;
  events: (ServiceRequestEvent & { from: ServiceRequestState; actor: string | null; reason: string | null; data: Record<string, unknown> })[];
  row: Record<string, unknown>;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Plays a story through the rules: the history rows and the columns the service would have set. */
export function play(
  kind: ServiceRequestKind,
  complexity: ServiceComplexity,
  category: string,
  start: number,
  steps: Step[],
  assignees: Record<string, Assignee | null>,
): Sim {
  const sim: Sim = {
    state: 'submitted',
    level: 'community',
    events: [
      { at: iso(start), action: 'submit', to: 'submitted', from: 'submitted', level: 'community', actor: null, reason: null, data: { level: 'community' } },
    ],
    row: { reopen_count: 0, return_count: 0 },
  };
  let t = start;
  const r = sim.row;
  for (const s of steps) {
    t += s.h * 3_600_000;
    const at = iso(t);
    const clock = clockOf(factsOf({ kind, complexity, category_code: category }, sim.events), at, DEFAULT_TIMING);
    const onTime = clock && clock.status !== 'paused' ? t <= Date.parse(clock.dueAt) : null;
    let action = s.a;
    const data: Record<string, unknown> = {};
    let reason = s.reason ?? null;
    switch (s.a) {
      case 'accept':
        Object.assign(r, { accepted_at: at, accepted_on_time: onTime });
        break;
      case 'dispatch':
      case 'reassign': {
        const a = assignees[s.to ?? 'grid'] ?? assignees.team!;
        Object.assign(r, { assignee: a });
        data.assignee = a?.name;
        break;
      }
      case 'take':
        if (!r.taken_at) Object.assign(r, { taken_at: at, responded_on_time: onTime });
        break;
      case 'return':
        r.return_count = (r.return_count as number) + 1;
        r.assignee = null;
        break;
      case 'resolve':
        Object.assign(r, { resolved_at: at, result: s.result, resolved_on_time: onTime });
        break;
      case 'rate': {
        const out = satisfactionOutcome(s.rating!, r.reopen_count as number);
        data.rating = s.rating;
        if (out.outcome === 'reopen') {
          action = 'reopen';
          reason = reason ?? '群众评价不满意';
          r.reopen_count = (r.reopen_count as number) + 1;
        } else Object.assign(r, { rating: s.rating, rating_comment: reason, closed_at: at });
        break;
      }
      case 'auto_close':
        Object.assign(r, { auto_closed: true, closed_at: at });
        reason = '办结后超时未评价，系统自动关闭';
        break;
      case 'reject':
      case 'withdraw':
        r.closed_at = at;
        break;
      case 'escalate':
        sim.level = nextLevel(sim.level, PRESENT_LEVELS) ?? sim.level;
        r.assignee = null;
        break;
      case 'request_info':
      case 'supply_info':
      case 'reopen':
      case 'follow_up':
      case 'extend':
      case 'urge':
        break;
    }
    const step = serviceTransition(sim.state, action, { role: roleOf(action), reason: reason ?? '演示' });
    if (!step.ok) throw new Error(`demo service story: ${action} from ${sim.state}: ${step.reason}`);
    if ((action === 'urge' || action === 'escalate') && !reason) reason = action === 'urge' ? '已超时，催办' : '超时提级';
    sim.events.push({ at, action, to: step.to, from: sim.state, level: sim.level, actor: actorName(action), reason, data: { level: sim.level, ...data } });
    sim.state = step.to;
  }
  return sim;
}

const roleOf = (a: ServiceRequestAction) =>
  (
    ({
      take: 'assignee',
      return: 'assignee',
      resolve: 'assignee',
      request_info: 'assignee',
      rate: 'resident',
      reopen: 'resident',
      withdraw: 'resident',
      auto_close: 'system',
    }) as const
  )[a as 'take'] ?? 'community';
const actorName = (a: ServiceRequestAction): string | null =>
  a === 'auto_close'
    ? '系统'
    : ['take', 'return', 'resolve', 'request_info'].includes(a)
      ? '李明'
      : ['rate', 'reopen', 'withdraw'].includes(a)
        ? '群众（139****0001）'
        : '王秀兰';

export interface Assignee {
  type: string;
  orgId: string;
  orgPath: string;
  name: string;
}
