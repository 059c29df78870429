import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/http/actor.ts';
import { assertArrivalSide, assertHomeSide, assertSeesFloating, sidesOf } from './floating.policy.ts';

const actor = (orgPath: string, scope: Actor['scope'] = 'subtree') => ({ orgPath, scope }) as Actor;
const row = { home_path: 'r.a.a1.a1a', destination_path: 'r.b.b1.b1a' };

describe('floating registration sides', () => {
  it('gives the home subtree the out side and the destination subtree the in side', () => {
    expect(sidesOf(actor('r.a'), row)).toEqual(['out']);
    expect(sidesOf(actor('r.b.b1'), row)).toEqual(['in']);
    expect(sidesOf(actor('r'), row)).toEqual(['out', 'in']);
    expect(sidesOf(actor('r.a.a1.a1b'), row)).toEqual([]);
    expect(sidesOf(actor('r', 'self'), row)).toEqual([]);
  });

  it('hides a registration from an account on neither side (404)', () => {
    expect(() => assertSeesFloating(actor('r.c'), row)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => assertSeesFloating(actor('r.a'), undefined)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('keeps each step with its side (403 for the other side)', () => {
    expect(() => assertArrivalSide(actor('r.a'), row)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: '流入登记由流入地党组织办理' }));
    expect(() => assertArrivalSide(actor('r.b'), row)).not.toThrow();
    expect(() => assertArrivalSide(actor('r.a'), { ...row, destination_path: null })).not.toThrow();
    expect(() => assertHomeSide(actor('r.b'), row, '核实')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
