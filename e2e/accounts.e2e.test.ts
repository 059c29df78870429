import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, desktopPage, launchChromium, loginAt, phonePage } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/** The demo community account (中共梅花山社区委员会) and the demo 党员 of its first branch. */
const COMMUNITY = 'shequ';
const MEMBER = 'dangyuan';
const RESET_PASSWORD = 'Reset@2026e2e';
const OWN_PASSWORD = 'Mine@2026e2e';

let app: RunningApp;
let browser: Browser;
let page: Page;

describe(`账号管理：社区重置党员密码（${COMMUNITY}）`, () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await desktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('offers a community only the roles it may grant', async () => {
    await loginAt(page, app.url, '/accounts', COMMUNITY);
    await page.getByRole('button', { name: /新建账号/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.locator('.ant-select', { has: page.locator('#role') }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option-content');
    // The dropdown re-renders while it opens (its animation and the roles' load), so read it until
    // it settles rather than at the first instant an option shows.
    await expect.poll(() => options.allTextContents(), { timeout: 10_000 }).toEqual(['网格员', '党员', '驻区单位']);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('resets a member’s password in the UI; the member logs in with it and must change it on the phone pages', async () => {
    // The community finds its member's account and resets the password.
    await page.goto(`${app.url}/accounts`);
    await page.getByPlaceholder('用户名或姓名').fill(MEMBER);
    await page.getByPlaceholder('用户名或姓名').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: MEMBER });
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await row.getByText('重置密码').click();
    const dialog = page.getByRole('dialog', { name: /重置密码/ });
    await dialog.getByLabel('新密码').fill(RESET_PASSWORD);
    await dialog.getByRole('button', { name: /重\s*置/ }).click();
    await page.getByText(/已重置「.+」的密码/).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The member, on a phone (390×844), opens the site's login with the new password and lands on
    // the phone pages, which keep them on the password screen until they change it.
    const member = await phonePage(browser);
    await member.goto(`${app.url}/login`);
    await member.getByLabel('用户名').fill(MEMBER);
    await member.getByLabel('密码').fill(RESET_PASSWORD);
    await member.getByRole('button', { name: /登\s*录/ }).click();
    await member.waitForURL(`${app.url}/h5.html`);
    await member.getByText('首次登录或密码被管理员重置后，请先修改密码再使用其他功能', { exact: false }).waitFor();
    expect((await (await member.request.get(`${app.url}/api/auth/me`)).json()).mustChangePassword).toBe(true);
    await member.getByPlaceholder('请输入原密码').fill(RESET_PASSWORD);
    await member.getByPlaceholder('请输入新密码').fill(OWN_PASSWORD);
    await member.getByPlaceholder('请再次输入新密码').fill(OWN_PASSWORD);
    await member.getByRole('button', { name: '确认修改' }).click();
    await member.getByText('密码已修改', { exact: false }).waitFor();
    await expect.poll(async () => (await (await member.request.get(`${app.url}/api/auth/me`)).json()).mustChangePassword).toBe(false);
    await member.getByText('首次登录或密码被管理员重置后', { exact: false }).waitFor({ state: 'hidden' });

    // The old demo password no longer works; the member's own one does.
    const tries = async (password: string) => (await member.request.post(`${app.url}/api/auth/login`, { data: { username: MEMBER, password } })).status();
    expect(await tries(DEMO_PASSWORD)).toBe(401);
    expect(await tries(OWN_PASSWORD)).toBe(200);
    await member.context().close();
  });
});
