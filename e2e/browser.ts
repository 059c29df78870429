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
