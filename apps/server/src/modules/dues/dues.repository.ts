import { sql } from 'drizzle-orm';
import type { DuesAmount, DuesBasis } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

/** A dues basis row, its month as `YYYY-MM`, the fen columns as numbers on both engines. */
export interface DuesBasisRow {
  member_id: string;
  effective_month: string;
  category: string;
  base_fen: number | null;
  chosen_fen: number | null;
  relief_kind: string | null;
  relief_fen: number | null;
  relief_approval: string | null;
  computed_fen: number;
  amount_fen: number;
  bracket_label: string | null;
  bracket_rate_bp: number | null;
  rule_set: string;
  explanation: string;
  recorded_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** What the service writes: the basis and what the rule set computed from it. */
export interface DuesBasisWrite {
  memberId: string;
  /** `YYYY-MM` */
  month: string;
  category: string;
  baseFen: number | null;
  chosenFen: number | null;
  reliefKind: string | null;
  reliefFen: number | null;
  reliefApproval: string | null;
  computedFen: number;
  amountFen: number;
  bracketLabel: string | null;
  bracketRateBp: number | null;
  ruleSet: string;
  explanation: string;
  recordedBy: string;
}

/** The row of a basis and what the rule set computed from it (`monthlyDues`). */
export function toBasisWrite(memberId: string, month: string, b: DuesBasis, a: DuesAmount, recordedBy: string): DuesBasisWrite {
  return {
    memberId,
    month,
    category: b.category,
    baseFen: b.baseFen ?? null,
    chosenFen: b.chosenFen ?? null,
    reliefKind: b.relief?.kind ?? null,
    reliefFen: b.relief?.kind === 'reduce' ? b.relief.amountFen : null,
    reliefApproval: b.relief ? b.relief.approval.trim() : null,
    computedFen: a.computedFen,
    amountFen: a.amountFen,
    bracketLabel: a.bracket?.label ?? null,
    bracketRateBp: a.bracket?.rateBp ?? null,
    ruleSet: a.ruleSet,
    explanation: a.explanation,
    recordedBy,
  };
}

// base_fen is bigint: node-postgres answers int8 as a string, so it is read as float8 (exact below 2^53)
const select = sql`select member_id, to_char(effective_month, 'YYYY-MM') as effective_month, category, base_fen::float8 as base_fen, chosen_fen,
  relief_kind, relief_fen, relief_approval, computed_fen, amount_fen, bracket_label, bracket_rate_bp, rule_set, explanation, recorded_by, version,
  created_at::text as created_at, updated_at::text as updated_at from dues_basis`;
const firstDay = (month: string) => sql`${`${month}-01`}::date`;

/** 党费基数: SQL only here. */
export const duesRepository = {
  /** A member's bases, newest month first. */
  bases(db: Database, regionId: string, memberId: string) {
    return db.rows<DuesBasisRow>(sql`${select} where region_id = ${regionId} and member_id = ${memberId} order by effective_month desc`);
  },

  /** The basis of one month; `lock` holds it until commit (replace and delete). */
  basis(db: Database, regionId: string, memberId: string, month: string, lock = false) {
    return db.one<DuesBasisRow>(
      sql`${select} where region_id = ${regionId} and member_id = ${memberId} and effective_month = ${firstDay(month)} ${lock ? sql`for update` : sql``}`,
    );
  },

  /** Inserts the month's basis; false when another write created it first. */
  async insert(db: Database, regionId: string, w: DuesBasisWrite): Promise<boolean> {
    const n =
      await db.run(sql`insert into dues_basis (region_id, member_id, effective_month, category, base_fen, chosen_fen, relief_kind, relief_fen, relief_approval,
        computed_fen, amount_fen, bracket_label, bracket_rate_bp, rule_set, explanation, recorded_by)
      values (${regionId}, ${w.memberId}, ${firstDay(w.month)}, ${w.category}, ${w.baseFen}, ${w.chosenFen}, ${w.reliefKind}, ${w.reliefFen}, ${w.reliefApproval},
        ${w.computedFen}, ${w.amountFen}, ${w.bracketLabel}, ${w.bracketRateBp}, ${w.ruleSet}, ${w.explanation}, ${w.recordedBy})
      on conflict (region_id, member_id, effective_month) do nothing`);
    return n === 1;
  },

  /** Replaces the month's basis if it is still at `expected`; false when it moved on. */
  async replace(db: Database, regionId: string, w: DuesBasisWrite, expected: number): Promise<boolean> {
    const n =
      await db.run(sql`update dues_basis set category = ${w.category}, base_fen = ${w.baseFen}, chosen_fen = ${w.chosenFen}, relief_kind = ${w.reliefKind},
        relief_fen = ${w.reliefFen}, relief_approval = ${w.reliefApproval}, computed_fen = ${w.computedFen}, amount_fen = ${w.amountFen},
        bracket_label = ${w.bracketLabel}, bracket_rate_bp = ${w.bracketRateBp}, rule_set = ${w.ruleSet}, explanation = ${w.explanation},
        recorded_by = ${w.recordedBy}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and member_id = ${w.memberId} and effective_month = ${firstDay(w.month)} and version = ${expected}`);
    return n === 1;
  },

  async remove(db: Database, regionId: string, memberId: string, month: string) {
    await db.run(sql`delete from dues_basis where region_id = ${regionId} and member_id = ${memberId} and effective_month = ${firstDay(month)}`);
  },
};
export type DuesRepository = typeof duesRepository;
