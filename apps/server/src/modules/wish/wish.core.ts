import { WISH_RULES_2026, WISH_WORKFLOW, wishValueRefusal, type WishAction, type WishRuleSet } from '@jiceng/rules';
import type { AttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { createWorkflow, type AppliedTransition } from '../../platform/workflow/workflow.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import { assertMemberMaySee, assertWishInScope } from './wish.policy.ts';
import type { CommunityRow, WishRepository, WishRow } from './wish.repository.ts';

/** The kind of the wish's rows in the platform tables (workflow_event, attachment, audit). */
export const WISH_KIND = 'wish';

export interface WishServiceDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  repo: WishRepository;
  attachments: AttachmentService;
  rules?: WishRuleSet;
}

export const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });
export const text = (s: string) => s.trim();
export const orNull = (s: string | null | undefined) => s?.trim() || null;

/** What every side of the module shares: the rules, the workflow bound to the table, input checks, loading under scope. */
export function createWishCore(deps: WishServiceDeps) {
  const { regionId, audit, repo } = deps;
  const rules = deps.rules ?? WISH_RULES_2026;
  const workflow = createWorkflow(WISH_WORKFLOW, { regionId, kind: WISH_KIND, audit, store: { table: 'wish', touched: 'updated_at' } });

  function checkValue(valueFen: number): void {
    const refusal = wishValueRefusal(valueFen, rules);
    if (refusal) throw field('valueFen', refusal);
  }

  function checkText(input: { title: string; description: string; beneficiary: string }): void {
    if (text(input.title).length < 2) throw field('title', '请填写心愿内容');
    if (!text(input.description)) throw field('description', '请填写心愿说明');
    if (text(input.beneficiary).length < 2) throw field('beneficiary', '请填写为谁实现心愿（如：独居老人）');
    if (/1[3-9]\d{9}/.test(input.beneficiary)) throw field('beneficiary', '“为谁实现”会在心愿墙上公开，请不要填写电话号码');
  }

  /** One workflow step on a wish read in this transaction. */
  const step = (
    tx: Database,
    row: WishRow,
    action: WishAction,
    actor: WorkflowActor,
    o: { reason?: string | null; version?: number; fields?: Record<string, unknown>; data?: Record<string, unknown> } = {},
  ): Promise<AppliedTransition<WishAction>> =>
    workflow.apply(tx, { recordId: row.id, orgPath: row.org_path, action, actor, currentState: row.state, entityName: row.title, ...o });

  /** The 党员's community: the nearest 社区/村 organization at or above their branch. */
  async function communityOf(tx: Database, actor: Actor): Promise<CommunityRow | undefined> {
    let path = actor.orgPath;
    if (actor.memberId) {
      const m = await repo.member(tx, regionId, actor.memberId);
      if (m) path = m.org_path;
    }
    return repo.communityAbove(tx, regionId, path, rules);
  }

  async function loadAdmin(tx: Database, actor: Actor, id: string): Promise<WishRow> {
    const row = await repo.byId(tx, regionId, id);
    assertWishInScope(actor, row);
    return row;
  }

  async function loadForMember(tx: Database, actor: Actor, id: string): Promise<WishRow> {
    const row = await repo.byId(tx, regionId, id);
    assertMemberMaySee(actor, row ? await communityOf(tx, actor) : undefined, row);
    return row;
  }

  const memberOnly = (actor: Actor): string => {
    if (!actor.memberId) throw forbidden('您的账号未关联党员档案，不能认领微心愿；请联系党支部书记关联');
    return actor.memberId;
  };

  return { ...deps, rules, workflow, checkValue, checkText, step, communityOf, loadAdmin, loadForMember, memberOnly };
}
export type WishCore = ReturnType<typeof createWishCore>;

/** The China-time day (YYYY-MM-DD) of a stored timestamp. */
export function chinaDay(ts: string): string {
  return new Date(Date.parse(isoTime(ts)) + 8 * 3_600_000).toISOString().slice(0, 10);
}
