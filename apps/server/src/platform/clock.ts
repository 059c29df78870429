/** Injected time source, so services and tests agree on "today". */
export interface Clock {
  now(): Date;
  /** Today's date in China (UTC+8), `YYYY-MM-DD`. */
  today(): string;
}

export const chinaDate = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const systemClock: Clock = { now: () => new Date(), today: () => chinaDate(new Date()) };

export function fixedClock(iso: string): Clock {
  const d = new Date(iso);
  return { now: () => new Date(d), today: () => chinaDate(d) };
}

/** The system clock `days` ahead (config CLOCK_OFFSET_DAYS): time still flows, from a later day. */
export function offsetClock(days: number): Clock {
  if (days === 0) return systemClock;
  const now = () => new Date(Date.now() + days * 86_400_000);
  return { now, today: () => chinaDate(now()) };
}
