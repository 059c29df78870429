import type { RgNeedInput } from '@jiceng/contracts';
import { RG_RULES_2026, RM_MEETING_WORKFLOW, RM_REPORT_WORKFLOW, RM_RULES_2026, type RmRuleSet } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { createWorkflow } from '../../platform/workflow/workflow.ts';
import { isSide } from './regionmeet.policy.ts';
import { meetingRepository, type CommunityRow } from './regionmeet.repository.ts';

export const MEETING_KIND = 'rm_meeting';
export const REPORT_KIND = 'rm_report';
export const RATING_KIND = 'rm_rating';

/**
 * The needs of 三张清单 (the regional module's service): a need recorded inside the caller's
 * transaction, checked and audited by that module (`modules.regional.needs.createIn`).
 */
export interface NeedCreator {
  createIn(tx: Database, actor: Actor, input: RgNeedInput): Promise<{ id: string }>;
}

export interface RegionMeetDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  needs: NeedCreator;
  rules?: RmRuleSet;
}

/** A 400 naming the field the web form shows it under. */
export const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });
/** Text as stored: trimmed, null when empty. */
export const orNull = (s: string | null | undefined): string | null => s?.trim() || null;

/** Whether an organization is a 社区/村's Party organization (the regional rule set's types and domains). */
export const isCommunity = (o: Pick<CommunityRow, 'type' | 'domain' | 'status'>) =>
  o.status === 'active' && RG_RULES_2026.communityOrgTypes.includes(o.type) && RG_RULES_2026.communityDomains.includes(o.domain);

/** What the meetings, reports and ratings share: the rules, the two workflows, scope look-ups. */
export function createRegionMeetCore(deps: RegionMeetDeps) {
  const { regionId, audit } = deps;
  const rules = deps.rules ?? RM_RULES_2026;
  const meetings = createWorkflow(RM_MEETING_WORKFLOW, { regionId, kind: MEETING_KIND, audit, store: { table: 'rm_meeting', touched: 'updated_at' } });
  const reports = createWorkflow(RM_REPORT_WORKFLOW, { regionId, kind: REPORT_KIND, audit, store: { table: 'rm_report', touched: 'updated_at' } });

  /** The subtree a community-side list reads: the account's own, or an organization's inside it (404 outside). */
  async function scopeOf(db: Database, actor: Actor, orgId: string | undefined): Promise<{ path: string; name: string }> {
    if (!isSide(actor)) throw forbidden();
    if (!orgId) return { path: actor.orgPath, name: actor.orgName };
    const o = await meetingRepository.org(db, regionId, orgId);
    if (!o || !pathInScope(actor, o.path)) throw notFound('党组织');
    return { path: o.path, name: o.name };
  }

  /** A community in the account's scope (404 outside; 400 when the organization is not a community's). */
  async function communityIn(db: Database, actor: Actor, orgId: string, fieldName = 'orgId'): Promise<CommunityRow> {
    const o = await meetingRepository.org(db, regionId, orgId);
    if (!o || !pathInScope(actor, o.path)) throw notFound('社区');
    if (!isCommunity(o)) throw field(fieldName, `「${o.name}」不是社区（村）党组织，请选择社区（村）党组织`);
    return o;
  }

  return { ...deps, rules, meetings, reports, scopeOf, communityIn };
}
export type RegionMeetCore = ReturnType<typeof createRegionMeetCore>;
