/**
 * Both drivers return `timestamptz` as PostgreSQL text (`2026-11-22 12:50:23.95+00`); this turns it
 * into ISO 8601 for responses.
 */
export function isoTime(v: string | Date): string;
export function isoTime(v: string | Date | null): string | null;
export function isoTime(v: string | Date | null): string | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString();
  const norm = v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(norm).toISOString();
}
