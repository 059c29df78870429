import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPIENTS, listFilterFromParams, listFilterToParams, toDirectiveInput, toRecipients } from './form.ts';

describe('任务督办 forms', () => {
  it('sends either every organization of a type below or the chosen ones, never both', () => {
    expect(toRecipients(DEFAULT_RECIPIENTS)).toEqual({ allOfType: 'committee', domain: 'community' });
    expect(toRecipients({ mode: 'type', orgType: 'branch' })).toEqual({ allOfType: 'branch' });
    expect(toRecipients({ mode: 'chosen', orgType: 'branch', orgIds: ['a', 'b'] })).toEqual({ orgIds: ['a', 'b'] });
  });

  it('trims the texts, and a notice carries no evidence rule', () => {
    const base = { title: ' 排查 ', content: ' 内容 ', dueOn: dayjs('2026-12-10'), evidence: ' 台账 ', filesRequired: true, recipients: DEFAULT_RECIPIENTS };
    expect(toDirectiveInput({ ...base, kind: 'task' })).toEqual({
      kind: 'task',
      title: '排查',
      content: '内容',
      dueOn: '2026-12-10',
      evidence: '台账',
      filesRequired: true,
      recipients: { allOfType: 'committee', domain: 'community' },
    });
    expect(toDirectiveInput({ ...base, kind: 'notice' })).toMatchObject({ evidence: null, filesRequired: false });
  });

  it('keeps the list filter in the URL, ignoring what it does not know', () => {
    const f = listFilterFromParams(new URLSearchParams('box=received&state=open&q=消防&page=2&pageSize=50'), 'sent');
    expect(f).toEqual({ box: 'received', state: 'open', q: '消防', page: 2, pageSize: 50 });
    expect(listFilterToParams(f).toString()).toBe(new URLSearchParams('box=received&state=open&q=消防&page=2&pageSize=50').toString());
    expect(listFilterFromParams(new URLSearchParams('box=x&state=y&page=-1&pageSize=7'), 'sent')).toEqual({ box: 'sent', page: 1, pageSize: 20 });
  });
});
