import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, ok } from './antd.ts';
import { desktopPage, launchChromium, loginAt } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 重点任务 in the browser: the street (jiedao) makes a plan, fills the downloaded import template
 * with two tasks and imports it, publishes; the community below (shequ) claims one as lead (揭榜),
 * the street confirms, the community reports progress with a photo; the street holds a 调度会 with a
 * decision per lagging task and downloads the briefing (.docx); the community carries the decision
 * out, reports 100% and completion; the street accepts it with a score, the task reads 已验收, and
 * the street adds a photo to the acceptance.
 */

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IiYDRwzEcQCagw9hrFUYAQAAAABJRU5ErkJggg==', 'base64');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const PLAN = `端到端${YEAR}年度重点任务`;
const LIFT = '端到端老旧小区加装电梯';
const PARK = '端到端口袋公园建设';
const REVIEW = '端到端重点任务调度会';
let app: RunningApp;
let browser: Browser;

/** The template as downloaded, with one row per task under its own headers (带 * 的列 included). */
async function planFile(template: Buffer, rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('重点任务清单')!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').replace(/[*＊\s]/g, ''));
  expect(headers.filter(Boolean)).toEqual(['序号', '任务类别', '任务名称', '任务内容', '推进目标', '完成时限', '验收标准', '权重', '时间节点', '子任务']);
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    for (const [k, v] of Object.entries(r)) row.getCell(headers.indexOf(k)).value = v;
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const taskPage = (page: Page, taskId: string) => page.goto(`${app.url}/keytasks/tasks/${taskId}`);
const state = (page: Page) => page.getByTestId('kt-state');

describe('重点任务：导入计划、揭榜认领、报告进展、调度会、下载通报、验收', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('takes a task from the imported plan through 揭榜, progress, a 调度会 and 验收', async () => {
    // the street's plan, its tasks from the import template
    const street = await desktopPage(browser);
    await loginAt(street, app.url, '/keytasks', 'jiedao');
    await street.getByRole('button', { name: /新建计划/ }).click();
    const create = street.getByRole('dialog', { name: '新建重点任务计划' });
    await create.getByLabel('计划名称', { exact: true }).fill(PLAN);
    await ok(create, '创建');
    await street.waitForURL(/\/keytasks\/plans\/[0-9a-f-]{36}$/);
    const planPath = new URL(street.url()).pathname;
    await expect.poll(() => street.getByTestId('kt-plan-title').textContent()).toBe(PLAN);

    const templateDownload = street.waitForEvent('download');
    await street.getByRole('button', { name: /下载导入模板/ }).click();
    const template = fs.readFileSync((await (await templateDownload).path())!);
    const common = { 任务类别: '民生实事', 完成时限: `${YEAR}-12-31`, 权重: 2 };
    const file = await planFile(template, [
      {
        ...common,
        序号: 1,
        任务名称: LIFT,
        任务内容: '对具备条件的多层住宅加装电梯',
        推进目标: '年底前完成 10 部电梯加装',
        验收标准: '电梯通过特种设备验收并投入使用',
        时间节点: `${YEAR}-12-20 完成施工`,
      },
      { ...common, 序号: 2, 任务名称: PARK, 推进目标: '建成 3 个口袋公园', 验收标准: '公园对外开放', 子任务: '选址:1\n施工:2' },
    ]);
    await street.locator('input[type="file"]').setInputFiles({ name: '重点任务清单.xlsx', mimeType: XLSX, buffer: file });
    await street.getByText('导入成功：2 条重点任务').waitFor();
    await expect.poll(() => street.getByTestId('kt-task-link').allTextContents()).toEqual([LIFT, PARK]);
    await street.getByRole('button', { name: '发布计划' }).click();
    await street
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^发\s*布$/ })
      .click();
    await street.getByText('已发布', { exact: true }).first().waitFor();

    // the community below claims the lift as lead
    const community = await desktopPage(browser);
    await loginAt(community, app.url, `${planPath}?tab=board`, 'shequ');
    const open = community.getByTestId('kt-board-open');
    const taskId = (await open.getByRole('link', { name: LIFT }).getAttribute('href'))!.split('/').pop()!;
    await open.getByRole('button', { name: `揭榜：${LIFT}` }).click();
    const claim = community.getByRole('dialog', { name: `揭榜认领：1. ${LIFT}` });
    await claim.getByLabel('责任人', { exact: true }).fill('王秀兰');
    await claim.getByLabel('岗位', { exact: true }).fill('社区党委书记');
    await claim.getByLabel('责任', { exact: true }).fill('牵头组织居民协商、施工协调和验收准备');
    await ok(claim, '揭榜');

    // the street confirms it: the task is 已落实 with its lead
    await taskPage(street, taskId);
    await street
      .getByTestId('kt-claims')
      .getByRole('button', { name: /^确认.*的认领$/ })
      .click();
    await expect.poll(() => state(street).textContent()).toBe('已落实');
    await expect.poll(() => street.getByTestId('kt-facts').textContent()).toContain('王秀兰（社区党委书记）');

    // progress with a photo of the site
    await taskPage(community, taskId);
    await community.getByRole('button', { name: /报告进展/ }).click();
    const progress = community.getByRole('dialog', { name: `报告进展：${LIFT}` });
    await progress.getByLabel('完成进度（%）', { exact: true }).fill('40');
    await progress.getByLabel('进展情况', { exact: true }).fill('完成 4 部电梯的居民协商和设计');
    await progress.locator('input[type="file"]').setInputFiles({ name: '施工现场.png', mimeType: 'image/png', buffer: PNG });
    await ok(progress, '提交');
    const reports = community.getByTestId('kt-progress-reports');
    await reports.getByText('完成 4 部电梯的居民协商和设计').waitFor();
    await reports.getByRole('link', { name: /施工现场/ }).waitFor();
    await expect.poll(() => community.getByTestId('kt-progress').textContent()).toContain('40%');

    // the street's 调度会: a decision on each lagging task, held, the briefing downloaded
    await street.goto(`${app.url}${planPath}?tab=reviews`);
    await street.getByRole('button', { name: /新建调度会/ }).click();
    const review = street.getByRole('dialog', { name: '新建调度会' });
    await review.getByLabel('会议名称', { exact: true }).fill(REVIEW);
    await ok(review, '创建');
    await street.waitForURL(/\/keytasks\/reviews\/[0-9a-f-]{36}$/);
    await street.getByTestId('kt-review-items').getByRole('link', { name: LIFT }).waitFor();
    for (const [title, kind, text] of [
      [LIFT, '协调支持', '街道协调区住建局加快审批，12月15日前完成剩余协商'],
      [PARK, '按计划推进', '尽快揭榜认领，按计划推进'],
    ] as const) {
      await street.getByRole('button', { name: `决定：${title}` }).click();
      const decision = street.getByRole('dialog', { name: new RegExp(`^调度决定：\\d+\\. ${title}$`) });
      await choose(street, decision, '决定', kind);
      await decision.getByLabel('决定内容', { exact: true }).fill(text);
      await ok(decision, '保存决定');
      await expect.poll(() => street.getByTestId('kt-review-items').textContent()).toContain(text);
    }
    await street.getByRole('button', { name: /召开并形成纪要/ }).click();
    const hold = street.getByRole('dialog', { name: `召开调度会：${REVIEW}` });
    await hold.getByLabel('参会人员', { exact: true }).fill('刘志刚、王秀兰');
    await hold.getByLabel('会议纪要', { exact: true }).fill('会议逐项听取重点任务推进情况，对滞后任务作出决定。');
    await ok(hold, '确认召开');
    await expect.poll(() => street.getByTestId('kt-review-state').textContent()).toBe('已召开');
    const briefing = street.waitForEvent('download');
    await street.getByRole('button', { name: /下载情况通报（Word）/ }).click();
    const docx = await briefing;
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(
      fs
        .readFileSync((await docx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // the community carries the decision out, reports 100% and completion
    await taskPage(community, taskId);
    await community.getByRole('button', { name: `标记落实：${REVIEW}` }).click();
    const done = community.getByRole('dialog', { name: `落实调度会决定：${REVIEW}` });
    await done.getByLabel('落实情况', { exact: true }).fill('已完成剩余协商，审批已办结');
    await ok(done, '标记落实');
    await community.getByTestId('kt-decisions').getByText('已落实', { exact: false }).waitFor();
    await community.getByRole('button', { name: /报告进展/ }).click();
    const last = community.getByRole('dialog', { name: `报告进展：${LIFT}` });
    await last.getByLabel('完成进度（%）', { exact: true }).fill('100');
    await last.getByLabel('进展情况', { exact: true }).fill('10 部电梯全部完成加装并通过特种设备验收');
    await ok(last, '提交');
    await expect.poll(() => community.getByTestId('kt-progress').textContent()).toContain('100%');
    await community.getByRole('button', { name: /报告完成/ }).click();
    const complete = community.getByRole('dialog', { name: `报告完成：${LIFT}` });
    await complete.getByLabel('完成情况', { exact: true }).fill('全部完成，居民满意');
    await ok(complete, '报告完成');
    await expect.poll(() => state(community).textContent()).toBe('已完成');
    await community.context().close();

    // the street accepts it with a score
    await taskPage(street, taskId);
    await street
      .getByRole('button', { name: /验\s*收/ })
      .first()
      .click();
    const accept = street.getByRole('dialog', { name: `验收：${LIFT}` });
    await accept.getByLabel('验收得分', { exact: true }).fill('95');
    await accept.getByLabel('验收意见', { exact: true }).fill('达到验收标准，资料齐全');
    await ok(accept, '提交验收');
    await expect.poll(() => street.getByTestId('kt-status').textContent()).toBe('已验收');
    await expect.poll(() => state(street).textContent()).toBe('已验收');
    await street.getByTestId('kt-acceptances').getByText('95 分').waitFor();
    // 验收材料 onto the acceptance
    const evidence = street.getByTestId('kt-acceptance-files');
    await evidence.locator('input[type="file"]').setInputFiles({ name: '验收现场.png', mimeType: 'image/png', buffer: PNG });
    await evidence.getByRole('link', { name: /验收现场/ }).waitFor();
    await street.context().close();
  });
});
