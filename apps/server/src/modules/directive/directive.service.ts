import {
  directiveKindLabel,
  type DirectiveCloseInput,
  type DirectiveDetail,
  type DirectiveInput,
  type DirectiveQuery,
  type DirectiveRecipientOrgs,
  type DirectiveRecipientQuery,
  type DirectiveRemindInput,
  type DirectiveRemindResult,
  type DirectiveSummary,
  type DirectiveTargetDetail,
} from '@jiceng/contracts';
import { DIRECTIVE_OPEN_TARGET_STATES, DIRECTIVE_TARGET_WORKFLOW, DIRECTIVE_WORKFLOW, directiveDueRefusal, directiveRemindRefusal } from '@jiceng/rules';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { applyTransition, history, presentWorkflowEvent } from '../../platform/workflow/workflow.ts';
import { createDirectiveCore, DIRECTIVE_KIND, field, FILE_KIND, link, orNull, TARGET_KIND, type DirectiveDeps } from './directive.core.ts';
import { isIssuer, isSender, visibleTargets } from './directive.policy.ts';
import { presentSummary, presentTarget } from './directive.presenter.ts';
import { directiveRepository as repo, type TargetRow } from './directive.repository.ts';
import { createDirectiveSteps } from './directive.steps.ts';

/**
 * 下发任务与督办: a committee sends a task or notice to organizations below it (chosen, or all of a
 * type), sees each recipient's state, reminds (催办, once a day each) and closes it (recipients still
 * open end 未完成); the recipients' own steps are in directive.steps.ts. Every read and write is
 * scoped by directive.policy.ts; every state change is a transition of the platform workflow.
 */
