import path from 'node:path';
import { AppError } from './errors.ts';

/** Validated runtime configuration. Every value comes from the environment, with a default. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database, its lock file and the generated field key. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded database. */
  databaseUrl: string | null;
  /** County-level division code of this deployment; leads every tenant table's key. */
  regionId: string;
  /** Seed the demo district into an empty database. */
  demo: boolean;
  sessionTtlMinutes: number;
  /** Base64 AES-256 key for personal fields; generated into the data folder when absent (embedded). */
  fieldKey: string | null;
  logLevel: string;
  /** Interval of the scheduled sweep that raises alarms, in seconds. */
  sweepIntervalSeconds: number;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  /** Start the job runner (off in most tests). */
  jobs: boolean;
  /** Mark the session cookie Secure (set when served over HTTPS). */
  cookieSecure: boolean;
}

type Env = Record<string, string | undefined>;

function bad(name: string, value: string, expected: string): never {
  throw new AppError('VALIDATION', `配置错误：环境变量 ${name} 的值「${value}」无效，应为${expected}`);
}

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) bad(name, raw, `${min}–${max} 之间的整数`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  return bad(name, raw, ' true 或 false');
}

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** Reads and validates configuration; throws an AppError naming the variable on a wrong value. */
export function loadConfig(env: Env = process.env, argv: string[] = process.argv.slice(2)): Config {
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) bad('DATABASE_URL', databaseUrl, ' postgres:// 开头的连接串');
  const regionId = env.REGION_ID || '320102';
  if (!/^\d{6}$/.test(regionId)) bad('REGION_ID', regionId, '6 位县级行政区划代码');
  const fieldKey = env.FIELD_KEY || null;
  if (fieldKey && Buffer.from(fieldKey, 'base64').length !== 32) bad('FIELD_KEY', '***', ' base64 编码的 32 字节密钥');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) bad('LOG_LEVEL', logLevel, ' info/warn/error/debug/silent 之一');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || path.join(repoRoot, 'data')),
    databaseUrl,
    regionId,
    demo: argv.includes('--no-demo') ? false : bool(env, 'JICENG_DEMO', true),
    sessionTtlMinutes: int(env, 'SESSION_TTL_MINUTES', 480, 5, 43_200),
    fieldKey,
    logLevel,
    sweepIntervalSeconds: int(env, 'SWEEP_INTERVAL_SECONDS', 300, 5, 86_400),
    webDist: path.resolve(env.WEB_DIST || path.join(repoRoot, 'apps/web/dist')),
    jobs: bool(env, 'JICENG_JOBS', true),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
  };
}
