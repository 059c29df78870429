import type { TrainingMine, TrainingSession } from '@jiceng/contracts';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO_PASSWORD, desktopPage, launchChromium, loginAt, phonePage } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 党员教育培训 in the browser: the demo secretary (shuji) creates a session of her branch, meets a
 * stale save (someone changed it meanwhile: the Chinese 409 message, then the reloaded session),
 * records the demo 党员 孙丽 (dangyuan) as 全程参加, and 学时统计 shows 孙丽's year grown by the
 * session's 学时; on her phone 孙丽 opens 我的学时 and sees the same total and the session.
 */

let app: RunningApp;
let browser: Browser;

const HOURS = 6.5;
const fmt = (h: number) => String(Math.round(h * 10) / 10);

describe('党员教育培训：新建培训、登记参训、学时统计、我的学时', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('the secretary records the member at a new session; both the hours page and the phone show the hours', async () => {
    const member = await apiAs(app.url, 'dangyuan');
    const before = await member.call<TrainingMine>('GET', '/api/training/me');
    expect(before.hours).not.toBeNull();
    const memberId = before.hours!.memberId;
    const start = before.hours!.totalHours;
    const title = `端到端党员集中轮训${Date.now() % 100000}`;

    const sec = await desktopPage(browser);
    await loginAt(sec, app.url, '/training', 'shuji');
    await sec.getByRole('menuitem', { name: /培训班次/ }).waitFor();

    // 新建培训: the organizer is the secretary's branch, today, 集中轮训 by default
    await sec.getByRole('button', { name: /新建培训/ }).click();
    const form = sec.getByRole('dialog', { name: '新建培训' });
    await form.getByLabel('培训名称').fill(title);
    await form.getByLabel('学时', { exact: true }).fill(String(HOURS));
    await form.getByLabel(/培训地点/).fill('社区党群服务中心');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    const drawer = sec.locator('.ant-drawer-content');
    await drawer.getByText(title).waitFor();
    const id = new URL(sec.url()).searchParams.get('id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    // someone else saves while the form is open: the save is refused in Chinese and the session reloads
    await drawer
      .getByRole('button', { name: /修\s*改/ })
      .first()
      .click();
    const edit = sec.getByRole('dialog', { name: '修改培训' });
    await edit.getByLabel(/培训地点/).fill('社区党群服务中心二楼');
    const shuji = await apiAs(app.url, 'shuji');
    const current = await shuji.call<TrainingSession>('GET', `/api/training/sessions/${id}`);
    await shuji.call('PATCH', `/api/training/sessions/${id}`, { title: `${title}（调整）`, version: current.version });
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await sec
      .getByText(/该培训已被他人修改/)
      .first()
      .waitFor();
    await edit.waitFor({ state: 'hidden' });
    await drawer.getByText(`${title}（调整）`).first().waitFor();

    // 登记参训: 孙丽 of the branch, 全程参加 (the session's 学时)
    await drawer.getByRole('button', { name: /登记参训/ }).click();
    const sheet = sec.getByRole('dialog', { name: '登记参训情况' });
    const picker = sheet.getByLabel('参训党员');
    await picker.click();
    await picker.fill('孙丽');
    const option = sec.locator('.ant-select-item-option', { hasText: '孙丽（梅花山社区第一党支部）' }).first();
    await option.click();
    await sheet.locator('.ant-select-selection-item', { hasText: '孙丽' }).waitFor();
    // the list stays open for more names: close it (it may cover the 保存 button)
    await sheet.locator('.ant-modal-title').click();
    await option.waitFor({ state: 'hidden' });
    await sheet.getByRole('button', { name: /保\s*存/ }).click();
    await sheet.waitFor({ state: 'hidden' });
    const row = drawer.locator(`tr[data-row-key="${memberId}"]`);
    await row.getByText('全程参加').waitFor();
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe(fmt(HOURS));
    await expect.poll(() => drawer.getByTestId('training-attendance-counts').textContent()).toMatch(/参训 1 人次/);

    // 学时统计: 孙丽's year, grown by the session's hours
    await sec.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await sec.getByRole('menuitem', { name: /学时统计/ }).click();
    await sec.waitForURL(/\/training\/hours/);
    const byName = sec.getByLabel('姓名', { exact: true });
    await byName.fill('孙丽');
    await byName.press('Enter');
    const hoursRow = sec.locator(`tr[data-row-key="${memberId}"]`);
    await expect.poll(() => hoursRow.locator('td').nth(6).textContent()).toBe(fmt(start + HOURS));
    await sec.getByRole('img', { name: /培训学时达标情况/ }).waitFor();
    await sec.context().close();

    // 我的学时 on the member's phone: the same total and the session in her records
    const phone = await phonePage(browser);
    await phone.goto(`${app.url}/h5.html`);
    await phone.getByLabel('用户名').fill('dangyuan');
    await phone.getByLabel('密码').fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.locator('.adm-tab-bar-item-title', { hasText: '我的学时' }).click();
    await phone.getByRole('heading', { name: '我的学时' }).waitFor();
    await expect.poll(() => phone.getByTestId('my-training-hours').textContent()).toMatch(new RegExp(`^${fmt(start + HOURS).replace('.', '\\.')}\\s*/`));
    const record = phone.locator('.adm-list-item', { hasText: `${title}（调整）` });
    await record.getByText('全程参加').waitFor();
    await record.getByText(`${fmt(HOURS)} 学时`).waitFor();
    await phone.getByRole('progressbar', { name: '本年度学时完成度' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();
  });
  it('names every bad row of a rejected 网络培训 import, imports nothing, and gives the annotated file', async () => {
    const sec = await desktopPage(browser);
    await loginAt(sec, app.url, '/training', 'shuji');
    await sec.getByRole('menuitem', { name: /培训班次/ }).waitFor();
    // the template as downloaded, with two rows nobody can import
    const template = await sec.request.get(`${app.url}/api/training/import/template`);
    expect(template.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await template.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.addRow(['不存在的党员甲', '110101199001011234', '网络课程', '2026-13-40', 'abc']);
    ws.addRow(['不存在的党员乙']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await (await sec.request.get(`${app.url}/api/training/sessions?pageSize=1`)).json();

    await sec.locator('input[type="file"]').setInputFiles({
      name: '网络培训学时.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    const dialog = sec.getByRole('dialog', { name: '导入未成功，文件中有以下问题' });
    await dialog.getByText('没有导入任何学时', { exact: false }).waitFor();
    expect(await dialog.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    const download = sec.waitForEvent('download');
    await dialog.getByRole('button', { name: /下载错误报告/ }).click();
    expect((await download).suggestedFilename()).toMatch(/错误报告.*\.xlsx$/);
    await dialog.getByRole('button', { name: /^关\s*闭$/ }).click();
    // all or nothing: the list holds what it held
    expect((await (await sec.request.get(`${app.url}/api/training/sessions?pageSize=1`)).json()).total).toBe(before.total);
    await sec.context().close();
  });
});
