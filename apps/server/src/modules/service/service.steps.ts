import type { ServiceActionInput, ServiceAssigneeInput } from '@jiceng/contracts';
import {
  extensionRefusal,
  nextLevel,
  resolutionRefusal,
  satisfactionOutcome,
  type SatisfactionLevel,
  type ServiceLevel,
  type ServiceRequestAction,
} from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import type { ServiceCore } from './service.core.ts';
import type { ServiceNotifier } from './service.notify.ts';
import { roleFor, serviceRoles } from './service.policy.ts';
import { serviceRepository as repo, type ServiceRequestPatch, type ServiceRequestRow } from './service.repository.ts';
import { PRESENT_LEVELS } from './service.timing.ts';

type Assignee = NonNullable<ServiceRequestPatch['assignee']>;

/** One step as the service takes it: the workflow action, who, and what else it sets. */
export interface StepInput {
  action: ServiceRequestAction;
  reason?: string | null;
  version?: number;
  assignee?: ServiceAssigneeInput;
  complexity?: string;
  result?: string;
  rating?: SatisfactionLevel;
  comment?: string | null;
  /** A system step's dedupe key (stored on the history row). */
  key?: string;
}

export interface StepDone {
  row: ServiceRequestRow;
  action: string;
  eventId: string;
  reason: string | null;
}

const onTime = (row: ServiceRequestRow, now: string) => (row.due_at ? Date.parse(now) <= Date.parse(row.due_at) : undefined);

/**
 * The steps of the loop (ADR 0020/0021) on a locked, scope-checked row: the workflow changes the
 * state (its conditional update settles races; history and audit rows in the same transaction),
 * then the step's own columns, then the clock is recomputed from the history. 不满意 becomes 重办
 * while reopens are left (rule reopen-max-2); 派单 without an assignee takes the dispatch rules'
 * pick, and a manual pick that differs from it needs a reason.
 */
