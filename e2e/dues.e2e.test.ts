import type { DuesLedger, DuesMine, DuesSummary } from '@jiceng/contracts';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthText, yuanText } from '../apps/web/src/features/dues/ledgerForm.ts';
import { apiAs, DEMO_PASSWORD, desktopPage, launchChromium, loginAt, phonePage } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 党费台账 in the browser: the demo secretary (shuji) sets the demo 党员 孙丽 (dangyuan) a 党费基数
 * (在职, 5100 元 → 76.5 元 in the 1.5% bracket) from this month, records this month's payment in her
 * 党费交纳记录, and sees her 已交 in the branch's 党费台账 with the month's totals, and the received
 * amount in 党费统计; on her phone 孙丽 opens 我的党费 and sees the month paid.
 */

let app: RunningApp;
let browser: Browser;

/** The shown value of the 统计 card titled `title` inside `within`. */
const statistic = (within: Locator, title: string) =>
  within
    .locator('.ant-statistic')
    .filter({ has: within.page().locator('.ant-statistic-title').getByText(title, { exact: true }) })
    .locator('.ant-statistic-content-value');

describe('党费台账：设置基数、登记交纳、台账与统计、我的党费', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('the secretary sets the base and records the month; the ledger, the summary and the phone show it', async () => {
    const member = await apiAs(app.url, 'dangyuan');
    const before = await member.call<DuesMine>('GET', '/api/dues/me');
    const { memberId, currentMonth: month } = before;
    expect(before.rows.find((r) => r.month === month)?.state ?? 'no_basis').not.toBe('paid');

    const sec = await desktopPage(browser);
    await loginAt(sec, app.url, `/members/${memberId}?tab=dues`, 'shuji');

    // 设置基数: this month on, 在职党员, 5100 元 → 76.5 元, shown with its bracket
    await sec.getByRole('button', { name: '设置基数' }).click();
    const basis = sec.getByRole('dialog', { name: '设置党费基数' });
    await basis.getByLabel('每月计算基数（元）').fill('5100');
    await basis.getByRole('button', { name: /保\s*存/ }).click();
    await basis.waitFor({ state: 'hidden' });
    const bases = sec.locator('.ant-table').first();
    // the demo gave her a base from January already: the new row is the one at 76.5 元
    const row = bases.locator('tr', { has: sec.getByText('76.5 元', { exact: true }) });
    await row.getByText('5000元以上至10000元（含10000元） 1.5%').waitFor();

    // 党费交纳记录: 本月应交 follows the base; 登记交纳 opens on this month at its due
    const payments = sec.getByRole('region', { name: '党费交纳记录' });
    await payments.getByTestId('dues-member-summary').getByText('76.50 元').waitFor();
    await payments.getByRole('button', { name: '登记交纳' }).click();
    const pay = sec.getByRole('dialog', { name: /登记交纳党费/ });
    await expect.poll(() => pay.getByTestId('dues-payment-total').textContent()).toBe('合计：76.50 元');
    await pay.getByRole('button', { name: /登\s*记/ }).click();
    await pay.waitFor({ state: 'hidden' });
    const paidRow = payments.locator(`tr[data-row-key="${month}"]`);
    await paidRow.getByText('已交').waitFor();
    await paidRow.getByText('76.50 元').first().waitFor();
    await payments
      .getByRole('button', { name: /撤\s*销/ })
      .first()
      .waitFor();

    // 党费台账 of the branch this month: 孙丽 已交, and the totals as the server adds them up
    await sec.getByRole('menuitem', { name: /党费台账/ }).click();
    await sec.waitForURL(/\/dues\/ledger/);
    const shuji = await apiAs(app.url, 'shuji');
    const ledger = await shuji.call<DuesLedger>('GET', '/api/dues/ledger');
    expect(ledger.rows.find((r) => r.memberId === memberId)?.state).toBe('paid');
    const ledgerRow = sec.locator(`tr[data-row-key="${memberId}"]`);
    await ledgerRow.getByText('已交').waitFor();
    const totals = sec.getByTestId('dues-ledger-totals');
    await expect.poll(() => statistic(totals, '实交金额').textContent()).toBe(yuanText(ledger.totals.paidFen));
    await expect.poll(() => statistic(totals, '应交金额').textContent()).toBe(yuanText(ledger.totals.dueFen));
    await expect.poll(() => statistic(totals, '已交人数').textContent()).toBe(String(ledger.totals.paidMembers));
    expect(ledger.totals.paidFen).toBeGreaterThanOrEqual(7650);

    // 党费统计: the branch's received amount this year, and the chart of the months
    await sec.getByRole('menuitem', { name: /党费统计/ }).click();
    await sec.waitForURL(/\/dues\/summary/);
    const summary = await shuji.call<DuesSummary>('GET', '/api/dues/summary');
    expect(summary.totals.paidFen).toBeGreaterThanOrEqual(7650);
    await expect.poll(() => statistic(sec.getByTestId('dues-summary-totals'), '实收金额').textContent()).toBe(yuanText(summary.totals.paidFen));
    await sec.getByRole('img', { name: /党费按月收缴情况/ }).waitFor();
    await sec.context().close();

    // 我的党费 on 孙丽's phone: this month 已交 with the amount, and 党费缴至
    const after = await member.call<DuesMine>('GET', '/api/dues/me');
    const phone = await phonePage(browser);
    await phone.goto(`${app.url}/h5.html`);
    await phone.getByLabel('用户名').fill('dangyuan');
    await phone.getByLabel('密码').fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.locator('.adm-tab-bar-item-title', { hasText: '我的党费' }).click();
    await phone.getByRole('heading', { name: '我的党费' }).waitFor();
    await expect.poll(() => phone.getByTestId('my-dues-monthly').textContent()).toMatch(/76\.50 元/);
    const record = phone.locator('.adm-list-item', { hasText: monthText(month) }).filter({ hasText: '实交' });
    await record.getByText('已交').waitFor();
    await record.getByText('实交 76.50 元').waitFor();
    if (after.paidTo) await phone.locator('.adm-list-item', { hasText: '党费缴至' }).getByText(monthText(after.paidTo)).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();
  });
});
