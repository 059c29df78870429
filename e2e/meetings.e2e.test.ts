import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, desktopPage, launchChromium, loginAt, phonePage } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 三会一课 in the browser: the demo secretary (shuji) plans a meeting for now, sends the notice and
 * shows the code; the demo 党员 signs in with it on the phone page; the secretary holds the
 * meeting, 补签s the others, writes the record, adds a vote and submits; the 督导员 (dudao) approves
 * with the checklist. The demo 党员 is not on her branch's committee (the seed gives the seats to
 * other members), so she is not expected at a 支委会: the meeting is a 支部党员大会, where every member is.
 */

let app: RunningApp;
let browser: Browser;

/** China time now, the start rounded down to 5 minutes (inside the sign-in window, and already begun). */
function slot(): { date: string; start: string; end: string } {
  const china = new Date(Date.now() + 8 * 3_600_000);
  const minutes = Math.floor((china.getUTCHours() * 60 + china.getUTCMinutes()) / 5) * 5;
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { date: china.toISOString().slice(0, 10), start: hm(minutes), end: hm(Math.min(minutes + 60, 23 * 60 + 59)) };
}

/** Fills a date or time picker of a form and confirms it. */
async function pick(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Takes a workflow step whose button asks to confirm. */
async function step(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page
    .locator('.ant-popover:visible')
    .getByRole('button', { name: /确\s*定/ })
    .click();
}

const stateTag = (page: Page) => page.locator('.ant-card-head-title .ant-tag').nth(1);

describe('三会一课：计划、通知、签到、召开、记录、表决、提交、审核', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('runs a 支部党员大会 from plan to 审核通过 in the admin and phone pages', async () => {
    const { date, start, end } = slot();
    const title = `支部党员大会（端到端 ${start}）`;
    const sec = await desktopPage(browser);
    await loginAt(sec, app.url, '/meetings', 'shuji');

    // 计划会议: the branch is the secretary's own, the type 支部党员大会 by default
    await sec.getByRole('button', { name: /计划会议/ }).click();
    const plan = sec.getByRole('dialog', { name: '计划会议' });
    await plan.getByLabel('会议名称').fill(title);
    await plan.getByLabel('议题').fill('学习党章；讨论近期工作');
    await pick(sec, '会议日期', date);
    await pick(sec, '开始时间', start);
    await pick(sec, '结束时间', end);
    await plan.getByLabel('地点').fill('社区党群服务中心');
    await plan.getByRole('button', { name: /保\s*存/ }).click();
    await sec.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await expect.poll(() => stateTag(sec).textContent()).toBe('计划');

    // 发布通知 fixes 应到 and issues the code, shown big
    await step(sec, '发布通知');
    await expect.poll(() => stateTag(sec).textContent()).toBe('已通知');
    await sec.getByRole('tab', { name: '签到码' }).click();
    const code = (await sec.getByTestId('signin-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await expect(sec.getByAltText('会议签到二维码').isVisible()).resolves.toBe(true);

    // the 党员 signs in with the code on her phone
    const phone = await phonePage(browser);
    await phone.goto(`${app.url}/h5.html`);
    await phone.getByLabel('用户名').fill('dangyuan');
    await phone.getByLabel('密码').fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.locator('.adm-tab-bar-item-title', { hasText: '我的会议' }).click();
    await phone.getByRole('button', { name: '输入签到码签到' }).click();
    await phone.locator('#signin-code').fill(code);
    await phone.getByRole('button', { name: '签到', exact: true }).click();
    await phone.getByText('签到成功').first().waitFor();
    await phone.context().close();

    // 确认召开; the others are 补签ed by the secretary
    await sec.reload();
    await step(sec, '确认召开');
    await expect.poll(() => stateTag(sec).textContent()).toBe('已召开');
    await sec.getByRole('tab', { name: /参会人员/ }).click();
    await expect.poll(() => sec.getByTestId('attendance-counts').textContent()).toMatch(/实到 1 人/);
    const resign = sec.getByRole('button', { name: /补签$/ });
    for (let n = await resign.count(); n > 0; n--) {
      await resign.first().click();
      await expect.poll(() => resign.count()).toBe(n - 1);
    }

    // 会议记录
    await sec.getByRole('tab', { name: '会议记录' }).click();
    await sec.getByLabel('主持人').fill('张建华');
    await sec.getByLabel('记录人').fill('李敏');
    await sec.getByLabel('发言要点').fill('书记传达上级精神，党员逐一发言交流学习体会。');
    await sec.getByRole('button', { name: '保存会议记录' }).click();
    await expect.poll(() => stateTag(sec).textContent()).toBe('已记录');

    // a vote, judged by the server
    await sec.getByRole('tab', { name: /表决/ }).click();
    await sec.getByRole('button', { name: /登记表决/ }).click();
    const vote = sec.getByRole('dialog', { name: '登记表决结果' });
    await vote.getByLabel('表决事项').fill('通过支部年度工作计划');
    await vote.getByLabel('赞成票').fill('1');
    await vote.getByRole('button', { name: /保\s*存/ }).click();
    await vote.waitFor({ state: 'hidden' });
    await sec.getByText('达到法定人数').waitFor();

    await step(sec, '提交审核');
    await expect.poll(() => stateTag(sec).textContent()).toBe('已提交审核');
    const path = new URL(sec.url()).pathname;

    // the 督导员 approves with the checklist (the state 已审核 is named 审核通过 by the rule set)
    const sup = await desktopPage(browser);
    await loginAt(sup, app.url, path, 'dudao');
    await sup.getByRole('button', { name: '审核通过', exact: true }).click();
    const review = sup.getByRole('dialog', { name: /审核通过/ });
    const met = review.locator('.ant-radio-button-wrapper').filter({ hasText: /^符合$/ });
    for (let i = 0; i < (await met.count()); i++) await met.nth(i).click();
    await review.getByText(/可以审核通过/).waitFor();
    await review.getByRole('button', { name: '审核通过', exact: true }).click();
    await expect.poll(() => stateTag(sup).textContent()).toBe('审核通过');
    await sup.goto(`${app.url}${path}?tab=history`);
    await sup.getByText('赵国庆').first().waitFor();

    // the printable record: the ledger with the signature lines
    await sup.goto(`${app.url}${path}/print`);
    await sup.getByRole('heading', { name: '会议记录' }).waitFor();
    await expect(sup.getByText('主持人签字').isVisible()).resolves.toBe(true);
    await expect(sup.getByText(title).isVisible()).resolves.toBe(true);
  });
});
