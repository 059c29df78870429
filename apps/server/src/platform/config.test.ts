import { describe, expect, it } from 'vitest';
import { demoExposureWarning, isLoopback, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: embedded database, demo data, port 3000', () => {
    const c = loadConfig({}, []);
    expect(c).toMatchObject({ port: 3000, databaseUrl: null, demo: true, regionId: '320102', jobs: true });
    expect(c.dataDir).toMatch(/data$/);
  });

  it('turns the demo off with --no-demo or JICENG_DEMO=false', () => {
    expect(loadConfig({}, ['--no-demo']).demo).toBe(false);
    expect(loadConfig({ JICENG_DEMO: 'false' }, []).demo).toBe(false);
  });

  it('listens on 127.0.0.1 with the demo (published passwords), on every interface without it, and HOST overrides both', () => {
    expect(loadConfig({}, []).host).toBe('127.0.0.1');
    expect(loadConfig({ JICENG_DEMO: 'false' }, []).host).toBe('0.0.0.0');
    expect(loadConfig({}, ['--no-demo']).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }, []).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '10.0.0.5', JICENG_DEMO: 'false' }, []).host).toBe('10.0.0.5');
  });

  it('warns when demo data is served on an address other machines can reach', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) {
      expect(isLoopback(host)).toBe(true);
      expect(demoExposureWarning(host, true)).toBeNull();
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) {
      expect(isLoopback(host)).toBe(false);
      expect(demoExposureWarning(host, true)).toMatch(/演示数据.*对外提供服务/);
      expect(demoExposureWarning(host, false)).toBeNull();
    }
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REGION_ID', '32'],
    ['FIELD_KEY', 'c2hvcnQ='],
    ['JICENG_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['SESSION_TTL_MINUTES', '1'],
  ])('stops on a wrong %s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value }, [])).toThrow(new RegExp(`环境变量 ${name} `));
  });
});
