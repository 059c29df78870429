import type { OrgSummary } from '@jiceng/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopPage, launchChromium, loginAt } from './browser.ts';
import { idNumberFor, rosterFile, type RosterRow } from './roster.ts';
import { startApp, type RunningApp } from './server.ts';

/** The demo street account: its scope is 中共孝陵街道工作委员会, so it sees both ends of a transfer inside the street. */
const USER = 'jiedao';

let app: RunningApp;
let browser: Browser;
let page: Page;

/** Two active 党支部 of the account's scope whose full names are unique there (the roster names branches by full name). */
async function twoBranches(): Promise<[OrgSummary, OrgSummary]> {
  const res = await page.request.get(`${app.url}/api/orgs?type=branch&pageSize=200`);
  const items = ((await res.json()) as { items: OrgSummary[] }).items.filter((o) => o.status === 'active');
  const unique = items.filter((o) => items.filter((x) => x.name === o.name).length === 1);
  const [from, to] = unique;
  if (!from || !to) throw new Error('演示数据中没有两个可用的党支部');
  return [from, to];
}

describe(`党员名册导入、查找与组织关系转接（${USER}）`, () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await desktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('imports a roster, finds a member by name, and moves them to another branch by a transfer accepted by the receiver', async () => {
    await loginAt(page, app.url, '/members', USER);
    const [from, to] = await twoBranches();

    // A roster of three members in one branch of the street; names unlikely to exist in the demo data.
    const base = { ethnicity: '汉族', education: '大学本科', occupation: '专业技术人员', status: '正式党员', branchName: from.name } as const;
    const rows: RosterRow[] = [
      { ...base, name: '端木青禾', idNumber: idNumberFor('1986-04-12', false), joinedDate: '2010-06-28', phone: '13912340001', categories: '在职' },
      { ...base, name: '欧阳远航', idNumber: idNumberFor('1979-11-03', true), joinedDate: '2003-07-01', categories: '在职、党务工作者' },
      { ...base, name: '司马秋实', idNumber: idNumberFor('1958-02-20', true), joinedDate: '1985-05-04', occupation: '离退休人员', categories: '离退休' },
    ];
    const target = rows[0]!;

    // Import through the import page and wait for it to finish.
    await page.getByRole('button', { name: '导入党员名册' }).click();
    await page.waitForURL(`${app.url}/members/import`);
    await page.locator('input[type="file"]').setInputFiles({ name: '党员名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await rosterFile(rows) });
    const outcome = page.getByText(/^(导入完成|导入失败.*)$/).first();
    await outcome.waitFor({ timeout: 90_000 });
    expect(await outcome.textContent()).toBe('导入完成');
    const imported = (await (await page.request.get(`${app.url}/api/members?orgId=${from.id}&pageSize=200`)).json()) as { items: { name: string }[] };
    expect(imported.items.map((m) => m.name)).toEqual(expect.arrayContaining(rows.map((r) => r.name)));

    // Find the member by name in the list and open the record.
    await page.goto(`${app.url}/members`);
    await page.getByPlaceholder('姓名、身份证号或手机号').fill(target.name);
    await page.getByPlaceholder('姓名、身份证号或手机号').press('Enter');
    const table = page.locator('.ant-table-tbody');
    await expect.poll(() => table.locator('tr.ant-table-row').count()).toBe(1);
    await table.getByRole('link', { name: target.name }).click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    const memberUrl = page.url();
    const memberId = memberUrl.split('/').pop()!;
    await expect.poll(() => page.getByTestId('member-title').textContent()).toBe(target.name);
    await expect.poll(() => page.getByTestId('member-org').textContent()).toBe(from.name);

    // Start a transfer to another branch of the street (发起转接).
    await page.getByRole('button', { name: '办理转接' }).click();
    await page.waitForURL(`${app.url}/transfers?memberId=${memberId}`);
    const form = page.getByRole('dialog', { name: '发起转接' });
    await form.getByLabel('接收党支部').fill(to.name);
    await page.locator('.ant-select-dropdown:visible').getByText(to.name, { exact: true }).click();
    await form.locator('.ant-select-selection-item', { hasText: to.name }).waitFor();
    await form.locator('.ant-select-selection-item', { hasText: target.name }).waitFor();
    await form.getByRole('button', { name: '发起转接' }).click();
    await expect.poll(() => form.isVisible()).toBe(false);

    // Listed as sent; the member stays with the sender until the receiver accepts.
    const sent = page.locator('.ant-table-row', { hasText: target.name });
    await sent.getByText('待接收').waitFor();
    await expect.poll(() => sent.getByText(to.name).count()).toBeGreaterThan(0);
    await expect.poll(async () => ((await (await page.request.get(`${app.url}/api/members/${memberId}`)).json()) as { orgId: string }).orgId).toBe(from.id);

    // Accept it as the receiving side (转入 → 接收); the street account sees both ends.
    await page.getByRole('tab', { name: '转入' }).click();
    const incoming = page.locator('.ant-table-row', { hasText: target.name });
    await incoming.getByRole('button', { name: /接\s*收/ }).click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: /接\s*收/ }).click();
    await expect.poll(() => incoming.count()).toBe(0);

    // The record now shows the receiving branch.
    await page.goto(memberUrl);
    await expect.poll(() => page.getByTestId('member-org').textContent()).toBe(to.name);
  });
});
