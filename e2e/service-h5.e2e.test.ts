import type { ServiceCategory, ServiceFigures, ServicePlace } from '@jiceng/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations, settle } from './axe.ts';
import { apiAs, DEMO_PASSWORD, launchChromium } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

let app: RunningApp;
let browser: Browser;

/** A 4×4 red PNG (a real image: the server reads its size). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IiYDRwzEcQCagw9hrFUYAQAAAABJRU5ErkJggg==', 'base64');

/** A phone page (390×844, touch) that lets the test's axe-core script past the app's CSP. */
async function phonePage(b: Browser): Promise<Page> {
  const page = await (
    await b.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', bypassCSP: true })
  ).newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function expectAccessible(page: Page, where: string) {
  await settle(page);
  const v = await axeViolations(page);
  expect(v, formatViolations(where, v)).toEqual([]);
}

const figures = async (shequ: Awaited<ReturnType<typeof apiAs>>) => (await shequ.call<ServiceFigures>('GET', '/api/service/figures')).total;

describe('H5 群众诉求: 点单 → 派单 → 接单 → 评单 on phones', () => {
  beforeAll(async () => {
    // info: the resident's login code is read from the server log (no SMS gateway)
    app = await startApp({ logLevel: 'info' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('a resident logs in by phone and submits in three taps with a photo; 网格员 takes and resolves it with a photo; 满意 counts in the figures', async () => {
    const categories = (await (await fetch(`${app.url}/api/resident/categories`)).json()) as ServiceCategory[];
    const places = (await (await fetch(`${app.url}/api/resident/places`)).json()) as ServicePlace[];
    const community = places.find((p) => p.name === '中共梅花山社区委员会')!;
    const grid = community.grids.find((g) => g.name === '梅花山社区第一网格党支部')!;
    expect(grid).toBeTruthy();
    const shequ = await apiAs(app.url, 'shequ');
    const before = await figures(shequ);
    const description = `梅花新村12栋楼道灯坏了一周，晚上很黑${Date.now() % 10_000}`;

    // 群众: the 微心愿 screen's login link (a path) opens the phone page's login; phone and code
    const resident = await phonePage(browser);
    await resident.goto(`${app.url}/h5/resident/login`);
    await resident.waitForURL(/\/h5\.html#\/resident\/login/);
    await resident.getByRole('heading', { name: '群众登录' }).waitFor();
    await resident.getByText('未接入短信网关时，验证码记录在服务器日志中（演示环境）').waitFor();
    await resident.getByLabel('手机号码').fill('13912345678');
    await resident.getByRole('button', { name: '获取验证码' }).click();
    await resident.getByRole('button', { name: /秒后重新获取/ }).waitFor();
    await resident
      .getByRole('status')
      .getByText(/验证码已发送至 139\*{4}5678/)
      .waitFor();
    await resident.getByLabel('验证码').fill(await app.residentCode());
    await resident.getByLabel(/称呼/).fill('王阿姨');
    await resident.getByRole('button', { name: '登录' }).click();
    await resident.getByRole('heading', { name: '群众服务' }).waitFor();
    await resident.getByText('王阿姨（139****5678）').waitFor();

    // tap 1: the kind stays 求助, a category button; tap 2: text and a photo; tap 3: the place, 提交
    await resident.getByRole('link', { name: /我要反映/ }).click();
    await resident.getByRole('group', { name: '事项类别' }).waitFor();
    await expect.poll(() => resident.getByRole('button', { name: '求助', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(resident, '我要反映 第1步');
    await resident.getByRole('button', { name: categories[0]!.name, exact: true }).click();
    await resident.getByLabel(/请描述您遇到的问题/).fill(description);
    await resident.getByLabel('添加现场照片').setInputFiles({ name: '楼道.png', mimeType: 'image/png', buffer: PNG });
    await resident.locator('.adm-image-uploader-cell').first().waitFor();
    await expectAccessible(resident, '我要反映 第2步');
    await resident.getByRole('button', { name: '下一步' }).click();
    await resident.locator('.adm-list-item', { hasText: '所在社区' }).click();
    await resident.getByPlaceholder('输入社区或街道名称').fill('梅花山');
    await resident.locator('.adm-popup .adm-list-item', { hasText: '中共梅花山社区委员会' }).click();
    await resident.locator('.adm-popup .adm-list-item', { hasText: '梅花山社区第一网格党支部' }).click();
    await resident.getByText(`中共梅花山社区委员会 · 梅花山社区第一网格党支部`).waitFor();
    await resident.getByLabel(/具体位置/).fill('梅花新村 12 栋');
    await resident.getByRole('button', { name: '提交' }).click();
    await resident.getByRole('heading', { name: '诉求详情' }).waitFor();
    await resident.getByText(description).waitFor();
    await resident.getByText('待受理', { exact: true }).waitFor();
    await resident.getByRole('img', { name: '现场照片1' }).waitFor();
    const id = /#\/resident\/requests\/([0-9a-f-]+)/.exec(resident.url())![1]!;
    // remembered for next time
    expect(await resident.evaluate(() => localStorage.getItem('jiceng.h5.servicePlace'))).toContain(grid.id);

    // 社区 (the demo community account): 受理, 派单 to the grid
    await shequ.call('POST', `/api/service/requests/${id}/actions`, { action: 'accept' });
    await shequ.call('POST', `/api/service/requests/${id}/actions`, { action: 'dispatch', assignee: { type: 'grid', orgId: grid.id } });

    // 网格员: logging in on the desktop login page lands on 我的工单 on the phone page
    const worker = await phonePage(browser);
    await worker.goto(`${app.url}/login`);
    await worker.getByLabel('用户名').fill('wangge');
    await worker.getByLabel('密码').fill(DEMO_PASSWORD);
    await worker.getByRole('button', { name: /登\s*录/ }).click();
    await worker.waitForURL(/\/h5\.html#\/orders$/);
    await worker.getByRole('heading', { name: '我的工单' }).waitFor();
    const row = worker.locator('.adm-list-item', { hasText: description });
    await row.getByText('已派单', { exact: true }).waitFor();
    await row.getByText(/剩余|已超时/).waitFor();
    await row.click();
    await worker.getByRole('heading', { name: '工单详情' }).waitFor();
    await worker.getByRole('button', { name: '接单' }).click();
    await worker.getByText('办理中', { exact: true }).waitFor();
    await worker.getByLabel(/办理结果/).fill('已更换楼道声控灯，现已正常照明');
    await worker.getByLabel('添加办结照片').setInputFiles({ name: '修好了.png', mimeType: 'image/png', buffer: PNG });
    await worker.locator('.adm-image-uploader-cell').first().waitFor();
    await expectAccessible(worker, '工单详情 办结');
    await worker.getByRole('button', { name: '办结', exact: true }).click();
    await worker.getByText('已办结', { exact: true }).waitFor();
    await worker.getByRole('img', { name: '办结照片1' }).waitFor();

    // 群众: the result with its photo, the timeline; 评价 满意
    await resident.reload();
    await resident.getByText('已办结', { exact: true }).waitFor();
    await resident.getByText('已更换楼道声控灯，现已正常照明').waitFor();
    await resident.getByRole('img', { name: '办结照片1' }).waitFor();
    await resident.getByText(/接单 → 办理中/).waitFor();
    await resident.getByRole('button', { name: '不满意' }).click();
    await resident.getByText(/将退回承办人重新办理/).waitFor();
    await resident.getByRole('button', { name: '满意', exact: true }).click();
    await resident.getByLabel(/评价意见/).fill('修得很快，谢谢');
    await resident.getByRole('button', { name: '提交评价' }).click();
    await resident.locator('.adm-list-item', { hasText: '我的评价' }).getByText('满意', { exact: true }).waitFor();
    await resident.getByRole('button', { name: '返回' }).click();
    await resident.getByRole('heading', { name: '我的诉求' }).waitFor();
    await resident.locator('.adm-list-item', { hasText: description }).waitFor();
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // the admin figures: one more rated, one more satisfied
    const after = await figures(shequ);
    expect(after.rated).toBe(before.rated + 1);
    expect(after.satisfied).toBe(before.satisfied + 1);
    expect(after.total).toBe(before.total + 1);
  });
});
