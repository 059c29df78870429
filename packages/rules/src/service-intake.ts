import { SERVICE_INTAKE_RULES_2026, type ServiceIntakeRuleSet } from './service-intake.rules.ts';
import type { ServiceRequestKind } from './service-request.rules.ts';

/** The character bigrams of a text: Han characters, letters and digits only (punctuation and spaces split). */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.toLowerCase().split(/[^\p{Script=Han}\p{L}\p{N}]+/u)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Dice coefficient of two texts' bigram sets (0–1): the "two-character similarity" of the duplicate hint. */
export function bigramSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Rule service-intake-2026: the candidates similar enough to offer for merging, most similar first. */
export function duplicateHints<T extends { description: string }>(
  description: string,
  candidates: readonly T[],
  rules: ServiceIntakeRuleSet = SERVICE_INTAKE_RULES_2026,
): (T & { similarity: number })[] {
  return candidates
    .map((c) => ({ ...c, similarity: Math.round(bigramSimilarity(description, c.description) * 100) / 100 }))
    .filter((c) => c.similarity >= rules.duplicateMinSimilarity)
    .sort((p, q) => q.similarity - p.similarity)
    .slice(0, rules.duplicateMax);
}

/** Rule service-intake-2026: why a request may not be anonymous, or null. */
export function anonymityRefusal(kind: ServiceRequestKind, anonymous: boolean, rules: ServiceIntakeRuleSet = SERVICE_INTAKE_RULES_2026): string | null {
  return anonymous && !rules.anonymousKinds.includes(kind) ? '只有建议类诉求可以匿名提交，其他诉求须留下联系方式以便答复' : null;
}
