import type { DuesBasis, DuesBasisInput, DuesCalcInput, DuesCalcResult } from '@jiceng/contracts';
import {
  DUES_RULES_2008,
  duesBasisRefusal,
  duesMonthName,
  duesMonthsBetween,
  firstDuesMonth,
  monthlyDues,
  type DuesBasis as RuleBasis,
  type DuesRuleSet,
} from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { assertVersion, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { MemberService } from '../member/index.ts';
import { assertSubtree, duesMemberRefusal } from './dues.policy.ts';
import { presentBasis, presentCalc } from './dues.presenter.ts';
import { toBasisWrite, type DuesBasisRow, type DuesBasisWrite, type DuesRepository } from './dues.repository.ts';

export interface DuesServiceDeps {
  db: Database;
  regionId: string;
  dues: DuesRepository;
  members: Pick<MemberService, 'resolveInScope'>;
  audit: AuditService;
  /** The rule set the amounts come from (dues-2008 unless a test gives another). */
  rules?: DuesRuleSet;
  /** In the writing transaction after a basis was set or deleted: the ledger re-prices the member's unpaid months. */
  onBasisChanged?: (tx: Database, memberId: string) => Promise<void>;
}

const WHAT = '该月党费基数';

/** The rule set's view of an input: only the fields its category uses (a base for a fixed amount is dropped). */
function toRuleBasis(month: string, input: DuesCalcInput, rules: DuesRuleSet): RuleBasis {
  const kind = rules.categories[input.category]?.kind;
  const relief = input.relief
    ? input.relief.kind === 'waive'
      ? { kind: 'waive' as const, approval: input.relief.approval }
      : { kind: 'reduce' as const, amountFen: input.relief.amountFen as number, approval: input.relief.approval }
    : null;
  return {
    effectiveMonth: month,
    category: input.category,
    baseFen: kind === 'brackets' ? (input.baseFen ?? null) : null,
    chosenFen: kind === 'range' ? (input.chosenFen ?? null) : null,
    relief,
  };
}

/** Audit snapshot of a basis (no personal fields: the amounts and the approval record). */
const snapshot = (r: DuesBasisRow | DuesBasisWrite) =>
  'member_id' in r
    ? {
        category: r.category,
        baseFen: r.base_fen === null ? null : Number(r.base_fen),
        chosenFen: r.chosen_fen,
        reliefKind: r.relief_kind,
        amountFen: r.amount_fen,
      }
    : { category: r.category, baseFen: r.baseFen, chosenFen: r.chosenFen, reliefKind: r.reliefKind, amountFen: r.amountFen };

/**
 * 党费基数 and the calculator. Every amount is `monthlyDues` of packages/rules: the service checks
 * scope and the member, asks the rule set, and stores what it answered.
 */
export function createDuesService(deps: DuesServiceDeps) {
  const { db, regionId, dues, members, audit } = deps;
  const rules = deps.rules ?? DUES_RULES_2008;

  /** The amount of a basis, or the rule set's Chinese refusal as a 400. */
  function amount(b: RuleBasis) {
    const refusal = duesBasisRefusal(b, rules);
    if (refusal) throw invalid(refusal);
    return monthlyDues(b, rules);
  }

  return {
    /** A member's bases, newest month first, each with the amount it gives. */
    async list(actor: Actor, memberId: string): Promise<DuesBasis[]> {
      assertSubtree(actor);
      const m = await members.resolveInScope(actor, memberId);
      return (await dues.bases(db, regionId, m.id)).map(presentBasis);
    },

    /**
     * Sets the member's basis from `month`: a new month is created, an existing one replaced when
     * `expected` is its version. Refused in Chinese (400) when the rule set or the member's status
     * does not allow it; audited `dues_basis.save`.
     */
    async save(actor: Actor, memberId: string, month: string, input: DuesBasisInput, expected: number | null): Promise<DuesBasis> {
      assertSubtree(actor);
      return db.transaction(async (tx) => {
        const m = await members.resolveInScope(actor, memberId, tx);
        const before = await dues.basis(tx, regionId, m.id, month, true);
        if (before) assertVersion(before.version, expected, WHAT);
        else if (expected !== null) throw staleVersion(WHAT);
        const refusal = duesMemberRefusal(m);
        if (refusal) throw invalid(refusal);
        const first = firstDuesMonth(m.joined_date);
        if (duesMonthsBetween(first, month) < 0)
          throw invalid(`「${m.name}」${m.joined_date}入党，自${duesMonthName(first)}起交纳党费，起算月份不能早于${duesMonthName(first)}`);
        const b = toRuleBasis(month, input, rules);
        const a = amount(b);
        const w = toBasisWrite(m.id, month, b, a, actor.displayName);
        const written = before ? await dues.replace(tx, regionId, w, before.version) : await dues.insert(tx, regionId, w);
        if (!written) throw staleVersion(WHAT);
        await deps.onBasisChanged?.(tx, m.id);
        await audit.record(tx, actor, {
          action: 'dues_basis.save',
          entity: 'member',
          entityId: m.id,
          orgPath: m.org_path,
          before: before ? { month, ...snapshot(before) } : null,
          after: { month, ...snapshot(w) },
        });
        return presentBasis((await dues.basis(tx, regionId, m.id, month))!);
      });
    },

    /** Deletes the member's basis of `month` (audited); 404 when the month has none. */
    async remove(actor: Actor, memberId: string, month: string): Promise<void> {
      assertSubtree(actor);
      await db.transaction(async (tx) => {
        const m = await members.resolveInScope(actor, memberId, tx);
        const before = await dues.basis(tx, regionId, m.id, month, true);
        if (!before) throw notFound(WHAT);
        await dues.remove(tx, regionId, m.id, month);
        await deps.onBasisChanged?.(tx, m.id);
        await audit.record(tx, actor, {
          action: 'dues_basis.delete',
          entity: 'member',
          entityId: m.id,
          orgPath: m.org_path,
          before: { month, ...snapshot(before) },
          after: null,
        });
      });
    },

    /** The calculator: what the rule set gives for a category and base, stored nowhere. */
    calculate(_actor: Actor, input: DuesCalcInput): DuesCalcResult {
      // the amount does not depend on the month: any valid one satisfies the rule set's check
      return presentCalc(amount(toRuleBasis('2000-01', input, rules)), rules);
    },
  };
}
export type DuesService = ReturnType<typeof createDuesService>;
