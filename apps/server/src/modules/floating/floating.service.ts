import { Permission, type FloatingArrivalInput, type FloatingDestination, type FloatingInput, type FloatingListQuery, type FloatingRecord, type FloatingStatus, type FloatingStepInput, type FloatingUpdate } from '@jiceng/contracts';
import { FLOATING_DESTINATION_ORG_TYPES, floatingStep, type FloatingAction } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { MemberService } from '../member/index.ts';
import { assertArrivalSide, assertHomeSide, assertSeesFloating, sidesOf } from './floating.policy.ts';
import { presentFloating } from './floating.presenter.ts';
import type { FloatingRepository, FloatingRow, FloatingStep, FloatingWrite } from './floating.repository.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { checkFloatingDates, clean, failOn, stepDateProblems } from './floating.validation.ts';

export interface FloatingServiceDeps {
  db: Database;
  regionId: string;
  floating: FloatingRepository;
  members: Pick<MemberService, 'resolveInScope' | 'setCategory'>;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
}

type Fields = Omit<FloatingInput, 'memberId'> & { destinationSince: string };

/** Audit snapshot: the registration without the phone in clear. */
const snapshot = (r: FloatingRow) => ({ member: r.member_name, destinationPlace: r.destination_place, destinationOrgId: r.destination_org_id, destinationSince: r.destination_since, reason: r.reason, leftDate: r.left_date, expectedReturnDate: r.expected_return_date, certNo: r.cert_no, certValidUntil: r.cert_valid_until, contactPhone: r.contact_phone_masked, status: r.status });

const fieldsOf = (r: FloatingRow, crypto: FieldCrypto): Fields => ({
  destinationPlace: r.destination_place,
  destinationOrgId: r.destination_org_id,
  destinationSince: r.destination_since,
  reason: r.reason as Fields['reason'],
  reasonNote: r.reason_note,
  contactPhone: crypto.decrypt(r.contact_phone_enc),
  leftDate: r.left_date,
  expectedReturnDate: r.expected_return_date,
  certNo: r.cert_no,
  certIssuedDate: r.cert_issued_date,
  certValidUntil: r.cert_valid_until,
});

