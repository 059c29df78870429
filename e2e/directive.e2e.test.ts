import type { DirectiveDetail } from '@jiceng/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, desktopPage, launchChromium, loginAt } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 任务督办 in the browser: the demo street (jiedao) sends a task to every 社区党委 of 孝陵街道 and sees
 * them all 未签收; the community (shequ) opens it, signs for it and reports it done; back on the
 * street's page the counts show one 已完成 and 梅花山社区's row reads 已完成.
 */

let app: RunningApp;
let browser: Browser;
const TITLE = `端到端下发任务${Date.now() % 100000}`;
const COMMUNITY = '中共梅花山社区委员会';

describe('任务督办：下发到街道各社区、社区签收并上报完成、街道看到办理情况', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sends to the street’s communities, the community signs and reports, the street sees the counts', async () => {
    const street = await desktopPage(browser);
    await loginAt(street, app.url, '/directives', 'jiedao');
    await street.getByRole('button', { name: /下发任务/ }).click();
    const dialog = street.getByRole('dialog', { name: '下发任务' });
    await dialog.getByLabel('标题', { exact: true }).fill(TITLE);
    await dialog.getByLabel('任务内容', { exact: true }).fill('请各社区于期限内完成辖区党员冬训报名统计并上报。');
    await dialog.getByLabel('完成标准及佐证要求', { exact: true }).fill('报名统计表');
    // the default: every 社区党委 below the street, listed before sending
    await expect.poll(() => dialog.getByTestId('directive-recipient-preview').textContent()).toContain(COMMUNITY);
    await dialog.getByRole('button', { name: /下\s*发/ }).click();
    await street.waitForURL(/\/directives\/[0-9a-f-]{36}$/);
    const path = new URL(street.url()).pathname;
    await expect.poll(() => street.getByTestId('directive-title').textContent()).toBe(TITLE);

    const jiedao = await apiAs(app.url, 'jiedao');
    const sent = await jiedao.call<DirectiveDetail>('GET', `/api/directives${path.slice('/directives'.length)}`);
    expect(sent.counts.total).toBeGreaterThan(1);
    expect(sent.counts.notAcknowledged).toBe(sent.counts.total);

    const community = await desktopPage(browser);
    await loginAt(community, app.url, path, 'shequ');
    const mine = community.getByTestId('directive-mine');
    await mine.getByRole('button', { name: /签\s*收/ }).click();
    await expect.poll(() => community.getByTestId('directive-mine-status').textContent()).toBe('已签收');
    await mine.getByRole('button', { name: /上报完成/ }).click();
    const report = community.getByRole('dialog', { name: `上报完成：${TITLE}` });
    await report.getByLabel('完成情况', { exact: true }).fill('社区共 86 名党员报名参加冬训，统计表已上报。');
    await report.getByRole('button', { name: /上\s*报/ }).click();
    await expect.poll(() => community.getByTestId('directive-mine-status').textContent()).toBe('已完成');
    await community.context().close();

    await street.reload();
    const counts = street.getByTestId('directive-counts');
    await expect.poll(() => counts.locator('.ant-statistic').filter({ hasText: '已完成' }).locator('.ant-statistic-content').textContent()).toBe('1');
    const row = street.getByTestId('directive-targets').locator('tr', { hasText: COMMUNITY });
    await expect.poll(() => row.textContent()).toContain('已完成');
    const after = await jiedao.call<DirectiveDetail>('GET', `/api/directives${path.slice('/directives'.length)}`);
    expect(after.counts).toMatchObject({ done: 1, notAcknowledged: sent.counts.total - 1 });
    await street.context().close();
  });
});
