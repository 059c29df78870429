import { describe, expect, it } from 'vitest';
import { RG_NEED_WORKFLOW, RG_PROJECT_WORKFLOW } from './regional-workflow.ts';
import { RG_RULES_2026, RG_STARTER_CATEGORIES } from './regional.rules.ts';
import { rgAvailableOn, rgPropose, rgScore, rgStaleOn, rgYuanToFen, type RgMatchNeed, type RgMatchResource } from './regional.ts';
import { workflowProblems } from './workflow.ts';

const TODAY = '2026-11-22';
const need: RgMatchNeed = { categoryCode: 'elderly', communityId: 'c1', streetId: 's1', estPeople: 10, estMoneyFen: 200_000, wantedBy: '2026-12-20' };
const res = (over: Partial<RgMatchResource> = {}): RgMatchResource => ({
  id: 'r1',
  categoryCode: 'elderly',
  communityIds: ['c1'],
  streetIds: ['s1'],
  capacityPeople: 10,
  capacityMoneyFen: 200_000,
  availableFrom: '2026-01-01',
  availableTo: '2026-12-31',
  ...over,
});
const points = (r: RgMatchResource, rule: string, n: RgMatchNeed = need) => rgScore(n, r, TODAY).reasons.find((x) => x.rule === rule)?.points ?? 0;
const w = RG_RULES_2026.weights;

describe('rg-match-* (matching a resource to a need, weights of rule set rg-2026)', () => {
  it('rg-match-category: the same category scores categorySame, a related one categoryRelated, another nothing', () => {
    expect(points(res(), 'rg-match-category')).toBe(w.categorySame);
    expect(points(res({ categoryCode: 'health' }), 'rg-match-category')).toBe(w.categoryRelated);
    expect(points(res({ categoryCode: 'legal' }), 'rg-match-category')).toBe(0);
  });

  it('rg-match-place: offered to the need’s community beats the same street; elsewhere scores nothing', () => {
    expect(points(res(), 'rg-match-place')).toBe(w.placeCommunity);
    expect(points(res({ communityIds: ['c2'] }), 'rg-match-place')).toBe(w.placeStreet);
    expect(points(res({ communityIds: ['c9'], streetIds: ['s9'] }), 'rg-match-place')).toBe(0);
  });

  it('rg-match-capacity: full cover scores the weight, half of people and none of money a quarter, unknown need capacityUnknown', () => {
    expect(points(res(), 'rg-match-capacity')).toBe(w.capacity);
    expect(points(res({ capacityPeople: 5, capacityMoneyFen: null }), 'rg-match-capacity')).toBe(Math.round(w.capacity * 0.25));
    expect(points(res(), 'rg-match-capacity', { ...need, estPeople: null, estMoneyFen: null })).toBe(w.capacityUnknown);
    expect(rgScore(need, res({ capacityPeople: 5, capacityMoneyFen: null }), TODAY).reasons.find((x) => x.rule === 'rg-match-capacity')?.text).toBe(
      '人力满足 50%，未写可提供资金',
    );
  });

  it('rg-match-time: offered on the wanted-by date scores time; a period ending before it nothing', () => {
    expect(points(res(), 'rg-match-time')).toBe(w.time);
    expect(points(res({ availableTo: '2026-12-01' }), 'rg-match-time')).toBe(0);
    expect(rgAvailableOn({ availableFrom: null, availableTo: null }, TODAY)).toBe(true);
  });

  it('the score is the sum of the reasons; every reason names its rule and says why in Chinese', () => {
    const p = rgScore(need, res(), TODAY);
    expect(p.score).toBe(w.categorySame + w.placeCommunity + w.capacity + w.time);
    expect(p.reasons.map((r) => r.rule)).toEqual(['rg-match-category', 'rg-match-place', 'rg-match-capacity', 'rg-match-time']);
    expect(p.reasons.every((r) => /[\u4e00-\u9fa5]/.test(r.text))).toBe(true);
  });

  it('rg-match-floor and rg-match-limit: ranks best first, drops expired resources and low scores, keeps at most maxProposals', () => {
    const list = [
      res({ id: 'a', categoryCode: 'legal', communityIds: ['c9'], streetIds: ['s9'], capacityPeople: 0, capacityMoneyFen: 0, availableTo: '2026-12-01' }),
      res({ id: 'b', categoryCode: 'health' }),
      res({ id: 'c' }),
      res({ id: 'd', availableTo: '2026-10-01' }),
    ];
    expect(rgPropose(need, list, TODAY).map((p) => p.resourceId)).toEqual(['c', 'b']);
    const many = Array.from({ length: 15 }, (_, i) => res({ id: `r${String(i).padStart(2, '0')}` }));
    expect(rgPropose(need, many, TODAY)).toHaveLength(RG_RULES_2026.maxProposals);
    expect(rgPropose(need, many, TODAY)[0]!.resourceId).toBe('r00');
  });
});

describe('rg-need-stale, rg-money, rg-categories', () => {
  it('an open need becomes stale staleDays after it was recorded', () => {
    expect(rgStaleOn('2026-11-01')).toBe('2026-12-01');
  });
  it('yuan to fen refuses negatives, NaN and more than two decimals', () => {
    expect([rgYuanToFen(12.5), rgYuanToFen(0), rgYuanToFen(-1), rgYuanToFen(Number.NaN), rgYuanToFen(1.234)]).toEqual([1250, 0, null, null, null]);
  });
  it('the starter dictionary has the practice’s categories with unique codes', () => {
    expect(new Set(RG_STARTER_CATEGORIES.map((c) => c.code)).size).toBe(RG_STARTER_CATEGORIES.length);
    expect(RG_STARTER_CATEGORIES.map((c) => c.name)).toEqual(
      expect.arrayContaining(['助老助残', '儿童托管', '环境整治', '设施改造', '就业帮扶', '法律服务', '文化活动', '医疗健康']),
    );
  });
});

describe('rg-need-workflow and rg-project-workflow', () => {
  it('are well formed (every state reachable, no step out of a final state)', () => {
    expect(workflowProblems(RG_NEED_WORKFLOW)).toEqual([]);
    expect(workflowProblems(RG_PROJECT_WORKFLOW)).toEqual([]);
  });
  it('closing a need and withdrawing a project require a reason', () => {
    expect(RG_NEED_WORKFLOW.transitions.find((t) => t.action === 'close')?.reasonRequired).toBe(true);
    expect(RG_PROJECT_WORKFLOW.transitions.find((t) => t.action === 'withdraw')?.reasonRequired).toBe(true);
  });
});
