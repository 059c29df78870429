import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopPage, launchChromium, loginAt } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/** The demo street account: every list page with data to export. */
const USER = 'jiedao';
/** The demo 组织部 account: the whole district's member list, the longest list there is. */
const DISTRICT = 'zuzhibu';

let app: RunningApp;
let browser: Browser;
let page: Page;

/** Every list page's 导出: where it is, how it is started, what the file is called and its first header. */
const EXPORTS: { path: string; what: string; firstHeader: string; menuItem?: string }[] = [
  { path: '/members', what: '党员名册', firstHeader: '姓名', menuItem: '导出（身份证号、电话隐去部分）' },
  { path: '/orgs', what: '组织架构', firstHeader: '组织全称' },
  { path: '/org-setup', what: '组织设置预警', firstHeader: '组织名称' },
  { path: '/transfers', what: '组织关系转接', firstHeader: '转接方式' },
  { path: '/floating', what: '流动党员', firstHeader: '姓名' },
  { path: '/lost-contact', what: '失联党员', firstHeader: '姓名' },
  { path: '/hardship', what: '困难党员帮扶', firstHeader: '姓名' },
  { path: '/audit', what: '操作日志', firstHeader: '时间' },
  { path: '/org-terms', what: '换届预警', firstHeader: '组织名称' },
  { path: '/accounts', what: '账号列表', firstHeader: '用户名' },
  { path: '/report-ins', what: '在职党员报到', firstHeader: '姓名' },
];

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe(`表格：每页条数、跳页与导出（${USER}）`, () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await desktopPage(browser);
    await loginAt(page, app.url, '/members', USER);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("reaches the last page of the district's member list with the page size selector and the page jump", async () => {
    const district = await desktopPage(browser);
    await loginAt(district, app.url, '/members', DISTRICT);
    const page = district;
    const table = page.locator('.ant-table-wrapper').first();
    const totalText = table.locator('.ant-pagination-total-text');
    await expect.poll(() => totalText.textContent()).toMatch(/共 [\d,]+ 名党员/);
    const total = number(await totalText.textContent());
    expect(total).toBeGreaterThan(1000);

    // 100 条/页
    await table.locator('.ant-pagination-options-size-changer').click();
    await page.locator('.ant-select-dropdown:visible').getByText('100 条/页', { exact: true }).click();
    await page.waitForURL(/pageSize=100/);
    await expect.poll(() => table.locator('tr.ant-table-row').count(), { timeout: 30_000 }).toBe(100);

    // 跳至 the last page
    const last = Math.ceil(total / 100);
    const jump = table.locator('.ant-pagination-options-quick-jumper input');
    await jump.fill(String(last));
    await jump.press('Enter');
    await page.waitForURL(new RegExp(`page=${last}(&|$)`));
    await expect.poll(() => table.locator('.ant-pagination-item-active').textContent(), { timeout: 30_000 }).toBe(String(last));
    await expect.poll(() => table.locator('tr.ant-table-row').count(), { timeout: 30_000 }).toBe(total - (last - 1) * 100);

    // the same page and size survive a reload (they live in the URL)
    await page.reload();
    await expect.poll(() => table.locator('.ant-pagination-item-active').textContent(), { timeout: 30_000 }).toBe(String(last));
    await district.context().close();
  });

  it.each(EXPORTS)(
    '$path: 导出 downloads an .xlsx named after $what, whose and the date, with Chinese headers',
    async ({ path, what, firstHeader, menuItem }) => {
      await page.goto(`${app.url}${path}`);
      const button = page.getByRole('button', { name: /导出/ }).first();
      await button.waitFor();
      const downloaded = page.waitForEvent('download', { timeout: 60_000 });
      await button.click();
      if (menuItem) await page.getByRole('menuitem', { name: menuItem }).click();
      const file = await downloaded;
      expect(file.suggestedFilename()).toMatch(new RegExp(`^${what}_.+_\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ExcelJS.Buffer);
      const headers: string[] = [];
      wb.worksheets[0]!.getRow(1).eachCell((cell) => headers.push(String(cell.value ?? '').replace('*', '')));
      expect(headers[0]).toBe(firstHeader);
      expect(headers.length).toBeGreaterThan(4);
      expect(headers.every((h) => /\p{Script=Han}/u.test(h))).toBe(true);
    },
  );
});
