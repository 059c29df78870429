import { RG_RULES_2026, type RgRuleSet } from './regional.rules.ts';

/** A need as the matching sees it. */
export interface RgMatchNeed {
  categoryCode: string;
  communityId: string;
  /** The street (街道/乡镇) above the need's community, when there is one. */
  streetId: string | null;
  estPeople: number | null;
  estMoneyFen: number | null;
  /** YYYY-MM-DD or null. */
  wantedBy: string | null;
}

/** A resource as the matching sees it. */
export interface RgMatchResource {
  id: string;
  categoryCode: string;
  /** The communities it is offered to (its unit's own among them). */
  communityIds: readonly string[];
  /** The streets of those communities. */
  streetIds: readonly string[];
  capacityPeople: number | null;
  capacityMoneyFen: number | null;
  availableFrom: string | null;
  availableTo: string | null;
}

export type RgMatchRule = 'rg-match-category' | 'rg-match-place' | 'rg-match-capacity' | 'rg-match-time';
export interface RgMatchReason {
  rule: RgMatchRule;
  points: number;
  /** Chinese, shown next to the proposal. */
  text: string;
}
export interface RgProposal {
  resourceId: string;
  score: number;
  reasons: RgMatchReason[];
}

const related = (a: string, b: string, rules: RgRuleSet) => rules.relatedCategories.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** Whether `day` lies in the resource's offered period (open ends count as open). */
export const rgAvailableOn = (r: Pick<RgMatchResource, 'availableFrom' | 'availableTo'>, day: string): boolean =>
  (r.availableFrom === null || r.availableFrom <= day) && (r.availableTo === null || r.availableTo >= day);

/**
 * One resource against one need: the points of each reason (rules rg-match-category, rg-match-place,
 * rg-match-capacity, rg-match-time) and their sum. A reason that scores nothing is left out of the
 * list but named in no proposal; the caller drops what falls below rg-match-floor.
 */
export function rgScore(need: RgMatchNeed, r: RgMatchResource, today: string, rules: RgRuleSet = RG_RULES_2026): RgProposal {
  const w = rules.weights;
  const reasons: RgMatchReason[] = [];
  if (r.categoryCode === need.categoryCode) reasons.push({ rule: 'rg-match-category', points: w.categorySame, text: '类别相同' });
  else if (related(r.categoryCode, need.categoryCode, rules)) reasons.push({ rule: 'rg-match-category', points: w.categoryRelated, text: '类别相近' });

  if (r.communityIds.includes(need.communityId)) reasons.push({ rule: 'rg-match-place', points: w.placeCommunity, text: '面向本社区' });
  else if (need.streetId !== null && r.streetIds.includes(need.streetId)) reasons.push({ rule: 'rg-match-place', points: w.placeStreet, text: '同一街道' });

  const shares: number[] = [];
  const parts: string[] = [];
  if (need.estPeople !== null && need.estPeople > 0) {
    const s = Math.min(1, (r.capacityPeople ?? 0) / need.estPeople);
    shares.push(s);
    parts.push(s >= 1 ? '人力满足' : r.capacityPeople ? `人力满足 ${Math.round(s * 100)}%` : '未写可提供人数');
  }
  if (need.estMoneyFen !== null && need.estMoneyFen > 0) {
    const s = Math.min(1, (r.capacityMoneyFen ?? 0) / need.estMoneyFen);
    shares.push(s);
    parts.push(s >= 1 ? '资金满足' : r.capacityMoneyFen ? `资金满足 ${Math.round(s * 100)}%` : '未写可提供资金');
  }
  if (shares.length === 0) reasons.push({ rule: 'rg-match-capacity', points: w.capacityUnknown, text: '需求未写人数和资金' });
  else {
    const points = Math.round((w.capacity * shares.reduce((a, b) => a + b, 0)) / shares.length);
    if (points > 0) reasons.push({ rule: 'rg-match-capacity', points, text: parts.join('，') });
  }

  const day = need.wantedBy !== null && need.wantedBy > today ? need.wantedBy : today;
  if (rgAvailableOn(r, day))
    reasons.push({ rule: 'rg-match-time', points: w.time, text: need.wantedBy ? `期望时间（${need.wantedBy}）在提供期内` : '当前在提供期内' });

  return { resourceId: r.id, score: reasons.reduce((a, x) => a + x.points, 0), reasons };
}

/**
 * The proposals for a need (rule rg-match-*): every resource still offered today or later, scored,
 * those at or above rg-match-floor, best first (ties: the resource id, so the order is stable), at
 * most rg-match-limit of them.
 */
export function rgPropose(need: RgMatchNeed, resources: readonly RgMatchResource[], today: string, rules: RgRuleSet = RG_RULES_2026): RgProposal[] {
  return resources
    .filter((r) => r.availableTo === null || r.availableTo >= today)
    .map((r) => rgScore(need, r, today, rules))
    .filter((p) => p.score >= rules.minScore)
    .sort((a, b) => b.score - a.score || (a.resourceId < b.resourceId ? -1 : 1))
    .slice(0, rules.maxProposals);
}

/** Rule rg-need-stale: the day an open need recorded on `recordedOn` becomes a to-do for sitting unclaimed. */
export function rgStaleOn(recordedOn: string, rules: RgRuleSet = RG_RULES_2026): string {
  const d = new Date(`${recordedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + rules.staleDays);
  return d.toISOString().slice(0, 10);
}

/** Rule rg-money: yuan as typed (up to 2 decimals) to fen, or null when not a sum of money ≥ 0. */
export function rgYuanToFen(yuan: number): number | null {
  if (!Number.isFinite(yuan) || yuan < 0) return null;
  const fen = Math.round(yuan * 100);
  return Math.abs(fen - yuan * 100) < 1e-6 && fen <= 1e12 ? fen : null;
}
