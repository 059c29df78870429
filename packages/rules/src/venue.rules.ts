import type { WorkflowDefinition } from './workflow.ts';

/**
 * 阵地 (venues) of 区域化党建 as data: what a community's venues must add up to, how rooms are booked,
 * and the two small workflows (a venue open or suspended, a booking booked or cancelled). Keys in []
 * point to their source.
 *
 * [V1] domain-rules §11 (from the seeds): one district's rule — every community's venues, counting
 *      the venues resident units open to the community, not less than 1,000 m²; 党群服务中心
 *      "一室多用" with extended opening hours (延时服务). A district with another number sets its own
 *      rule set.
 * [V2] Booking limits (slot, shortest and longest booking, how far ahead, a resident's open
 *      bookings): Jiceng defaults after common 党群服务中心 practice (rooms booked by the half hour
 *      for a morning or an afternoon, a month ahead). UNCONFIRMED against any local rule.
 * [V3] Overlap: Jiceng design — two active bookings of one room overlap when their half-open
 *      intervals [start, end) on the same day intersect; back to back (one ends at 10:00, the next
 *      starts at 10:00) is not an overlap. A cancelled booking frees its time.
 *
 * Rule ids (named by the tests):
 * - venue-min-area [V1]: a community's counted area ≥ `minAreaPerCommunityM2`.
 * - venue-area-counts [V1]: counted are venues in `areaCountsStatuses` (open) of every kind in
 *   `areaCountsKinds`, units' opened venues included.
 * - venue-area-unregistered: a community with no venue registered at all is listed (未登记阵地) but
 *   raises no 待办 while `warnWithoutVenues` is false (Jiceng: the ledger is entered first).
 * - venue-hours: opening periods lie within `earliestOpen`–`latestClose` (extended hours allowed up
 *   to it), start before end, and do not overlap on one day.
 * - venue-slot [V2]: a booking starts and ends on the `slotMinutes` grid.
 * - venue-length [V2]: a booking lasts `minBookingMinutes`–`maxBookingMinutes`.
 * - venue-ahead [V2]: a booking starts after now and at most `maxDaysAhead` days ahead.
 * - venue-within-hours: a booking lies inside one opening period of its weekday.
 * - venue-capacity: expected attendees ≤ the room's capacity.
 * - venue-resident [V2]: residents book only rooms marked bookable by residents, at most
 *   `residentOpenLimit` upcoming bookings at a time.
 * - venue-overlap [V3]: no two active bookings of one room overlap.
 * - venue-status: a suspended venue takes no bookings (venue-status-2026: 开放 ⇄ 暂停开放).
 */

export const VENUE_KINDS = ['service_center', 'red_station', 'civilization_station', 'unit_open'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
export type VenueStatus = 'open' | 'suspended';
export type VenueAction = 'suspend' | 'reopen';
/** The venue's managing side: its community (regional:manage in scope), or the unit that opened it. */
export type VenueRole = 'manager';

export type BookingState = 'booked' | 'cancelled';
export type BookingAction = 'cancel';
/** Who booked it, or the venue's community. */
export type BookingRole = 'booker' | 'community';

export interface VenueRuleSet {
  id: string;
  /** venue-min-area [V1], m². */
  minAreaPerCommunityM2: number;
  /** venue-area-counts [V1]. */
  areaCountsKinds: readonly VenueKind[];
  areaCountsStatuses: readonly VenueStatus[];
  /** venue-area-unregistered. */
  warnWithoutVenues: boolean;
  /** venue-hours: 'HH:MM'. */
  earliestOpen: string;
  latestClose: string;
  /** venue-slot [V2]. */
  slotMinutes: number;
  /** venue-length [V2]. */
  minBookingMinutes: number;
  maxBookingMinutes: number;
  /** venue-ahead [V2]. */
  maxDaysAhead: number;
  /** venue-resident [V2]. */
  residentOpenLimit: number;
  /** A venue belongs to a 社区/村's Party organization: these types … */
  communityOrgTypes: readonly string[];
  /** … of these domains. */
  communityDomains: readonly string[];
  source: string;
}

export const VENUE_RULES_2026: VenueRuleSet = {
  id: 'venue-2026',
  minAreaPerCommunityM2: 1000,
  areaCountsKinds: VENUE_KINDS,
  areaCountsStatuses: ['open'],
  warnWithoutVenues: false,
  earliestOpen: '06:00',
  latestClose: '23:00',
  slotMinutes: 30,
  minBookingMinutes: 30,
  maxBookingMinutes: 240,
  maxDaysAhead: 30,
  residentOpenLimit: 2,
  communityOrgTypes: ['committee', 'general_branch'],
  communityDomains: ['community', 'rural'],
  source: '[V1] domain-rules §11 (one district: ≥ 1,000 m² per community, units’ open venues counted); [V2] Jiceng defaults, UNCONFIRMED; [V3] Jiceng design',
};

/** Rule venue-status: 开放 ⇄ 暂停 (suspending needs a reason, kept in the history). */
export const VENUE_WORKFLOW: WorkflowDefinition<VenueStatus, VenueAction, VenueRole> = {
  id: 'venue-status-2026',
  subjectLabel: '阵地',
  states: ['open', 'suspended'],
  stateLabel: { open: '开放', suspended: '暂停开放' },
  initial: 'open',
  final: [],
  actionLabel: { suspend: '暂停开放', reopen: '恢复开放' },
  roleLabel: { manager: '阵地所属社区或开放单位' },
  transitions: [
    { action: 'suspend', from: ['open'], to: 'suspended', roles: ['manager'], reasonRequired: true },
    { action: 'reopen', from: ['suspended'], to: 'open', roles: ['manager'], reasonRequired: false },
  ],
};

/**
 * Rule venue-booking-2026: a booking is made 已预约 and may be cancelled (with a reason) by its booker
 * or the venue's community until it starts; once its time has passed it counts as used (已使用, a
 * display of 已预约 in the past, not a state of its own).
 */
export const BOOKING_WORKFLOW: WorkflowDefinition<BookingState, BookingAction, BookingRole> = {
  id: 'venue-booking-2026',
  subjectLabel: '预约',
  states: ['booked', 'cancelled'],
  stateLabel: { booked: '已预约', cancelled: '已取消' },
  initial: 'booked',
  final: ['cancelled'],
  actionLabel: { cancel: '取消预约' },
  roleLabel: { booker: '预约人', community: '阵地所属社区' },
  transitions: [{ action: 'cancel', from: ['booked'], to: 'cancelled', roles: ['booker', 'community'], reasonRequired: true }],
};
