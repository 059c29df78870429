import { Permission, type IncomingLetterInput, type LetterIssueInput, type LetterReceiptInput, type Transfer } from '@jiceng/contracts';
import { checkLetter, letterNumber, letterValidUntil, wholeYears } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { branchOf, type TransferCore, type TransferDeps } from './transfer.core.ts';
import { renderLetter } from './transfer.letter-html.ts';
import { sidesOf } from './transfer.policy.ts';

/**
 * Transfers to and from outside the deployment by introduction letter (介绍信): issue with one
 * number per region and year, print, register the 回执, list the overdue, and register arrivals.
 */
export function createLetterService(deps: TransferDeps & { crypto: FieldCrypto }, core: TransferCore) {
  const { db, regionId, transfers, members, audit, clock, crypto } = deps;

  /**
   * 党费缴至 on the letter: the dues ledger's month when the member is in it (a month paid ahead
   * prints as the letter's month: dues are not collected in advance of the letter), else the month
   * typed in.
   */
  async function paidToOf(tx: Database, memberId: string, issueDate: string, typed: string | undefined): Promise<string> {
    const fromLedger = deps.duesPaidTo ? await deps.duesPaidTo(tx, memberId) : null;
    if (fromLedger?.inLedger) {
      if (!fromLedger.paidTo) throw invalid('党费台账中该党员尚无交纳记录：请先在党费台账中登记交纳，介绍信的“党费缴至”取自台账');
      const month = issueDate.slice(0, 7);
      return fromLedger.paidTo > month ? month : fromLedger.paidTo;
    }
    if (!typed) throw invalid('请填写党费缴至月份');
    return typed;
  }

  return {
    /** 开具介绍信: the member stays with the sender until the receipt comes back. */
    async issue(actor: Actor, input: LetterIssueInput): Promise<Transfer> {
      const today = clock.today();
      const issueDate = input.issueDate ?? today;
      const validUntil = input.validUntil ?? letterValidUntil(issueDate);
      return db.transaction(async (tx) => {
        const m = await core.transferableMember(tx, actor, input.memberId);
        const duesPaidTo = await paidToOf(tx, m.id, issueDate, input.duesPaidTo);
        const problems = checkLetter({ issueDate, validUntil, duesPaidTo }, today);
        if (problems.length) throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'), { fields: problems });
        const year = Number(issueDate.slice(0, 4));
        // The counter row stays locked until commit, and a refused insert rolls the number back: no gaps.
        const seq = await transfers.nextLetterSeq(tx, regionId, year);
        const letter = { year, seq, no: letterNumber(year, seq), validUntil, duesPaidTo };
        return core.open(tx, actor, m, {
          kind: 'letter_out',
          from: branchOf(m),
          to: { id: null, name: input.toOrgName.trim() },
          startedOn: issueDate,
          reason: input.reason?.trim() || null,
          letter,
        });
      });
    },

    /** 登记回执: the relation has left the deployment; the member leaves the active lists. */
    async registerReceipt(actor: Actor, id: string, input: LetterReceiptInput): Promise<Transfer> {
      return db.transaction(async (tx) => {
        const fields = (row: { started_on: string }) => {
          if (input.receivedDate < row.started_on) throw invalid(`回执日期不能早于介绍信开具日期（${row.started_on}）`);
          if (input.receivedDate > clock.today()) throw invalid('回执日期不能晚于今天');
          return { completedOn: input.receivedDate, receiptNote: input.note?.trim() || null };
        };
        await core.decide(tx, actor, id, 'receipt', fields, (row) => members.markTransferredOut(tx, row.member_id, input.receivedDate));
        return core.present(tx, actor, id);
      });
    },

    /** 凭介绍信转入: the receiving branch registers the member and the letter together. */
    async registerIncoming(actor: Actor, input: IncomingLetterInput): Promise<Transfer> {
      const today = clock.today();
      if (input.letterDate > today) throw invalid('介绍信开具日期不能晚于今天');
      // a refused duplicate ID number is audited after the rollback, like a registration's
      return members.guardDuplicates(actor, () =>
        db.transaction(async (tx) => {
          const m = await members.createIn(tx, actor, input.member, 'incoming-letter');
          const letter = { year: null, seq: null, no: input.letterNo.trim(), validUntil: null, duesPaidTo: input.duesPaidTo ?? null };
          return core.open(tx, actor, m, {
            kind: 'letter_in',
            status: 'accepted',
            from: { id: null, name: input.fromOrgName.trim() },
            to: branchOf(m),
            startedOn: input.letterDate,
            completedOn: today,
            letter,
          });
        }),
      );
    },

    /**
     * The printable letter (存根、正本、回执). The ID number is printed in full only for an account
     * that may see it, and that read is audited; otherwise masked.
     */
    async letterHtml(actor: Actor, id: string): Promise<string> {
      const row = await core.load(db, actor, id);
      if (row.kind !== 'letter_out') throw invalid('只有开具的介绍信可以打印');
      if (!sidesOf(actor, row).sender) throw new AppError('FORBIDDEN', '只有开具介绍信的党组织可以打印');
      if (row.status === 'cancelled') throw new AppError('RULE_VIOLATION', '该介绍信已作废，不能打印；如需转出请重新开具');
      const m = await members.byIdUnscoped(db, row.member_id);
      if (!m) throw notFound('党员');
      const full = actor.permissions.includes(Permission.PERSONAL_UNMASK);
      if (full) await audit.recordUnmask(db, actor, 'member', m.id, row.from_org_path!, ['idNumber']);
      return renderLetter({
        letterNo: row.letter_no!,
        name: row.member_name,
        gender: row.member_gender,
        age: wholeYears(row.member_birth_date, row.started_on),
        ethnicity: m.ethnicity,
        memberStatus: row.member_status,
        idNumber: full ? crypto.decrypt(m.id_number_enc) : row.member_id_number_masked,
        fromOrgName: row.from_org_name,
        toOrgName: row.to_org_name,
        issueDate: row.started_on,
        validUntil: row.valid_until!,
        duesPaidTo: row.dues_paid_to!,
        handler: row.created_by_name,
      });
    },
  };
}
export type LetterService = ReturnType<typeof createLetterService>;
