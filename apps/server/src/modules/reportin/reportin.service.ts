import type {
  MemberReportIn,
  MemberReportInInput,
  MemberReportInQuery,
  MyReportIn,
  ReportInCancelInput,
  ReportInCommunity,
  ReportInCommunityQuery,
  UnitReportIn,
  UnitReportInInput,
  UnitReportInQuery,
} from '@jiceng/contracts';
import { isValidCreditCode } from '@jiceng/contracts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import type { Database } from '../../platform/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { MemberService } from '../member/index.ts';
import {
  assertCommunityInScope,
  assertMayActForUnit,
  assertMayFileMemberReport,
  assertMayPickCommunity,
  assertMayReadUnitReport,
  assertMayUnmask,
  assertReportTarget,
  memberReportSide,
} from './reportin.policy.ts';
import { presentMemberReport, presentUnitReport } from './reportin.presenter.ts';
import type { ReportInRepository, UnitReportRow } from './reportin.repository.ts';

export interface ReportInServiceDeps {
  db: Database;
  regionId: string;
  reports: ReportInRepository;
  members: Pick<MemberService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
}

const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });
const clean = (s: string | null | undefined) => s?.trim() || null;

/** 双报到: members and resident units reporting to the community where they live or sit. */
export function createReportInService(deps: ReportInServiceDeps) {
  const { db, regionId, reports, members, audit, clock, crypto } = deps;

  function checkDate(name: string, date: string, label: string, notBefore?: string): void {
    if (Number.isNaN(Date.parse(date))) throw field(name, `${label}不是有效日期`);
    if (date > clock.today()) throw field(name, `${label}不能晚于今天`);
    if (notBefore && date < notBefore) throw field(name, `${label}不能早于报到日期 ${notBefore}`);
  }

  async function loadUnit(tx: Database, actor: Actor, id: string, lock = false): Promise<UnitReportRow> {
    const u = await reports.unitReport(tx, regionId, id, lock);
    assertMayReadUnitReport(actor, u);
    return u;
  }

  const service = {
    /** Communities (villages) anywhere in the region one may report to. */
    async communities(actor: Actor, q: ReportInCommunityQuery): Promise<ReportInCommunity[]> {
      assertMayPickCommunity(actor);
      const rows = await reports.communities(db, regionId, q.q?.trim() || undefined, q.limit ?? 20);
      return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, parentName: r.parent_name }));
    },

    /** A member reports to the community where they live (filed by their branch side or by themself). */
    async reportMember(actor: Actor, input: MemberReportInInput): Promise<MemberReportIn> {
      assertMayFileMemberReport(actor, input.memberId);
      checkDate('reportDate', input.reportDate, '报到日期');
      return db.transaction(async (tx) => {
        const m = await members.resolveInScope(actor, input.memberId, tx);
        if (m.status === 'left' || m.transferred_out_date) throw invalid(`「${m.name}」已出党或已转出本地，不能办理报到`);
        if (!m.categories.includes('employed')) throw invalid(`双报到面向在职党员，「${m.name}」的人员标签不含「在职」；如情况有变，请先修改人员标签`);
        const community = await reports.community(tx, regionId, input.communityId);
        assertReportTarget(community);
        const standing = await reports.standingReportOf(tx, regionId, m.id);
        if (standing) throw conflict(`「${m.name}」已于 ${standing.report_date} 向「${standing.community_name}」报到；搬家等情况请先注销原报到，再重新报到`);
        const id = newId();
        await reports.insertMemberReport(tx, regionId, {
          id,
          memberId: m.id,
          communityId: community.id,
          reportDate: input.reportDate,
          intentions: clean(input.intentions),
          createdBy: actor.id,
        });
        await audit.record(tx, actor, {
          action: 'reportin.member_report',
          entity: 'member_report_in',
          entityId: id,
          orgPath: m.org_path,
          after: { memberId: m.id, memberName: m.name, communityId: community.id, communityName: community.name, reportDate: input.reportDate },
        });
        return presentMemberReport((await reports.memberReport(tx, regionId, id))!);
      });
    },

    /** Cancels a standing member report (moved house …): the member, their branch side or the community. */
    async cancelMember(actor: Actor, id: string, input: ReportInCancelInput): Promise<MemberReportIn> {
      return db.transaction(async (tx) => {
        const r = await reports.memberReport(tx, regionId, id, true);
        const path = memberReportSide(actor, r);
        if (r!.status !== 'reported') throw conflict('该报到记录已注销');
        checkDate('date', input.date, '注销日期', r!.report_date);
        await reports.cancelMemberReport(tx, regionId, id, input.date, input.reason.trim());
        await audit.record(tx, actor, {
          action: 'reportin.member_cancel',
          entity: 'member_report_in',
          entityId: id,
          orgPath: path,
          before: { status: r!.status },
          after: { status: 'cancelled', date: input.date, reason: input.reason.trim() },
        });
        return presentMemberReport((await reports.memberReport(tx, regionId, id))!);
      });
    },

    /** A 党员 account's community (the standing report) and earlier reports. */
    async mine(actor: Actor): Promise<MyReportIn> {
      if (!actor.memberId) throw notFound('本人党员信息（账号尚未关联党员档案，请联系党支部）');
      const rows = (await reports.memberReportsOf(db, regionId, actor.memberId)).map(presentMemberReport);
      const current = rows.find((r) => r.status === 'reported') ?? null;
      return { current, history: rows.filter((r) => r !== current) };
    },

    /** Members who reported to communities in scope (or, view=home, the scope's members who reported anywhere). */
    async listMembers(actor: Actor, q: MemberReportInQuery) {
      if (actor.scope === 'self') throw forbidden();
      const view = q.view ?? 'community';
      if (q.communityId && view === 'community') assertCommunityInScope(actor, await reports.community(db, regionId, q.communityId));
      const page = await reports.listMemberReports(db, regionId, { ...q, view, scopePath: actor.orgPath, q: q.q?.trim() || undefined });
      return { ...page, items: page.items.map(presentMemberReport) };
    },

    /** A resident unit reports to a community (filed by the community side or the unit's own account). */
    async reportUnit(actor: Actor, input: UnitReportInInput): Promise<UnitReportIn> {
      const creditCode = input.creditCode.normalize('NFKC').trim().toUpperCase();
      return db.transaction(async (tx) => {
        const community = await reports.community(tx, regionId, input.communityId);
        if (!community) throw notFound('社区党组织');
        assertMayActForUnit(actor, community);
        assertReportTarget(community);
        if (!isValidCreditCode(creditCode)) throw field('creditCode', `统一社会信用代码「${creditCode}」无效（应为 18 位且校验位正确），请核对营业执照`);
        checkDate('reportDate', input.reportDate, '报到日期');
        if (await reports.standingUnitReport(tx, regionId, community.id, creditCode))
          throw conflict(`统一社会信用代码为「${creditCode}」的单位已向「${community.name}」报到，请勿重复登记`);
        const id = newId();
        const phone = input.phone.trim();
        const w = {
          id,
          communityId: community.id,
          unitName: input.unitName.trim(),
          creditCode,
          contactName: input.contactName.trim(),
          phoneEnc: crypto.encrypt(phone),
          phoneMasked: maskPhone(phone),
          resources: clean(input.resources),
          reportDate: input.reportDate,
          createdBy: actor.id,
        };
        await reports.insertUnitReport(tx, regionId, w);
        await audit.record(tx, actor, {
          action: 'reportin.unit_report',
          entity: 'unit_report_in',
          entityId: id,
          orgPath: community.path,
          after: { communityId: community.id, unitName: w.unitName, creditCode, contactName: w.contactName, phone: w.phoneMasked, reportDate: w.reportDate },
        });
        return presentUnitReport((await reports.unitReport(tx, regionId, id))!, crypto, false);
      });
    },

    /** One unit report; with `unmask` the phone in full, written to the audit log. */
    async getUnit(actor: Actor, id: string, unmask = false): Promise<UnitReportIn> {
      if (unmask) assertMayUnmask(actor);
      const u = await loadUnit(db, actor, id);
      if (unmask) await audit.recordUnmask(db, actor, 'unit_report_in', id, u.community_path, ['phone']);
      return presentUnitReport(u, crypto, unmask);
    },

    async cancelUnit(actor: Actor, id: string, input: ReportInCancelInput): Promise<UnitReportIn> {
      return db.transaction(async (tx) => {
        const u = await loadUnit(tx, actor, id, true);
        assertMayActForUnit(actor, { id: u.community_id, path: u.community_path });
        if (u.status !== 'reported') throw conflict('该报到记录已注销');
        checkDate('date', input.date, '注销日期', u.report_date);
        await reports.cancelUnitReport(tx, regionId, id, input.date, input.reason.trim());
        await audit.record(tx, actor, {
          action: 'reportin.unit_cancel',
          entity: 'unit_report_in',
          entityId: id,
          orgPath: u.community_path,
          before: { status: u.status },
          after: { status: 'cancelled', date: input.date, reason: input.reason.trim() },
        });
        return presentUnitReport((await reports.unitReport(tx, regionId, id))!, crypto, false);
      });
    },

    /** Units that reported to communities in scope; a 驻区单位 account sees the reports it filed. */
    async listUnits(actor: Actor, q: UnitReportInQuery) {
      const self = actor.scope === 'self';
      if (q.communityId && !self) assertCommunityInScope(actor, await reports.community(db, regionId, q.communityId));
      const page = await reports.listUnitReports(db, regionId, {
        ...q,
        scopePath: self ? null : actor.orgPath,
        createdBy: self ? actor.id : null,
        q: q.q?.trim() || undefined,
      });
      return { ...page, items: page.items.map((u) => presentUnitReport(u, crypto, false)) };
    },
  };
  return service;
}
export type ReportInService = ReturnType<typeof createReportInService>;
