/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../apps/server/seeds/demo-accounts.ts';
import { axeViolations, countNodes, formatViolations, settle, type A11yViolation } from './axe.ts';
import { DEMO_PASSWORD, launchChromium } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 无障碍 (GB/T 37668-2019, WCAG 2.1 AA): axe-core finds no violation on any page any demo role can
 * open — every entry of the role's side menu (once per organization, at two organizations at most: a
 * second account of the same organization skips the pages already judged) and 修改密码 in the admin app, every phone screen in
 * normal and 大字 mode — nor on either login page. A failure lists each rule, element and axe's
 * summary. Set A11Y_REPORT=<file> to also write the element count of every page there, and
 * A11Y_USERS=shequ,dangyuan to judge only those accounts while fixing.
 */

let app: RunningApp;
let browser: Browser;
const report: { page: string; elements: number; rules: string[] }[] = [];
/** The organizations each admin page (menu label) was judged at. */
const judgedAt = new Map<string, Set<string>>();
/**
 * A page is judged at most at this many organizations: past the first two it is the same components
 * with other organizations' records (every page still is judged as each role first meets it there).
 */
const ORGS_PER_PAGE = 2;

/** The app's CSP allows no inline script; the test's own axe-core script is let in (bypassCSP). */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', bypassCSP: true } as const;
const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', bypassCSP: true } as const;

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Judges the page as it is now and records it under `where`; answers the violations. */
async function judge(page: Page, where: string): Promise<A11yViolation[]> {
  await settle(page);
  const violations = await axeViolations(page);
  report.push({ page: where, elements: countNodes(violations), rules: violations.map((v) => v.id) });
  if (violations.length) console.log(formatViolations(where, violations));
  return violations;
}

/** Everything wrong on the pages judged by one test, as one readable failure message. */
class Findings {
  private readonly found: string[] = [];
  add(where: string, violations: A11yViolation[]): void {
    if (violations.length) this.found.push(formatViolations(where, violations));
  }
  assertNone(): void {
    expect(this.found, `\n${this.found.join('\n\n')}\n`).toEqual([]);
  }
}

/** Font size in px of the first element matching `selector`. */
const fontSizeOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** Whether the page scrolls sideways (a layout that 大字 broke). */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/** A tab of the member's bottom tab bar, by its exact title. */
const tabOf = (page: Page, title: string) =>
  page.locator('.adm-tab-bar-item').filter({ has: page.locator('.adm-tab-bar-item-title').getByText(title, { exact: true }) });

/** The 大字 switch on the current phone screen. */
const largeTextSwitch = (page: Page) => page.getByRole('switch', { name: '大字模式' });

/** Judges the phone screens of the logged-in account: the member's tabs one by one, or the single 我的 screen. */
async function judgePhoneScreens(page: Page, role: string, mode: string, findings: Findings): Promise<void> {
  const tabs = page.locator('.adm-tab-bar-item');
  const titles = (await tabs.count()) ? await page.locator('.adm-tab-bar-item-title').allTextContents() : [];
  if (!titles.length) findings.add(`${role} 手机 我的 (${mode})`, await judge(page, `${role} 手机 我的 (${mode})`));
  // The member's tabs end with 我的.
  for (const title of titles) {
    await tabOf(page, title).click();
    const where = `${role} 手机 ${title} (${mode})`;
    findings.add(where, await judge(page, where));
  }
  // 我的双报告 (a 党员's) and 修改密码 are screens of their own, opened from 我的.
  const reports = page.getByText('我的双报告', { exact: true });
  if (await reports.count()) {
    await reports.click();
    const at = `${role} 手机 我的双报告 (${mode})`;
    findings.add(at, await judge(page, at));
    await page.getByRole('button', { name: '返回' }).click();
  }
  await page.getByText('修改密码', { exact: true }).click();
  const where = `${role} 手机 修改密码 (${mode})`;
  findings.add(where, await judge(page, where));
  await page.getByRole('button', { name: '返回' }).click();
}

