import type { CobuildContactInput } from '@jiceng/contracts';
import { COBUILD_RULES_2026, COBUILD_WORKFLOW, type CobuildAction, type CobuildRuleSet } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { createWorkflow, type AppliedTransition } from '../../platform/workflow/workflow.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import { assertAgreementInScope } from './cobuild.policy.ts';
import { cobuildRepository as repo, type AgreementRow, type ContactWrite } from './cobuild.repository.ts';

/** The kind of the agreement's rows in the platform tables (workflow_event, audit). */
export const COBUILD_KIND = 'cobuild_agreement';

export interface CobuildDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  rules?: CobuildRuleSet;
}

export const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });
export const orNull = (s: string | null | undefined) => s?.trim() || null;
export const link = (id: string) => `/cobuild/${id}`;

/** What the module's services share: the rules, the workflow bound to the table, loading under scope, contact checks. */
export function createCobuildCore(deps: CobuildDeps) {
  const { regionId, audit, clock, crypto } = deps;
  const rules = deps.rules ?? COBUILD_RULES_2026;
  const workflow = createWorkflow(COBUILD_WORKFLOW, { regionId, kind: COBUILD_KIND, audit, store: { table: 'cobuild_agreement', touched: 'updated_at' } });

  const read = (db: Database, id: string) => repo.byId(db, regionId, id, clock.today(), rules.commitmentGraceDays);

  /** The agreement in the account's scope (either side), else 404; `lock` holds its row first (every change). */
  async function load(db: Database, actor: Actor, id: string, lock = false): Promise<AgreementRow> {
    if (lock) await repo.lock(db, regionId, id);
    const row = await read(db, id);
    assertAgreementInScope(actor, row);
    return row;
  }

  /** One workflow step on an agreement read (and locked) in this transaction. */
  const step = (
    tx: Database,
    row: AgreementRow,
    action: CobuildAction,
    actor: WorkflowActor,
    o: { reason?: string | null; version?: number; fields?: Record<string, unknown>; data?: Record<string, unknown> } = {},
  ): Promise<AppliedTransition<CobuildAction>> =>
    workflow.apply(tx, {
      recordId: row.id,
      orgPath: row.org_a_path,
      action,
      actor,
      currentState: row.state,
      entityName: row.title,
      at: clock.now().toISOString(),
      ...o,
    });

  /** Contacts cleaned and encrypted (names and posts trimmed, the phone kept with its mask). */
  function contactWrites(contacts: readonly CobuildContactInput[]): ContactWrite[] {
    return contacts.map((c, i) => {
      const name = c.name.trim();
      const post = c.post.trim();
      if (!name) throw field(`contacts.${i}.name`, '请填写联系人姓名');
      if (!post) throw field(`contacts.${i}.post`, '请填写联系人职务');
      const phone = c.phone.trim();
      return { side: c.side, name, post, phoneEnc: crypto.encrypt(phone), phoneMasked: maskPhone(phone) };
    });
  }

  /** Rule cobuild-one-pair-term: the pair has no other agreement (not terminated) whose term overlaps. */
  async function assertNoOverlap(tx: Database, q: { orgAId: string; orgBId: string; startOn: string; endOn: string; exceptId: string | null }, names: string) {
    const other = await repo.overlapping(tx, regionId, q);
    if (other)
      throw conflict(
        `${names}已有期限为 ${other.start_on} 至 ${other.end_on} 的结对共建协议（${workflow.label(other.state)}），同一对组织的协议期限不能重叠；到期后请“续签”`,
      );
  }

  return { ...deps, rules, workflow, read, load, step, contactWrites, assertNoOverlap };
}
export type CobuildCore = ReturnType<typeof createCobuildCore>;
