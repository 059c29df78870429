import { describe, expect, it } from 'vitest';
import { anonymityRefusal, bigramSimilarity, bigrams, duplicateHints } from './service-intake.ts';
import { SERVICE_CATEGORIES_DEFAULT, SERVICE_INTAKE_RULES_2026 } from './service-intake.rules.ts';

describe('rule service-intake-2026', () => {
  it('bigrams split at punctuation and spaces and ignore case', () => {
    expect([...bigrams('路灯坏了，晚上 很黑')]).toEqual(['路灯', '灯坏', '坏了', '晚上', '很黑']);
    expect([...bigrams('AB')]).toEqual(['ab']);
    expect(bigrams('。').size).toBe(0);
  });

  it('similarity is the Dice coefficient of the bigram sets: 1 for the same text, 0 for nothing shared', () => {
    expect(bigramSimilarity('小区门口路灯坏了', '小区门口路灯坏了')).toBe(1);
    expect(bigramSimilarity('小区门口路灯坏了', '楼道里堆满杂物')).toBe(0);
    // 路灯 灯坏 坏了 shared of 7 + 5 bigrams
    expect(bigramSimilarity('小区门口路灯坏了', '三栋路灯坏了')).toBeCloseTo((2 * 3) / (7 + 5));
    expect(bigramSimilarity('', '路灯')).toBe(0);
  });

  it('offers only candidates at or above the threshold, most similar first, at most the maximum', () => {
    const c = [
      { id: 'a', description: '楼道里堆满杂物' },
      { id: 'b', description: '三栋门口路灯坏了' },
      { id: 'c', description: '小区门口路灯坏了很久' },
    ];
    const hints = duplicateHints('小区门口路灯坏了', c);
    expect(hints.map((h) => h.id)).toEqual(['c', 'b']);
    expect(hints[0]!.similarity).toBeGreaterThanOrEqual(SERVICE_INTAKE_RULES_2026.duplicateMinSimilarity);
    const many = Array.from({ length: 9 }, (_, i) => ({ id: String(i), description: '小区门口路灯坏了' }));
    expect(duplicateHints('小区门口路灯坏了', many)).toHaveLength(SERVICE_INTAKE_RULES_2026.duplicateMax);
  });

  it('only a 建议 may be anonymous', () => {
    expect(anonymityRefusal('suggestion', true)).toBeNull();
    for (const k of ['consult', 'help', 'complaint', 'report'] as const) expect(anonymityRefusal(k, true)).toMatch(/只有建议类/);
    expect(anonymityRefusal('complaint', false)).toBeNull();
  });

  it('the default dictionary has unique codes and names and the categories the issue names', () => {
    const names = SERVICE_CATEGORIES_DEFAULT.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(SERVICE_CATEGORIES_DEFAULT.map((c) => c.code)).size).toBe(names.length);
    for (const n of ['环境卫生', '邻里纠纷', '物业管理', '养老助残', '治安', '设施维修']) expect(names).toContain(n);
  });
});
