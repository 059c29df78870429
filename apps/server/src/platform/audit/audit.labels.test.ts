import fs from 'node:fs';
import path from 'node:path';
import { auditActionLabel, auditEntityLabel, memberEventLabel } from '@jiceng/contracts';
import { floatingActionLabel } from '@jiceng/rules';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}
const code = sources(SRC).map((f) => fs.readFileSync(f, 'utf8'));
const found = (re: RegExp) => new Set(code.flatMap((text) => [...text.matchAll(re)].map((m) => m[1]!)));

describe('audit labels cover every code the server writes', () => {
  it('labels every action: literal codes, and the ones built from member events, floating steps and lost-contact steps', () => {
    // `action: 'x.y'`, `…_ACTION = 'x.y'` and the values of `…AUDIT_ACTION… = { … }` maps
    const literal = found(/(?:action: |_ACTION = )'([a-z_]+\.[a-z_]+)'/g);
    const maps = [...found(/AUDIT_ACTION[^=]*= \{([^}]*)\}/g)].flatMap((body) => [...body.matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]!));
    expect(maps.length).toBeGreaterThan(5);
    const lostContact = found(/audited\(tx, actor, row, '([a-z_]+)'/g);
    expect(lostContact.size).toBeGreaterThan(2);
    const built = [
      ...Object.keys(memberEventLabel).map((e) => `member.${e}`),
      ...Object.keys(floatingActionLabel).map((a) => `floating.${a}`),
      ...[...lostContact].map((a) => `lost_contact.${a}`),
    ];
    const codes = [...literal, ...maps, ...built];
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((c) => !auditActionLabel[c])).toEqual([]);
  });

  it('labels every kind of record', () => {
    const kinds = new Set([...found(/entity: '([a-z_]+)'/g), ...found(/recordUnmask\([^,]+, [^,]+, '([a-z_]+)'/g)]);
    expect(kinds.size).toBeGreaterThan(10);
    expect([...kinds].filter((k) => !(k in auditEntityLabel))).toEqual([]);
  });
});
