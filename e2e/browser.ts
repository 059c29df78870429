import { CSRF_HEADER, SESSION_COOKIE, type Me } from '@jiceng/contracts';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Password of every demo account (apps/server/seeds/demo-accounts.ts). */
export const DEMO_PASSWORD = 'Demo@2026';

/** Debian's Chromium, headless; nothing is downloaded. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A desktop-sized Chinese page with a patient default timeout (2 shared cores). */
export async function desktopPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })).newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** A phone-sized Chinese page (390×844, touch), as members and residents use the phone pages. */
export async function phonePage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Logs in through the admin app's login form, starting at `path`, and waits to land there. */
export async function loginAt(page: Page, baseUrl: string, path: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

/** A demo account over the API of the app at `baseUrl`: who it is, and calls with its session cookie and CSRF token (a refusal throws). */
export async function apiAs(baseUrl: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const me = (await res.json()) as Me;
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .split(';')[0]!;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, [CSRF_HEADER]: me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await r.json()) as T;
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  return { me, call };
}
