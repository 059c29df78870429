import { hardshipTypeLabel, isValidAmount, type Hardship, type HardshipCadre, type HardshipCadreInput, type HardshipCloseInput, type HardshipInput, type HardshipListQuery, type HardshipSummary, type HardshipVisit, type HardshipVisitInput } from '@jiceng/contracts';
import { cadreLoadProblem, visitWindow } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import type { Database } from '../../platform/db/database.ts';
import { AuditedRefusal, withAuditedRefusals } from '../../platform/audit/refusal.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import { assertInScope, assertMayUnmask } from './hardship.policy.ts';
import { presentCadre, presentHardship, presentHardshipSummary, presentVisit } from './hardship.presenter.ts';
import type { CadreRow, HardshipFilter, HardshipRepository, HardshipRow } from './hardship.repository.ts';

export interface HardshipServiceDeps {
  db: Database;
  regionId: string;
  hardships: HardshipRepository;
  members: Pick<MemberService, 'resolveInScope' | 'setCategory'>;
  orgs: Pick<OrgService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
}

const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });

/** 困难党员帮扶: hardship records, helping cadres (1–3 members each), quarterly visits with 慰问金. */
export function createHardshipService(deps: HardshipServiceDeps) {
  const { db, regionId, hardships, members, orgs, audit, clock, crypto } = deps;
  const today = () => clock.today();

  function checkDate(name: string, date: string, label: string, notBefore?: { date: string; label: string }): void {
    if (Number.isNaN(Date.parse(date))) throw field(name, `${label}不是有效日期`);
    if (date > today()) throw field(name, `${label}不能晚于今天`);
    if (notBefore && date < notBefore.date) throw field(name, `${label}不能早于${notBefore.label} ${notBefore.date}`);
  }

  async function load(tx: Database, actor: Actor, id: string, lock = false): Promise<HardshipRow> {
    const row = await hardships.byId(tx, regionId, id, lock);
    assertInScope(actor, row, '困难帮扶记录');
    return row;
  }

  async function loadOpen(tx: Database, actor: Actor, id: string, doing: string): Promise<HardshipRow> {
    const row = await load(tx, actor, id, true);
    if (row.closed_date) throw conflict(`该帮扶已于 ${row.closed_date} 结束，不能再${doing}`);
    return row;
  }

  /** A cadre in scope who may take one more member (rule hardship-pairing), locked until commit. */
  async function cadreWithRoom(tx: Database, actor: Actor, cadreId: string): Promise<CadreRow> {
    const cadre = await hardships.cadre(tx, regionId, cadreId, true);
    assertInScope(actor, cadre, '帮扶干部');
    const problem = cadreLoadProblem(cadre.name, cadre.helping);
    if (problem) throw new AppError('RULE_VIOLATION', problem);
    return cadre;
  }

  async function filter(actor: Actor, q: HardshipListQuery): Promise<HardshipFilter> {
    if (actor.scope === 'self') throw forbidden();
    const scopePath = q.orgId ? (await orgs.resolveInScope(actor, q.orgId)).path : actor.orgPath;
    const w = visitWindow(today());
    return { ...q, q: q.q?.trim() || undefined, scopePath, periodStart: w.periodStart, pastGrace: w.pastGrace };
  }

  const service = {
    async list(actor: Actor, q: HardshipListQuery): Promise<{ items: HardshipSummary[]; total: number }> {
      const { items, total } = await hardships.list(db, regionId, await filter(actor, q), q.pageSize ?? 20);
      return { items: items.map((r) => presentHardshipSummary(r, today())), total };
    },

    /** One record; with `unmask` the detail and the cadre's phone in full, written to the audit log. */
    async get(actor: Actor, id: string, unmask = false): Promise<Hardship> {
      if (unmask) assertMayUnmask(actor);
      const row = await load(db, actor, id);
      if (unmask) await audit.recordUnmask(db, actor, 'hardship', id, row.org_path, ['detail', 'cadrePhone']);
      return presentHardship(row, today(), crypto, unmask);
    },

    /** Records a member in difficulty; the member carries the 困难 category while the record is open. */
    async create(actor: Actor, input: HardshipInput): Promise<Hardship> {
      checkDate('startDate', input.startDate, '认定日期');
      const detail = input.detail.trim();
      if (detail.length < 2) throw field('detail', '请填写困难情况');
      return db.transaction(async (tx) => {
        const m = await members.resolveInScope(actor, input.memberId, tx);
        if (m.status === 'left') throw invalid(`「${m.name}」已出党，不能登记为困难党员`);
        if (await hardships.openOf(tx, regionId, m.id)) throw conflict(`「${m.name}」已有进行中的困难帮扶记录，请在原记录中登记走访；情况变化时先结束原记录`);
        const cadre = input.cadreId ? await cadreWithRoom(tx, actor, input.cadreId) : null;
        const id = newId();
        await hardships.insert(tx, regionId, { id, memberId: m.id, type: input.type, detailEnc: crypto.encrypt(detail), startDate: input.startDate, cadreId: cadre?.id ?? null });
        await members.setCategory(tx, m.id, 'hardship', true);
        // the detail is never written to the audit log: only that it was recorded
        await audit.record(tx, actor, { action: 'hardship.create', entity: 'hardship', entityId: id, orgPath: m.org_path, after: { memberId: m.id, memberName: m.name, type: input.type, typeLabel: hardshipTypeLabel[input.type], startDate: input.startDate, cadreId: cadre?.id ?? null } });
        return presentHardship((await hardships.byId(tx, regionId, id))!, today(), crypto, false);
      });
    },

    /** Ends the help (脱困, 去世 …); the member loses the 困难 category and the cadre's place frees up. */
    async close(actor: Actor, id: string, input: HardshipCloseInput): Promise<Hardship> {
      return db.transaction(async (tx) => {
        const row = await loadOpen(tx, actor, id, '结束');
        checkDate('closedDate', input.closedDate, '结束日期', { date: row.start_date, label: '认定日期' });
        await hardships.close(tx, regionId, id, input.closedDate, input.reason.trim());
        await members.setCategory(tx, row.member_id, 'hardship', false);
        await audit.record(tx, actor, { action: 'hardship.close', entity: 'hardship', entityId: id, orgPath: row.org_path, before: { closedDate: null }, after: { closedDate: input.closedDate, reason: input.reason.trim() } });
        return presentHardship((await hardships.byId(tx, regionId, id))!, today(), crypto, false);
      });
    },

    /** Pairs a helping cadre with the record (a cadre helps at most 3 members), or releases them. */
    async assignCadre(actor: Actor, id: string, cadreId: string | null): Promise<Hardship> {
      return db.transaction(async (tx) => {
        const row = await loadOpen(tx, actor, id, '调整帮扶干部');
        if (row.cadre_id === cadreId) return presentHardship(row, today(), crypto, false);
        const cadre = cadreId ? await cadreWithRoom(tx, actor, cadreId) : null;
        await hardships.setCadre(tx, regionId, id, cadre?.id ?? null);
        await audit.record(tx, actor, { action: 'hardship.cadre_assign', entity: 'hardship', entityId: id, orgPath: row.org_path, before: { cadreId: row.cadre_id, cadreName: row.cadre_name }, after: { cadreId: cadre?.id ?? null, cadreName: cadre?.name ?? null } });
        return presentHardship((await hardships.byId(tx, regionId, id))!, today(), crypto, false);
      });
    },

    /** Helping cadres registered in scope, with how many members each helps now. */
    async cadres(actor: Actor, q: string | undefined): Promise<HardshipCadre[]> {
      if (actor.scope === 'self') throw forbidden();
      return (await hardships.cadres(db, regionId, actor.orgPath, q?.trim() || undefined)).map(presentCadre);
    },

    /**
     * Registers a helping cadre under the actor's organization; one record per phone (and per member).
     * A duplicate is refused, described only when the other record is in the actor's scope, and
     * every such refusal is audited (masked phone), since it tells that the phone is in use.
     */
    async createCadre(actor: Actor, input: HardshipCadreInput): Promise<HardshipCadre> {
      if (actor.scope === 'self') throw forbidden();
      const phone = input.phone.trim();
      const phoneHash = crypto.lookupHash(phone);
      return withAuditedRefusals(db, audit, actor, () => db.transaction(async (tx) => {
        const m = input.memberId ? await members.resolveInScope(actor, input.memberId, tx) : null;
        const taken = await hardships.cadreTaken(tx, regionId, phoneHash, m?.id ?? null);
        if (taken) {
          const inScope = pathInScope(actor, taken.org_path);
          const message = !inScope ? '该手机号或党员无法登记为帮扶干部：已有帮扶干部档案使用，请联系上级党组织核实' : taken.by_phone ? '该手机号已登记为帮扶干部，请在帮扶干部中直接选择' : '该党员已登记为帮扶干部，请在帮扶干部中直接选择';
          throw new AuditedRefusal(conflict(message), { action: 'hardship.cadre_duplicate_refused', entity: 'hardship_cadre', entityId: null, orgPath: actor.orgPath, after: { phone: maskPhone(phone), memberId: m?.id ?? null, byPhone: taken.by_phone, inScope, cadreId: inScope ? taken.id : null } });
        }
        const id = newId();
        const w = { id, orgId: actor.orgId, name: input.name.trim(), memberId: m?.id ?? null, phoneEnc: crypto.encrypt(phone), phoneHash, phoneMasked: maskPhone(phone) };
        await hardships.insertCadre(tx, regionId, w);
        await audit.record(tx, actor, { action: 'hardship.cadre_create', entity: 'hardship_cadre', entityId: id, orgPath: actor.orgPath, after: { name: w.name, phone: w.phoneMasked, memberId: w.memberId } });
        return presentCadre((await hardships.cadre(tx, regionId, id))!);
      }));
    },

    async visits(actor: Actor, id: string): Promise<HardshipVisit[]> {
      await load(db, actor, id);
      return (await hardships.visits(db, regionId, id)).map(presentVisit);
    },

    /** Logs a visit (走访慰问) with its 慰问金: decimal 元, not negative, at most two decimals. */
    async addVisit(actor: Actor, id: string, input: HardshipVisitInput): Promise<HardshipVisit> {
      const amount = input.amount.trim();
      if (!isValidAmount(amount)) throw field('amount', '慰问金应为不小于 0 的金额，最多保留两位小数（如 500 或 500.00），没有慰问金请填 0');
      return db.transaction(async (tx) => {
        const row = await loadOpen(tx, actor, id, '登记走访');
        checkDate('visitDate', input.visitDate, '走访日期', { date: row.start_date, label: '认定日期' });
        const visitId = newId();
        const v = { id: visitId, hardshipId: id, visitDate: input.visitDate, visitor: input.visitor.trim(), content: input.content.trim(), amount, recordedBy: actor.displayName };
        await hardships.insertVisit(tx, regionId, v);
        await audit.record(tx, actor, { action: 'hardship.visit_add', entity: 'hardship', entityId: id, orgPath: row.org_path, after: { visitId, visitDate: v.visitDate, visitor: v.visitor, amount } });
        return presentVisit((await hardships.visit(tx, regionId, visitId))!);
      });
    },
  };
  return service;
}
export type HardshipService = ReturnType<typeof createHardshipService>;
