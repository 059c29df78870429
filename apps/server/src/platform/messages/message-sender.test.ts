import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

describe('MESSAGE_SENDER', () => {
  it('defaults to the development sender that only logs', () => {
    expect(loadConfig({}, []).messageSender).toBe('log');
    expect(loadConfig({ MESSAGE_SENDER: 'log' }, []).messageSender).toBe('log');
  });

  it.each(['aliyun', 'wechat', 'LOG', 'sms'])('refuses %s at start with a Chinese message naming the variable', (value) => {
    expect(() => loadConfig({ MESSAGE_SENDER: value }, [])).toThrow(new RegExp(`配置错误：环境变量 MESSAGE_SENDER 的值「${value}」无效，应为 log`));
  });
});
