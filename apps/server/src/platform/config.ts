import path from 'node:path';
import { AppError } from './errors.ts';

/** Validated runtime configuration. Every value comes from the environment, with a default. */
export interface Config {
  port: number;
  /** Listen address: 127.0.0.1 with the demo (its passwords are published), else 0.0.0.0; HOST overrides. */
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
  /**
   * Days the app's clock runs ahead of the machine's (CLOCK_OFFSET_DAYS, default 0): to show or test
   * how time limits come due (a 积极分子's year, a 预备期) without waiting. Never set in production.
   */
  clockOffsetDays: number;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  /** Start the job runner (off in most tests). */
  jobs: boolean;
  /** Mark the session cookie Secure (set when served over HTTPS). */
  cookieSecure: boolean;
  /** Lock an account after repeated wrong passwords, on top of throttling (rule login-failure-handling option). */
  loginLockout: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: none. */
  trustProxy: string[];
  /** Who may read the OpenAPI description at /api/docs. */
  apiDocs: 'public' | 'login' | 'off';
  /** Who sends SMS and WeChat messages: `log` only writes them to outbound_message and the log (ADR 0019). */
  messageSender: 'log';
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

/** An IPv4/IPv6 address or CIDR, or one of proxy-addr's names for private ranges. */
const PROXY_ENTRY = /^(loopback|linklocal|uniquelocal|(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?|[0-9a-f:]*:[0-9a-f:.]*(\/\d{1,3})?)$/i;

function proxies(env: Env): string[] {
  const raw = env.TRUST_PROXY ?? '';
  const list = raw
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (list.some((x) => !PROXY_ENTRY.test(x))) bad('TRUST_PROXY', raw, '逗号分隔的代理地址或网段（如 127.0.0.1,10.0.0.0/8），留空表示不信任任何代理');
  return list;
}

/** API_DOCS: public (default with the demo), login (default otherwise) or off. */
function docs(env: Env, demo: boolean): Config['apiDocs'] {
  const raw = env.API_DOCS || (demo ? 'public' : 'login');
  if (raw !== 'public' && raw !== 'login' && raw !== 'off') bad('API_DOCS', raw, ' public、login 或 off');
  return raw;
}

/** MESSAGE_SENDER: only `log` exists (development: records messages, sends nothing). */
function messageSender(env: Env): Config['messageSender'] {
  const raw = env.MESSAGE_SENDER || 'log';
  if (raw !== 'log') bad('MESSAGE_SENDER', raw, ' log（只记录短信、微信消息，不实际发送；尚无正式发送器，接入短信网关或微信须另行实现发送器）');
  return raw;
}

/** Whether `host` is a loopback address, reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The warning to log when demo data, whose passwords are in the README, is served on an address
 * other machines can reach; null when it is not.
 */
export function demoExposureWarning(host: string, servingDemo: boolean): string | null {
  if (!servingDemo || isLoopback(host)) return null;
  return `警告：演示数据（账号密码已公开）正在 ${host} 上对外提供服务，其他机器可以用演示账号登录。仅本机试用请去掉 HOST（演示模式默认只监听 127.0.0.1）；正式使用请以 --no-demo 在空数据库上启动`;
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
  const demo = argv.includes('--no-demo') ? false : bool(env, 'JICENG_DEMO', true);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || (demo ? '127.0.0.1' : '0.0.0.0'),
    dataDir: path.resolve(env.DATA_DIR || path.join(repoRoot, 'data')),
    databaseUrl,
    regionId,
    demo,
    sessionTtlMinutes: int(env, 'SESSION_TTL_MINUTES', 480, 5, 43_200),
    fieldKey,
    logLevel,
    sweepIntervalSeconds: int(env, 'SWEEP_INTERVAL_SECONDS', 300, 5, 86_400),
    clockOffsetDays: int(env, 'CLOCK_OFFSET_DAYS', 0, 0, 3_650),
    webDist: path.resolve(env.WEB_DIST || path.join(repoRoot, 'apps/web/dist')),
    jobs: bool(env, 'JICENG_JOBS', true),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    loginLockout: bool(env, 'LOGIN_LOCKOUT', false),
    trustProxy: proxies(env),
    apiDocs: docs(env, demo),
    messageSender: messageSender(env),
  };
}
