import type {
  DuesArrearsQuery,
  DuesArrearsRow,
  DuesCancelInput,
  DuesLedger,
  DuesLedgerQuery,
  DuesLedgerRow,
  DuesMemberLedger,
  DuesPaymentInput,
  DuesReasonInput,
} from '@jiceng/contracts';
import {
  addDuesMonths,
  DUES_RULES_2008,
  duesArrears,
  duesBasisFor,
  duesMonthName,
  duesMonthOf,
  duesMonthsBetween,
  duesPaymentRefusal,
  firstDuesMonth,
  type DuesRuleSet,
} from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { assertVersion, conflict, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import { assertSubtree, duesMemberRefusal } from './dues.policy.ts';
import { presentLedgerRow, presentTotals, totalsOfRows, yuanText } from './dues.ledger.presenter.ts';
import type { DuesLedgerRepository, DuesMonthRow } from './dues.ledger.repository.ts';
import type { DuesRepository } from './dues.repository.ts';

export interface DuesLedgerServiceDeps {
  db: Database;
  regionId: string;
  ledger: DuesLedgerRepository;
  bases: DuesRepository;
  members: Pick<MemberService, 'resolveInScope'>;
  orgs: Pick<OrgService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
  rules?: DuesRuleSet;
}

const WHAT = '该月党费记录';

/** 党费缴至: the last month of the run of paid (or 免交) months from the member's first month in the ledger. */
export function paidToOf(rows: readonly Pick<DuesMonthRow, 'month' | 'due_fen' | 'paid_fen'>[]): string | null {
  const asc = [...rows].sort((a, b) => duesMonthsBetween(b.month, a.month));
  let to: string | null = null;
  for (let i = 0; i < asc.length; i++) {
    const r = asc[i]!;
    if (i > 0 && duesMonthsBetween(asc[i - 1]!.month, r.month) !== 1) break;
    if (r.paid_fen === null && r.due_fen !== 0) break;
    to = r.month;
  }
  return to;
}

/**
 * 党费台账: the month's rows, payments (one per member and month), reasons, arrears. Every rule is
 * packages/rules: what may be paid when (`duesPaymentRefusal`), the arrears (`duesArrears`, which the
 * stored arrears mirror), the basis of a month (`duesBasisFor`, which the generation mirrors).
 */
export function createDuesLedgerService(deps: DuesLedgerServiceDeps) {
  const { db, regionId, ledger, bases, members, orgs, audit, clock } = deps;
  const rules = deps.rules ?? DUES_RULES_2008;
  const current = () => duesMonthOf(clock.today());

  async function orgInScope(actor: Actor, orgId: string | undefined) {
    assertSubtree(actor);
    if (!orgId) return { id: actor.orgId, path: actor.orgPath, name: actor.orgName };
    const o = await orgs.resolveInScope(actor, orgId);
    return { id: o.id, path: o.path, name: o.name };
  }

  /** A member's ledger as the member page and H5 show it. */
  async function memberLedger(tx: Database, m: { id: string; name: string; org_name?: string | null }, orgName: string): Promise<DuesMemberLedger> {
    const now = current();
    const rows = await ledger.memberMonths(tx, regionId, m.id);
    const a = duesArrears(
      rows.filter((r) => r.due_fen !== null).map((r) => ({ month: r.month, dueFen: r.due_fen!, paid: r.paid_fen !== null, reason: r.reason })),
      now,
      rules,
    );
    const bs = await bases.bases(tx, regionId, m.id);
    const basis = duesBasisFor(
      bs.map((b) => ({ ...b, effectiveMonth: b.effective_month })),
      now,
      rules,
    );
    return {
      memberId: m.id,
      memberName: m.name,
      orgName,
      currentMonth: now,
      paidTo: paidToOf(rows),
      monthlyFen: basis ? basis.amount_fen : null,
      basisExplanation: basis ? basis.explanation : null,
      arrears: a,
      payable: { from: addDuesMonths(now, -rules.backPayMonths), to: addDuesMonths(now, rules.payAheadMonths) },
      rows: rows.map((r) => presentLedgerRow(r, now)),
    };
  }

  /** Locks the month's row of a member in scope (404 without one), for a change to it. */
  async function lockedMonth(tx: Database, actor: Actor, memberId: string, month: string) {
    const m = await members.resolveInScope(actor, memberId, tx);
    await ledger.lockMembers(tx, regionId, [m.id]);
    const [row] = await ledger.memberMonths(tx, regionId, m.id, { months: [month], lock: true });
    if (!row) throw notFound(WHAT);
    return { m, row };
  }

  return {
    /**
     * The monthly job's step: makes this month's rows of everyone who pays in it (again each run, so
     * members added during the month get theirs; rows there are untouched), and when the month is new,
     * rewrites the region's arrears as of it. Idempotent. Returns the rows made.
     */
    async generateMonth(): Promise<number> {
      const month = current();
      return db.transaction(async (tx) => {
        const first = await ledger.claimRun(tx, regionId, month);
        const made = await ledger.generate(tx, regionId, month, rules);
        if (first) {
          await ledger.setRunRows(tx, regionId, month, made);
          await ledger.refreshArrears(tx, regionId, month, null);
        }
        return made;
      });
    },

    async memberLedger(actor: Actor, memberId: string): Promise<DuesMemberLedger> {
      assertSubtree(actor);
      const m = await members.resolveInScope(actor, memberId);
      return memberLedger(db, m, m.org_name ?? '');
    },

    /** The member's own dues (H5). */
    async mine(actor: Actor): Promise<DuesMemberLedger> {
      if (!actor.memberId) throw notFound('本人的党员信息');
      const m = await members.resolveInScope(actor, actor.memberId);
      return memberLedger(db, m, m.org_name ?? '');
    },

    /**
     * Records a payment of one or more months (补交, the current month, 预交), all or none: each month
     * must be payable now (rule set), the member must pay in it, still be unpaid (409 otherwise: one
     * payment per member and month), and the amount at least the month's due.
     */
    async pay(actor: Actor, memberId: string, input: DuesPaymentInput): Promise<DuesMemberLedger> {
      assertSubtree(actor);
      const now = current();
      const today = clock.today();
      if (input.paidOn > today) throw invalid('交纳日期不能晚于今天');
      if (duesMonthsBetween(duesMonthOf(input.paidOn), now) > rules.backPayMonths)
        throw invalid(`交纳日期不能早于${duesMonthName(addDuesMonths(now, -rules.backPayMonths))}`);
      const proxyName = input.proxyName?.trim() || null;
      if (input.channel === 'proxy' && !proxyName) throw invalid('代交时请填写代交人');
      if (input.channel !== 'proxy' && proxyName) throw invalid('只有代交时才填写代交人');
      const months = [...input.months].sort((a, b) => duesMonthsBetween(b, a));
      return db.transaction(async (tx) => {
        const m = await members.resolveInScope(actor, memberId, tx);
        await ledger.lockMembers(tx, regionId, [m.id]);
        const refusal = duesMemberRefusal(m);
        if (refusal) throw invalid(refusal.replace('不能设置党费基数', '不能登记交纳党费'));
        for (const month of months) {
          const r = duesPaymentRefusal({ month, current: now, firstMonth: firstDuesMonth(m.joined_date) }, rules);
          if (r) throw invalid(r);
        }
        for (const month of months) await ledger.generate(tx, regionId, month, rules, [m.id]);
        const rows = new Map((await ledger.memberMonths(tx, regionId, m.id, { months, lock: true })).map((r) => [r.month, r]));
        for (const month of months) {
          const row = rows.get(month);
          if (!row) throw invalid(`「${m.name}」${duesMonthName(month)}无须在本支部交纳党费`);
          if (row.paid_fen !== null)
            throw conflict(`「${m.name}」${duesMonthName(month)}的党费已于${row.paid_on}登记交纳（${yuanText(row.paid_fen)}），不能重复登记`);
          const due = row.due_fen;
          if (due === null && input.amountFen === undefined)
            throw invalid(`「${m.name}」${duesMonthName(month)}尚未设置党费基数，请先设置党费基数或填写实交金额`);
          if (due === 0 && input.amountFen === undefined) throw invalid(`「${m.name}」${duesMonthName(month)}经批准免交党费，无须登记交纳`);
          if (due !== null && input.amountFen !== undefined && input.amountFen < due)
            throw invalid(`${duesMonthName(month)}应交${yuanText(due)}，实交金额不能少于应交金额`);
          const ok = await ledger.pay(tx, regionId, m.id, month, {
            paidFen: input.amountFen ?? due!,
            paidOn: input.paidOn,
            channel: input.channel,
            proxyName,
            note: input.note?.trim() || null,
            recordedBy: actor.displayName,
          });
          if (!ok) throw conflict(`「${m.name}」${duesMonthName(month)}的党费已登记交纳，不能重复登记`);
        }
        await ledger.refreshArrears(tx, regionId, now, [m.id]);
        await audit.record(tx, actor, {
          action: 'dues_payment.record',
          entity: 'member',
          entityId: m.id,
          orgPath: m.org_path,
          before: null,
          after: { months, amountFen: input.amountFen ?? null, paidOn: input.paidOn, channel: input.channel },
        });
        return memberLedger(tx, m, m.org_name ?? '');
      });
    },

    /** Cancels a month's payment recorded in error (the reason audited), under the row's version. */
    async cancel(actor: Actor, memberId: string, month: string, input: DuesCancelInput, expected: number | null): Promise<DuesLedgerRow> {
      assertSubtree(actor);
      return db.transaction(async (tx) => {
        const { m, row } = await lockedMonth(tx, actor, memberId, month);
        assertVersion(row.version, expected, WHAT);
        if (row.paid_fen === null) throw invalid(`「${m.name}」${duesMonthName(month)}尚未登记交纳`);
        if (!(await ledger.cancel(tx, regionId, m.id, month, row.version))) throw staleVersion(WHAT);
        await ledger.refreshArrears(tx, regionId, current(), [m.id]);
        await audit.record(tx, actor, {
          action: 'dues_payment.cancel',
          entity: 'member',
          entityId: m.id,
          orgPath: m.org_path,
          before: { month, paidFen: row.paid_fen, paidOn: row.paid_on, channel: row.channel },
          after: { month, reason: input.reason.trim() },
        });
        const [after] = await ledger.memberMonths(tx, regionId, m.id, { months: [month] });
        return presentLedgerRow(after!, current());
      });
    },

    /** Records or clears why a month is unpaid (a 正当理由 ends the run toward the 自行脱党 warning). */
    async setReason(actor: Actor, memberId: string, month: string, input: DuesReasonInput, expected: number | null): Promise<DuesLedgerRow> {
      assertSubtree(actor);
      const reason = input.reason?.trim() || null;
      return db.transaction(async (tx) => {
        const { m, row } = await lockedMonth(tx, actor, memberId, month);
        assertVersion(row.version, expected, WHAT);
        if (reason && row.paid_fen !== null) throw invalid(`「${m.name}」${duesMonthName(month)}的党费已交纳，无须登记未交原因`);
        if (!(await ledger.setReason(tx, regionId, m.id, month, reason, row.version))) throw staleVersion(WHAT);
        await ledger.refreshArrears(tx, regionId, current(), [m.id]);
        await audit.record(tx, actor, {
          action: 'dues_month.reason',
          entity: 'member',
          entityId: m.id,
          orgPath: m.org_path,
          before: { month, reason: row.reason },
          after: { month, reason },
        });
        const [after] = await ledger.memberMonths(tx, regionId, m.id, { months: [month] });
        return presentLedgerRow(after!, current());
      });
    },

    /** A basis was written: the member's unpaid months take the new amount, and the arrears follow. */
    async basisChanged(tx: Database, memberId: string): Promise<void> {
      await ledger.lockMembers(tx, regionId, [memberId]);
      // the months the ledger has made hold a row of everyone who paid in them: a member whose first
      // basis comes now (registered late, or set from a past month) gets theirs, priced below
      for (const month of await ledger.allRuns(tx, regionId)) await ledger.generate(tx, regionId, month, rules, [memberId]);
      await ledger.repriceUnpaid(tx, regionId, memberId, rules);
      await ledger.refreshArrears(tx, regionId, current(), [memberId]);
    },

    /** A branch's month. */
    async ledger(actor: Actor, q: DuesLedgerQuery): Promise<DuesLedger> {
      const org = await orgInScope(actor, q.orgId);
      const now = current();
      const month = q.month ?? now;
      const rows = await ledger.orgMonth(db, regionId, org.id, month);
      const [run] = await ledger.runs(db, regionId, [month]);
      return {
        orgId: org.id,
        orgName: org.name,
        month,
        currentMonth: now,
        generated: !!run || rows.length > 0,
        rows: rows.map((r) => presentLedgerRow(r, now)),
        totals: presentTotals(totalsOfRows(rows)),
      };
    },

    /** Members in arrears in a subtree, most months without a reason first. */
    async arrears(actor: Actor, q: DuesArrearsQuery): Promise<DuesArrearsRow[]> {
      const org = await orgInScope(actor, q.orgId);
      const rows = await ledger.arrears(db, regionId, org.path, current(), q.minMonths ?? 1);
      return rows.map((r) => ({
        memberId: r.member_id,
        memberName: r.member_name,
        orgId: r.org_id,
        orgName: r.org_name,
        consecutive: r.consecutive,
        consecutiveWithoutReason: r.without_reason,
        unpaidMonths: r.unpaid_months,
        oweFen: Number(r.owe_fen),
        since: r.since,
        lapseWarning: r.without_reason >= rules.lapseWarningMonths,
      }));
    },

    /** 党费缴至 of a member from the ledger (null: no month in the ledger), for the transfer letter. */
    async paidTo(tx: Database, memberId: string): Promise<{ inLedger: boolean; paidTo: string | null }> {
      const rows = await ledger.memberMonths(tx, regionId, memberId);
      return { inLedger: rows.length > 0, paidTo: paidToOf(rows) };
    },
  };
}
export type DuesLedgerService = ReturnType<typeof createDuesLedgerService>;
