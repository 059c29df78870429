import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, desktopPage, launchChromium, loginAt } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * The street's 组织生活完成情况 turns from missing to done: the demo branch has no 主题党日 with a
 * submitted record this month (its one is only noticed), so the street (jiedao) sees the month's
 * 主题党日 not done; the branch's secretary (shuji) holds one now and submits its record (the
 * steps in the browser are meetings.e2e.test.ts's), and the street's page shows it 已完成.
 */
let app: RunningApp;
let browser: Browser;
let page: Page;

/** China time now, the start rounded down to 5 minutes (already begun, so it can be held). */
function slot(): { date: string; start: string; end: string; month: number } {
  const china = new Date(Date.now() + 8 * 3_600_000);
  const minutes = Math.floor((china.getUTCHours() * 60 + china.getUTCMinutes()) / 5) * 5;
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { date: china.toISOString().slice(0, 10), start: hm(minutes), end: hm(Math.min(minutes + 60, 23 * 60 + 59)), month: china.getUTCMonth() + 1 };
}

/** The secretary's API session (cookie and CSRF token). */
async function session(username: string) {
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await res.json()) as { csrfToken: string; orgId: string; orgName: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return { me, call };
}

/** The demo branch's 主题党日 tag on the street's page, this month. */
async function themeDayTag(branchName: string, month: number): Promise<string> {
  await page.goto(`${app.url}/compliance`);
  await page.locator('.ant-select', { has: page.getByRole('combobox', { name: '完成情况筛选' }) }).click();
  await page.locator('.ant-select-dropdown:visible').getByText('全部组织', { exact: true }).click();
  await page.getByPlaceholder('组织名称').last().fill(branchName);
  await page.getByPlaceholder('组织名称').last().press('Enter');
  // its own row (its 党小组 below it match the name too, and name it as their 上级组织)
  const row = page.locator('.ant-table-row').filter({ has: page.getByRole('link', { name: branchName, exact: true }) });
  await expect.poll(() => row.count()).toBe(1);
  await row.locator('.ant-table-row-expand-icon').click();
  const tag = page.locator('.ant-table-expanded-row .ant-tag', { hasText: `主题党日每月至少1次（${month}月）` });
  await tag.first().waitFor();
  return (await tag.first().textContent()) ?? '';
}

describe('组织生活完成情况：街道看到支部的主题党日由未完成变为已完成', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await desktopPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the branch’s 主题党日 done once its record is submitted', async () => {
    const shuji = await session('shuji');
    const when = slot();
    await loginAt(page, app.url, '/compliance', 'jiedao');
    const before = await themeDayTag(shuji.me.orgName, when.month);
    expect(before).not.toMatch(/已完成/);

    type M = { id: string; version: number };
    let m = await shuji.call<M>('POST', '/api/meetings', {
      orgId: shuji.me.orgId,
      type: 'theme_day',
      title: '主题党日：学习贯彻全会精神',
      topics: '学习全会精神；开展志愿服务',
      date: when.date,
      startTime: when.start,
      endTime: when.end,
      place: '社区党群服务中心',
    });
    for (const stepName of ['notify', 'hold']) m = await shuji.call<M>('POST', `/api/meetings/${m.id}/${stepName}`, { version: m.version });
    m = await shuji.call<M>('PUT', `/api/meetings/${m.id}/record`, {
      hostName: '支部书记',
      recorderName: '组织委员',
      speakersPoints: '学习全会精神，交流心得体会',
      version: m.version,
    });
    await shuji.call<M>('POST', `/api/meetings/${m.id}/submit`, { version: m.version });

    await expect.poll(() => themeDayTag(shuji.me.orgName, when.month), { timeout: 20_000 }).toMatch(/已完成/);
  });
});
