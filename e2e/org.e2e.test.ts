import { creditCodeCheckChar, type OrgSummary } from '@jiceng/contracts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './server.ts';

/** The account that drives the scenario; the demo's street account unless E2E_USER says otherwise. */
const USER = process.env.E2E_USER ?? 'jiedao';
const PASSWORD = 'Demo@2026';
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let app: RunningApp;
let browser: Browser;
let page: Page;

/** A valid 统一社会信用代码 not used before (random body, computed check character). */
function newCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91320102';
  while (body.length < 17) body += alphabet[Math.floor(Math.random() * alphabet.length)];
  return body + creditCodeCheckChar(body);
}

/** The tree row of an organization (titles carry `data-org-id`). */
const treeNode = (id: string) => page.locator('.ant-tree-treenode', { has: page.locator(`[data-org-id="${id}"]`) });

async function expandInTree(id: string): Promise<void> {
  const node = treeNode(id);
  await node.waitFor();
  const closed = node.locator('.ant-tree-switcher_close');
  if (await closed.count()) await closed.click();
  await expect.poll(() => node.locator('.ant-tree-switcher_open').count()).toBe(1);
}

/**
 * A community-level organization that may hold a branch, within two levels below the account's own
 * organization, and the path of organizations to open in the tree to see it.
 */
async function findCommunity(): Promise<{ community: OrgSummary; path: OrgSummary[] }> {
  const get = async (parentId?: string) => (await page.request.get(`${app.url}/api/orgs/tree${parentId ? `?parentId=${parentId}` : ''}`)).json() as Promise<OrgSummary[]>;
  const [root] = await get();
  if (!root) throw new Error('账号没有所属组织');
  const fits = (o: OrgSummary) => o.domain === 'community' && (o.type === 'committee' || o.type === 'general_branch');
  const level1 = await get(root.id);
  const direct = level1.find(fits);
  if (direct) return { community: direct, path: [root] };
  for (const mid of level1.filter((o) => o.childCount > 0)) {
    const hit = (await get(mid.id)).find(fits);
    if (hit) return { community: hit, path: [root, mid] };
  }
  throw new Error(`「${root.name}」下两级内没有社区党组织`);
}

describe(`组织架构（${USER}）`, () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('logs in, browses the tree, creates a branch under a community, and logs out', async () => {
    await page.goto(`${app.url}/orgs`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').fill(USER);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`${app.url}/orgs`);
    await expect.poll(() => page.getByText('演示数据：本系统当前载入的是演示数据，请勿录入真实信息').count()).toBe(1);

    // Browse: open the tree down to the community level and see the communities.
    const { community, path } = await findCommunity();
    for (const o of path) await expandInTree(o.id);
    await treeNode(community.id).getByText(community.shortName || community.name, { exact: true }).click();
    await page.waitForURL(`${app.url}/orgs/${community.id}`);
    await expect.poll(() => page.getByTestId('org-title').textContent()).toBe(community.name);

    // Create a 党支部 under the community through the form.
    const name = `${community.shortName || community.name}端到端测试第${Date.now() % 100000}党支部`;
    await page.getByRole('button', { name: '新建下级组织' }).click();
    const dialog = page.getByRole('dialog', { name: '新建下级组织' });
    await dialog.getByLabel('组织全称').fill(name);
    await expect.poll(() => dialog.locator('.ant-form-item', { hasText: '组织类别' }).locator('.ant-select-selection-item').textContent()).toBe('党支部');
    await dialog.getByRole('button', { name: '添加单位' }).click();
    await dialog.getByPlaceholder('单位名称').fill('演示区端到端测试有限公司');
    await dialog.getByPlaceholder('统一社会信用代码').fill('91320102ABC');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await expect.poll(() => dialog.getByText('统一社会信用代码无效').count()).toBe(1);
    await dialog.getByPlaceholder('统一社会信用代码').fill(newCreditCode());
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByText(`已创建「${name}」`).waitFor();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // It is listed in the children table and in the tree under the community.
    await page.waitForURL(`${app.url}/orgs/${community.id}?tab=children`);
    await page.locator('.ant-table').getByRole('link', { name }).waitFor();
    await expandInTree(community.id);
    await page.locator('.ant-tree').getByText(name, { exact: true }).waitFor();

    // Log out and land on the login page.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    const me = await page.request.get(`${app.url}/api/auth/me`);
    expect(me.status()).toBe(401);
  });
});
