import type { VenueHoursPeriod, VenueInput, VenueServiceItem, VenueUpdate } from '@jiceng/contracts';
import { BOOKING_WORKFLOW, openingHoursRefusal, VENUE_RULES_2026, VENUE_WORKFLOW, type VenueRuleSet } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { createWorkflow } from '../../platform/workflow/workflow.ts';
import { reportedUnits, type ReportedUnit } from '../reportin/index.ts';
import { bookingRepository } from './venue.bookings.repository.ts';
import { assertMaySeeVenue } from './venue.policy.ts';
import { venueRepository, type VenueRow, type VenueWrite } from './venue.repository.ts';

/** The kinds of the module's rows in the platform tables (workflow_event, audit). */
export const VENUE_KIND = 'venue';
export const BOOKING_KIND = 'venue_booking';

export interface VenueServiceDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  rules?: VenueRuleSet;
}

export const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });

/** What every part of the module shares: rules, the two workflows, the repositories, the account's units, loading under scope. */
export function createVenueCore(deps: VenueServiceDeps) {
  const { regionId, audit, crypto, clock } = deps;
  const rules = deps.rules ?? VENUE_RULES_2026;
  const venueFlow = createWorkflow(VENUE_WORKFLOW, { regionId, kind: VENUE_KIND, audit, store: { table: 'venue', state: 'status', touched: 'updated_at' } });
  const bookingFlow = createWorkflow(BOOKING_WORKFLOW, { regionId, kind: BOOKING_KIND, audit, store: { table: 'venue_booking', touched: 'updated_at' } });

  /** The standing units a 驻区单位 account acts for (empty for every other account). */
  const unitsOf = (db: Database, actor: Actor): Promise<ReportedUnit[]> => reportedUnits.ofAccount(db, actor);

  async function loadVenue(db: Database, actor: Actor, id: string, units?: ReportedUnit[]): Promise<{ venue: VenueRow; units: ReportedUnit[] }> {
    const u = units ?? (await unitsOf(db, actor));
    const venue = await venueRepository.byId(db, regionId, id);
    assertMaySeeVenue(actor, u, venue);
    return { venue, units: u };
  }

  /** A venue's editable fields checked and normalized: hours (rule venue-hours), services, phone encrypted (or the stored one kept). */
  function venueWrite(input: VenueInput | VenueUpdate, stored?: { enc: string; masked: string }): VenueWrite {
    const refusal = openingHoursRefusal(input.hours, rules);
    if (refusal) throw field(refusal.field, refusal.message);
    const hours: VenueHoursPeriod[] = input.hours.map((p) => ({
      days: [...new Set(p.days)].sort((a, b) => a - b),
      start: p.start,
      end: p.end,
      ...(p.extended ? { extended: true } : {}),
    }));
    const services: VenueServiceItem[] = input.services.map((s) => ({
      name: s.name.trim(),
      ...(s.description?.trim() ? { description: s.description.trim() } : {}),
    }));
    const names = services.map((s) => s.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw field('services', `服务清单中“${twice}”重复`);
    if (Math.round(input.areaM2 * 100) !== input.areaM2 * 100) throw field('areaM2', '面积最多保留两位小数');
    const phone = input.managerPhone?.trim();
    if (!phone && !stored) throw field('managerPhone', '请填写管理人联系电话');
    return {
      name: input.name.trim(),
      kind: input.kind,
      address: input.address.trim(),
      areaM2: input.areaM2,
      hours,
      managerName: input.managerName.trim(),
      managerPhoneEnc: phone ? crypto.encrypt(phone) : stored!.enc,
      managerPhoneMasked: phone ? maskPhone(phone) : stored!.masked,
      services,
    };
  }

  /** Now in China: today and the minutes after midnight. */
  function now(): { today: string; minutes: number; time: string } {
    const d = new Date(clock.now().getTime() + 8 * 3_600_000);
    const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
    return { today: clock.today(), minutes, time: d.toISOString().slice(11, 19) };
  }

  return { ...deps, rules, venueFlow, bookingFlow, venues: venueRepository, bookings: bookingRepository, unitsOf, loadVenue, venueWrite, now };
}
export type VenueCore = ReturnType<typeof createVenueCore>;

/** Adds `n` days to 'YYYY-MM-DD'. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
