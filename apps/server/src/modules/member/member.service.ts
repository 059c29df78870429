import { Value } from '@sinclair/typebox/value';
import {
  MemberDetailData,
  type Member,
  type MemberDetail,
  type MemberDetailInput,
  type MemberEventInput,
  type MemberInput,
  type MemberListPage,
  type MemberListQuery,
  type MemberStatus,
  type MemberStatusEvent,
  type MemberUpdate,
  type LeaveReason,
  type MemberCategory,
  normalizeIdNumber,
  memberEventLabel,
  Permission,
  PHOTO_MAX_BYTES,
} from '@jiceng/contracts';
import { applyMemberEvent, MEMBER_HOME_ORG_TYPES, type MemberState } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { withAuditedRefusals } from '../../platform/audit/refusal.ts';
import { AppError, assertVersion, forbidden, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { OrgService } from '../org/index.ts';
import { duplicateIdRefusal } from './member.duplicates.ts';
import { assertMayUnmask, assertMemberInScope } from './member.policy.ts';
import { presentMember, presentMemberSummary, UNMASKED_FIELDS } from './member.presenter.ts';
import type { MemberFilter, MemberRepository, MemberRow, MemberWrite } from './member.repository.ts';
import { checkMember, toMemberWrite, type FieldProblem } from './member.validation.ts';

export interface MemberServiceDeps {
  db: Database;
  regionId: string;
  members: MemberRepository;
  orgs: Pick<OrgService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  /** Where the list stops counting (MEMBER_COUNT_CAP; tests pass a tiny one). */
  listCountCap?: number;
}

const fail = (problems: FieldProblem[]): never => {
  throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'), { fields: problems });
};

const stateOf = (r: MemberRow): MemberState => ({
  status: r.status as MemberStatus,
  joinedDate: r.joined_date,
  confirmedDate: r.confirmed_date,
  probationExtendedMonths: r.probation_extended_months,
  suspendedFromStatus: r.suspended_from_status as MemberStatus | null,
  disciplineUntil: r.discipline_until,
  leaveReason: r.leave_reason as LeaveReason | null,
});

/** Audit snapshot without personal values (those stay encrypted; the audit names the fields changed). */
const snapshot = (r: MemberRow) => ({
  name: r.name,
  orgId: r.org_id,
  status: r.status,
  education: r.education,
  occupation: r.occupation,
  workUnit: r.work_unit,
  position: r.position,
  categories: r.categories,
  idNumber: r.id_number_masked,
  phone: r.phone_masked,
});

/** Member records: register, edit, read (masked or audited in full), list, lifecycle events, extended tabs. */
export function createMemberService(deps: MemberServiceDeps) {
  const { db, regionId, members, orgs, audit, clock, crypto } = deps;

  async function load(tx: Database, actor: Actor, id: string, lock = false): Promise<MemberRow> {
    const row = lock ? await members.byIdForUpdate(tx, regionId, id) : await members.byId(tx, regionId, id);
    assertMemberInScope(actor, row);
    return row;
  }

  /** The branch a member may belong to, inside the actor's scope. */
  async function homeBranch(tx: Database, actor: Actor, orgId: string) {
    const org = await orgs.resolveInScope(actor, orgId, tx);
    if (org.status !== 'active') throw invalid(`「${org.name}」已撤销，不能接收党员`);
    if (!MEMBER_HOME_ORG_TYPES.includes(org.type as (typeof MEMBER_HOME_ORG_TYPES)[number]))
      throw invalid(`党员的组织关系应在党支部，「${org.name}」不是党支部`);
    return org;
  }

  /**
   * Refuses an ID number another record holds, naming that record only inside the actor's scope.
   * The refusal is audited: callers run the transaction inside `guardDuplicates`.
   */
  async function assertIdFree(tx: Database, actor: Actor, w: Pick<MemberWrite, 'idNumberHash' | 'idNumberMasked'>, exceptId: string | null, via: string) {
    const other = await members.idNumberTaken(tx, regionId, w.idNumberHash, exceptId);
    if (other) throw duplicateIdRefusal(actor, other, w.idNumberMasked, via);
  }

  const service = {
    /**
     * Registers one member inside an open transaction (shared with arrivals by letter, whose `via`
     * names them in the audit). The caller runs its transaction inside `guardDuplicates`, so that a
     * refused duplicate ID number is audited although the transaction rolls back.
     */
    async createIn(tx: Database, actor: Actor, input: MemberInput, via = 'create'): Promise<MemberRow> {
      const { problems, checked } = checkMember(input, clock.today());
      if (!checked) fail(problems);
      const org = await homeBranch(tx, actor, input.orgId);
      const w = toMemberWrite(input, checked!, crypto);
      await assertIdFree(tx, actor, w, null, via);
      const id = newId();
      await members.insert(tx, regionId, id, w);
      await members.insertEvent(tx, regionId, {
        id: newId(),
        memberId: id,
        event: 'register',
        fromStatus: w.status,
        toStatus: w.status,
        date: input.joinedDate,
        reason: '登记党员信息',
        detail: null,
        actorId: actor.id,
        actorName: actor.displayName,
      });
      const row = (await members.byId(tx, regionId, id))!;
      await audit.record(tx, actor, { action: 'member.create', entity: 'member', entityId: id, orgPath: org.path, after: snapshot(row) });
      return row;
    },

    async create(actor: Actor, input: MemberInput): Promise<Member> {
      const row = await service.guardDuplicates(actor, () => db.transaction((tx) => service.createIn(tx, actor, input)));
      return presentMember(row, clock.today(), crypto, false);
    },

    /** Saves a form edit made from version `expected`; STALE_VERSION when someone saved in between. */
    async update(actor: Actor, id: string, input: MemberUpdate, expected: number | null): Promise<Member> {
      const { version: _sent, ...patch } = input;
      return service.guardDuplicates(actor, () =>
        db.transaction(async (tx) => {
          const row = await load(tx, actor, id, true);
          if (row.status === 'left') throw invalid('已出党人员的信息不能修改');
          assertVersion(row.version, expected, '该党员档案');
          const current: MemberInput = {
            name: row.name,
            idNumber: crypto.decrypt(row.id_number_enc),
            ethnicity: row.ethnicity as MemberInput['ethnicity'],
            education: row.education as MemberInput['education'],
            occupation: row.occupation as MemberInput['occupation'],
            workUnit: row.work_unit,
            position: row.position,
            phone: row.phone_enc ? crypto.decrypt(row.phone_enc) : null,
            address: row.address_enc ? crypto.decrypt(row.address_enc) : null,
            appliedDate: row.applied_date,
            joinedDate: row.joined_date,
            status: row.status === 'full' ? 'full' : 'probationary',
            confirmedDate: row.status === 'full' ? row.confirmed_date : null,
            orgId: row.org_id,
            categories: row.categories as MemberInput['categories'],
          };
          const merged: MemberInput = { ...current, ...patch };
          const { problems, checked } = checkMember(merged, clock.today());
          if (!checked) fail(problems);
          const w = toMemberWrite(merged, checked!, crypto);
          if (normalizeIdNumber(merged.idNumber) !== current.idNumber) await assertIdFree(tx, actor, w, id, 'update');
          if ((await members.update(tx, regionId, id, w, expected)) === 0) throw staleVersion('该党员档案');
          const after = (await members.byId(tx, regionId, id))!;
          const changed = Object.keys(patch).filter(
            (k) => JSON.stringify((patch as Record<string, unknown>)[k]) !== JSON.stringify((current as Record<string, unknown>)[k]),
          );
          await audit.record(tx, actor, {
            action: 'member.update',
            entity: 'member',
            entityId: id,
            orgPath: row.org_path,
            before: snapshot(row),
            after: { ...snapshot(after), changedFields: changed },
          });
          return presentMember(after, clock.today(), crypto, false);
        }),
      );
    },

    /** Runs `work` (a whole transaction); a refused duplicate ID number is audited after its rollback. */
    guardDuplicates<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
      return withAuditedRefusals(db, audit, actor, work);
    },

    /** One record; with `unmask` the personal fields in full, written to the audit log. */
    async get(actor: Actor, id: string, unmask = false): Promise<Member> {
      if (unmask) assertMayUnmask(actor);
      const row = await load(db, actor, id);
      if (unmask) await audit.recordUnmask(db, actor, 'member', id, row.org_path, [...UNMASKED_FIELDS]);
      return presentMember(row, clock.today(), crypto, unmask);
    },

    /** A 党员 account's own record (its own data, shown in full, no audit needed). */
    async mine(actor: Actor): Promise<Member> {
      if (!actor.memberId) throw notFound('本人党员信息（账号尚未关联党员档案，请联系党支部）');
      const row = await load(db, actor, actor.memberId);
      return presentMember(row, clock.today(), crypto, true);
    },

    /** A page of the list; the count stops at the cap (`totalCapped`), see MEMBER_COUNT_CAP. */
    async list(actor: Actor, q: MemberListQuery): Promise<MemberListPage> {
      const filter = await service.filter(actor, q);
      const { items, total, capped } = await members.list(db, regionId, filter, deps.listCountCap);
      const today = clock.today();
      return { items: items.map((r) => presentMemberSummary(r, today)), total, totalCapped: capped };
    },

    /** The repository filter for a list query, scoped and with look-up hashes (shared with export). */
    async filter(actor: Actor, q: MemberListQuery): Promise<MemberFilter> {
      // An exact look-up by full ID number or phone answers "is this the number?": to an account
      // that sees only masks it would confirm candidates rebuilt from a mask one request at a time.
      if ((q.idNumber || q.phone) && !actor.permissions.includes(Permission.PERSONAL_UNMASK)) {
        throw forbidden('按完整的公民身份号码或手机号查找需要查看个人信息的权限，请按姓名查找');
      }
      const scope = q.orgId ? await orgs.resolveInScope(actor, q.orgId) : { path: actor.orgPath, name: actor.orgName };
      return {
        ...q,
        scopePath: scope.path,
        scopeName: scope.name,
        today: clock.today(),
        idNumberHash: q.idNumber ? crypto.lookupHash(normalizeIdNumber(q.idNumber)) : undefined,
        phoneHash: q.phone ? crypto.lookupHash(q.phone.trim()) : undefined,
      };
    },

    /** Applies a lifecycle event (转正, 延长预备期, 停止党籍 …) with its dated, reasoned history row. */
    async applyEvent(actor: Actor, id: string, input: MemberEventInput): Promise<Member> {
      return db.transaction(async (tx) => presentMember(await service.applyEventIn(tx, actor, id, input), clock.today(), crypto, false));
    },

    /** `applyEvent` inside an open transaction (the approval of a 转正 in the development module). */
    async applyEventIn(tx: Database, actor: Actor, id: string, input: MemberEventInput): Promise<MemberRow> {
      const row = await load(tx, actor, id, true);
      const result = applyMemberEvent(
        stateOf(row),
        { event: input.event, date: input.date, leaveReason: input.leaveReason, months: input.months, until: input.until },
        clock.today(),
      );
      if (!result.ok) throw new AppError('RULE_VIOLATION', result.reason);
      const n = result.next;
      await members.setLifecycle(tx, regionId, id, {
        status: n.status,
        confirmedDate: n.confirmedDate,
        probationExtendedMonths: n.probationExtendedMonths,
        suspendedFromStatus: n.suspendedFromStatus,
        disciplineUntil: n.disciplineUntil,
        leaveReason: n.leaveReason,
        leftDate: n.status === 'left' ? input.date : null,
      });
      const detail = { leaveReason: input.leaveReason ?? null, months: input.months ?? null, until: input.until ?? null };
      await members.insertEvent(tx, regionId, {
        id: newId(),
        memberId: id,
        event: input.event,
        fromStatus: row.status,
        toStatus: n.status,
        date: input.date,
        reason: input.reason,
        detail,
        actorId: actor.id,
        actorName: actor.displayName,
      });
      await audit.record(tx, actor, {
        action: `member.${input.event}`,
        entity: 'member',
        entityId: id,
        orgPath: row.org_path,
        before: stateOf(row),
        after: { ...n, reason: input.reason, label: memberEventLabel[input.event] },
      });
      return (await members.byId(tx, regionId, id))!;
    },

    async history(actor: Actor, id: string): Promise<MemberStatusEvent[]> {
      await load(db, actor, id);
      return (await members.events(db, regionId, id)).map((e) => ({
        id: e.id,
        event: e.event,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        date: e.event_date,
        reason: e.reason,
        detail: e.detail,
        actorName: e.actor_name,
        createdAt: isoTime(e.created_at),
      }));
    },

    async details(actor: Actor, id: string, kind: string): Promise<MemberDetail[]> {
      await load(db, actor, id);
      return (await members.details(db, regionId, id, kind)).map((d) => ({
        id: d.id,
        kind: d.kind,
        data: d.data,
        startDate: d.start_date,
        endDate: d.end_date,
      }));
    },

    async addDetail(actor: Actor, id: string, input: MemberDetailInput): Promise<MemberDetail> {
      const schema = MemberDetailData[input.kind];
      if (!Value.Check(schema, input.data)) {
        const messages = [...Value.Errors(schema, input.data)].map((e) => `「${(e.schema as { description?: string }).description ?? e.path}」不符合要求`);
        throw invalid([...new Set(messages)].join('；'));
      }
      if (input.startDate && input.endDate && input.endDate < input.startDate) throw invalid('结束日期不能早于开始日期');
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id);
        const detailId = newId();
        const data = Value.Clean(schema, structuredClone(input.data)) as Record<string, unknown>;
        await members.insertDetail(tx, regionId, {
          id: detailId,
          memberId: id,
          kind: input.kind,
          data,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
        });
        await audit.record(tx, actor, {
          action: 'member.detail_add',
          entity: 'member',
          entityId: id,
          orgPath: row.org_path,
          after: { kind: input.kind, data },
        });
        return { id: detailId, kind: input.kind, data, startDate: input.startDate ?? null, endDate: input.endDate ?? null };
      });
    },

    async removeDetail(actor: Actor, id: string, detailId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await load(tx, actor, id);
        const d = await members.detail(tx, regionId, id, detailId);
        if (!d) throw notFound('记录');
        await members.deleteDetail(tx, regionId, detailId);
        await audit.record(tx, actor, { action: 'member.detail_remove', entity: 'member', entityId: id, orgPath: row.org_path, before: d });
      });
    },

    /**
     * Moves a member's organization relation (transfers). Succeeds only from the expected branch,
     * so two concurrent moves cannot both apply; the caller holds the transaction and audits.
     */
    async moveRelation(tx: Database, memberId: string, fromOrgId: string, toOrgId: string): Promise<boolean> {
      return members.moveToOrg(tx, regionId, memberId, fromOrgId, toOrgId);
    },

    /**
     * Records that the relation left the deployment (outgoing letter, receipt returned): the member
     * stays on record but leaves active lists. `null` undoes it (a letter cancelled).
     */
    async markTransferredOut(tx: Database, memberId: string, date: string | null): Promise<void> {
      await members.markTransferredOut(tx, regionId, memberId, date);
    },

    /** Adds or removes one category (e.g. 流动 while registered as floating, 困难 while in hardship). */
    async setCategory(tx: Database, memberId: string, category: MemberCategory, on: boolean): Promise<void> {
      await members.setCategory(tx, regionId, memberId, category, on);
    },

    /** A member by id without scope (system jobs, the receiving side of a transfer); null when absent. */
    async byIdUnscoped(tx: Database, id: string): Promise<MemberRow | null> {
      return (await members.byId(tx, regionId, id)) ?? null;
    },

    /** Stores the member's photo: a JPEG or PNG (checked by its bytes) of at most PHOTO_MAX_BYTES. */
    async setPhoto(actor: Actor, id: string, data: Buffer): Promise<void> {
      const type = data[0] === 0xff && data[1] === 0xd8 ? 'image/jpeg' : data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) ? 'image/png' : null;
      if (!type) throw invalid('照片应为 JPG 或 PNG 图片');
      if (data.length > PHOTO_MAX_BYTES) throw invalid(`照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB，请压缩后上传`);
      await db.transaction(async (tx) => {
        const row = await load(tx, actor, id);
        await members.setPhoto(tx, regionId, id, type, data);
        await audit.record(tx, actor, {
          action: 'member.photo',
          entity: 'member',
          entityId: id,
          orgPath: row.org_path,
          after: { contentType: type, bytes: data.length },
        });
      });
    },

    async photo(actor: Actor, id: string): Promise<{ contentType: string; data: Buffer }> {
      await load(db, actor, id);
      const p = await members.photo(db, regionId, id);
      if (!p) throw notFound('照片');
      return { contentType: p.content_type, data: Buffer.from(p.data) };
    },

    /** Resolves a member inside the actor's scope (for other modules: transfers, appraisal …). */
    async resolveInScope(actor: Actor, id: string, tx: Database = db): Promise<MemberRow> {
      return load(tx, actor, id);
    },
  };
  return service;
}
export type MemberService = ReturnType<typeof createMemberService>;
