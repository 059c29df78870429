import { describe, expect, it } from 'vitest';
import { searchQueryLiteral, searchVectorLiteral } from './chinese-search.ts';

describe('Chinese search pieces', () => {
  it('indexes characters and overlapping pairs with positions', () => {
    expect(searchVectorLiteral(['党支部'])).toBe("'党':1 '党支':1 '支':2 '支部':2 '部':3");
  });
  it('queries a keyword as a phrase of its pairs', () => {
    expect(searchQueryLiteral('孝陵卫')).toBe("'孝陵' <-> '陵卫'");
    expect(searchQueryLiteral('卫')).toBe("'卫'");
    expect(searchQueryLiteral('  ')).toBeNull();
  });
  it('normalizes full-width letters and quotes', () => {
    expect(searchQueryLiteral('ＡＢ')).toBe("'ab'");
    expect(searchVectorLiteral(["a'"])).toContain("'a'''");
  });
});
