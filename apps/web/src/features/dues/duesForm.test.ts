import { describe, expect, it } from 'vitest';
import { amountFieldOf, fenText, rateText, toDuesInput, yuanToFen } from './duesForm.ts';

describe('党费 form values', () => {
  it('turns 元 into integer 分 and back as the rule set words it', () => {
    expect(yuanToFen(5100)).toBe(510_000);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(4900.1)).toBe(490_010);
    expect(yuanToFen(null)).toBeUndefined();
    expect(fenText(7650)).toBe('76.5 元');
    expect(fenText(20)).toBe('0.2 元');
    expect(fenText(5000)).toBe('50 元');
    expect(fenText(0)).toBe('0 元');
    expect(rateText(150)).toBe('1.5%');
  });

  it('sends only the amount the category uses', () => {
    expect(amountFieldOf('retired')).toBe('base');
    expect(amountFieldOf('farmer')).toBe('chosen');
    expect(amountFieldOf('student')).toBe('none');
    expect(toDuesInput({ category: 'salaried', baseYuan: 5100, chosenYuan: 1 })).toEqual({ category: 'salaried', baseFen: 510_000 });
    expect(toDuesInput({ category: 'farmer', baseYuan: 5100, chosenYuan: 0.5 })).toEqual({ category: 'farmer', chosenFen: 50 });
    expect(toDuesInput({ category: 'student', baseYuan: 5100 })).toEqual({ category: 'student' });
    expect(toDuesInput({ category: 'salaried', baseYuan: 3000, reliefKind: 'reduce', reliefYuan: 5, reliefApproval: ' 批复 ' })).toEqual({
      category: 'salaried',
      baseFen: 300_000,
      relief: { kind: 'reduce', amountFen: 500, approval: '批复' },
    });
    expect(toDuesInput({ category: 'salaried', baseYuan: 3000, reliefKind: 'waive', reliefYuan: 5, reliefApproval: '批复' })).toEqual({
      category: 'salaried',
      baseFen: 300_000,
      relief: { kind: 'waive', approval: '批复' },
    });
  });
});
