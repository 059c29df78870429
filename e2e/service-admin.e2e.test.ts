import type { ServicePlace, ServiceRequestDetail } from '@jiceng/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, desktopPage, launchChromium, loginAt } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 群众诉求 on the admin pages: the community secretary (shequ, 梅花山社区) registers a resident's
 * request at the desk (the duplicate hint names an open request of the same place and category, with
 * 并入该诉求 offered), accepts it and dispatches it to a grid from the drawer, and sees the 响应 clock
 * running on the drawer and in the list; 接诉即办统计 draws its chart and lists its rows. The test
 * makes what it needs itself (the demo requests are not relied on).
 */

let app: RunningApp;
let browser: Browser;

describe('群众诉求：登记、受理、派单、时限、统计', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('the community desk registers, accepts and dispatches a request to a grid; the figures page shows the chart and the table', async () => {
    const places = (await (await fetch(`${app.url}/api/resident/places`)).json()) as ServicePlace[];
    const community = places.find((p) => p.name === '中共梅花山社区委员会')!;
    expect(community.grids.length).toBeGreaterThan(0);
    const grid = community.grids[community.grids.length - 1]!;
    const stamp = Date.now() % 100000;
    const description = `梅花山小区${stamp}号楼电梯经常停运，老人上下楼困难，请尽快维修`;

    // an open request of the same place and category, worded alike: the hint must name it
    const desk = await apiAs(app.url, 'shequ');
    const earlier = await desk.call<ServiceRequestDetail>('POST', '/api/service/requests', {
      kind: 'help',
      categoryCode: 'repair',
      description: `梅花山小区${stamp}号楼电梯经常停运，老人上下楼很困难`,
      orgId: community.id,
      contactPhone: '13900001111',
      source: 'hotline',
    });

    const page = await desktopPage(browser);
    await loginAt(page, app.url, '/service/requests', 'shequ');
    await page.getByRole('menuitem', { name: /诉求办理/ }).waitFor();

    // 登记诉求
    await page.getByRole('button', { name: /登记诉求/ }).click();
    const form = page.getByRole('dialog', { name: '登记诉求' });
    await form.getByLabel('事项类别').click();
    await page.locator('.ant-select-item-option', { hasText: '设施维修' }).click();
    await form.getByLabel('所在社区/网格').click();
    await page.locator('.ant-select-tree-title', { hasText: /^中共梅花山社区委员会$/ }).click();
    await form.getByLabel('具体位置').fill(`梅花山小区${stamp}号楼`);
    await form.getByLabel('诉求描述').fill(description);
    await form.getByLabel('联系人').fill('张阿姨');
    await form.getByLabel('联系电话').fill('13912345678');
    await form.getByText(earlier.code).waitFor();
    await form.getByRole('button', { name: '并入该诉求' }).waitFor();
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await form.waitFor({ state: 'hidden' });

    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText(/^诉求 /).waitFor();
    const id = new URL(page.url()).searchParams.get('open')!;
    expect(id).not.toBe(earlier.id);
    const created = await desk.call<ServiceRequestDetail>('GET', `/api/service/requests/${id}`);
    expect(created.state).toBe('submitted');
    await drawer.getByText(`诉求 ${created.code}`).waitFor();
    await drawer
      .getByTestId('service-contact')
      .getByText(/139\*+5678|139.*5678/)
      .waitFor();
    await expect.poll(() => drawer.getByTestId('service-clock').textContent()).toMatch(/^受理 (剩|超时) /);

    // 受理 (the 办理类别 kept)
    await drawer.getByRole('button', { name: /^受\s*理$/ }).click();
    const accept = page.getByRole('dialog', { name: `受理：${created.code}` });
    await accept.getByRole('button', { name: /^受\s*理$/ }).click();
    await accept.waitFor({ state: 'hidden' });
    await drawer.locator('.ant-tag', { hasText: '已受理' }).waitFor();

    // 派单 to a grid, chosen by hand (with the reason a choice other than the rules' needs)
    await drawer.getByRole('button', { name: /^派\s*单$/ }).click();
    const dispatch = page.getByRole('dialog', { name: `派单：${created.code}` });
    // the 网格 choice is clicked again until its picker shows (a click while the dialog still zooms in can be lost)
    const gridPicker = dispatch.getByRole('combobox', { name: '承办网格' });
    await expect
      .poll(
        async () => {
          if ((await gridPicker.count()) === 0) await dispatch.getByText('网格', { exact: true }).click();
          return gridPicker.count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await gridPicker.click();
    await page.locator('.ant-select-item-option', { hasText: grid.name }).click();
    await dispatch.getByLabel('人工指定理由').fill('该楼栋由此网格负责');
    await dispatch.getByRole('button', { name: /^派\s*单$/ }).click();
    await dispatch.waitFor({ state: 'hidden' });
    await drawer.locator('.ant-tag', { hasText: '已派单' }).waitFor();
    await drawer.getByText(`${grid.name}（网格）`).waitFor();
    await expect.poll(() => drawer.getByTestId('service-clock').textContent()).toMatch(/^响应 剩 \d/);
    await drawer
      .getByTestId('service-due')
      .getByText(/响应时限 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
      .waitFor();
    await drawer.getByTestId('service-timeline').getByText('派单', { exact: true }).waitFor();
    const dispatched = await desk.call<ServiceRequestDetail>('GET', `/api/service/requests/${id}`);
    expect(dispatched.state).toBe('dispatched');
    expect(dispatched.assignee).toMatchObject({ type: 'grid', orgId: grid.id });

    // the list: the row with its state and its clock tag
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    const search = page.getByLabel('编号或描述');
    await search.fill(created.code);
    await search.press('Enter');
    const row = page.locator(`tr[data-row-key="${id}"]`);
    await row.locator('.ant-tag', { hasText: '已派单' }).waitFor();
    await expect.poll(() => row.getByTestId('service-clock').textContent()).toMatch(/^响应 剩 \d/);

    // 接诉即办统计: the six rates, the chart (a canvas) and the rows
    await page.getByRole('menuitem', { name: /接诉即办统计/ }).click();
    await page.waitForURL(/\/service\/figures/);
    await expect.poll(() => page.getByTestId('service-kpi').count()).toBe(6);
    await page
      .getByTestId('service-kpi')
      .filter({ hasText: '满意率' })
      .getByText(/^(\d+\.\d%|—)$/)
      .waitFor();
    const chart = page.getByRole('img', { name: /接诉即办六率对比/ });
    await chart.locator('canvas').first().waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.locator('.ant-table-thead th', { hasText: '满意率' }).waitFor();
    await page.context().close();
  });

  it('the 督导员 (service:read only) opens 诉求办理 and reads the requests of the district, with nothing to register or act on', async () => {
    const page = await desktopPage(browser);
    await loginAt(page, app.url, '/service/requests', 'dudao');
    await page.getByRole('menuitem', { name: /诉求办理/ }).waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /登记诉求/ }).count()).toBe(0);
    await page.locator('.ant-table-tbody tr.ant-table-row a').first().click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('诉求描述').first().waitFor();
    expect(await drawer.getByLabel('办理操作').count()).toBe(0);
    await page.context().close();
  });
});
