import {
  satisfactionName,
  serviceAssigneeTypeName,
  serviceComplexityName,
  serviceKindName,
  serviceSourceName,
  serviceStateName,
  type ServiceRequest,
  type WorkflowEvent,
} from '@jiceng/contracts';
import { serviceLevelLabel, type ServiceLevel } from '@jiceng/rules';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskName, maskPhone } from '../../platform/crypto/mask.ts';
import { isoTime } from '../../platform/db/time.ts';
import type { ServiceRequestRow } from './service.repository.ts';
import { presentClock } from './service.timing.ts';

const label = <T extends string>(map: Record<T, string>, v: string): string => (map as Record<string, string>)[v] ?? v;

/** A request as the contracts' `ServiceRequest`: contact masked, the clock from the row, the reader's buttons. */
export function presentRequest(row: ServiceRequestRow, crypto: FieldCrypto, now: Date, actions: string[]): ServiceRequest {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as ServiceRequest['kind'],
    kindLabel: label(serviceKindName, row.kind),
    categoryCode: row.category_code,
    categoryName: row.category_name,
    complexity: row.complexity as ServiceRequest['complexity'],
    complexityLabel: label(serviceComplexityName, row.complexity),
    description: row.description,
    communityId: row.community_id,
    communityName: row.community_name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    place: row.place,
    lat: row.lat,
    lng: row.lng,
    anonymous: row.anonymous,
    contactName: row.contact_name_enc ? maskName(crypto.decrypt(row.contact_name_enc)) : null,
    contactPhone: row.contact_phone_enc ? maskPhone(crypto.decrypt(row.contact_phone_enc)) : null,
    source: row.source as ServiceRequest['source'],
    sourceLabel: label(serviceSourceName, row.source),
    state: row.state as ServiceRequest['state'],
    stateLabel: label(serviceStateName, row.state),
    level: row.level as ServiceRequest['level'],
    levelLabel: serviceLevelLabel[row.level as ServiceLevel] ?? row.level,
    assignee:
      row.assignee_type && row.assignee_org_id
        ? {
            type: row.assignee_type as 'grid',
            typeLabel: label(serviceAssigneeTypeName, row.assignee_type),
            orgId: row.assignee_org_id,
            memberId: row.assignee_member_id,
            name: row.assignee_name ?? '',
          }
        : null,
    clock: presentClock(row, now),
    submittedAt: isoTime(row.submitted_at),
    acceptedAt: isoTime(row.accepted_at),
    takenAt: isoTime(row.taken_at),
    resolvedAt: isoTime(row.resolved_at),
    closedAt: isoTime(row.closed_at),
    result: row.result,
    rating: row.rating as ServiceRequest['rating'],
    ratingLabel: row.rating ? label(satisfactionName, row.rating) : null,
    ratingComment: row.rating_comment,
    autoClosed: row.auto_closed,
    reopenCount: row.reopen_count,
    returnCount: row.return_count,
    followerCount: row.follower_count,
    mergedIntoCode: row.merged_into_code,
    version: row.version,
    actions,
  };
}

/** The first history row is the submission, which the workflow definition has no step for. */
export function presentTimeline(events: WorkflowEvent[]): WorkflowEvent[] {
  return events.map((e) => (e.action === 'submit' ? { ...e, actionLabel: '提交诉求' } : e));
}
