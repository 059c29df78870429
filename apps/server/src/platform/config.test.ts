import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

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
