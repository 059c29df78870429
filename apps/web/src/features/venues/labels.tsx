import {
  BOOKER_KIND_IDS,
  bookerKindLabel,
  bookingStatusColor,
  bookingStatusLabel,
  VENUE_KIND_IDS,
  venueKindLabel,
  venueStatusLabel,
  type BookingStatusId,
  type VenueStatusId,
} from '@jiceng/contracts';
import { Tag } from 'antd';

export const KIND_OPTIONS = VENUE_KIND_IDS.map((k) => ({ value: k, label: venueKindLabel[k] }));
export const STATUS_OPTIONS = (['open', 'suspended'] as const).map((s) => ({ value: s, label: venueStatusLabel[s] }));
export const BOOKER_KINDS = BOOKER_KIND_IDS.map((k) => ({ key: k, label: bookerKindLabel[k] }));
export const DAY_OPTIONS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'].map((label, i) => ({ value: i + 1, label }));

/** Half-hour times 06:00–23:00 (the rule set's slot grid and opening bounds). */
export const TIME_OPTIONS = Array.from({ length: 35 }, (_, i) => {
  const m = 6 * 60 + i * 30;
  const t = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { value: t, label: t };
});

export function VenueStatusTag({ status }: { status: VenueStatusId }) {
  return <Tag color={status === 'open' ? 'green' : 'orange'}>{venueStatusLabel[status]}</Tag>;
}

export function BookingStatusTag({ status }: { status: BookingStatusId }) {
  return <Tag color={bookingStatusColor[status]}>{bookingStatusLabel[status]}</Tag>;
}

/** 平方米 with at most two decimals. */
export const m2 = (n: number) => `${Math.round(n * 100) / 100} 平方米`;
