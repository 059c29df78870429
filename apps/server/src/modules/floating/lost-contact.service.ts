import type { ContactAttemptInput, FloatingStepInput, LostContactDetail, LostContactInput, LostContactListQuery, LostContactRecord, LostContactUpdate } from '@jiceng/contracts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { MemberService } from '../member/index.ts';
import { assertLostContactInScope } from './floating.policy.ts';
import { presentAttempt, presentLostContact } from './floating.presenter.ts';
import type { LostContactRepository, LostContactRow } from './lost-contact.repository.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { clean, failOn, stepDateProblems } from './floating.validation.ts';

export interface LostContactServiceDeps {
  db: Database;
  regionId: string;
  lost: LostContactRepository;
  members: Pick<MemberService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
}

const OPEN_EXISTS = '该党员已登记为失联党员，请在原记录上补充联系情况';

/**
 * 失联党员: the member's branch records the loss of contact and every try; "found again" closes it.
 * The rule's proposals (停止党籍, 除名) are to-dos for people to decide through the member lifecycle —
 * nothing here changes a member's status.
 */
export function createLostContactService(deps: LostContactServiceDeps) {
  const { db, regionId, lost, members, audit, clock } = deps;

  async function load(tx: Database, actor: Actor, id: string, lock = false): Promise<LostContactRow> {
    const row = lock ? await lost.byIdForUpdate(tx, regionId, id) : await lost.byId(tx, regionId, id);
    assertLostContactInScope(actor, row);
    return row;
  }

  async function loadOpen(tx: Database, actor: Actor, id: string): Promise<LostContactRow> {
    const row = await load(tx, actor, id, true);
    if (row.status !== 'lost') throw invalid('该党员已恢复联系，记录已结束，不能再修改');
    return row;
  }

  const audited = (tx: Database, actor: Actor, row: LostContactRow, action: string, after: unknown, before?: unknown) =>
    audit.record(tx, actor, { action: `lost_contact.${action}`, entity: 'lost_contact', entityId: row.id, orgPath: row.org_path, before, after: { member: row.member_name, ...(after as object) } });

  const present = async (tx: Database, id: string) => presentLostContact((await lost.byId(tx, regionId, id))!, clock.today());

  const service = {
    async list(actor: Actor, q: LostContactListQuery): Promise<{ items: LostContactRecord[]; total: number }> {
      if (actor.scope === 'self') return { items: [], total: 0 };
      const { items, total } = await lost.list(db, regionId, { ...q, scopePath: actor.orgPath });
      const today = clock.today();
      return { items: items.map((r) => presentLostContact(r, today)), total };
    },

    async get(actor: Actor, id: string): Promise<LostContactDetail> {
      const row = await load(db, actor, id);
      const attempts = await lost.attempts(db, regionId, id);
      return { ...presentLostContact(row, clock.today()), attempts: attempts.map(presentAttempt) };
    },

    async create(actor: Actor, input: LostContactInput): Promise<LostContactRecord> {
      return db.transaction(async (tx) => {
        const m = await members.resolveInScope(actor, input.memberId, tx);
        if (m.status === 'left') throw invalid('该党员已出党，无需登记失联');
        failOn(stepDateProblems(input.lastContactDate, clock.today(), null, 'lastContactDate'));
        if (await lost.openByMember(tx, regionId, m.id)) throw conflict(OPEN_EXISTS);
        const id = newId();
        await lost.insert(tx, regionId, { id, memberId: m.id, lastContactDate: input.lastContactDate, measures: input.measures.trim() }).catch((e: unknown) => {
          throw isUniqueViolation(e) ? conflict(OPEN_EXISTS) : e;
        });
        const row = (await lost.byId(tx, regionId, id))!;
        await audited(tx, actor, row, 'create', { lastContactDate: input.lastContactDate, measures: input.measures.trim() });
        return presentLostContact(row, clock.today());
      });
    },

    async update(actor: Actor, id: string, patch: LostContactUpdate): Promise<LostContactRecord> {
      return db.transaction(async (tx) => {
        const row = await loadOpen(tx, actor, id);
        const next = { lastContactDate: patch.lastContactDate ?? row.last_contact_date, measures: patch.measures?.trim() ?? row.measures };
        failOn(stepDateProblems(next.lastContactDate, clock.today(), null, 'lastContactDate'));
        await lost.update(tx, regionId, id, next);
        await audited(tx, actor, row, 'update', next, { lastContactDate: row.last_contact_date, measures: row.measures });
        return present(tx, id);
      });
    },

    /** One more try to reach the member; the clock keeps running from the last contact. */
    async addAttempt(actor: Actor, id: string, input: ContactAttemptInput): Promise<LostContactRecord> {
      return db.transaction(async (tx) => {
        const row = await loadOpen(tx, actor, id);
        failOn(stepDateProblems(input.date, clock.today(), { date: row.last_contact_date, label: '最后联系日期' }));
        await lost.insertAttempt(tx, regionId, { id: newId(), lostContactId: id, date: input.date, method: input.method, result: input.result.trim(), actorId: actor.id, actorName: actor.displayName });
        await audited(tx, actor, row, 'attempt', { date: input.date, method: input.method, result: input.result.trim() });
        return present(tx, id);
      });
    },

    /** Contact re-established: the record closes (a suspended member is restored through the lifecycle, by people). */
    async found(actor: Actor, id: string, input: FloatingStepInput): Promise<LostContactRecord> {
      return db.transaction(async (tx) => {
        const row = await loadOpen(tx, actor, id);
        failOn(stepDateProblems(input.date, clock.today(), { date: row.last_contact_date, label: '最后联系日期' }));
        await lost.found(tx, regionId, id, input.date, clean(input.note));
        await audited(tx, actor, row, 'found', { date: input.date, note: clean(input.note) }, { status: 'lost' });
        return present(tx, id);
      });
    },

  };
  return service;
}
export type LostContactService = ReturnType<typeof createLostContactService>;
