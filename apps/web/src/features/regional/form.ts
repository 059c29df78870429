import {
  attachmentKinds,
  attachmentTypes,
  type AttachmentType,
  type RgActivityInput,
  type RgCompleteInput,
  type RgFeedbackInput,
  type RgNeed,
  type RgNeedInput,
  type RgOwnerKind,
  type RgProjectInput,
  type RgRateInput,
  type RgResource,
  type RgResourceInput,
  type RgSourceId,
  type RgUrgencyId,
  type RgVerdictId,
} from '@jiceng/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** Pure pieces of the 三张清单 pages: 元 ↔ 分, form values → API bodies, the year choices, the photo check. */

const text = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);
const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const dayOrNull = (d: Dayjs | null | undefined) => (d ? day(d) : null);
const numOrNull = (n: number | null | undefined) => (n === undefined || n === null || Number.isNaN(n) ? null : n);

// ---------------------------------------------------------------- money

/** 元 as typed (two decimals at most) → 分; empty → null. */
export const yuanToFen = (yuan: number | null | undefined): number | null => {
  const n = numOrNull(yuan);
  return n === null ? null : Math.round(n * 100);
};
/** 分 → 元 for a form field; null stays empty. */
export const fenToYuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);
/** 分 as people read it: 1,234.5 元; null → —. */
export const yuanText = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** Hours with at most one decimal. */
export const hoursText = (h: number | null | undefined): string => (h === null || h === undefined ? '—' : `${Math.round(h * 10) / 10} 小时`);

// ---------------------------------------------------------------- the year

/** Years of the projects list, ledgers and figures: next year back to six before this one. */
export function yearOptions(thisYear: number): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = Math.min(thisYear + 1, 2099); y >= Math.max(thisYear - 6, 2000); y--) out.push({ value: y, label: `${y} 年` });
  return out;
}

/** `?year=` of a page: a year the API takes, else `fallback`. */
export function yearFromParams(p: URLSearchParams, fallback: number): number {
  const y = Number(p.get('year'));
  return p.get('year') && Number.isInteger(y) && y >= 2000 && y <= 2099 ? y : fallback;
}

// ---------------------------------------------------------------- needs

export interface NeedFormValues {
  orgId?: string;
  categoryCode?: string;
  title: string;
  description: string;
  beneficiaries: string;
  beneficiaryCount?: number | null;
  place?: string | null;
  urgency?: RgUrgencyId;
  wantedBy?: Dayjs | null;
  estMoneyYuan?: number | null;
  estPeople?: number | null;
  source?: RgSourceId;
}

/** POST /api/regional/needs (and PUT with the version): trimmed text, 元 to 分, empty optional fields as null. */
export function toNeedInput(v: NeedFormValues): RgNeedInput {
  return {
    orgId: v.orgId ?? '',
    categoryCode: v.categoryCode ?? '',
    title: v.title.trim(),
    description: v.description.trim(),
    beneficiaries: v.beneficiaries.trim(),
    beneficiaryCount: numOrNull(v.beneficiaryCount),
    place: text(v.place),
    urgency: v.urgency ?? 'normal',
    wantedBy: dayOrNull(v.wantedBy),
    estMoneyFen: yuanToFen(v.estMoneyYuan),
    estPeople: numOrNull(v.estPeople),
    source: v.source ?? 'resident',
  };
}

/** A need as the edit form holds it. */
export function needValues(n: RgNeed): NeedFormValues {
  return {
    orgId: n.orgId,
    categoryCode: n.categoryCode,
    title: n.title,
    description: n.description,
    beneficiaries: n.beneficiaries,
    beneficiaryCount: n.beneficiaryCount,
    place: n.place,
    urgency: n.urgency,
    wantedBy: n.wantedBy ? dayjs(n.wantedBy) : null,
    estMoneyYuan: fenToYuan(n.estMoneyFen),
    estPeople: n.estPeople,
    source: n.source,
  };
}

// ---------------------------------------------------------------- resources

export interface ResourceFormValues {
  ownerKind?: RgOwnerKind;
  unitId?: string | null;
  memberReportId?: string | null;
  categoryCode?: string;
  title: string;
  description: string;
  capacityPeople?: number | null;
  capacityHoursMonth?: number | null;
  capacityMoneyYuan?: number | null;
  venue?: string | null;
  availableFrom?: Dayjs | null;
  availableTo?: Dayjs | null;
  contactName: string;
  phone: string;
  offeredTo?: string[];
}

/**
 * POST /api/regional/resources: a 驻区单位 account (`ownUnit`) sends no owner (its own unit); the
 * community side names the unit or the member's report, never both.
 */
export function toResourceInput(v: ResourceFormValues, ownUnit: boolean): RgResourceInput {
  const ownerKind: RgOwnerKind = ownUnit ? 'unit' : (v.ownerKind ?? 'unit');
  const owner = ownUnit ? {} : ownerKind === 'unit' ? { unitId: v.unitId ?? null } : { memberReportId: v.memberReportId ?? null };
  return {
    ownerKind,
    ...owner,
    categoryCode: v.categoryCode ?? '',
    title: v.title.trim(),
    description: v.description.trim(),
    capacityPeople: numOrNull(v.capacityPeople),
    capacityHoursMonth: numOrNull(v.capacityHoursMonth),
    capacityMoneyFen: yuanToFen(v.capacityMoneyYuan),
    venue: text(v.venue),
    availableFrom: dayOrNull(v.availableFrom),
    availableTo: dayOrNull(v.availableTo),
    contactName: v.contactName.trim(),
    phone: v.phone.trim(),
    offeredTo: v.offeredTo ?? [],
  };
}

