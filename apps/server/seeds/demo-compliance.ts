import { COMPLIANCE_RULES_2018, requirementIds } from '@jiceng/rules';
import { complianceRepository } from '../src/modules/compliance/compliance.repository.ts';
import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';
import type { Server } from '../src/server.ts';
import type { ActingAccount } from './demo-activity-apply.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import type { OrgPlan } from './org-plan.ts';

/**
 * A subtree rule set of the demo, so the 组织生活频次要求 drawer shows an override beside the
 * defaults: the demo street (the street account `jiedao` set it) asks its branches for two 党课 a
 * quarter instead of one, from the first day of the quarter before the seed day's — the calendar
 * shows the default before that date and the street's number after it. A rule set can change only a
 * requirement's minimum (its frequency is the default rule set's), so "more 党课" is written as a
 * higher quarterly minimum. 主题党日 stays at the default (the e2e reads its label), and so does
 * the silence threshold.
 */
export const DEMO_RULE_SET = {
  orgName: DEMO_ORG.street,
  overrides: [{ requirementId: 'party-lecture-quarterly', minCount: 2 }],
  silentAfterDays: COMPLIANCE_RULES_2018.silentAfterDays,
  note: '街道党工委要求加强党员教育：各党支部每季度至少开展2次党课',
} as const;

/** First day of the quarter before the one `today` is in: 2026-12-02 → 2026-07-01. */
export function demoRuleSetFrom(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) - 1;
  const year = q < 0 ? y - 1 : y;
  return `${year}-${String(((q + 4) % 4) * 3 + 1).padStart(2, '0')}-01`;
}

export async function applyComplianceRules(server: Server, tx: Database, plan: OrgPlan, accounts: ActingAccount[]): Promise<void> {
  const org = plan.orgs.find((o) => o.name === DEMO_RULE_SET.orgName);
  if (!org) throw new Error(`demo rule set: no organization named ${DEMO_RULE_SET.orgName}`);
  const known = requirementIds(COMPLIANCE_RULES_2018);
  for (const o of DEMO_RULE_SET.overrides) if (!known.has(o.requirementId)) throw new Error(`demo rule set: unknown requirement ${o.requirementId}`);
  const jiedao = accounts.find((a) => a.username === 'jiedao')!;
  const ok = await complianceRepository.insertRuleSet(tx, server.regionId, {
    id: newId(),
    orgId: org.id,
    effectiveFrom: demoRuleSetFrom(server.clock.today()),
    overrides: DEMO_RULE_SET.overrides,
    silentAfterDays: DEMO_RULE_SET.silentAfterDays,
    note: DEMO_RULE_SET.note,
    actorId: jiedao.id,
    actorName: jiedao.displayName,
  });
  if (!ok) throw new Error('demo rule set: the street already has one from that date');
}