export function createSteps(core: ServiceCore, notifier: ServiceNotifier) {
  const { regionId } = core;

  async function assigneeOf(tx: Database, a: ServiceAssigneeInput, row: ServiceRequestRow, actor: Actor | null): Promise<Assignee> {
    if (a.type === 'member') {
      if (!a.memberId) throw invalid('派给党员须选择党员');
      const m = await repo.member(tx, regionId, a.memberId);
      if (!m || !pathInScope({ orgPath: row.org_path.split('.').slice(0, 3).join('.') }, m.org_path)) throw notFound('承办党员');
      return { type: 'member', orgId: m.org_id, orgPath: m.org_path, memberId: m.id, name: m.name };
    }
    const org = await repo.org(tx, regionId, a.orgId);
    if (!org) throw notFound('承办组织');
    if (a.type === 'grid' && org.type !== 'grid') throw invalid(`「${org.name}」不是网格，请选择网格或改选承办类型`);
    // a department may sit anywhere in the region (吹哨报到: departments report); grids and teams are the desk's own
    if (a.type !== 'department' && actor && !pathInScope(actor, org.path)) throw notFound('承办组织');
    return { type: a.type, orgId: org.id, orgPath: org.path, memberId: null, name: a.name?.trim() || org.name };
  }

  async function ruleAssignee(tx: Database, row: ServiceRequestRow): Promise<Assignee | null> {
    const r = await repo.dispatchRuleFor(tx, regionId, row.org_path, row.category_code);
    if (r) return { type: r.assignee_type, orgId: r.assignee_org_id, orgPath: r.assignee_org_path, memberId: r.assignee_member_id, name: r.assignee_name };
    if (row.grid_id) {
      const g = await repo.org(tx, regionId, row.grid_id);
      if (g) return { type: 'grid', orgId: g.id, orgPath: g.path, memberId: null, name: g.name };
    }
    return null;
  }

  async function dispatchTarget(tx: Database, row: ServiceRequestRow, s: StepInput, actor: Actor | null): Promise<Assignee> {
    const ruled = await ruleAssignee(tx, row);
    if (!s.assignee) {
      if (!ruled) throw invalid('没有适用的派单规则，请选择承办对象');
      return ruled;
    }
    const chosen = await assigneeOf(tx, s.assignee, row, actor);
    const same = ruled && ruled.type === chosen.type && ruled.orgId === chosen.orgId && ruled.memberId === chosen.memberId;
    if (s.action === 'dispatch' && ruled && !same && !s.reason?.trim()) throw invalid(`派单规则指定由「${ruled.name}」承办，改为人工指定须说明理由`);
    return chosen;
  }

  /** Takes `s` on the locked row as `who`; answers what notifications need. */
  async function take(tx: Database, row: ServiceRequestRow, s: StepInput, who: WorkflowActor, actor: Actor | null): Promise<StepDone> {
    const now = core.now();
    let action = s.action;
    let reason = s.reason ?? null;
    const patch: ServiceRequestPatch = {};
    let level = row.level as ServiceLevel;
    const data: Record<string, unknown> = {};
    switch (s.action) {
      case 'accept':
        Object.assign(patch, { acceptedAt: now, acceptedOnTime: onTime(row, now), ...(s.complexity ? { complexity: s.complexity } : {}) });
        break;
      case 'reject':
      case 'withdraw':
        patch.closedAt = now;
        break;
      case 'dispatch':
      case 'reassign': {
        if (s.action === 'reassign' && !s.assignee) throw invalid('改派须选择新的承办对象');
        const a = await dispatchTarget(tx, row, s, actor);
        if (s.action === 'reassign' && a.orgId === row.assignee_org_id && a.memberId === row.assignee_member_id) throw invalid('改派须选择另一个承办对象');
        patch.assignee = a;
        data.assignee = a.name;
        break;
      }
      case 'take':
        Object.assign(patch, { takenAt: now, respondedOnTime: onTime(row, now) });
        break;
      case 'return':
        Object.assign(patch, { assignee: null, returned: true });
        break;
      case 'resolve': {
        const refusal = resolutionRefusal(s.result);
        if (refusal) throw invalid(refusal);
        Object.assign(patch, { result: s.result!.trim(), resolvedAt: now, resolvedOnTime: onTime(row, now) });
        break;
      }
      case 'rate': {
        if (!s.rating) throw invalid('请选择评价：满意、基本满意或不满意');
        const outcome = satisfactionOutcome(s.rating, row.reopen_count, core.timing.rules);
        data.rating = s.rating;
        if (outcome.outcome === 'reopen') {
          action = 'reopen';
          reason = s.comment?.trim() || '群众评价不满意';
          patch.reopened = true;
        } else {
          reason = s.comment?.trim() || null;
          Object.assign(patch, { rating: s.rating, ratingComment: reason, closedAt: now });
        }
        break;
      }
      case 'extend': {
        const refusal = extensionRefusal(await core.facts(tx, row), now, core.timing);
        if (refusal) throw new AppError('RULE_VIOLATION', `${refusal}（规则 ${core.timing.rules.extension.id}）`);
        break;
      }
      case 'escalate': {
        const to = nextLevel(level, PRESENT_LEVELS);
        if (!to) throw conflict('诉求已在最高层级（跨级联合）办理，不能再提级');
        level = to;
        Object.assign(patch, { level: to, assignee: null });
        break;
      }
      case 'auto_close':
        Object.assign(patch, { autoClosed: true, closedAt: now });
        break;
      // steps that set nothing but the state (and the history row): the workflow checks their reasons
      case 'request_info':
      case 'supply_info':
      case 'reopen':
      case 'follow_up':
      case 'urge':
        break;
    }
    if (s.key) data.key = s.key;
    const applied = await core.workflow.apply(tx, {
      recordId: row.id,
      orgPath: row.org_path,
      action,
      actor: who,
      reason,
      currentState: row.state,
      ...(s.version !== undefined ? { version: s.version } : {}),
      data: { level, ...data },
      entityName: `${row.code} ${row.description.slice(0, 20)}`,
      at: now,
    });
    await repo.update(tx, regionId, row.id, patch);
    const after = (await repo.byId(tx, regionId, row.id))!;
    await core.retime(tx, after, now);
    return { row: after, action, eventId: applied.eventId, reason: applied.reason };
  }

  return {
    take,

    /** An account's step through `POST /api/service/requests/:id/actions`. */
    async act(actor: Actor, id: string, input: ServiceActionInput): Promise<void> {
      const done = await core.db.transaction(async (tx) => {
        await repo.lock(tx, regionId, id);
        const row = await core.load(tx, actor, id);
        const held = serviceRoles(actor, row);
        const who: WorkflowActor = { id: actor.id, displayName: actor.displayName, role: roleFor(held, input.action, row.state), ip: actor.ip };
        const first = await take(tx, row, { ...input, comment: input.comment ?? null }, who, actor);
        // a desk's 回访 may carry the resident's rating: recorded as the desk's 评价
        if (input.action === 'follow_up' && input.rating) {
          const rated = await take(
            tx,
            first.row,
            { action: 'rate', rating: input.rating, comment: input.comment ?? null },
            { ...who, role: roleFor(held, 'rate', first.row.state) },
            actor,
          );
          return [first, rated];
        }
        return [first];
      });
      for (const d of done) await notifier.afterStep(d.row, d.action, d.eventId, d.reason);
    },
  };
}
export type Steps = ReturnType<typeof createSteps>;
