import type { Me } from '@jiceng/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopPage, launchChromium, loginAt } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

let app: RunningApp;
let browser: Browser;

/** A phone-sized page (390×844, the width the admin UI has to work at). */
async function phonePage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

describe('small fixes: appraisal branch, tree label, icon, phone title, phone-width toolbars', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('民主评议 picks the only branch of a one-branch account and opens its sheet', async () => {
    const page = await desktopPage(browser);
    await loginAt(page, app.url, '/', 'shuji');
    const me = (await (await page.request.get(`${app.url}/api/auth/me`)).json()) as Me;
    await page.goto(`${app.url}/appraisals`);
    await page.waitForURL(new RegExp(`orgId=${me.orgId}`));
    const picked = page.locator('.ant-select', { has: page.locator('#appraisal-branch') }).locator('.ant-select-selection-item');
    await expect.poll(() => picked.textContent()).toBe(me.orgName);
    // the sheet opened (a 党委 or 党小组 would answer 400 and show 无法打开评议表)
    await page.getByText('参加评议', { exact: true }).waitFor();
    expect(await page.getByText('无法打开评议表').count()).toBe(0);
  });

  it('民主评议 offers only 党支部 and 联合党支部 to a street account', async () => {
    const page = await desktopPage(browser);
    await loginAt(page, app.url, '/appraisals', 'jiedao');
    await page.locator('#appraisal-branch').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    const titles = await options.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
    for (const t of titles) expect(t).toMatch(/（(党支部|联合党支部)）$/);
  });

  it('labels the number on a tree node as 下级组织, with a tooltip', async () => {
    const page = await desktopPage(browser);
    await loginAt(page, app.url, '/orgs', 'jiedao');
    const count = page.getByTestId('org-child-count').first();
    await expect.poll(() => count.textContent()).toMatch(/^下级组织 \d+$/);
    await count.hover();
    await expect.poll(() => page.locator('.ant-tooltip:visible').textContent()).toMatch(/^直属下级组织 \d+ 个/);
  });

  it('answers /favicon.ico with an icon', async () => {
    const res = await fetch(`${app.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/icon/);
  });

  it('titles the phone pages 基层党建·手机版', async () => {
    const page = await phonePage();
    await page.goto(`${app.url}/h5.html`);
    await page.getByPlaceholder('请输入用户名').waitFor();
    expect(await page.title()).toBe('基层党建·手机版');
  });

  it('at 390×844 keeps the members list toolbar inside the viewport, the menu behind a button', async () => {
    const page = await phonePage();
    await loginAt(page, app.url, '/members', 'jiedao');
    const card = page.locator('.ant-card', { has: page.getByText('党员管理', { exact: true }) }).first();
    const toolbar = card.locator('.ant-card-extra');
    await toolbar.getByRole('button', { name: /登记党员/ }).waitFor();
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(390);
    // the title keeps its room (it was squeezed to nothing beside the buttons)
    expect((await card.locator('.ant-card-head-title').boundingBox())!.width).toBeGreaterThan(40);
    const buttons = toolbar.locator('button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(2);
    // every toolbar button whole, inside the viewport and inside its card (none cut off at the edge)
    for (const box of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThan(0);
      expect(box.left).toBeGreaterThanOrEqual(cardBox.x);
      expect(box.right).toBeLessThanOrEqual(Math.min(390, cardBox.x + cardBox.width));
      expect(box.bottom).toBeLessThanOrEqual(844);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // the side menu is a drawer opened from the header
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await page.getByTestId('menu-button').click();
    await page.locator('.ant-drawer-open .ant-menu-item', { hasText: '组织架构' }).click();
    await page.waitForURL(`${app.url}/orgs`);
  });
});
