import type {
  CobuildActivityInput,
  CobuildAgreementDetail,
  CobuildCommitmentInput,
  CobuildDoneInput,
  CobuildFundInput,
  CobuildLogKind,
  CobuildProblemInput,
} from '@jiceng/contracts';
import { cobuildDueInTermRefusal, cobuildLogDateRefusal } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { COBUILD_KIND, field, orNull } from './cobuild.core.ts';
import { mayPlan, mayRecord, recordingSide, sidesOf } from './cobuild.policy.ts';
import { cobuildRecordsRepository as records, type LogWrite } from './cobuild.records.repository.ts';
import { cobuildRepository as repo, type AgreementRow } from './cobuild.repository.ts';
import type { CobuildService } from './cobuild.service.ts';

/**
 * The agreement's yearly plan (commitments: regional:manage of either side, while a draft or in
 * force) and its log (activities, problems solved, funds raised: regional:record of either side,
 * in force or after its end, dated within the term and not in the future). Each change locks the
 * agreement's row, bumps its version and writes an audit row.
 */
export function createCobuildRecords(service: CobuildService) {
  const { db, regionId, audit, clock, load } = service.core;

  const heading = (row: AgreementRow, h: string | null | undefined, name = 'heading'): string | null => {
    const v = orNull(h);
    if (v && !row.headings.includes(v)) throw field(name, `「${v}」不是本协议的共建内容（${row.headings.join('、')}）`);
    return v;
  };

  /** Loads and locks the agreement, checks the permission of the part, runs `fn`, bumps the version, audits, answers the page. */
  function change(
    actor: Actor,
    id: string,
    may: (actor: Actor, row: AgreementRow) => string | null,
    fn: (tx: Database, row: AgreementRow) => Promise<{ action: string; after: Record<string, unknown> }>,
  ): Promise<CobuildAgreementDetail> {
    return db.transaction(async (tx) => {
      const row = await service.core.load(tx, actor, id, true);
      const refusal = may(actor, row);
      if (refusal) throw sidesOf(actor, row).length ? forbidden(refusal) : notFound('结对共建协议');
      const { action, after } = await fn(tx, row);
      await repo.touch(tx, regionId, id);
      await audit.record(tx, actor, { action, entity: COBUILD_KIND, entityId: id, entityName: row.title, orgPath: row.org_a_path, after });
      return service.detail(tx, actor, id);
    });
  }

  const label = (row: AgreementRow) => service.core.workflow.label(row.state);
  const planning = (actor: Actor, row: AgreementRow) =>
    mayPlan(actor, row) ? null : ['draft', 'active'].includes(row.state) ? '您不是该协议任何一方的管理账号' : `协议当前为「${label(row)}」，不能修改年度计划`;
  const recording = (actor: Actor, row: AgreementRow) =>
    mayRecord(actor, row) ? null : ['active', 'expired'].includes(row.state) ? '您没有记录共建台账的权限' : `协议当前为「${label(row)}」，不能记录共建台账`;

  function checkCommitment(row: AgreementRow, input: CobuildCommitmentInput) {
    const h = heading(row, input.heading)!;
    const content = input.content.trim();
    if (content.length < 2) throw field('content', '请填写承诺事项');
    const due = cobuildDueInTermRefusal(input.dueOn, { startOn: row.start_on, endOn: row.end_on });
    if (due) throw field('dueOn', due);
    return { heading: h, content, dueOn: input.dueOn, side: input.side };
  }

  async function commitmentOf(tx: Database, row: AgreementRow, itemId: string) {
    const c = await records.commitment(tx, regionId, row.id, itemId);
    if (!c) throw notFound('承诺事项');
    return c;
  }

  async function addEntry(
    actor: Actor,
    id: string,
    kind: CobuildLogKind,
    on: string,
    fill: (row: AgreementRow) => Omit<LogWrite, 'id' | 'agreementId' | 'kind' | 'on' | 'side' | 'recordedBy' | 'recordedByName'>,
  ) {
    return change(actor, id, recording, async (tx, row) => {
      const date = cobuildLogDateRefusal(on, { startOn: row.start_on, endOn: row.end_on }, clock.today());
      if (date) throw field(kind === 'activity' ? 'heldOn' : kind === 'problem' ? 'solvedOn' : 'raisedOn', date);
      const e = {
        id: newId(),
        agreementId: row.id,
        kind,
        on,
        side: recordingSide(actor, row)!,
        recordedBy: actor.id,
        recordedByName: actor.displayName,
        ...fill(row),
      };
      await records.insertEntry(tx, regionId, e);
      return { action: 'cobuild_agreement.log_add', after: { kind, on, title: e.title, count: e.count, amountFen: e.amountFen, heading: e.heading } };
    });
  }

  const blank = { heading: null, title: null, participants: null, count: null, amountFen: null, source: null, purpose: null, description: null };

  return {
    addCommitment: (actor: Actor, id: string, input: CobuildCommitmentInput) =>
      change(actor, id, planning, async (tx, row) => {
        const c = checkCommitment(row, input);
        await records.insertCommitment(tx, regionId, { id: newId(), agreementId: row.id, ...c, createdBy: actor.id });
        return { action: 'cobuild_agreement.plan', after: { added: c } };
      }),

    updateCommitment: (actor: Actor, id: string, itemId: string, input: CobuildCommitmentInput) =>
      change(actor, id, planning, async (tx, row) => {
        const old = await commitmentOf(tx, row, itemId);
        if (old.done_on) throw conflict('该承诺事项已完成，不能修改');
        const c = checkCommitment(row, input);
        await records.updateCommitment(tx, regionId, itemId, c);
        return { action: 'cobuild_agreement.plan', after: { changed: c, before: { heading: old.heading, content: old.content, dueOn: old.due_on } } };
      }),

    removeCommitment: (actor: Actor, id: string, itemId: string) =>
      change(actor, id, planning, async (tx, row) => {
        const old = await commitmentOf(tx, row, itemId);
        if (old.done_on) throw conflict('该承诺事项已完成，不能删除');
        await records.deleteCommitment(tx, regionId, itemId);
        return { action: 'cobuild_agreement.plan', after: { removed: { heading: old.heading, content: old.content, dueOn: old.due_on } } };
      }),

    /** 完成承诺: by either side (regional:record), once. */
    completeCommitment: (actor: Actor, id: string, itemId: string, input: CobuildDoneInput) =>
      change(
        actor,
        id,
        (a, row) => (row.state !== 'active' ? `协议当前为「${label(row)}」，不能登记承诺完成` : mayRecord(a, row) ? null : '您没有登记承诺完成的权限'),
        async (tx, row) => {
          const c = await commitmentOf(tx, row, itemId);
          if (c.done_on) throw conflict(`该承诺事项已于 ${c.done_on} 完成`);
          const date = cobuildLogDateRefusal(input.doneOn, { startOn: row.start_on, endOn: row.end_on }, clock.today());
          if (date) throw field('doneOn', date);
          if (!(await records.markDone(tx, regionId, itemId, input.doneOn, orNull(input.note), actor.displayName))) throw conflict('该承诺事项刚刚已登记完成');
          return { action: 'cobuild_agreement.commitment_done', after: { content: c.content, doneOn: input.doneOn } };
        },
      ),

    addActivity: (actor: Actor, id: string, input: CobuildActivityInput) =>
      addEntry(actor, id, 'activity', input.heldOn, (row) => {
        const title = input.title.trim();
        if (title.length < 2) throw field('title', '请填写活动名称');
        return { ...blank, heading: heading(row, input.heading), title, participants: input.participants, description: orNull(input.description) };
      }),

    addProblem: (actor: Actor, id: string, input: CobuildProblemInput) =>
      addEntry(actor, id, 'problem', input.solvedOn, (row) => {
        const description = input.description.trim();
        if (description.length < 2) throw field('description', '请填写解决的问题');
        return { ...blank, heading: heading(row, input.heading), count: input.count, description };
      }),

    addFund: (actor: Actor, id: string, input: CobuildFundInput) =>
      addEntry(actor, id, 'fund', input.raisedOn, () => {
        const source = input.source.trim();
        const purpose = input.purpose.trim();
        if (!source) throw field('source', '请填写资金来源');
        if (!purpose) throw field('purpose', '请填写资金用途');
        return { ...blank, amountFen: input.amountFen, source, purpose };
      }),

    /** Removes a log entry recorded by the account's side. */
    removeEntry: (actor: Actor, id: string, itemId: string) =>
      change(actor, id, recording, async (tx, row) => {
        const e = await records.entry(tx, regionId, row.id, itemId);
        if (!e) throw notFound('台账记录');
        if (!sidesOf(actor, row).includes(e.side)) throw forbidden('只能删除本方记录的台账');
        await records.deleteEntry(tx, regionId, itemId);
        return { action: 'cobuild_agreement.log_remove', after: { kind: e.kind, on: e.on_date, title: e.title, description: e.description } };
      }),

    load,
  };
}
export type CobuildRecords = ReturnType<typeof createCobuildRecords>;
