import type { MeetingDetail, MeetingSigninCode } from '@jiceng/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations, settle } from './axe.ts';
import { apiAs, DEMO_PASSWORD, launchChromium } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

let app: RunningApp;
let browser: Browser;

/** Now in China as date and HH:MM, moved by `minutes`, clamped to the same day. */
function chinaNow(minutes: number): { date: string; time: string } {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const date = now.toISOString().slice(0, 10);
  const m = Math.min(23 * 60 + 59, Math.max(0, now.getUTCHours() * 60 + now.getUTCMinutes() + minutes));
  return { date, time: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
}

/** A phone page (390×844, touch) that lets the test's axe-core script past the app's CSP. */
async function phonePage(b: Browser): Promise<Page> {
  const page = await (
    await b.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', bypassCSP: true })
  ).newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** axe-core on the screen as it is now: no WCAG 2.1 AA violation. */
async function expectAccessible(page: Page, where: string) {
  await settle(page);
  const v = await axeViolations(page);
  expect(v, formatViolations(where, v)).toEqual([]);
}

async function h5Login(page: Page, path = '/h5.html') {
  await page.goto(`${app.url}${path}`);
  await page.getByPlaceholder('请输入用户名').fill('dangyuan');
  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('H5 我的会议: the demo member signs in to a meeting by code and by the QR link', () => {
  let code: MeetingSigninCode;
  let title: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    // a meeting of the demo branch starting about now (the sign-in window is 30 minutes either side)
    const shuji = await apiAs(app.url, 'shuji');
    const start = chinaNow(-5);
    const end = chinaNow(55);
    title = `手机签到测试党员大会${start.time.replace(':', '')}`;
    const planned = await shuji.call<MeetingDetail>('POST', '/api/meetings', {
      orgId: shuji.me.orgId,
      type: 'branch_assembly',
      title,
      topics: '学习党的二十届四中全会精神',
      date: start.date,
      startTime: start.time,
      endTime: end.time > start.time ? end.time : '23:59',
      place: '社区党群服务中心二楼会议室',
    });
    await shuji.call('POST', `/api/meetings/${planned.id}/notify`, {});
    code = await shuji.call<MeetingSigninCode>('GET', `/api/meetings/${planned.id}/signin`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens 我的会议 at 390×844, reads the notice and signs in with the code; the list says 已签到', async () => {
    const page = await phonePage(browser);
    await h5Login(page);
    await page.getByText('我的会议', { exact: true }).last().click();
    await page.getByRole('heading', { name: '我的会议' }).waitFor();
    const row = page.locator('.adm-list-item', { hasText: title });
    await row.getByText('未签到').waitFor();
    await row.click();
    await page.getByRole('heading', { name: '会议通知' }).waitFor();
    await page.getByText('社区党群服务中心二楼会议室').waitFor();
    await page.getByText('学习党的二十届四中全会精神').waitFor();
    await expectAccessible(page, '会议通知');
    await page.getByRole('button', { name: '签到' }).click();

    // a wrong code first: the server's refusal is shown
    await page.getByLabel('签到码').fill('ZZZZZZ');
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/签到码无效/)
      .waitFor();
    await page.getByLabel('签到码').fill(code.code.toLowerCase());
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await page.getByRole('status').getByText('签到成功', { exact: true }).waitFor();
    await expectAccessible(page, '签到成功');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    await page.locator('.adm-list-item', { hasText: title }).getByText('已签到').waitFor();
  });

  it('opens the QR link before login, signs in with its token right after, and answers 已签到 (also in 大字 mode)', async () => {
    const page = await phonePage(browser);
    await page.addInitScript(() => localStorage.setItem('jiceng.h5.largeText', '1'));
    await h5Login(page, code.path);
    await page.getByRole('status').getByText('已签到', { exact: true }).waitFor();
    await page.getByText(/首次签到/).waitFor();
    await expectAccessible(page, '扫码签到 已签到（大字）');
    expect(await page.evaluate(() => document.documentElement.classList.contains('h5-large-text'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('heading', { name: '我的会议' }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/meetings');
    await expectAccessible(page, '我的会议（大字）');

    // 消息: the notice arrived as a notification; opening it marks it read and leads to 我的会议
    await page.getByText('我的', { exact: true }).last().click();
    await page.getByText(/^消息（全部/).click();
    await page.getByRole('heading', { name: '消息' }).waitFor();
    // the list has loaded and 全部标为已读 turned enabled (its fade from the disabled look is over) before axe reads colours
    await page.locator('.adm-list-item', { hasText: `会议通知：${title}` }).waitFor();
    const markAll = page.getByRole('button', { name: /全部标为已读/ });
    await expect.poll(() => markAll.isEnabled()).toBe(true);
    await expect.poll(() => markAll.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
    await settle(page);
    await expectAccessible(page, '消息（大字）');
    await page.locator('.adm-list-item', { hasText: `会议通知：${title}` }).click();
    await page.getByRole('heading', { name: '我的会议' }).waitFor();
  });
});
