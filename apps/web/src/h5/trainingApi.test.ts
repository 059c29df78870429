import { describe, expect, it } from 'vitest';
import { progressOf } from './trainingApi.ts';

describe('我的学时 progress', () => {
  it('says how far the member is from the minimum', () => {
    expect(progressOf({ totalHours: 20, required: 32, shortfall: 12, met: false })).toEqual({ percent: 63, text: '还差 12 学时达到本年度要求' });
    expect(progressOf({ totalHours: 40.5, required: 32, shortfall: 0, met: true })).toEqual({ percent: 100, text: '已达到本年度 32 学时要求' });
    expect(progressOf({ totalHours: 0, required: 0, shortfall: 0, met: true })).toEqual({ percent: 100, text: '本年度暂无学时要求' });
    expect(progressOf({ totalHours: 0, required: 56, shortfall: 56, met: false }).percent).toBe(0);
  });
});
