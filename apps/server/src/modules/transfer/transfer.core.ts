import { transferActionLabel, type MemberStatus, type Transfer, type TransferAction, type TransferKind, type TransferStatus } from '@jiceng/contracts';
import { transferRefusal, transferTransition } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { MemberRow, MemberService } from '../member/index.ts';
import { assertSideMay, assertTransferVisible } from './transfer.policy.ts';
import { presentTransfer } from './transfer.presenter.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { PENDING_KEY, type TransferDecision, type TransferRepository, type TransferRow, type TransferWrite } from './transfer.repository.ts';

export interface TransferDeps {
  db: Database;
  regionId: string;
  transfers: TransferRepository;
  members: Pick<MemberService, 'resolveInScope' | 'moveRelation' | 'byIdUnscoped' | 'createIn' | 'guardDuplicates' | 'markTransferredOut'>;
  audit: AuditService;
  clock: Clock;
  /** 党费缴至 from the dues ledger (absent: the letter takes the month typed in). */
  duesPaidTo?: (tx: Database, memberId: string) => Promise<{ inLedger: boolean; paidTo: string | null }>;
}

/** Audit action names per decision. */
const AUDIT_ACTION: Record<TransferAction, string> = {
  accept: 'transfer.accept',
  return: 'transfer.return',
  cancel: 'transfer.cancel',
  receipt: 'transfer.letter_receipt',
};

/** Audit action names per kind of transfer opened. */
const OPEN_AUDIT_ACTION: Record<TransferKind, string> = { internal: 'transfer.start', letter_out: 'transfer.letter_issue', letter_in: 'transfer.letter_in' };

/** One side of a transfer: a branch of the deployment (id) or an organization outside it (null). */
export interface TransferSide {
  id: string | null;
  name: string;
}

/** What differs between the kinds of transfer when one is opened. */
export interface OpenSpec {
  kind: TransferKind;
  /** `pending`, unless it completes as it is recorded (an arrival by letter). */
  status?: TransferStatus;
  from: TransferSide;
  to: TransferSide;
  startedOn: string;
  completedOn?: string | null;
  reason?: string | null;
  letter?: TransferWrite['letter'];
}

/** The member's own branch as a side. */
export const branchOf = (m: MemberRow): TransferSide => ({ id: m.org_id, name: m.org_name });

const openConflict = (toOrgName: string) => conflict(`该党员已有未办结的转接（转往「${toOrgName}」），请办结或撤销后再发起`);

/** What the internal transfers and the letters share: loading in scope, opening, deciding, presenting. */
export function createTransferCore(deps: TransferDeps) {
  const { regionId, transfers, members, audit, clock } = deps;

  const core = {
    async load(tx: Database, actor: Actor, id: string): Promise<TransferRow> {
      const row = await transfers.byId(tx, regionId, id);
      assertTransferVisible(actor, row);
      return row;
    },

    async present(tx: Database, actor: Actor, id: string): Promise<Transfer> {
      return presentTransfer((await transfers.byId(tx, regionId, id))!, actor, clock.today());
    },

    /** A member of the actor's scope whose relation may be transferred now, with no open transfer. */
    async transferableMember(tx: Database, actor: Actor, memberId: string): Promise<MemberRow> {
      const m = await members.resolveInScope(actor, memberId, tx);
      const refusal = transferRefusal({ status: m.status as MemberStatus, transferredOutDate: m.transferred_out_date });
      if (refusal) throw new AppError('RULE_VIOLATION', refusal);
      const open = await transfers.pendingFor(tx, regionId, m.id);
      if (open) throw openConflict(open.to_org_name);
      return m;
    },

    /**
     * Opens (or, for an arrival by letter, records) a transfer of `m` with the member's snapshot, and
     * audits it. A concurrent open transfer of the same member loses on the unique index (409).
     */
    async open(tx: Database, actor: Actor, m: MemberRow, s: OpenSpec): Promise<Transfer> {
      const id = newId();
      const w: TransferWrite = {
        id,
        kind: s.kind,
        status: s.status ?? 'pending',
        memberId: m.id,
        fromOrgId: s.from.id,
        toOrgId: s.to.id,
        fromOrgName: s.from.name,
        toOrgName: s.to.name,
        member: { name: m.name, gender: m.gender, birthDate: m.birth_date, idNumberMasked: m.id_number_masked, status: m.status },
        reason: s.reason ?? null,
        startedOn: s.startedOn,
        completedOn: s.completedOn ?? null,
        letter: s.letter ?? null,
        actorId: actor.id,
        actorName: actor.displayName,
      };
      try {
        await transfers.insert(tx, regionId, w);
      } catch (e) {
        if (isUniqueViolation(e, PENDING_KEY)) throw openConflict(w.toOrgName);
        throw e;
      }
      const { member: _snapshot, actorId: _id, actorName: _name, ...after } = w;
      await audit.record(tx, actor, { action: OPEN_AUDIT_ACTION[s.kind], entity: 'transfer', entityId: id, orgPath: m.org_path, after });
      return core.present(tx, actor, id);
    },

    /**
     * Decides a pending transfer: the right side, a legal transition, then a conditional update
     * whose row count settles races (the loser answers 409). `fields` may refuse with its own
     * error; `after` runs in the same transaction before the audit row.
     */
    async decide(
      tx: Database,
      actor: Actor,
      id: string,
      action: TransferAction,
      fields: (row: TransferRow) => Omit<TransferDecision, 'actorId' | 'actorName'>,
      after?: (row: TransferRow) => Promise<void>,
    ): Promise<TransferRow> {
      const row = await core.load(tx, actor, id);
      assertSideMay(actor, row, action);
      const t = transferTransition(row.kind, row.status, action);
      if (!t.ok) throw new AppError('RULE_VIOLATION', t.reason);
      const d = fields(row);
      const won = await transfers.decide(tx, regionId, id, t.to, { ...d, actorId: actor.id, actorName: actor.displayName });
      if (!won) throw conflict(`该转接刚刚已被办理，不能再${transferActionLabel[action]}，请刷新后查看`);
      await after?.(row);
      const orgPath = action === 'accept' || action === 'return' ? row.to_org_path : row.from_org_path;
      await audit.record(tx, actor, {
        action: AUDIT_ACTION[action],
        entity: 'transfer',
        entityId: id,
        orgPath,
        before: { status: row.status },
        after: { status: t.to, memberId: row.member_id, ...d },
      });
      return row;
    },
  };
  return core;
}
export type TransferCore = ReturnType<typeof createTransferCore>;
