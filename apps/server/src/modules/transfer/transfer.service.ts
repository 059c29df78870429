import { TRANSFER_RECEIVERS_MAX, type MemberStatus, type Transfer, type TransferCancelInput, type TransferCounts, type TransferListQuery, type TransferReceiver, type TransferReturnInput, type TransferStartInput, type TransferStats } from '@jiceng/contracts';
import { MEMBER_HOME_ORG_TYPES, transferRefusal } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { branchOf, type TransferCore, type TransferDeps } from './transfer.core.ts';
import { presentTransfer } from './transfer.presenter.ts';

const isHomeType = (type: string) => (MEMBER_HOME_ORG_TYPES as readonly string[]).includes(type);
const zero = (): TransferCounts => ({ internalIn: 0, internalOut: 0, internalWithin: 0, letterOut: 0, letterIn: 0 });

/** Transfers within the deployment (start, accept, return, cancel) and the reads of every kind. */
export function createTransferService(deps: TransferDeps, core: TransferCore) {
  const { db, regionId, transfers, members, clock } = deps;

  /** The receiving branch: any active branch of the region, in scope or not. */
  async function receivingBranch(tx: Database, id: string) {
    const org = await transfers.org(tx, regionId, id);
    if (!org) throw notFound('接收党支部');
    if (org.status !== 'active') throw invalid(`「${org.name}」已撤销，不能接收党员`);
    if (!isHomeType(org.type)) throw invalid(`党员的组织关系应转入党支部，「${org.name}」不是党支部`);
    return org;
  }

  return {
    async list(actor: Actor, q: TransferListQuery): Promise<{ items: Transfer[]; total: number }> {
      const today = clock.today();
      const { items, total } = await transfers.list(db, regionId, {
        scopePath: actor.orgPath,
        direction: q.direction ?? 'all',
        status: q.status,
        kind: q.kind,
        year: q.year,
        overdueOn: q.overdue ? today : undefined,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
      return { items: items.map((r) => presentTransfer(r, actor, today)), total };
    },

    /** A 党员 account's own transfers (H5 我的转接). */
    async mine(actor: Actor): Promise<Transfer[]> {
      if (!actor.memberId) return [];
      const today = clock.today();
      return (await transfers.ofMember(db, regionId, actor.memberId)).map((r) => presentTransfer(r, actor, today));
    },

    async get(actor: Actor, id: string): Promise<Transfer> {
      return presentTransfer(await core.load(db, actor, id), actor, clock.today());
    },

    /** Active branches of the whole region by name: the receiver may lie outside the sender's scope. */
    async receivers(q: string): Promise<TransferReceiver[]> {
      const rows = await transfers.searchOrgs(db, regionId, q, MEMBER_HOME_ORG_TYPES, TRANSFER_RECEIVERS_MAX);
      return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name }));
    },

    /** 发起转接: the sender names the receiving branch; the member stays until it is accepted. */
    async start(actor: Actor, input: TransferStartInput): Promise<Transfer> {
      return db.transaction(async (tx) => {
        const m = await core.transferableMember(tx, actor, input.memberId);
        const to = await receivingBranch(tx, input.toOrgId);
        if (to.id === m.org_id) throw invalid('不能转到原所在党支部，请选择其他接收党支部');
        return core.open(tx, actor, m, { kind: 'internal', from: branchOf(m), to: { id: to.id, name: to.name }, startedOn: clock.today(), reason: input.reason?.trim() || null });
      });
    },

    /** 接收: the relation moves in the same transaction, and only from the expected branch. */
    async accept(actor: Actor, id: string): Promise<Transfer> {
      return db.transaction(async (tx) => {
        await core.decide(tx, actor, id, 'accept', () => ({ completedOn: clock.today() }), async (row) => {
          const to = await transfers.org(tx, regionId, row.to_org_id!);
          if (to?.status !== 'active') throw invalid(`「${row.to_org_name}」已撤销，不能接收党员，请退回该转接`);
          // The member's status may have changed while the transfer waited (出党, 停止党籍).
          const m = await members.byIdUnscoped(tx, row.member_id);
          const refusal = m && transferRefusal({ status: m.status as MemberStatus, transferredOutDate: m.transferred_out_date });
          if (refusal) throw new AppError('RULE_VIOLATION', `${refusal}；请退回该转接`);
          const moved = await members.moveRelation(tx, row.member_id, row.from_org_id!, row.to_org_id!);
          if (!moved) throw conflict('该党员的组织关系已不在转出党支部，不能接收；请退回该转接，由转出方核实后重新发起');
        });
        return core.present(tx, actor, id);
      });
    },

    /** 退回: back to the sender with a reason; the member never left. */
    async returnBack(actor: Actor, id: string, input: TransferReturnInput): Promise<Transfer> {
      return db.transaction(async (tx) => {
        await core.decide(tx, actor, id, 'return', () => ({ returnReason: input.reason.trim() }));
        return core.present(tx, actor, id);
      });
    },

    /** 撤销 (or 作废 for a letter): the sender withdraws a pending transfer. */
    async cancel(actor: Actor, id: string, input: TransferCancelInput): Promise<Transfer> {
      return db.transaction(async (tx) => {
        await core.decide(tx, actor, id, 'cancel', () => ({ cancelReason: input.reason?.trim() || null }));
        return core.present(tx, actor, id);
      });
    },

    /** Completed transfers in and out of the actor's scope in `year`, month by month, and what is open. */
    async stats(actor: Actor, year = Number(clock.today().slice(0, 4))): Promise<TransferStats> {
      const months = Array.from({ length: 12 }, zero);
      for (const r of await transfers.stats(db, regionId, actor.orgPath, year)) {
        const c = months[r.month - 1]!;
        if (r.kind === 'letter_out') c.letterOut += r.n;
        else if (r.kind === 'letter_in') c.letterIn += r.n;
        else if (r.from_in && r.to_in) c.internalWithin += r.n;
        else if (r.to_in) c.internalIn += r.n;
        else c.internalOut += r.n;
      }
      const totals = zero();
      for (const c of months) for (const k of Object.keys(totals) as (keyof TransferCounts)[]) totals[k] += c[k];
      return { year, totals, months, ...(await transfers.pendingCounts(db, regionId, actor.orgPath)) };
    },
  };
}
export type TransferService = ReturnType<typeof createTransferService>;
