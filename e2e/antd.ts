import type { Locator, Page } from 'playwright-core';

/**
 * antd controls as the e2e tests drive them. `choose` picks an option of a Select found by its
 * label inside `scope`, clicking the Select's visible box with the usual checks (the modal may
 * still be zooming in, where a forced click on the hidden search input lands beside it and opens
 * nothing). `ok` submits a modal by its OK button (antd spaces two-character labels: 创 建).
 */
export async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  const id = await input.getAttribute('id');
  await scope.locator('.ant-select', { has: page.locator(`[id="${id}"]`) }).click();
  const dropdown = page.locator(`.ant-select-dropdown:has([id="${id}_list"])`);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await dropdown.waitFor({ state: 'hidden' });
}

export async function ok(dialog: Locator, text: string): Promise<void> {
  await dialog.getByRole('button', { name: new RegExp(`^${[...text].join('\\s*')}$`) }).click();
  await dialog.waitFor({ state: 'hidden' });
}