/** A resource as the edit form holds it; a masked phone is left for the user to type again. */
export function resourceValues(r: RgResource): ResourceFormValues {
  return {
    ownerKind: r.ownerKind,
    unitId: r.unitId,
    memberReportId: r.memberReportId,
    categoryCode: r.categoryCode,
    title: r.title,
    description: r.description,
    capacityPeople: r.capacityPeople,
    capacityHoursMonth: r.capacityHoursMonth,
    capacityMoneyYuan: fenToYuan(r.capacityMoneyFen),
    venue: r.venue,
    availableFrom: r.availableFrom ? dayjs(r.availableFrom) : null,
    availableTo: r.availableTo ? dayjs(r.availableTo) : null,
    contactName: r.contactName,
    phone: r.phone.includes('*') ? '' : r.phone,
    offeredTo: r.offeredTo.map((o) => o.id).filter((id) => id !== r.communityId),
  };
}

// ---------------------------------------------------------------- projects

export interface ProjectFormValues {
  title: string;
  plan: string;
  startDate: Dayjs;
  endDate: Dayjs;
  budgetYuan?: number | null;
  plannedPeople?: number | null;
}

/** 立项 from the matching screen: the need, the ticked resources, 元 to 分 (no budget is 0). */
export function toProjectInput(needId: string, resourceIds: readonly string[], v: ProjectFormValues): RgProjectInput {
  return {
    needId,
    title: v.title.trim(),
    plan: v.plan.trim(),
    startDate: day(v.startDate),
    endDate: day(v.endDate),
    budgetFen: yuanToFen(v.budgetYuan) ?? 0,
    plannedPeople: numOrNull(v.plannedPeople),
    resourceIds: [...new Set(resourceIds)],
  };
}

export interface ActivityFormValues {
  heldOn: Dayjs;
  title: string;
  description?: string | null;
  participants: number;
  hours: number;
  beneficiaries?: number | null;
  unitId?: string | null;
}

/** 记录活动: a unit account's own activity names no unit (the server puts its own). */
export function toActivityInput(v: ActivityFormValues, ownUnit: boolean): RgActivityInput {
  return {
    heldOn: day(v.heldOn),
    title: v.title.trim(),
    description: text(v.description),
    participants: v.participants,
    hours: v.hours,
    ...(v.beneficiaries !== undefined && v.beneficiaries !== null ? { beneficiaries: v.beneficiaries } : {}),
    ...(ownUnit ? {} : { unitId: v.unitId ?? null }),
  };
}

export interface CompleteFormValues {
  results: string;
  fundsYuan?: number | null;
  problemsSolved?: number | null;
}

export const toCompleteInput = (v: CompleteFormValues, version: number): RgCompleteInput => ({
  version,
  results: v.results.trim(),
  fundsFen: yuanToFen(v.fundsYuan),
  problemsSolved: numOrNull(v.problemsSolved),
});

export const toRateInput = (v: { rating: number; comment?: string | null }, version: number): RgRateInput => ({
  version,
  rating: v.rating,
  comment: text(v.comment),
});

export const toFeedbackInput = (v: { verdict: RgVerdictId; comment?: string | null; rater?: string | null }): RgFeedbackInput => ({
  verdict: v.verdict,
  comment: text(v.comment),
  rater: text(v.rater),
});

// ---------------------------------------------------------------- activity photos

export const RG_PHOTO_RULE = attachmentKinds.rg_activity;
const PHOTO_TYPES = RG_PHOTO_RULE.types as readonly AttachmentType[];
/** The file chooser's filter: every extension of the image types an activity takes. */
export const RG_PHOTO_ACCEPT = PHOTO_TYPES.flatMap((t) => attachmentTypes[t].aliases.map((a) => `.${a}`)).join(',');
const mb = (n: number) => `${Number((n / 1_048_576).toFixed(1))} MB`;
export const rgPhotoHint = () => `JPG、PNG、WebP 照片，每张不超过 ${mb(RG_PHOTO_RULE.imageMaxBytes)}，每次活动最多 ${RG_PHOTO_RULE.maxFiles} 张`;

/** Why a chosen photo is not sent (the server's own rule), or null: not an image, empty, too large, or the activity is full. */
export function rgPhotoRefusal(file: { name: string; size: number }, already: number): string | null {
  const r = RG_PHOTO_RULE;
  if (already >= r.maxFiles) return `每次活动最多上传 ${r.maxFiles} 张照片，${file.name} 未上传`;
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const type = PHOTO_TYPES.find((t) => ext && (attachmentTypes[t].aliases as readonly string[]).includes(ext));
  if (!type) return `${file.name}：活动照片只接受 JPG、PNG、WebP 图片`;
  if (file.size === 0) return `${file.name} 是空文件，请重新选择`;
  if (file.size > r.imageMaxBytes) return `${file.name} 过大（${mb(file.size)}），照片不能超过 ${mb(r.imageMaxBytes)}`;
  return null;
}
