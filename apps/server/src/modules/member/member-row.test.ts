import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER_SRC = path.resolve(import.meta.dirname, '../..');

/**
 * Readers and writers use the view `member`, which hides the members of imports not yet 完成
 * (migration 0028, ADR 0008). Only the import writes and cleans up member_row itself, and a test
 * that reads it to prove what is left there; anything else naming the table could show or change
 * rows nobody may see yet.
 */
const ALLOWED = new Set(['modules/member/member.import.pending.ts', 'modules/member/member.import.recovery.int.test.ts', 'modules/member/member-row.test.ts']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('member_row', () => {
  it('is read or written in SQL only by the import’s own repository (everything else reads and writes the view member)', () => {
    const naming = sources(SERVER_SRC)
      .filter((f) => /\b(from|join|into|update|table|copy)\s+member_row\b/i.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SERVER_SRC, f).split(path.sep).join('/'));
    expect(naming.filter((f) => !ALLOWED.has(f))).toEqual([]);
    expect(naming).toContain('modules/member/member.import.pending.ts');
  });
});
