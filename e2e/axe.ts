/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** axe-core from the repository's own devDependency (nothing is fetched). */
const AXE_SOURCE = fs.readFileSync(path.resolve(import.meta.dirname, '../node_modules/axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules (GB/T 37668-2019 follows WCAG 2.0 AA; 2.1 adds the mobile criteria). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One failing rule with the elements it failed on. */
export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  /** `near`: the text around the element (a select's shown value, a switch's neighbour), to find it in the code. */
  nodes: { target: string; summary: string; near: string }[];
}

/** Runs axe-core (injected when the page does not have it yet) on the whole document and answers the violations. */
export async function axeViolations(page: Page): Promise<A11yViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
    }
    interface AxeResult {
      id: string;
      impact?: string | null;
      help: string;
      nodes: AxeNode[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeResult[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const near = (target: unknown[]): string => {
      const el = target.length === 1 ? document.querySelector(String(target[0])) : null;
      if (!el) return '';
      const box = el.closest('.ant-select, .ant-picker, .ant-input-number, .ant-radio-group') ?? el.parentElement?.parentElement ?? el;
      return (box.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    };
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        near: near(n.target),
      })),
    }));
  }, WCAG_TAGS);
}

/** Number of failing elements. */
export function countNodes(violations: A11yViolation[]): number {
  return violations.reduce((n, v) => n + v.nodes.length, 0);
}

/** A readable list for a failure message: rule, impact, help, then each element with axe's summary. */
export function formatViolations(where: string, violations: A11yViolation[]): string {
  const lines = [`${where}: ${countNodes(violations)} element(s)`];
  for (const v of violations) {
    lines.push(`  [${v.id}] (${v.impact ?? '-'}) ${v.help}`);
    for (const n of v.nodes) lines.push(`    ${n.target}${n.near ? ` «${n.near}»` : ''} — ${n.summary}`);
  }
  return lines.join('\n');
}

/**
 * Waits until a page has settled enough to be judged: no network for a moment, no loading spinner or
 * skeleton, and antd's enter animations over (a half-faded element has a lower contrast than its
 * final one).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .waitForFunction(
      () => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .adm-spin-loading, .ant-table-placeholder .ant-spin'),
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(400);
}
