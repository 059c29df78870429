import { normalizeIdNumber, PAGE_SIZE_MAX, PHONE_PATTERN, type MemberListQuery } from '@jiceng/contracts';
import { MEMBER_PAGE_SIZE } from './api.ts';

/**
 * Age bands of the annual statistics (domain-rules §6.1): ≤30, then 5-year bands 31–35 … 56–60, ≥61.
 * Keys are what the URL carries.
 */
export const AGE_BANDS: { key: string; label: string; min?: number; max?: number }[] = [
  { key: '-30', label: '30 岁及以下', max: 30 },
  ...[31, 36, 41, 46, 51, 56].map((min) => ({ key: `${min}-${min + 4}`, label: `${min}～${min + 4} 岁`, min, max: min + 4 })),
  { key: '61-', label: '61 岁及以上', min: 61 },
];

const ENUM_KEYS = ['status', 'category', 'education', 'occupation'] as const;

/** The list page's state, kept in the URL so the back button returns to the same list. */
export interface MemberFilterState {
  orgId?: string;
  /** Shown in the organization picker before any search. */
  orgName?: string;
  status?: string;
  category?: string;
  education?: string;
  occupation?: string;
  age?: string;
  partyAgeMin?: number;
  partyAgeMax?: number;
  includeLeft?: boolean;
  /** Name, ID number or phone, as typed. */
  search?: string;
  page: number;
  /** Rows per page; MEMBER_PAGE_SIZE when left out. */
  pageSize?: number;
}

const num = (v: string | null) => (v !== null && v !== '' && Number.isInteger(Number(v)) ? Number(v) : undefined);

export function filterFromParams(p: URLSearchParams): MemberFilterState {
  const s: MemberFilterState = { page: num(p.get('page')) ?? 1 };
  for (const k of ['orgId', 'orgName', ...ENUM_KEYS, 'age', 'search'] as const) {
    const v = p.get(k);
    if (v) s[k] = v;
  }
  const size = num(p.get('pageSize'));
  if (size !== undefined && size >= 1 && size <= PAGE_SIZE_MAX) s.pageSize = size;
  s.partyAgeMin = num(p.get('partyAgeMin'));
  s.partyAgeMax = num(p.get('partyAgeMax'));
  if (p.get('includeLeft') === 'true') s.includeLeft = true;
  return s;
}

export function filterToParams(s: MemberFilterState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== null && v !== '' && v !== false && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === MEMBER_PAGE_SIZE)) out[k] = String(v);
  return out;
}

/**
 * What the search box holds, as the API's look-up: 18 characters that look like an ID number search
 * the ID exactly, a phone number the phone exactly, anything else the name.
 */
export function searchTerms(text: string | undefined): Pick<MemberListQuery, 'q' | 'idNumber' | 'phone'> {
  const t = (text ?? '').trim();
  if (!t) return {};
  const id = normalizeIdNumber(t);
  if (/^\d{17}[\dX]$/.test(id)) return { idNumber: id };
  if (new RegExp(PHONE_PATTERN).test(t)) return { phone: t };
  return { q: t };
}

/** The list query for the API. */
export function toListQuery(s: MemberFilterState): MemberListQuery {
  const band = AGE_BANDS.find((b) => b.key === s.age);
  const q: MemberListQuery = { page: s.page, pageSize: s.pageSize ?? MEMBER_PAGE_SIZE, ...searchTerms(s.search) };
  if (s.orgId) q.orgId = s.orgId;
  if (s.status) q.status = s.status as MemberListQuery['status'];
  if (s.category) q.category = s.category as MemberListQuery['category'];
  if (s.education) q.education = s.education as MemberListQuery['education'];
  if (s.occupation) q.occupation = s.occupation as MemberListQuery['occupation'];
  if (band?.min !== undefined) q.ageMin = band.min;
  if (band?.max !== undefined) q.ageMax = band.max;
  if (s.partyAgeMin !== undefined) q.partyAgeMin = s.partyAgeMin;
  if (s.partyAgeMax !== undefined) q.partyAgeMax = s.partyAgeMax;
  if (s.includeLeft || s.status === 'left') q.includeLeft = true;
  return q;
}
