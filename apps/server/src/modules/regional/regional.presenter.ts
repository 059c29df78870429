import type { RgActivity, RgNeed, RgProject, RgResource } from '@jiceng/contracts';
import { isoTime } from '../../platform/db/time.ts';
import type { Attachment } from '@jiceng/contracts';
import type { RgRuleSet } from '@jiceng/rules';
import type { ActivityRow, ProjectRow, ResourceRow } from './regional.projects.repository.ts';
import type { NeedRow } from './regional.repository.ts';

/** Overdue (rule rg-need-stale / the wanted-by date): as the to-dos and the list's filter judge it. */
export function needIsOverdue(n: Pick<NeedRow, 'state' | 'wanted_by' | 'recorded_on'>, today: string, rules: RgRuleSet): boolean {
  if (!['open', 'claimed'].includes(n.state)) return false;
  if (n.wanted_by !== null && n.wanted_by < today) return true;
  if (n.state !== 'open') return false;
  const d = new Date(`${n.recorded_on}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + rules.staleDays);
  return d.toISOString().slice(0, 10) < today;
}

export function presentNeed(n: NeedRow, today: string, rules: RgRuleSet): RgNeed {
  return {
    id: n.id,
    orgId: n.org_id,
    orgName: n.org_name,
    communityId: n.community_id,
    communityName: n.community_name,
    categoryCode: n.category_code,
    categoryName: n.category_name,
    title: n.title,
    description: n.description,
    beneficiaries: n.beneficiaries,
    beneficiaryCount: n.beneficiary_count,
    place: n.place,
    urgency: n.urgency,
    wantedBy: n.wanted_by,
    estMoneyFen: n.est_money_fen,
    estPeople: n.est_people,
    source: n.source as RgNeed['source'],
    sourceKind: n.source_kind,
    sourceId: n.source_id,
    state: n.state as RgNeed['state'],
    version: n.version,
    claimedUnitId: n.claimed_unit_id,
    claimedUnitName: n.claimed_unit_name,
    claimedAt: isoTime(n.claimed_at),
    claimNote: n.claim_note,
    projectId: n.project_id,
    closeReason: n.close_reason,
    recordedOn: n.recorded_on,
    overdue: needIsOverdue(n, today, rules),
    createdAt: isoTime(n.created_at),
  };
}

/** A resource; the phone is the masked one unless `phone` (the decrypted one, audited by the caller) is given. */
export function presentResource(r: ResourceRow, phone: string | null = null): RgResource {
  return {
    id: r.id,
    ownerKind: r.owner_kind,
    ownerName: r.owner_name,
    unitId: r.unit_id,
    memberReportId: r.member_report_id,
    communityId: r.org_id,
    communityName: r.community_name,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    title: r.title,
    description: r.description,
    capacityPeople: r.capacity_people,
    capacityHoursMonth: r.capacity_hours_month,
    capacityMoneyFen: r.capacity_money_fen,
    venue: r.venue,
    availableFrom: r.available_from,
    availableTo: r.available_to,
    contactName: r.contact_name,
    phone: phone ?? r.contact_phone_masked,
    unmasked: phone !== null,
    offeredTo: r.offered.map((o) => ({ id: o.id, name: o.name })),
    state: r.state,
    version: r.version,
    projects: r.projects,
    createdAt: isoTime(r.created_at),
  };
}

export function presentProject(p: ProjectRow, today: string): RgProject {
  return {
    id: p.id,
    needId: p.need_id,
    needTitle: p.need_title,
    orgId: p.org_id,
    orgName: p.org_name,
    categoryCode: p.category_code,
    categoryName: p.category_name,
    title: p.title,
    plan: p.plan,
    startDate: p.start_date,
    endDate: p.end_date,
    budgetFen: p.budget_fen,
    plannedPeople: p.planned_people,
    state: p.state as RgProject['state'],
    version: p.version,
    results: p.results,
    fundsFen: p.funds_fen,
    problemsSolved: p.problems_solved,
    completedOn: p.completed_on,
    rating: p.rating,
    ratingComment: p.rating_comment,
    ratedOn: p.rated_on,
    withdrawReason: p.withdraw_reason,
    parts: p.parts.map((x) => ({
      resourceId: x.resource_id,
      resourceTitle: x.resource_title,
      unitId: x.unit_id,
      ownerName: x.owner_name,
      consent: x.consent,
      decidedAt: x.decided_at === null ? null : isoTime(x.decided_at),
      declineReason: x.decline_reason,
    })),
    activities: p.activities,
    hours: p.hours,
    overdue: p.state === 'active' && p.end_date < today,
    createdAt: isoTime(p.created_at),
  };
}

export function presentActivity(a: ActivityRow, photos: Attachment[]): RgActivity {
  return {
    id: a.id,
    heldOn: a.held_on,
    title: a.title,
    description: a.description,
    participants: a.participants,
    hours: a.hours,
    beneficiaries: a.beneficiaries,
    unitId: a.unit_id,
    unitName: a.unit_name,
    photos,
    createdAt: isoTime(a.created_at),
  };
}
