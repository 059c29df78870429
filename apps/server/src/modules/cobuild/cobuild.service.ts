import type {
  CobuildActionInput,
  CobuildAgreement,
  CobuildAgreementDetail,
  CobuildAgreementInput,
  CobuildAgreementUpdate,
  CobuildOrgOption,
  CobuildOrgQuery,
  CobuildQuery,
  CobuildRenewInput,
  CobuildRules,
} from '@jiceng/contracts';
import {
  addDays,
  daysBetween,
  cobuildContactsRefusal,
  cobuildHeadings,
  cobuildPartnerKind,
  cobuildRenewalRefusal,
  cobuildRenewalTerm,
  cobuildSidesRefusal,
  cobuildTermRefusal,
} from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { assertVersion, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { COBUILD_KIND, createCobuildCore, field, orNull, type CobuildDeps } from './cobuild.core.ts';
import { cobuildRole, mayUnmask, sidesOf, workflowActor } from './cobuild.policy.ts';
import { createCobuildPresenter } from './cobuild.presenter.ts';
import { cobuildRecordsRepository as records } from './cobuild.records.repository.ts';
import { cobuildRepository as repo, type AgreementRow, type SideOrgRow } from './cobuild.repository.ts';

/** The draft a create or an import row makes: both organizations found, every field checked. */
export interface CobuildDraft {
  title: string;
  orgA: SideOrgRow;
  orgB: SideOrgRow;
  startOn: string;
  endOn: string;
  headings: string[];
  contacts: CobuildAgreementInput['contacts'];
}

/**
 * 结对共建 agreements (rule set cobuild-2026): drafting, editing, the workflow steps (提交、撤回、确认签订、
 * 退回修改、终止、作废) and 续签. Every change locks the agreement's row first, so two steps at once
 * are serialized and the second sees the first's outcome (the workflow's conditional update names
 * the state it lost to).
 */
export function createCobuildService(deps: CobuildDeps) {
  const core = createCobuildCore(deps);
  const { db, regionId, audit, clock, rules, workflow, load, step, contactWrites, assertNoOverlap } = core;
  const presenter = createCobuildPresenter(core);

  async function detail(tx: Database, actor: Actor, id: string, unmask = false): Promise<CobuildAgreementDetail> {
    const row = await load(tx, actor, id);
    const [contacts, plan, log, history] = await Promise.all([
      repo.contacts(tx, regionId, id),
      records.plan(tx, regionId, id),
      records.log(tx, regionId, id),
      workflow.history(tx, id),
    ]);
    return presenter.detail(row, actor, { contacts, plan, log, history }, unmask);
  }

  const names = (a: { name: string }, b: { name: string }) => `「${a.name}」与「${b.name}」`;

  /** Checks a draft's organizations, term and headings (the account's side is the drafting side). */
  async function checkDraft(
    tx: Database,
    actor: Actor,
    input: Pick<CobuildAgreementInput, 'orgAId' | 'orgBId' | 'startOn' | 'endOn' | 'headings' | 'title'>,
  ): Promise<{ orgA: SideOrgRow; orgB: SideOrgRow; side: 'a' | 'b'; headings: string[]; title: string }> {
    const [orgA, orgB] = await Promise.all([repo.org(tx, regionId, input.orgAId), repo.org(tx, regionId, input.orgBId)]);
    if (!orgA) throw field('orgAId', '甲方党组织不存在，请重新选择');
    if (!orgB) throw field('orgBId', '乙方党组织不存在，请重新选择');
    const side = pathInScope(actor, orgA.path) ? 'a' : pathInScope(actor, orgB.path) ? 'b' : null;
    if (!side || actor.scope !== 'subtree') throw field('orgAId', '甲乙双方至少有一方应是本单位或下级党组织（由本方起草协议）');
    const refusal = cobuildSidesRefusal(orgA, orgB, rules);
    if (refusal) throw field(refusal.side === 'a' ? 'orgAId' : 'orgBId', refusal.message);
    const term = cobuildTermRefusal(input.startOn, input.endOn, rules);
    if (term) throw field('endOn', term);
    const h = cobuildHeadings(input.headings, rules);
    if ('refusal' in h) throw field('headings', h.refusal);
    return { orgA, orgB, side, headings: h.headings, title: orNull(input.title) ?? `${orgA.name}与${orgB.name}结对共建协议` };
  }

  /** Inserts a checked draft with its contacts and audit row; the caller's transaction. */
  async function insertDraft(
    tx: Database,
    actor: Actor,
    d: CobuildDraft & { side: 'a' | 'b'; termNo?: number; renewedFromId?: string | null },
    audited: Record<string, unknown> = {},
  ): Promise<string> {
    await assertNoOverlap(tx, { orgAId: d.orgA.id, orgBId: d.orgB.id, startOn: d.startOn, endOn: d.endOn, exceptId: null }, names(d.orgA, d.orgB));
    const id = newId();
    await repo.insert(tx, regionId, {
      id,
      title: d.title,
      termNo: d.termNo ?? 1,
      orgA: d.orgA,
      orgB: d.orgB,
      partnerKind: cobuildPartnerKind(d.orgB.domain, rules)!,
      draftingSide: d.side,
      startOn: d.startOn,
      endOn: d.endOn,
      headings: d.headings,
      renewedFromId: d.renewedFromId ?? null,
      ruleSet: rules.id,
      createdBy: actor.id,
      createdByName: actor.displayName,
    });
    await repo.replaceContacts(tx, regionId, id, ['a', 'b'], contactWrites(d.contacts), newId);
    await audit.record(tx, actor, {
      action: 'cobuild_agreement.create',
      entity: COBUILD_KIND,
      entityId: id,
      entityName: d.title,
      orgPath: d.orgA.path,
      after: { orgA: d.orgA.name, orgB: d.orgB.name, startOn: d.startOn, endOn: d.endOn, headings: d.headings, contacts: d.contacts.length, ...audited },
    });
    return id;
  }

  const service = {
    rules,
    core,
    presenter,
    detail,
    checkDraft,
    insertDraft,

    /** The account's subtree, or an organization's inside it. */
    async scopeOf(actor: Actor, orgId: string | undefined): Promise<{ path: string; name: string }> {
      if (actor.scope !== 'subtree') throw forbidden();
      if (!orgId) return { path: actor.orgPath, name: actor.orgName };
      const o = await repo.org(db, regionId, orgId);
      if (!o || !pathInScope(actor, o.path)) throw notFound('党组织');
      return { path: o.path, name: o.name };
    },

    ruleSet: (): CobuildRules => ({
      id: rules.id,
      defaultHeadings: [...rules.defaultHeadings],
      expiryWindowDays: rules.expiryWindowDays,
      termMaxYears: rules.termMaxYears,
      source: rules.source,
    }),

    async list(actor: Actor, q: CobuildQuery): Promise<{ items: CobuildAgreement[]; total: number }> {
      const scope = await service.scopeOf(actor, q.orgId);
      const { items, total } = await repo.list(
        db,
        regionId,
        {
          scopePath: scope.path,
          today: clock.today(),
          graceDays: rules.commitmentGraceDays,
          windowDays: rules.expiryWindowDays,
          state: q.state,
          partnerKind: q.partnerKind,
          side: q.side,
          expiring: q.expiring,
          q: q.q?.trim() || undefined,
        },
        q.page ?? 1,
        q.pageSize ?? 20,
      );
      return { items: items.map(presenter.present), total };
    },

    /** One agreement; with `unmask` the contacts' phones in full (personal:unmask), the read audited. */
    async get(actor: Actor, id: string, unmask = false): Promise<CobuildAgreementDetail> {
      if (unmask && !mayUnmask(actor)) throw forbidden('您没有查看完整个人信息的权限');
      const d = await detail(db, actor, id, unmask);
      if (unmask) await audit.recordUnmask(db, actor, COBUILD_KIND, id, (await core.read(db, id))!.org_a_path, ['phone']);
      return d;
    },

    /** Organizations a side may be (the pickers): any active one for 甲方, villages, communities and enterprises for 乙方. */
    async orgOptions(actor: Actor, q: CobuildOrgQuery): Promise<CobuildOrgOption[]> {
      if (actor.scope !== 'subtree') throw forbidden();
      const rows = await repo.orgOptions(db, regionId, {
        domains: q.side === 'b' ? Object.keys(rules.partnerKindByDomain) : null,
        excludedTypes: rules.excludedTypes,
        q: q.q?.trim() || undefined,
      });
      return rows.map((o) => ({ id: o.id, name: o.name, parentName: o.parent_name, partnerKind: cobuildPartnerKind(o.domain, rules) }));
    },

    /** 起草: a draft by the side in the account's scope. */
    create: (actor: Actor, input: CobuildAgreementInput): Promise<CobuildAgreementDetail> =>
      db.transaction(async (tx) => {
        const c = await checkDraft(tx, actor, input);
        const id = await insertDraft(tx, actor, { ...c, startOn: input.startOn, endOn: input.endOn, contacts: input.contacts });
        return detail(tx, actor, id);
      }),

    /** A draft's fields by its drafting side; in force, only the contacts of the account's own side(s). */
    update: (actor: Actor, id: string, input: CobuildAgreementUpdate, version: number | null): Promise<CobuildAgreementDetail> =>
      db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        const role = cobuildRole(actor, row);
        if (!role) throw forbidden('您不是该协议任何一方的管理账号');
        assertVersion(row.version, version, '该结对共建协议');
        if (row.state === 'draft') await updateDraft(tx, actor, row, role, input);
        else if (row.state === 'active') await updateContacts(tx, actor, row, input);
        else throw conflict(`结对共建协议当前为「${workflow.label(row.state)}」，不能修改`);
        return detail(tx, actor, id);
      }),

    /** 提交对方确认, 撤回, 确认签订, 退回修改, 终止协议, 作废. */
    act: (actor: Actor, id: string, input: CobuildActionInput, version: number | null): Promise<CobuildAgreementDetail> =>
      db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        const today = clock.today();
        const wa = workflowActor(actor, row);
        if (!wa.role) throw forbidden('您不是该协议任何一方的管理账号');
        const reason = orNull(input.reason);
        if (input.action === 'submit' && row.state === 'draft') {
          const refusal = cobuildContactsRefusal(await repo.contacts(tx, regionId, id), rules);
          if (refusal) throw conflict(refusal);
        }
        if ((input.action === 'submit' || input.action === 'confirm') && row.state === (input.action === 'submit' ? 'draft' : 'pending') && row.end_on < today)
          throw conflict(`协议期限已于 ${row.end_on} 结束，请起草方修改期限后重新提交`);
        const fields: Record<string, unknown> =
          input.action === 'confirm'
            ? { signed_on: today, signed_by_name: actor.displayName, last_reason: null }
            : input.action === 'terminate' || input.action === 'discard'
              ? { terminated_on: today, last_reason: reason }
              : input.action === 'decline'
                ? { last_reason: reason }
                : {};
        await step(tx, row, input.action, wa, { reason, ...(version !== null ? { version } : {}), fields });
        return detail(tx, actor, id);
      }),

    /** 续签: the next term's draft, linked to this one (once), drafted by the account's side. */
    renew: (actor: Actor, id: string, input: CobuildRenewInput): Promise<CobuildAgreementDetail> =>
      db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        const wa = workflowActor(actor, row);
        if (!wa.role) throw forbidden('您不是该协议任何一方的管理账号');
        if (row.renewed_to_id) throw conflict('该协议已续签，请到新一期协议办理');
        const next = cobuildRenewalTerm({ startOn: row.start_on, endOn: row.end_on });
        const startOn = input.startOn ?? next.startOn;
        const endOn = input.endOn ?? (input.startOn ? addDays(input.startOn, daysBetween(row.start_on, row.end_on)) : next.endOn);
        const refusal = cobuildRenewalRefusal(row.end_on, startOn, endOn, rules);
        if (refusal) throw field(refusal.includes('开始') ? 'startOn' : 'endOn', refusal);
        await step(tx, row, 'renew', wa, { data: { nextStartOn: startOn, nextEndOn: endOn } });
        const [orgA, orgB] = await Promise.all([repo.org(tx, regionId, row.org_a_id), repo.org(tx, regionId, row.org_b_id)]);
        const sides = cobuildSidesRefusal(orgA!, orgB!, rules);
        if (sides) throw conflict(sides.message);
        const contacts = await repo.contacts(tx, regionId, id);
        const side = wa.role === 'drafter' ? row.drafting_side : row.drafting_side === 'a' ? 'b' : 'a';
        const newIdOf = await insertRenewal(tx, actor, row, { orgA: orgA!, orgB: orgB!, startOn, endOn, side }, contacts);
        return detail(tx, actor, newIdOf);
      }),
  };

  async function insertRenewal(
    tx: Database,
    actor: Actor,
    row: AgreementRow,
    d: { orgA: SideOrgRow; orgB: SideOrgRow; startOn: string; endOn: string; side: 'a' | 'b' },
    contacts: Awaited<ReturnType<typeof repo.contacts>>,
  ): Promise<string> {
    await assertNoOverlap(tx, { orgAId: d.orgA.id, orgBId: d.orgB.id, startOn: d.startOn, endOn: d.endOn, exceptId: row.id }, names(d.orgA, d.orgB));
    const id = newId();
    const title = row.title.replace(/（第\d+期）$/, '') + `（第${row.term_no + 1}期）`;
    await repo.insert(tx, regionId, {
      id,
      title,
      termNo: row.term_no + 1,
      orgA: d.orgA,
      orgB: d.orgB,
      partnerKind: row.partner_kind,
      draftingSide: d.side,
      startOn: d.startOn,
      endOn: d.endOn,
      headings: row.headings,
      renewedFromId: row.id,
      ruleSet: rules.id,
      createdBy: actor.id,
      createdByName: actor.displayName,
    });
    // the contacts carry over as they were (still encrypted)
    await repo.replaceContacts(
      tx,
      regionId,
      id,
      ['a', 'b'],
      contacts.map((c) => ({ side: c.side, name: c.name, post: c.post, phoneEnc: c.phone_enc, phoneMasked: c.phone_masked })),
      newId,
    );
    await audit.record(tx, actor, {
      action: 'cobuild_agreement.create',
      entity: COBUILD_KIND,
      entityId: id,
      entityName: title,
      orgPath: d.orgA.path,
      after: { renewedFrom: row.title, startOn: d.startOn, endOn: d.endOn, termNo: row.term_no + 1 },
    });
    return id;
  }

  async function updateDraft(tx: Database, actor: Actor, row: AgreementRow, role: string, input: CobuildAgreementUpdate): Promise<void> {
    if (role !== 'drafter') throw forbidden('草稿只能由起草方修改；如需调整，请与对方沟通');
    const startOn = input.startOn ?? row.start_on;
    const endOn = input.endOn ?? row.end_on;
    const term = cobuildTermRefusal(startOn, endOn, rules);
    if (term) throw field('endOn', term);
    const h = cobuildHeadings(input.headings ?? row.headings, rules);
    if ('refusal' in h) throw field('headings', h.refusal);
    const title = input.title === undefined ? row.title : (orNull(input.title) ?? `${row.org_a_name}与${row.org_b_name}结对共建协议`);
    if (startOn !== row.start_on || endOn !== row.end_on)
      await assertNoOverlap(
        tx,
        { orgAId: row.org_a_id, orgBId: row.org_b_id, startOn, endOn, exceptId: row.id },
        names({ name: row.org_a_name }, { name: row.org_b_name }),
      );
    await repo.update(tx, regionId, row.id, { title, startOn, endOn, headings: h.headings });
    if (input.contacts) await repo.replaceContacts(tx, regionId, row.id, ['a', 'b'], contactWrites(input.contacts), newId);
    await audit.record(tx, actor, {
      action: 'cobuild_agreement.update',
      entity: COBUILD_KIND,
      entityId: row.id,
      entityName: title,
      orgPath: row.org_a_path,
      before: { title: row.title, startOn: row.start_on, endOn: row.end_on, headings: row.headings },
      after: { title, startOn, endOn, headings: h.headings, ...(input.contacts ? { contacts: input.contacts.length } : {}) },
    });
  }

  async function updateContacts(tx: Database, actor: Actor, row: AgreementRow, input: CobuildAgreementUpdate): Promise<void> {
    if (input.title !== undefined || input.startOn !== undefined || input.endOn !== undefined || input.headings !== undefined)
      throw conflict('协议已生效，只能修改联系人；期限和共建内容的调整请在续签时办理');
    if (!input.contacts) throw field('contacts', '请填写联系人');
    const mine = sidesOf(actor, row);
    const other = input.contacts.find((c) => !mine.includes(c.side));
    if (other) throw field('contacts', `只能修改本方联系人（${other.side === 'a' ? '甲方' : '乙方'}联系人由对方维护）`);
    const kept = (await repo.contacts(tx, regionId, row.id)).filter((c) => !mine.includes(c.side));
    const after = [...kept.map((c) => ({ side: c.side })), ...input.contacts];
    const refusal = cobuildContactsRefusal(after, rules);
    if (refusal) throw field('contacts', refusal.replace('后再提交对方确认', ''));
    await repo.replaceContacts(tx, regionId, row.id, mine, contactWrites(input.contacts), newId);
    await repo.touch(tx, regionId, row.id);
    await audit.record(tx, actor, {
      action: 'cobuild_agreement.update',
      entity: COBUILD_KIND,
      entityId: row.id,
      entityName: row.title,
      orgPath: row.org_a_path,
      after: { contacts: input.contacts.map((c) => `${c.name}（${c.post}）`), sides: mine },
    });
  }

  return service;
}
export type CobuildService = ReturnType<typeof createCobuildService>;
