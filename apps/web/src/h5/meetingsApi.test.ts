import { describe, expect, it } from 'vitest';
import { isUpcoming, signinOpen, signinTokenOf } from './meetingsApi.ts';

describe('H5 meetings helpers', () => {
  it('reads the token of a QR link from the hash (platform/signin SIGNIN_H5_PATH), nothing else', () => {
    expect(signinTokenOf('#/signin?t=v1.meeting.abc')).toBe('v1.meeting.abc');
    expect(signinTokenOf(`#/signin?t=${encodeURIComponent('v1.a+b/c')}`)).toBe('v1.a+b/c');
    expect(signinTokenOf('#/signin?t=')).toBeNull();
    expect(signinTokenOf('#/meetings')).toBeNull();
    expect(signinTokenOf('')).toBeNull();
  });

  it('takes sign-ins while noticed or held; upcoming from today on', () => {
    expect(signinOpen({ state: 'notice' })).toBe(true);
    expect(signinOpen({ state: 'held' })).toBe(true);
    expect(signinOpen({ state: 'recorded' })).toBe(false);
    expect(isUpcoming({ state: 'notice', date: '2026-11-22' }, '2026-11-22')).toBe(true);
    expect(isUpcoming({ state: 'notice', date: '2026-11-21' }, '2026-11-22')).toBe(false);
    expect(isUpcoming({ state: 'reviewed', date: '2026-12-01' }, '2026-11-22')).toBe(false);
  });
});