describe('无障碍：axe-core WCAG 2.1 AA', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    if (process.env.A11Y_REPORT) fs.writeFileSync(process.env.A11Y_REPORT, JSON.stringify(report, null, 2));
    await browser?.close();
    await app?.stop();
  });

  it('login pages: admin, and phone in normal and 大字 mode (which scales text and is remembered)', async () => {
    const findings = new Findings();
    const admin = await newPage(await browser.newContext(DESKTOP));
    await admin.goto(`${app.url}/login`);
    findings.add('登录页', await judge(admin, '登录页'));
    await admin.context().close();

    const phone = await newPage(await browser.newContext(PHONE));
    await phone.goto(`${app.url}/h5.html`);
    await phone.getByRole('button', { name: '登录' }).waitFor();
    findings.add('手机 登录', await judge(phone, '手机 登录'));
    const before = await fontSizeOf(phone, '.adm-form-item-label');
    await largeTextSwitch(phone).click();
    await expect.poll(() => largeTextSwitch(phone).getAttribute('aria-checked')).toBe('true');
    await phone.reload();
    await phone.getByRole('button', { name: '登录' }).waitFor();
    expect(await largeTextSwitch(phone).getAttribute('aria-checked')).toBe('true');
    expect((await fontSizeOf(phone, '.adm-form-item-label')) / before).toBeGreaterThanOrEqual(1.25);
    expect(await overflowsSideways(phone)).toBe(false);
    findings.add('手机 登录 (大字)', await judge(phone, '手机 登录 (大字)'));
    await phone.context().close();
    findings.assertNone();
  });

  const only = process.env.A11Y_USERS?.split(',');
  for (const account of DEMO_ACCOUNTS.filter((a) => !only || only.includes(a.username))) {
    it(`${account.username} (${account.role}): every admin page and every phone screen, normal and 大字`, async () => {
      const findings = new Findings();
      const page = await newPage(await browser.newContext(DESKTOP));
      page.on('pageerror', (e) => console.log(`${account.username} ${page.url()}: 页面出错 ${e.message}`));
      await page.goto(`${app.url}/login`);
      await page.getByLabel('用户名').fill(account.username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      // Landed: the admin app, or the phone pages a 党员 (who has no admin pages) and a 网格员 (我的工单,
      // who may still open the admin app afterwards) are sent to.
      await page.locator('.ant-layout-sider, .h5-hero, .adm-nav-bar, .adm-tab-bar').first().waitFor();
      if (page.url().includes('/h5.html') && account.role !== 'member') await page.goto(`${app.url}/`);
      if (!page.url().includes('/h5.html')) {
        const menu = page.locator('.ant-layout-sider').getByRole('menuitem');
        await menu.first().waitFor();
        const labels = (await menu.allTextContents()).map((t) => t.trim());
        expect(labels.length).toBeGreaterThan(0);
        for (const label of labels) {
          // a page an earlier account of the same organization has judged shows the same records with
          // the same components (a role's missing buttons are fewer elements of the kinds judged)
          const at = judgedAt.get(label) ?? new Set<string>();
          if (at.has(account.orgName) || at.size >= ORGS_PER_PAGE) continue;
          judgedAt.set(label, at.add(account.orgName));
          await menu.filter({ hasText: label }).first().click();
          const where = `${account.username} ${label}`;
          findings.add(where, await judge(page, where));
        }
        await page.goto(`${app.url}/password`);
        findings.add(`${account.username} 修改密码`, await judge(page, `${account.username} 修改密码`));
      }
      const cookies = await page.context().cookies();
      await page.context().close();

      // The phone entry on the same session.
      const context = await browser.newContext(PHONE);
      await context.addCookies(cookies);
      const phone = await newPage(context);
      await phone.goto(`${app.url}/h5.html`);
      await phone.locator('.h5-hero, .adm-nav-bar').first().waitFor();
      await judgePhoneScreens(phone, account.username, '普通', findings);

      // 大字: switched on from 我的, kept after a reload, text at least 1.25×, nothing wider than the phone.
      const mineTab = tabOf(phone, '我的');
      if (await mineTab.count()) await mineTab.click();
      const before = await fontSizeOf(phone, '.adm-list-item-content-main');
      await largeTextSwitch(phone).click();
      await expect.poll(() => largeTextSwitch(phone).getAttribute('aria-checked')).toBe('true');
      expect(await phone.evaluate(() => Object.entries(localStorage).some(([k, v]) => k.includes('largeText') && v === '1'))).toBe(true);
      await phone.reload();
      await phone.locator('.h5-hero, .adm-nav-bar').first().waitFor();
      if (await mineTab.count()) await mineTab.click();
      expect((await fontSizeOf(phone, '.adm-list-item-content-main')) / before).toBeGreaterThanOrEqual(1.25);
      expect(await overflowsSideways(phone)).toBe(false);
      await judgePhoneScreens(phone, account.username, '大字', findings);
      expect(await overflowsSideways(phone)).toBe(false);
      await context.close();
      findings.assertNone();
    });
  }
});
