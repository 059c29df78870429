/**
 * 困难党员帮扶 (members in difficulty) as data. No national regulation fixes these numbers; they are
 * the practice the product follows (shared/docs/product.md "help for members in difficulty",
 * issue #3), each UNCONFIRMED as a regulation.
 *
 * Rule hardship-pairing: 结对帮扶 — one helping cadre (帮扶干部) pairs with 1–3 members in
 * difficulty, so each gets real attention (the practice of 结对帮扶 in local 困难党员帮扶 schemes;
 * issue #3 "a cadre helps 1–3 members").
 *
 * Rule hardship-visit: 走访慰问 at least once every calendar quarter (local 困难党员帮扶 schemes:
 * 帮扶责任人每季度至少走访慰问一次; issue #3 "a visit is due every quarter"). Our reading, chosen to be
 * checkable: a record open before the quarter began needs a visit dated in the quarter, and is
 * overdue once the quarter's first month has passed without one; a record opened during the quarter
 * needs its first visit by the quarter's end and is never overdue in that quarter.
 */
export interface HardshipRuleSet {
  id: string;
  effectiveFrom: string;
  /** Most members in difficulty one helping cadre may help at once. */
  cadreMaxMembers: number;
  /** Months in one visit period (a calendar quarter). */
  visitPeriodMonths: number;
  /** Months into the period after which a missing visit is overdue. */
  visitGraceMonths: number;
}

export const HARDSHIP_RULES: HardshipRuleSet = {
  id: 'hardship-practice',
  effectiveFrom: '2019-01-01',
  cadreMaxMembers: 3,
  visitPeriodMonths: 3,
  visitGraceMonths: 1,
};
