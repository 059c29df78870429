import { describe, expect, it } from 'vitest';
import { LOGIN_RULES, PASSWORD_RULES, type LoginRuleSet } from './auth.rules.ts';
import {
  afterFailure,
  isLockedOut,
  lockoutUntil,
  passwordClasses,
  passwordProblem,
  passwordProblems,
  throttleDelaySeconds,
  throttleRetentionMinutes,
  throttleWaitSeconds,
  tooManyAttemptsMessage,
  type ThrottleState,
} from './auth.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

const T0 = new Date('2026-11-22T04:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const { perUsername, perIp } = LOGIN_RULES;

describe('rule login-failure-handling: growing delays instead of a lockout', () => {
  it('lets the first failures through, then doubles the wait up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => throttleDelaySeconds(n, perUsername))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => throttleDelaySeconds(n, perUsername))).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    expect(throttleDelaySeconds(19, perIp)).toBe(0);
    expect([20, 28, 29, 30, 1000].map((n) => throttleDelaySeconds(n, perIp))).toEqual([2, 512, 900, 900, 900]);
  });

  it('keeps the per-username wait short (a stranger delays an owner a minute at most) and lets the per-address wait grow to 15 minutes', () => {
    expect(perUsername.maxDelaySeconds).toBeLessThanOrEqual(60);
    expect(perIp.maxDelaySeconds).toBe(900);
    expect(perIp.freeFailures).toBeGreaterThan(perUsername.freeFailures);
  });

  it('counts the wait from the last failure and rounds it up to whole seconds', () => {
    const s: ThrottleState = { failures: 6, lastFailureAt: T0 };
    expect(throttleWaitSeconds(s, T0, perUsername)).toBe(4);
    expect(throttleWaitSeconds(s, new Date(T0.getTime() + 2500), perUsername)).toBe(2);
    expect(throttleWaitSeconds(s, at(4), perUsername)).toBe(0);
    expect(throttleWaitSeconds({ failures: 4, lastFailureAt: T0 }, T0, perUsername)).toBe(0);
    expect(throttleWaitSeconds({ failures: 0, lastFailureAt: null }, T0, perUsername)).toBe(0);
  });

  it('forgets a counter whose last failure is older than an hour', () => {
    const s: ThrottleState = { failures: 40, lastFailureAt: T0 };
    expect(throttleWaitSeconds(s, at(60 * 60), perIp)).toBe(0);
    expect(afterFailure(s, at(60 * 60 + 1), perIp)).toEqual({ failures: 1, lastFailureAt: at(60 * 60 + 1) });
    expect(afterFailure(s, at(10), perIp)).toEqual({ failures: 41, lastFailureAt: at(10) });
    expect(throttleRetentionMinutes()).toBe(75);
  });

  it('says in Chinese how long to wait', () => {
    expect(tooManyAttemptsMessage(8)).toMatch(/^登录失败次数过多，请 8 秒后再试/);
    expect(tooManyAttemptsMessage(61)).toMatch(/请 2 分钟后再试/);
  });

  it('keeps the hard lockout off by default', () => {
    expect(LOGIN_RULES.lockout.enabled).toBe(false);
    expect(lockoutUntil(100, T0)).toBeNull();
    expect(isLockedOut(at(60), T0)).toBe(false);
  });

  it('locks for 15 minutes after 5 wrong passwords when a deployment enables the option', () => {
    const strict: LoginRuleSet = { ...LOGIN_RULES, lockout: { ...LOGIN_RULES.lockout, enabled: true } };
    expect(lockoutUntil(4, T0, strict)).toBeNull();
    expect(lockoutUntil(5, T0, strict)).toEqual(at(15 * 60));
    expect(isLockedOut(at(15 * 60), at(15 * 60 - 1), strict)).toBe(true);
    expect(isLockedOut(at(15 * 60), at(15 * 60), strict)).toBe(false);
    expect(isLockedOut(null, T0, strict)).toBe(false);
  });
});

describe('rule password-quality', () => {
  it('accepts the demo and test passwords', () => {
    expect(passwordProblem('Demo@2026', { username: 'admin' })).toBeNull();
    expect(passwordProblem('Test@2026pw', { username: 'streetA', oldPassword: 'Demo@2026' })).toBeNull();
    expect(passwordProblem('长城Great2026')).toBeNull();
  });

  it('needs 8 characters', () => {
    expect(PASSWORD_RULES.minLength).toBe(8);
    expect(passwordProblems('Ab1!xyz')).toEqual(['密码至少 8 位（当前 7 位）']);
  });

  it('needs 3 of upper, lower, digit and symbol, and names what can be added', () => {
    expect(passwordClasses('aB3-中')).toEqual(['upper', 'lower', 'digit', 'symbol']);
    expect(passwordProblem('zhibuweiyuan2026')).toBe('密码需包含大写字母、小写字母、数字、符号中的至少 3 类（还可加入大写字母、符号）');
    expect(passwordProblem('ZHIBU-WEIYUAN')).toBe('密码需包含大写字母、小写字母、数字、符号中的至少 3 类（还可加入小写字母、数字）');
    expect(passwordProblem('Zhibuweiyuan2026')).toBeNull();
  });

  it('refuses common passwords whatever their case, the Chinese favourites and keyboard walks included', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const p of ['woaini1314', '5201314', 'qwe123', 'Aa123456', 'Admin@123', 'P@ssw0rd', 'abc@123', '1qaz@WSX', 'Qwe123!@#', 'ADMIN@123', 'Woaini@1314']) {
      expect(passwordProblems(p), p).toContain('该密码是常见弱密码，很容易被猜中，请换一个');
    }
    expect(passwordProblem('P@ssw0rd')).toBe('该密码是常见弱密码，很容易被猜中，请换一个');
  });

  it('refuses a password that contains the username, ignoring case', () => {
    expect(passwordProblem('Zhangsan@2026', { username: 'zhangsan' })).toBe('密码不能包含用户名');
    expect(passwordProblem('my-ZHANGSAN-9', { username: 'ZhangSan' })).toBe('密码不能包含用户名');
    expect(passwordProblem('Zhangsan@2026', { username: 'lisi' })).toBeNull();
  });

  it('refuses the old password as the new one', () => {
    expect(passwordProblem('Test@2026pw', { oldPassword: 'Test@2026pw' })).toBe('新密码不能与原密码相同');
  });

  it('lists every problem at once', () => {
    expect(passwordProblem('admin1', { username: 'admin' })).toBe(
      '密码至少 8 位（当前 6 位）；密码需包含大写字母、小写字母、数字、符号中的至少 3 类（还可加入大写字母、符号）；密码不能包含用户名',
    );
  });
});
