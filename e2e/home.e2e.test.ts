import { Permission, TODO_NATURES, TODO_SEVERITIES, todoCountField, type Me, type TodoPage, type TodoSummary } from '@jiceng/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../apps/server/seeds/demo-accounts.ts';
import { desktopPage, launchChromium } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

let app: RunningApp;
let browser: Browser;
/** The to-do kinds whose 工作台 card has been clicked (by an earlier account). */
const filteredKinds = new Set<string>();

/** The figures the 工作台 header shows (data-testid `count-<key>`), and the list filter each one opens. */
const FIGURES = ['total', 'deadline', 'overdue', 'dueSoon', 'open', 'warning', 'alert', 'incomplete'] as const;
const FILTER: Record<(typeof FIGURES)[number], string> = {
  total: '',
  deadline: 'nature=deadline',
  overdue: 'severity=overdue',
  dueSoon: 'severity=due_soon',
  open: 'severity=open',
  warning: 'nature=warning',
  alert: 'severity=alert',
  incomplete: 'severity=incomplete',
};

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** The list's total as the server answers it for `query`. */
async function listTotal(page: Page, query: string): Promise<number> {
  const res = await page.request.get(`${app.url}/api/todos?pageSize=1${query ? `&${query}` : ''}`);
  expect(res.status(), query).toBe(200);
  return ((await res.json()) as TodoPage).total;
}

/** The to-do table's 「共 N 项」 once it has settled on `expected` (0: the table shows no pager, only its empty text). */
async function expectTableTotal(page: Page, expected: number, what: string): Promise<void> {
  const table = page.getByTestId('todo-table');
  if (expected === 0) {
    await expect.poll(() => table.getByText('没有符合条件的待办').count(), { message: what }).toBe(1);
    return;
  }
  await expect
    .poll(
      async () =>
        number(
          await table
            .getByTestId('todo-total')
            .textContent()
            .catch(() => ''),
        ),
      { message: what, timeout: 20_000 },
    )
    .toBe(expected);
}

describe('工作台: counts equal the lists they total, every page reachable', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a.role] as const))('%s (%s)', async (username) => {
    const page = await desktopPage(browser);
    try {
      const login = await page.request.post(`${app.url}/api/auth/login`, { data: { username, password: DEMO_PASSWORD } });
      expect(login.status()).toBe(200);
      const me = (await login.json()) as Me;
      const summaryRes = await page.request.get(`${app.url}/api/todos/summary`);
      if (!me.permissions.includes(Permission.TODO_READ)) {
        expect(summaryRes.status()).toBe(403);
        return;
      }
      const s = (await summaryRes.json()) as TodoSummary;

      // The server's counts are the totals of the lists they summarize: by nature, severity, kind and child.
      expect(s.counts.total).toBe(await listTotal(page, ''));
      expect(s.counts.total).toBe(s.counts.deadline + s.counts.warning);
      for (const n of TODO_NATURES) expect(s.counts[n], n).toBe(await listTotal(page, `nature=${n}`));
      for (const sev of TODO_SEVERITIES) expect(s.counts[todoCountField[sev]], sev).toBe(await listTotal(page, `severity=${sev}`));
      for (const k of s.byKind) {
        expect(k.counts.total, k.kind).toBe(await listTotal(page, `kind=${k.kind}`));
        expect(k.counts.warning, `${k.kind} warnings`).toBe(await listTotal(page, `kind=${k.kind}&nature=warning`));
      }
      for (const c of s.byChild.slice(0, 6)) expect(c.counts.total, c.orgName).toBe(await listTotal(page, `childOrgId=${c.orgId}`));

      await page.goto(`${app.url}/`);
      await page.waitForLoadState('networkidle');
      // a 党员-only account is sent to the phone pages: its 工作台 is there
      if (page.url().includes('h5')) return;
      if (s.counts.total === 0) {
        await page.getByText('暂无待办，所有事项都已按期办理').waitFor();
        return;
      }

      // The figures render once the summary has arrived (the first read after a start brings the
      // to-do read model up to date, which may outlast the network-idle wait).
      await page.getByTestId('count-total').waitFor();
      // Every figure shown equals the server's count and the total of the list it opens.
      for (const key of FIGURES) {
        const fig = page.getByTestId(`count-${key}`);
        if (!(await fig.count())) {
          expect(key === 'open' && s.counts.open === 0, `${key} missing`).toBe(true);
          continue;
        }
        const shown = number(await fig.locator('.ant-statistic-content').textContent());
        expect(shown, key).toBe(s.counts[key]);
        expect(shown, key).toBe(await listTotal(page, FILTER[key]));
        await fig.click();
        await expectTableTotal(page, shown, `列表：${key}`);
      }

      // The cockpit of a district or street: a card per kind, each the total of its list.
      const cards = page.locator('[data-testid^="kind-"][data-testid$="-total"]');
      if (await cards.count()) {
        expect(await cards.count()).toBe(s.byKind.length);
        for (const k of s.byKind) {
          const shown = number(await page.getByTestId(`kind-${k.kind}-total`).textContent());
          expect(shown, k.kind).toBe(k.counts.total);
          // the list a card opens is the server's list for its kind (checked above for every account);
          // that the card filters the table to it is the same code for every account: once per kind
          if (filteredKinds.has(k.kind)) continue;
          filteredKinds.add(k.kind);
          await page.getByTestId(`kind-${k.kind}`).click();
          await expectTableTotal(page, shown, `类型：${k.label}`);
          await page.getByTestId(`kind-${k.kind}`).click(); // again: the filter goes
        }
      }

      // The last page of the whole list is reachable by its number (nothing covers it), and by the jump box.
      await page.getByTestId('count-total').click();
      await expectTableTotal(page, s.counts.total, '全部');
      const size = 10;
      const last = Math.ceil(s.counts.total / size);
      const pager = page.getByTestId('todo-table').locator('.ant-pagination');
      if (last > 1) {
        await pager.locator(`.ant-pagination-item-${last}`).click();
        await expect.poll(() => pager.locator('.ant-pagination-item-active').textContent()).toBe(String(last));
        await expect.poll(() => page.getByTestId('todo-table').locator('tr.ant-table-row').count()).toBe(s.counts.total - size * (last - 1));
        await pager.locator('.ant-pagination-options-quick-jumper input').fill('1');
        await pager.locator('.ant-pagination-options-quick-jumper input').press('Enter');
        await expect.poll(() => pager.locator('.ant-pagination-item-active').textContent()).toBe('1');
      }
      // 去办理 opens a page of the app
      const go = page.getByTestId('todo-table').getByRole('link', { name: '去办理' }).first();
      const href = await go.getAttribute('href');
      expect(href).toMatch(/^\/[a-z-]+/);
    } finally {
      await page.context().close();
    }
  });
});
