import { describe, expect, it } from 'vitest';
import { hasElectedTerm, mayContain } from './org-structure.ts';

describe('rule org-structure (支部工作条例 Art.5–6)', () => {
  it('lets a 党委 hold 总支, 支部 and grids', () => {
    expect(mayContain('committee', 'general_branch')).toBe(true);
    expect(mayContain('committee', 'grid')).toBe(true);
  });
  it('lets a 支部 hold only 党小组', () => {
    expect(mayContain('branch', 'group')).toBe(true);
    expect(mayContain('branch', 'branch')).toBe(false);
    expect(mayContain('branch', 'committee')).toBe(false);
  });
  it('lets a 党小组 hold nothing', () => {
    expect(mayContain('group', 'group')).toBe(false);
  });
  it('gives 临时党支部 and 党小组 no elected term', () => {
    expect(hasElectedTerm('temporary_branch')).toBe(false);
    expect(hasElectedTerm('group')).toBe(false);
    expect(hasElectedTerm('joint_branch')).toBe(true);
  });
});
