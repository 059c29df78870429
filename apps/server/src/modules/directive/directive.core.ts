import { Permission, rolePermissions, ROLES, type DirectiveDetail, type DirectiveRecipients } from '@jiceng/contracts';
import {
  DIRECTIVE_RULES_2026,
  DIRECTIVE_TARGET_WORKFLOW,
  directiveRecipientCountRefusal,
  directiveRecipientRefusal,
  type DirectiveRole,
  type DirectiveRuleSet,
  type DirectiveStep,
} from '@jiceng/rules';
import type { AttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { applyTransition, type AppliedTransition } from '../../platform/workflow/workflow.ts';
import { visibleTargets } from './directive.policy.ts';
import { presentDetail } from './directive.presenter.ts';
import { directiveRepository as repo, type DirectiveRow, type OrgRow, type TargetRow } from './directive.repository.ts';

export const DIRECTIVE_KIND = 'directive';
export const TARGET_KIND = 'directive_target';
export const FILE_KIND = 'directive_report';
/** Accounts a recipient organization's messages go to: every role that answers tasks sent down. */
export const RECIPIENT_ROLES: string[] = ROLES.filter((r) => rolePermissions[r].includes(Permission.TASK_REPORT));

export interface DirectiveNotice {
  accountId: string;
  dedupeKey: string;
  title: string;
  body: string;
  link: string;
}

export interface DirectiveDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  attachments: AttachmentService;
  /** Active accounts of these organizations with these roles (the account module's `boundTo`). */
  recipients(orgIds: string[], roles: string[]): Promise<{ id: string; org_id: string }[]>;
  /** The notifications sender: one in-app message per account and dedupe key. */
  notify(n: DirectiveNotice): Promise<boolean>;
  rules?: DirectiveRuleSet;
}

export interface Loaded {
  d: DirectiveRow;
  all: TargetRow[];
  visible: TargetRow[];
}

/** What the directive service and the recipients' steps share: loading in scope, the transitions, recipients and messages. */
export function createDirectiveCore(deps: DirectiveDeps) {
  const { db, regionId, audit, clock, attachments } = deps;
  const rules = deps.rules ?? DIRECTIVE_RULES_2026;

  /**
   * The directive with the recipients the actor may see; 404 when it sees none. `lock`: `share` for
   * a recipient's or issuer's step (many at once, but never alongside the close), `update` for the close.
   */
  async function load(tx: Database, actor: Actor, id: string, lock: 'share' | 'update' | null = null): Promise<Loaded> {
    const d = await repo.byId(tx, regionId, id, lock);
    const all = d ? await repo.targets(tx, regionId, id) : [];
    const visible = d ? visibleTargets(actor, d, all) : null;
    if (!d || !visible) throw notFound('下发任务');
    return { d, all, visible };
  }

  async function loadTarget(tx: Database, actor: Actor, id: string, targetId: string, lock: 'share' | 'update' | null = 'share') {
    const l = await load(tx, actor, id, lock);
    const t = l.visible.find((x) => x.id === targetId);
    if (!t) throw notFound('接收单位');
    return { ...l, t };
  }

  const open = (d: DirectiveRow) => {
    if (d.state !== 'open') throw conflict(`「${d.title}」已关闭，不能再办理`);
  };

  /** One step of a recipient through the platform workflow (history and audit in the same transaction). */
  function step(
    tx: Database,
    l: { d: DirectiveRow; t: TargetRow },
    action: DirectiveStep,
    actor: Actor,
    role: DirectiveRole | null,
    o: {
      reason?: string | null;
      version?: number;
      data?: Record<string, unknown>;
      after?: (tx: Database, a: AppliedTransition<DirectiveStep>) => Promise<void>;
    } = {},
  ) {
    return applyTransition(tx, {
      def: DIRECTIVE_TARGET_WORKFLOW,
      regionId,
      kind: TARGET_KIND,
      audit,
      store: { table: 'directive_target', touched: 'updated_at' },
      recordId: l.t.id,
      orgPath: l.t.org_path,
      currentState: l.t.state,
      entityName: `${l.t.org_name}：${l.d.title}`,
      action,
      actor: { id: actor.id, displayName: actor.displayName, role, ip: actor.ip },
      reason: o.reason ?? null,
      version: o.version,
      at: clock.now().toISOString(),
      data: o.data,
      after: o.after,
    });
  }

  /**
   * The organizations a send (or forward) names, every one checked by rule directive-recipients
   * against `below` (the sender's or the forwarder's organization path): exactly one way of choosing,
   * and a Chinese 400 naming what is wrong before anything is written.
   */
  async function resolveRecipients(tx: Database, below: string, r: DirectiveRecipients): Promise<OrgRow[]> {
    const chosen = !!r.orgIds?.length;
    if (chosen === !!r.allOfType) throw field('recipients', '请选择接收单位：逐个选择组织，或选择“下级中某类组织全部”，二者选一');
    if (r.domain && !r.allOfType) throw field('recipients', '所属领域只在选择“某类组织全部”时使用');
    let orgs: OrgRow[];
    if (chosen) {
      const ids = r.orgIds!;
      const found = await repo.orgsByIds(tx, regionId, ids);
      // an organization outside the scope is never named: it answers as one that does not exist
      if (found.length !== ids.length || found.some((o) => !o.path.startsWith(`${below}.`) && o.path !== below))
        throw field('recipients', '所选组织不存在或不在您的管理范围内');
      orgs = ids.map((id) => found.find((o) => o.id === id)!);
    } else {
      orgs = await repo.orgsBelow(tx, regionId, below, {
        type: r.allOfType,
        domain: r.domain,
        excludedTypes: rules.excludedRecipientTypes,
        limit: rules.recipientsMax + 1,
      });
      if (orgs.length === 0) throw field('recipients', '您的下级中没有符合条件的组织，请换一类组织或逐个选择');
    }
    for (const o of orgs) {
      const refusal = directiveRecipientRefusal(o, below, rules);
      if (refusal) throw field('recipients', refusal);
    }
    const count = directiveRecipientCountRefusal(orgs.length, rules);
    if (count) throw field('recipients', count);
    return orgs;
  }

  /** The directive as the actor sees it, with the files of the recipients it sees. */
  async function detail(tx: Database, actor: Actor, id: string): Promise<DirectiveDetail> {
    const { d, visible } = await load(tx, actor, id);
    const files = await attachments.listMany(
      tx,
      actor,
      FILE_KIND,
      visible.map((t) => t.id),
    );
    return presentDetail(actor, d, visible, files, clock.today(), rules);
  }

  /** Messages to the accounts of these recipients, after the change committed (a failed message never undoes it). */
  async function notifyTargets(targets: readonly TargetRow[], build: (t: TargetRow) => Omit<DirectiveNotice, 'accountId'>): Promise<number> {
    if (targets.length === 0) return 0;
    const accounts = await deps.recipients([...new Set(targets.map((t) => t.org_id))], RECIPIENT_ROLES);
    let sent = 0;
    for (const t of targets) {
      const n = build(t);
      for (const a of accounts.filter((x) => x.org_id === t.org_id)) if (await deps.notify({ ...n, accountId: a.id })) sent++;
    }
    return sent;
  }

  return { db, regionId, audit, clock, attachments, rules, load, loadTarget, open, step, resolveRecipients, detail, notifyTargets };
}
export type DirectiveCore = ReturnType<typeof createDirectiveCore>;

/** A 400 naming the field the web form shows it under. */
export const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });
/** Text as stored: trimmed, null when empty. */
export const orNull = (s: string | null | undefined): string | null => s?.trim() || null;
export const link = (id: string) => `/directives/${id}`;
