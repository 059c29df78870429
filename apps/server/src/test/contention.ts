import { expect } from 'vitest';
import type { Response } from './harness.ts';

/**
 * The contention helper every module's race tests use: fires `n` requests at once (on PostgreSQL
 * they really run at once, on separate connections) and checks the answers against the legal
 * outcomes: no 5xx, every refusal a 4xx with one of the allowed codes, and the number of
 * successes within bounds. The caller then checks the data and the audit log agree.
 */
export interface RaceOutcome<T> {
  answers: Response<T>[];
  ok: Response<T>[];
  refused: Response<T>[];
}

export async function race<T = unknown>(
  n: number,
  fire: (i: number) => Promise<Response<T>>,
  legal: { successes: number | [number, number]; refusals?: string[] },
): Promise<RaceOutcome<T>> {
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => fire(i)));
  const summary = answers.map((a) => `${a.status} ${(a.body as { error?: { code?: string } } | null)?.error?.code ?? ''}`).join(', ');
  expect(
    answers.filter((a) => a.status >= 500),
    `no 5xx: ${summary}`,
  ).toEqual([]);
  const ok = answers.filter((a) => a.status < 300);
  const refused = answers.filter((a) => a.status >= 400);
  const [min, max] = typeof legal.successes === 'number' ? [legal.successes, legal.successes] : legal.successes;
  expect(ok.length, `successes: ${summary}`).toBeGreaterThanOrEqual(min);
  expect(ok.length, `successes: ${summary}`).toBeLessThanOrEqual(max);
  const allowed = new Set(legal.refusals ?? ['CONFLICT']);
  for (const r of refused) {
    const err = (r.body as { error?: { code?: string; message?: string } }).error;
    expect(allowed.has(err?.code ?? ''), `refusal code ${err?.code} in ${[...allowed].join('/')}: ${summary}`).toBe(true);
    expect(err?.message ?? '').toMatch(/\p{Script=Han}/u);
  }
  return { answers, ok, refused };
}
