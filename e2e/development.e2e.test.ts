import fs from 'node:fs';
import { idNumberCheckChar } from '@jiceng/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopPage, launchChromium, loginAt } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 发展党员 in the browser: the demo secretary (shuji) registers an application, records the talk,
 * the 积极分子 decision and the 培养联系人, the community (shequ) the 备案; the 发展对象 step is
 * refused with its rule and the day it becomes possible. The app then restarts on the same data
 * 400 days later (CLOCK_OFFSET_DAYS, the browser's clock moved with it) and the step goes through;
 * the whole dossier downloads as one .docx.
 */

const DAY = 86_400_000;
const OFFSET_DAYS = 400;
const NAME = '端到端申请人';
let app: RunningApp;
let browser: Browser;

/** A China-time date `days` from now. */
const chinaDay = (days: number, base = Date.now()) => new Date(base + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

function idNumber(): string {
  const first17 = `320199${'19990909'}${String(Math.floor(Math.random() * 400) * 2 + 1).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Fills a date picker found by its label and leaves it (Enter would submit the drawer's form). */
async function pick(scope: Page, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** Chooses an option (the first, or the one with `option`) of an antd Select found by its label. */
async function choose(page: Page, label: string, option?: string) {
  const input = page.getByLabel(label, { exact: true });
  const id = await input.getAttribute('id');
  // the search input of a Select without search is not "visible": click it regardless
  await input.click({ force: true });
  const dropdown = page.locator(`.ant-select-dropdown:has([id="${id}_list"])`);
  const options = dropdown.locator('.ant-select-item-option');
  await (option ? options.filter({ hasText: option }).first() : options.first()).click();
  if (!(await input.getAttribute('aria-multiselectable')) && !(await page.locator(`[id="${id}"]`).evaluate((e) => e.closest('.ant-select-multiple'))))
    await dropdown.waitFor({ state: 'hidden' });
  else await page.keyboard.press('Escape');
}

const stageTag = (page: Page) => page.getByTestId('dev-stage-tag');
const stepItem = (page: Page, key: string) => page.getByTestId(`dev-step-${key}`);

/** Opens the drawer of step `no`, lets `fill` complete it, and submits. */
async function record(page: Page, no: number, label: string, fill: (drawer: Page) => Promise<void> = async () => undefined, date?: string) {
  await page.getByRole('button', { name: `办理第${no}步${label}` }).click();
  await page.locator('.ant-drawer-content:visible').waitFor();
  if (date) await pick(page, '办理日期', date);
  await fill(page);
  await page.getByTestId('dev-record-submit').click();
}

async function recordDone(page: Page, key: string, no: number, label: string, fill?: (drawer: Page) => Promise<void>, date?: string) {
  await record(page, no, label, fill, date);
  await expect.poll(() => stepItem(page, key).getAttribute('data-state')).toBe('done');
}

const committeeVote = async (page: Page) => {
  for (const [label, n] of [
    ['应到会有表决权人数', '5'],
    ['实到会有表决权人数', '5'],
    ['赞成', '5'],
    ['反对', '0'],
    ['弃权', '0'],
  ] as const)
    await page.getByLabel(label, { exact: true }).fill(n);
};

describe('发展党员：登记申请、谈话、确定积极分子、时限拒绝、时钟前移后确定发展对象、下载档案', () => {
  beforeAll(async () => {
    app = await startApp({ keepData: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('takes an application through 积极分子, refuses 发展对象 before the year with its reason, and takes it 400 days later', async () => {
    const sec = await desktopPage(browser);
    await loginAt(sec, app.url, '/development', 'shuji');

    // 第1步: the application, received 60 days ago
    await sec.getByRole('button', { name: /登记入党申请/ }).click();
    const dialog = sec.getByRole('dialog', { name: '登记入党申请' });
    await dialog.getByLabel('姓名', { exact: true }).fill(NAME);
    await dialog.getByLabel('公民身份号码', { exact: true }).fill(idNumber());
    await choose(sec, '学历');
    await choose(sec, '人员类别');
    await pick(sec, '递交入党申请书日期', chinaDay(-60));
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await sec.waitForURL(/\/development\/[0-9a-f-]{36}$/);
    const applicantPath = new URL(sec.url()).pathname;
    await expect.poll(() => stageTag(sec).textContent()).toBe('入党申请人');

    // 第2–3步 by the branch, 第4步 by the community, 第5步 the 培养联系人
    await recordDone(
      sec,
      'talk',
      2,
      '党组织派人谈话',
      async (p) => {
        await p.getByLabel('谈话人', { exact: true }).fill('张建华');
        await choose(p, '谈话人职务', '书记');
      },
      chinaDay(-50),
    );
    await recordDone(sec, 'activist', 3, '推荐和确定入党积极分子', committeeVote, chinaDay(-40));
    await expect.poll(() => stageTag(sec).textContent()).toBe('入党积极分子');
    await expect(sec.getByRole('button', { name: '办理第4步报上级党委备案' }).count()).resolves.toBe(0);
    const community = await desktopPage(browser);
    await loginAt(community, app.url, applicantPath, 'shequ');
    await recordDone(community, 'activist_filing', 4, '报上级党委备案', undefined, chinaDay(-39));
    await community.context().close();
    await sec.reload();
    await recordDone(sec, 'contacts', 5, '指定培养联系人', (p) => choose(p, '培养联系人'), chinaDay(-39));
    await record(sec, 6, '培养教育考察', undefined, chinaDay(-20));
    await expect.poll(() => stepItem(sec, 'assessment').textContent()).toContain('已记录 1 次');
    await record(sec, 6, '培养教育考察', undefined, chinaDay(-1));
    await expect.poll(() => stepItem(sec, 'assessment').textContent()).toContain('已记录 2 次');

    // 第7步 too early: the page says why and from when; recording it anyway is refused with the same reason
    const activistOn = chinaDay(-40);
    const possible = `${Number(activistOn.slice(0, 4)) + 1}${activistOn.slice(4)}`;
    await expect.poll(() => stepItem(sec, 'candidate').getAttribute('data-state')).toBe('waiting');
    await expect(stepItem(sec, 'candidate').textContent()).resolves.toContain('经过一年以上培养教育和考察方可列为发展对象');
    await record(sec, 7, '确定发展对象', committeeVote);
    const refusal = sec.getByTestId('dev-refusal');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain(`经过一年以上培养教育和考察方可列为发展对象：${possible} 起方可办理第7步「确定发展对象」`);
    await sec.context().close();

    // 400 days later on the same data: the browser's clock with the server's
    await app.stop();
    app = await startApp({ dataDir: app.dataDir, env: { CLOCK_OFFSET_DAYS: String(OFFSET_DAYS) } });
    const later = await desktopPage(browser);
    await later.context().clock.install({ time: Date.now() + OFFSET_DAYS * DAY });
    await loginAt(later, app.url, applicantPath, 'shuji');
    await expect.poll(() => stepItem(later, 'candidate').getAttribute('data-state')).toBe('open');
    await recordDone(later, 'candidate', 7, '确定发展对象', committeeVote);
    await expect.poll(() => stageTag(later).textContent()).toBe('发展对象');

    // the whole dossier, one .docx
    const download = later.waitForEvent('download');
    await later.getByRole('button', { name: /下载发展档案/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`发展党员档案_${NAME}.docx`);
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
