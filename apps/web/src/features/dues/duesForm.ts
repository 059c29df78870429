import { DUES_BASE_CATEGORIES, DUES_CATEGORY_IDS, DUES_CHOSEN_CATEGORIES, duesCategoryLabel, type DuesCalcInput, type DuesCategoryId } from '@jiceng/contracts';

/** What the calculator and the 设置基数 form hold: amounts in 元 as the user types them. */
export interface DuesFormValues {
  category: DuesCategoryId;
  /** 计算基数, 元 (bracket categories). */
  baseYuan?: number | null;
  /** 本人每月交纳金额, 元 (农民). */
  chosenYuan?: number | null;
  /** 少交/免交 (the 设置基数 form only). */
  reliefKind?: 'reduce' | 'waive' | null;
  reliefYuan?: number | null;
  reliefApproval?: string;
}

export const categoryOptions = DUES_CATEGORY_IDS.map((c) => ({ value: c, label: duesCategoryLabel[c] }));

/** Which amount field the category asks for: a base, the member's chosen amount, or none (a fixed amount). */
export const amountFieldOf = (c: DuesCategoryId): 'base' | 'chosen' | 'none' =>
  DUES_BASE_CATEGORIES.includes(c) ? 'base' : DUES_CHOSEN_CATEGORIES.includes(c) ? 'chosen' : 'none';

/** 元 → integer 分 (the API's unit); an empty field stays out. */
export const yuanToFen = (yuan: number | null | undefined): number | undefined =>
  yuan === null || yuan === undefined || Number.isNaN(yuan) ? undefined : Math.round(yuan * 100);

/** 分 → `76.5 元` as the rule set words amounts (no trailing zeros). */
export const fenText = (fen: number): string => `${(fen / 100).toFixed(2).replace(/\.?0+$/, '')} 元`;

/** Basis points → `1.5%`. */
export const rateText = (bp: number): string => `${bp / 100}%`;

/** The request body of the form: only the amount its category uses, relief with its approval. */
export function toDuesInput(v: DuesFormValues): DuesCalcInput {
  const field = amountFieldOf(v.category);
  const baseFen = field === 'base' ? yuanToFen(v.baseYuan) : undefined;
  const chosenFen = field === 'chosen' ? yuanToFen(v.chosenYuan) : undefined;
  const approval = (v.reliefApproval ?? '').trim();
  const reliefFen = v.reliefKind === 'reduce' ? yuanToFen(v.reliefYuan) : undefined;
  return {
    category: v.category,
    ...(baseFen !== undefined && { baseFen }),
    ...(chosenFen !== undefined && { chosenFen }),
    ...(v.reliefKind && { relief: { kind: v.reliefKind, approval, ...(reliefFen !== undefined && { amountFen: reliefFen }) } }),
  };
}