export function createDirectiveService(deps: DirectiveDeps) {
  const core = createDirectiveCore(deps);
  const { db, regionId, audit, clock, rules, load, loadTarget, open, resolveRecipients, detail, notifyTargets } = core;
  const steps = createDirectiveSteps(core);

  const sentNotice = (title: string, kind: 'task' | 'notice', dueOn: string, from: string) => (t: TargetRow) => ({
    dedupeKey: `directive.sent:${t.id}`,
    title: `新${directiveKindLabel[kind]}：${title}`,
    body: `${from}下发的${directiveKindLabel[kind]}「${title}」请于 ${dueOn} 前${kind === 'notice' ? '签收' : '签收并办结上报'}。`,
    link: link(t.directive_id),
  });

  const service = {
    rules,
    ...steps,

    /** 下发: the directive and one recipient row per organization, in one transaction; each recipient's accounts get a message. */
    async send(actor: Actor, input: DirectiveInput): Promise<DirectiveDetail> {
      if (actor.scope !== 'subtree') throw forbidden();
      const today = clock.today();
      const due = directiveDueRefusal(input.dueOn, today, rules);
      if (due) throw field('dueOn', due);
      const title = input.title.trim();
      const content = input.content.trim();
      if (!title) throw field('title', '请填写标题');
      if (!content) throw field('content', '请填写任务内容');
      const { out, targets } = await db.transaction(async (tx) => {
        const orgs = await resolveRecipients(tx, actor.orgPath, input.recipients);
        const id = newId();
        await repo.insert(tx, regionId, {
          id,
          orgId: actor.orgId,
          kind: input.kind,
          title,
          content,
          dueOn: input.dueOn,
          evidence: orNull(input.evidence),
          filesRequired: input.filesRequired ?? false,
          ruleSet: rules.id,
          createdBy: actor.id,
          createdByName: actor.displayName,
        });
        await repo.insertTargets(
          tx,
          regionId,
          id,
          orgs.map((o) => ({ id: newId(), orgId: o.id, parentTargetId: null, issuerOrgId: actor.orgId, dueOn: input.dueOn })),
        );
        await audit.record(tx, actor, {
          action: 'directive.send',
          entity: DIRECTIVE_KIND,
          entityId: id,
          entityName: title,
          orgPath: actor.orgPath,
          after: { kind: input.kind, title, dueOn: input.dueOn, recipients: orgs.length, orgNames: orgs.slice(0, 20).map((o) => o.name) },
        });
        return { out: await detail(tx, actor, id), targets: await repo.targets(tx, regionId, id) };
      });
      await notifyTargets(targets, sentNotice(title, input.kind, input.dueOn, actor.orgName));
      return out;
    },

    async list(actor: Actor, q: DirectiveQuery): Promise<{ items: DirectiveSummary[]; total: number }> {
      if (actor.scope !== 'subtree') return { items: [], total: 0 };
      const { rows, total } = await repo.list(
        db,
        regionId,
        { box: q.box, scopePath: actor.orgPath, orgId: actor.orgId, state: q.state, q: q.q?.trim() || undefined },
        q.page ?? 1,
        q.pageSize ?? 20,
      );
      const targets = await repo.targetsOf(
        db,
        regionId,
        rows.map((r) => r.id),
        null,
      );
      const today = clock.today();
      return {
        items: rows.map((d) => {
          const visible = visibleTargets(
            actor,
            d,
            targets.filter((t) => t.directive_id === d.id),
          );
          return presentSummary(actor, d, visible ?? [], today);
        }),
        total,
      };
    },

    get: (actor: Actor, id: string): Promise<DirectiveDetail> => detail(db, actor, id),

    /** One recipient with its history (签收, 延期 requests and decisions, the report). */
    async target(actor: Actor, id: string, targetId: string): Promise<DirectiveTargetDetail> {
      const { d, visible, t } = await loadTarget(db, actor, id, targetId, null);
      const files = await core.attachments.list(db, actor, { ownerKind: FILE_KIND, ownerId: t.id });
      const events = (await history(db, regionId, TARGET_KIND, t.id)).map((e) => presentWorkflowEvent(DIRECTIVE_TARGET_WORKFLOW, e));
      return { ...presentTarget(t, { actor, d, all: visible, files, today: clock.today(), rules }), history: events };
    },

    /** The organizations a send or forward from the actor's organization may name, for the form. */
    async recipientOrgs(actor: Actor, q: DirectiveRecipientQuery): Promise<DirectiveRecipientOrgs> {
      if (actor.scope !== 'subtree') return { items: [], total: 0 };
      const rows = await repo.orgsBelow(db, regionId, actor.orgPath, {
        type: q.orgType,
        domain: q.domain,
        q: q.q?.trim() || undefined,
        excludedTypes: rules.excludedRecipientTypes,
        limit: rules.recipientsMax + 1,
      });
      const items = rows.slice(0, rules.recipientsMax).map((o) => ({ id: o.id, name: o.name, type: o.type, domain: o.domain }));
      return { items, total: rows.length };
    },

    /** 关闭: by the sender; every recipient still open ends 未完成 (its history kept). */
    close: (actor: Actor, id: string, input: DirectiveCloseInput): Promise<DirectiveDetail> =>
      db.transaction(async (tx) => {
        const { d, all } = await load(tx, actor, id, 'update');
        if (!isSender(actor, d)) throw forbidden('只有发起单位可以关闭该任务');
        const note = orNull(input.note);
        await applyTransition(tx, {
          def: DIRECTIVE_WORKFLOW,
          regionId,
          kind: DIRECTIVE_KIND,
          audit,
          store: { table: 'directive', touched: 'updated_at' },
          recordId: d.id,
          orgPath: d.org_path,
          currentState: d.state,
          entityName: d.title,
          action: 'close',
          actor: { id: actor.id, displayName: actor.displayName, role: 'sender', ip: actor.ip },
          reason: note,
          version: input.version,
          data: { unfinished: all.filter((t) => DIRECTIVE_OPEN_TARGET_STATES.includes(t.state)).length },
          after: (t) => repo.setClosed(t, regionId, d.id, { note, at: clock.now().toISOString(), by: actor.displayName }).then(() => undefined),
        });
        for (const t of all.filter((x) => DIRECTIVE_OPEN_TARGET_STATES.includes(x.state))) await core.step(tx, { d, t }, 'close', actor, 'sender');
        return detail(tx, actor, id);
      }),

    /**
     * 催办: each chosen recipient the actor issued, still open and not reminded today, is counted and
     * audited, and its accounts get a message; none at all is a 409 and changes nothing.
     */
    async remind(actor: Actor, id: string, input: DirectiveRemindInput): Promise<DirectiveRemindResult> {
      const today = clock.today();
      const { reminded, skipped, d } = await db.transaction(async (tx) => {
        const { d, visible } = await load(tx, actor, id, 'share');
        open(d);
        const chosen = input.targetIds.map((tid) => visible.find((t) => t.id === tid));
        if (chosen.some((t) => !t)) throw field('targetIds', '所选接收单位不存在或不在您的管理范围内');
        const mine = chosen as TargetRow[];
        const notOwn = mine.find((t) => !isIssuer(actor, t));
        if (notOwn) throw forbidden(`「${notOwn.org_name}」不是本单位下发的，只能由${notOwn.issuer_org_name}催办`);
        const skipped: { orgName: string; reason: string }[] = [];
        const candidates = mine.filter((t) => {
          const why = !DIRECTIVE_OPEN_TARGET_STATES.includes(t.state)
            ? `已${t.state === 'done' ? '完成' : '结束'}，无需催办`
            : directiveRemindRefusal(t.last_reminded_on, today, rules);
          if (why) skipped.push({ orgName: t.org_name, reason: why });
          return !why;
        });
        const counted = new Set(
          (
            await repo.markReminded(
              tx,
              regionId,
              candidates.map((t) => t.id),
              today,
              rules.remindIntervalDays,
              clock.now().toISOString(),
            )
          ).map((r) => r.id),
        );
        for (const t of candidates.filter((x) => !counted.has(x.id))) skipped.push({ orgName: t.org_name, reason: '今天已催办过' });
        const reminded = candidates.filter((t) => counted.has(t.id));
        if (reminded.length === 0) throw conflict(`没有可催办的单位：${skipped.map((s) => `${s.orgName}${s.reason}`).join('；')}`);
        for (const t of reminded)
          await audit.record(tx, actor, {
            action: 'directive_target.remind',
            entity: TARGET_KIND,
            entityId: t.id,
            entityName: `${t.org_name}：${d.title}`,
            orgPath: t.org_path,
            after: { remindedCount: t.reminded_count + 1, dueOn: t.due_on },
          });
        return { reminded, skipped, d };
      });
      await notifyTargets(reminded, (t) => ({
        dedupeKey: `directive.remind:${t.id}:${today}`,
        title: `催办：${d.title}`,
        body: `${t.issuer_org_name}催办${directiveKindLabel[d.kind]}「${d.title}」，请于 ${t.due_on} 前${d.kind === 'notice' ? '签收' : t.state === 'sent' ? '签收并办结上报' : '办结上报'}。`,
        link: link(d.id),
      }));
      return { reminded: reminded.length, skipped };
    },
  };
  return service;
}
export type DirectiveService = ReturnType<typeof createDirectiveService>;