/** 流动党员: 流出登记 by the home branch, 凡进必登 by the destination, 凡登必核 and 返回 by the home branch. */
export function createFloatingService(deps: FloatingServiceDeps) {
  const { db, regionId, floating, members, audit, clock, crypto } = deps;

  async function load(tx: Database, actor: Actor, id: string, lock = false): Promise<FloatingRow> {
    const row = lock ? await floating.byIdForUpdate(tx, regionId, id) : await floating.byId(tx, regionId, id);
    assertSeesFloating(actor, row);
    return row;
  }

  /** The destination branch anywhere in the region: active, able to receive members, not the home branch. */
  async function destination(tx: Database, orgId: string | null | undefined, homeOrgId: string): Promise<string | null> {
    if (!orgId) return null;
    const org = await floating.org(tx, regionId, orgId);
    if (!org) throw invalid('所选流入地党组织不存在，请重新选择', { fields: [{ field: 'destinationOrgId', message: '所选流入地党组织不存在' }] });
    if (org.status !== 'active') throw invalid(`「${org.name}」已撤销，请重新选择流入地党组织`);
    if (!FLOATING_DESTINATION_ORG_TYPES.includes(org.type as (typeof FLOATING_DESTINATION_ORG_TYPES)[number])) throw invalid(`「${org.name}」不是党支部，流入地党组织应为党支部或临时党支部`);
    if (org.id === homeOrgId) throw invalid('流入地党组织不能是党员所在的党支部');
    return org.id;
  }

  function toWrite(f: Fields, status: FloatingStatus): FloatingWrite {
    const problems = checkFloatingDates(f, clock.today());
    if (!f.destinationPlace.trim()) problems.push({ field: 'destinationPlace', message: '请填写流入地' });
    failOn(problems);
    const phone = f.contactPhone.trim();
    return {
      destinationPlace: f.destinationPlace.trim(),
      destinationOrgId: f.destinationOrgId ?? null,
      destinationSince: f.destinationSince,
      reason: f.reason,
      reasonNote: clean(f.reasonNote),
      contactPhoneEnc: crypto.encrypt(phone),
      contactPhoneMasked: maskPhone(phone),
      leftDate: f.leftDate,
      expectedReturnDate: f.expectedReturnDate ?? null,
      certNo: clean(f.certNo),
      certIssuedDate: f.certIssuedDate ?? null,
      certValidUntil: f.certValidUntil ?? null,
      status,
    };
  }

  /** One dated step (登记, 核实, 返回): the side's check, the rule's transition, the date order, audit. */
  async function step(actor: Actor, id: string, action: FloatingAction, input: FloatingStepInput & { contactPerson?: string }): Promise<FloatingRecord> {
    return db.transaction(async (tx) => {
      const row = await load(tx, actor, id, true);
      if (action === 'arrive') assertArrivalSide(actor, row);
      else assertHomeSide(actor, row, action === 'verify' ? '核实' : '返回登记');
      const t = floatingStep(row.status as FloatingStatus, action);
      if (!t.ok) throw new AppError('RULE_VIOLATION', t.reason);
      const notBefore = action === 'verify' ? { date: row.arrival_date!, label: '流入登记日期' } : action === 'arrive' ? { date: row.destination_since, label: '到达流入地日期' } : { date: row.left_date, label: '外出日期' };
      failOn(stepDateProblems(input.date, clock.today(), notBefore));
      const columns: Record<FloatingAction, FloatingStep> = { arrive: 'arrival', verify: 'verified', return: 'returned' };
      await floating.step(tx, regionId, id, columns[action], t.next, { date: input.date, note: clean(input.note), by: `${actor.displayName}（${actor.orgName}）`, extra: clean(input.contactPerson) });
      if (action === 'return') await members.setCategory(tx, row.member_id, 'floating', false);
      const after = (await floating.byId(tx, regionId, id))!;
      const orgPath = action === 'arrive' && row.destination_path ? row.destination_path : row.home_path;
      await audit.record(tx, actor, { action: `floating.${action}`, entity: 'floating_member', entityId: id, orgPath, before: { status: row.status }, after: { status: t.next, date: input.date, note: clean(input.note), contactPerson: clean(input.contactPerson) } });
      return presentFloating(after, clock.today(), crypto, sidesOf(actor, after));
    });
  }

  const service = {
    async list(actor: Actor, q: FloatingListQuery): Promise<{ items: FloatingRecord[]; total: number }> {
      if (actor.scope === 'self') return { items: [], total: 0 };
      const { items, total } = await floating.list(db, regionId, { ...q, scopePath: actor.orgPath });
      const today = clock.today();
      return { items: items.map((r) => presentFloating(r, today, crypto, sidesOf(actor, r))), total };
    },

    /** One registration; with `unmask` the contact phone in full, written to the audit log. */
    async get(actor: Actor, id: string, unmask = false): Promise<FloatingRecord> {
      if (unmask && !actor.permissions.includes(Permission.PERSONAL_UNMASK)) throw forbidden('您没有查看完整个人信息的权限');
      const row = await load(db, actor, id);
      if (unmask) await audit.recordUnmask(db, actor, 'floating_member', id, row.home_path, ['contactPhone']);
      return presentFloating(row, clock.today(), crypto, sidesOf(actor, row), unmask);
    },

    /** 流出登记: the member (in scope) is registered as floating and carries the 流动 category meanwhile. */
    async create(actor: Actor, input: FloatingInput): Promise<FloatingRecord> {
      return db.transaction(async (tx) => {
        const m = await members.resolveInScope(actor, input.memberId, tx);
        if (m.status === 'left') throw invalid('该党员已出党，不能登记为流动党员');
        const { memberId: _, ...fields } = input;
        const w = toWrite({ ...fields, destinationSince: input.leftDate }, 'pending_arrival');
        w.destinationOrgId = await destination(tx, input.destinationOrgId, m.org_id);
        if (await floating.openByMember(tx, regionId, m.id)) throw conflict('该党员已有未结束的流出登记，请在原登记上修改，或先办理返回');
        const id = newId();
        const snap = { memberId: m.id, memberName: m.name, memberGender: m.gender, memberIdNumberMasked: m.id_number_masked, homeOrgId: m.org_id, homeOrgName: m.org_name };
        await floating.insert(tx, regionId, id, snap, w).catch((e: unknown) => {
          throw isUniqueViolation(e) ? conflict('该党员已有未结束的流出登记，请在原登记上修改，或先办理返回') : e;
        });
        await members.setCategory(tx, m.id, 'floating', true);
        const row = (await floating.byId(tx, regionId, id))!;
        await audit.record(tx, actor, { action: 'floating.create', entity: 'floating_member', entityId: id, orgPath: m.org_path, after: snapshot(row) });
        return presentFloating(row, clock.today(), crypto, sidesOf(actor, row));
      });
    },

    /** Edits by the home branch while open; a new destination starts 凡进必登 and the six-month count again. */
    async update(actor: Actor, id: string, patch: FloatingUpdate): Promise<FloatingRecord> {
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        assertHomeSide(actor, row, '修改流出登记');
        if (row.status === 'returned') throw invalid('该登记已结束（已返回），不能修改');
        const current = fieldsOf(row, crypto);
        const merged: Fields = { ...current, ...patch, destinationSince: current.destinationSince };
        const moved = merged.destinationPlace.trim() !== current.destinationPlace || (merged.destinationOrgId ?? null) !== current.destinationOrgId;
        if (moved) merged.destinationSince = patch.destinationSince ?? clock.today();
        const w = toWrite(merged, moved ? 'pending_arrival' : (row.status as FloatingStatus));
        w.destinationOrgId = await destination(tx, merged.destinationOrgId, row.home_org_id);
        await floating.update(tx, regionId, id, w, moved);
        const after = (await floating.byId(tx, regionId, id))!;
        const changed = Object.keys(patch).filter((k) => JSON.stringify(patch[k as keyof FloatingUpdate]) !== JSON.stringify(current[k as keyof Fields]));
        await audit.record(tx, actor, { action: 'floating.update', entity: 'floating_member', entityId: id, orgPath: row.home_path, before: snapshot(row), after: { ...snapshot(after), changedFields: changed } });
        return presentFloating(after, clock.today(), crypto, sidesOf(actor, after));
      });
    },

    /** 凡进必登: the destination branch registers the member (date and contact person). */
    registerArrival: (actor: Actor, id: string, input: FloatingArrivalInput) => step(actor, id, 'arrive', input),
    /** 凡登必核: the home branch confirms the destination's registration. */
    verify: (actor: Actor, id: string, input: FloatingStepInput) => step(actor, id, 'verify', input),
    /** End of floating: the registration closes and the 流动 category goes. */
    close: (actor: Actor, id: string, input: FloatingStepInput) => step(actor, id, 'return', input),

    /** Branches anywhere in the region that may be named as destination, by name. */
    async destinations(q: string): Promise<FloatingDestination[]> {
      return (await floating.destinations(db, regionId, q, FLOATING_DESTINATION_ORG_TYPES)).map((o) => ({ id: o.id, name: o.name, parentName: o.parent_name }));
    },

  };
  return service;
}
export type FloatingService = ReturnType<typeof createFloatingService>;
