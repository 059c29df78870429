import {
  directiveKindLabel,
  directiveTargetStatusLabel,
  type AttachmentAdded,
  type DirectiveDecisionInput,
  type DirectiveDetail,
  type DirectiveExtensionInput,
  type DirectiveForwardInput,
  type DirectiveReportInput,
  type DirectiveStepInput,
} from '@jiceng/contracts';
import { directiveExtensionRefusal, directiveForwardDueRefusal, directiveSignStep, directiveTargetStatus } from '@jiceng/rules';
import type { AttachmentFile } from '../../platform/attachments/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { field, FILE_KIND, link, orNull, TARGET_KIND, type DirectiveCore } from './directive.core.ts';
import { isIssuer, isRecipient, mayForward } from './directive.policy.ts';
import { directiveRepository as repo, type TargetRow } from './directive.repository.ts';

/**
 * A recipient's steps on what it was sent (签收, 上报完成 with its evidence, 申请延期, 转发 to its own
 * organizations) and its issuer's decision on an extension request; each one transition of the
 * recipients' workflow, whose conditional update picks the one winner of two at once.
 */
export function createDirectiveSteps(core: DirectiveCore) {
  const { db, regionId, audit, clock, attachments, rules, loadTarget, open, step, resolveRecipients, detail, notifyTargets } = core;
  const recipientRole = (actor: Actor, t: TargetRow) => (isRecipient(actor, t) ? ('recipient' as const) : null);
  const isTask = (kind: 'task' | 'notice') => directiveSignStep(kind, rules) === 'acknowledge';

  /** The recipient's own step on an open directive (403 for anyone else, before the workflow says more). */
  async function own(tx: Database, actor: Actor, id: string, targetId: string) {
    const l = await loadTarget(tx, actor, id, targetId);
    open(l.d);
    if (!isRecipient(actor, l.t)) throw forbidden(`只有${l.t.org_name}可以办理本单位收到的任务`);
    return l;
  }

  return {
    /** 签收: a task moves to 已签收, a notice is complete (rule directive-notice-ack). */
    acknowledge: (actor: Actor, id: string, targetId: string, input: DirectiveStepInput): Promise<DirectiveDetail> =>
      db.transaction(async (tx) => {
        const l = await own(tx, actor, id, targetId);
        await step(tx, l, directiveSignStep(l.d.kind, rules), actor, recipientRole(actor, l.t), {
          version: input.version,
          after: (t, a) => repo.setAcknowledged(t, regionId, l.t.id, a.at, actor.displayName).then(() => undefined),
        });
        return detail(tx, actor, id);
      }),

    /** 上报完成 with the report, the evidence already uploaded, and the roll-up of what it forwarded. */
    report: (actor: Actor, id: string, targetId: string, input: DirectiveReportInput): Promise<DirectiveDetail> =>
      db.transaction(async (tx) => {
        const l = await own(tx, actor, id, targetId);
        if (!isTask(l.d.kind)) throw conflict('通知只需签收，无需上报完成');
        const report = input.report.trim();
        if (report.length < 2) throw field('report', '请填写完成情况（至少2个字）');
        if (l.d.files_required && (await attachments.list(tx, actor, { ownerKind: FILE_KIND, ownerId: l.t.id })).length === 0)
          throw field('report', '该任务要求上传佐证材料，请先上传后再上报');
        const today = clock.today();
        const children = l.all.filter((c) => c.parent_target_id === l.t.id);
        const rollup = children.length
          ? children.map((c) => ({
              orgName: c.org_name,
              statusLabel: directiveTargetStatusLabel[directiveTargetStatus({ state: c.state, dueOn: c.due_on }, today)],
              report: c.report,
              reportedAt: c.reported_at,
            }))
          : null;
        await step(tx, l, 'report', actor, recipientRole(actor, l.t), {
          version: input.version,
          data: { report: report.slice(0, 200), ...(rollup ? { forwarded: rollup.length } : {}) },
          after: (t, a) => repo.setReport(t, regionId, l.t.id, { report, rollup, at: a.at, by: actor.displayName }).then(() => undefined),
        });
        return detail(tx, actor, id);
      }),

    /** 申请延期: a later date and the reason (rule directive-extension), decided by the issuer. */
    requestExtension: (actor: Actor, id: string, targetId: string, input: DirectiveExtensionInput): Promise<DirectiveDetail> =>
      db.transaction(async (tx) => {
        const l = await own(tx, actor, id, targetId);
        if (!isTask(l.d.kind)) throw conflict('通知只需签收，不能申请延期');
        const today = clock.today();
        const refusal = directiveExtensionRefusal({ dueOn: l.t.due_on, requested: input.dueOn, today, asked: l.t.extension_count }, rules);
        if (refusal) throw field('dueOn', refusal);
        const reason = input.reason.trim();
        await step(tx, l, 'request_extension', actor, recipientRole(actor, l.t), {
          reason,
          version: input.version,
          data: { dueOn: l.t.due_on, requested: input.dueOn },
          after: (t, a) => repo.setExtensionRequest(t, regionId, l.t.id, { dueOn: input.dueOn, reason, on: today, at: a.at }).then(() => undefined),
        });
        return detail(tx, actor, id);
      }),

    /** 同意 / 不同意延期 by the issuer, once: the second decision finds the request decided (409). */
    decide: (actor: Actor, id: string, targetId: string, input: DirectiveDecisionInput): Promise<DirectiveDetail> =>
      db.transaction(async (tx) => {
        const l = await loadTarget(tx, actor, id, targetId);
        open(l.d);
        if (!isIssuer(actor, l.t)) throw forbidden(`延期申请由${l.t.issuer_org_name}决定`);
        const reason = orNull(input.reason);
        if (!input.grant && !reason) throw field('reason', '不同意延期须填写意见');
        await step(tx, l, input.grant ? 'grant_extension' : 'refuse_extension', actor, 'issuer', {
          reason,
          version: input.version,
          data: { requested: l.t.extension_due_on },
          after: (t, a) => repo.setDecision(t, regionId, l.t.id, { grant: input.grant, reason, at: a.at, by: actor.displayName }).then(() => undefined),
        });
        return detail(tx, actor, id);
      }),

    /**
     * 转发: the recipient passes the task to organizations below it (chosen, or all of a type), due by
     * its own date at the latest; it becomes their issuer and sees their answers.
     */
    async forward(actor: Actor, id: string, targetId: string, input: DirectiveForwardInput): Promise<DirectiveDetail> {
      const today = clock.today();
      const { out, made, title, kind } = await db.transaction(async (tx) => {
        const l = await own(tx, actor, id, targetId);
        if (!mayForward(actor, l.t)) throw forbidden('转发给下级须有任务下发权限');
        const ready = isTask(l.d.kind) ? l.t.state === 'acknowledged' || l.t.state === 'extension' : l.t.state === 'done';
        if (!ready) throw conflict(l.t.state === 'sent' ? '请先签收，再转发给下级' : '本单位已办结，不能再转发');
        const dueOn = input.dueOn ?? l.t.due_on;
        const due = directiveForwardDueRefusal(dueOn, l.t.due_on, today);
        if (due) throw field('dueOn', due);
        const orgs = await resolveRecipients(tx, l.t.org_path, input.recipients);
        const already = orgs.filter((o) => l.all.some((x) => x.org_id === o.id));
        if (already.length) throw field('recipients', `${already.map((o) => `「${o.name}」`).join('、')}已收到该任务，不能重复转发`);
        const rows = orgs.map((o) => ({ id: newId(), orgId: o.id, parentTargetId: l.t.id, issuerOrgId: l.t.org_id, dueOn }));
        await repo.insertTargets(tx, regionId, l.d.id, rows);
        await repo.touch(tx, regionId, l.t.id);
        await audit.record(tx, actor, {
          action: 'directive_target.forward',
          entity: TARGET_KIND,
          entityId: l.t.id,
          entityName: `${l.t.org_name}：${l.d.title}`,
          orgPath: l.t.org_path,
          after: { dueOn, recipients: orgs.length, orgNames: orgs.slice(0, 20).map((o) => o.name) },
        });
        const ids = new Set(rows.map((r) => r.id));
        return {
          out: await detail(tx, actor, id),
          made: (await repo.targets(tx, regionId, id)).filter((t) => ids.has(t.id)),
          title: l.d.title,
          kind: l.d.kind,
        };
      });
      await notifyTargets(made, (t) => ({
        dedupeKey: `directive.sent:${t.id}`,
        title: `新${directiveKindLabel[kind]}：${title}`,
        body: `${t.issuer_org_name}转发的${directiveKindLabel[kind]}「${title}」请于 ${t.due_on} 前${kind === 'notice' ? '签收' : '签收并办结上报'}。`,
        link: link(id),
      }));
      return out;
    },

    /** 佐证材料 of the recipient's report, uploaded while it is signed for and not yet reported. */
    addFile: (actor: Actor, id: string, targetId: string, file: { fileName: string; data: Buffer }): Promise<AttachmentAdded> =>
      db.transaction(async (tx) => {
        const l = await own(tx, actor, id, targetId);
        if (!isTask(l.d.kind) || (l.t.state !== 'acknowledged' && l.t.state !== 'extension'))
          throw conflict(l.t.state === 'sent' ? '请先签收，再上传佐证材料' : '已上报完成，不能再修改佐证材料');
        return attachments.add(tx, actor, { ownerKind: FILE_KIND, ownerId: l.t.id, orgId: l.t.org_id, fileName: file.fileName, bytes: file.data });
      }),

    async readFile(actor: Actor, id: string, targetId: string, fileId: string): Promise<AttachmentFile> {
      const { t } = await loadTarget(db, actor, id, targetId, null);
      return attachments.read(db, actor, fileId, { owner: { ownerKind: FILE_KIND, ownerId: t.id } });
    },

    removeFile: (actor: Actor, id: string, targetId: string, fileId: string): Promise<DirectiveDetail> =>
      db.transaction(async (tx) => {
        const l = await own(tx, actor, id, targetId);
        if (l.t.state !== 'acknowledged' && l.t.state !== 'extension') throw conflict('已上报完成，不能再修改佐证材料');
        await attachments.remove(tx, actor, fileId, { owner: { ownerKind: FILE_KIND, ownerId: l.t.id } });
        return detail(tx, actor, id);
      }),
  };
}
