import { MEMBER_COUNT_CAP, type MemberListPage } from '@jiceng/contracts';

/** What the member list shows of its count: the pager's total, the 共 … 名党员 text, and a hint when the count stopped at the cap. */
export interface MemberListTotal {
  /** Total handed to the pager: with a capped count the pages go as far as the count went (MEMBER_COUNT_CAP). */
  pagerTotal: number;
  text: string;
  /** Shown above the table when more members match than the list can page through. */
  narrowHint: string | null;
}

const count = (n: number) => n.toLocaleString('zh-CN');

/**
 * A capped count (`totalCapped`, see MEMBER_COUNT_CAP) reads 「10,000+」: `total` is then a lower
 * bound, and the pager offers the pages up to it, so users page as far as the cap allows and are
 * told to narrow the filter (or export) for the rest.
 */
export function memberListTotal(page: Pick<MemberListPage, 'total' | 'totalCapped'> | undefined): MemberListTotal {
  if (!page) return { pagerTotal: 0, text: '', narrowHint: null };
  if (!page.totalCapped) return { pagerTotal: page.total, text: `共 ${count(page.total)} 名党员`, narrowHint: null };
  const shown = Math.max(page.total, MEMBER_COUNT_CAP);
  return {
    pagerTotal: page.total,
    text: `共 ${count(shown)}+ 名党员`,
    narrowHint: `符合条件的党员超过 ${count(shown)} 名，列表只列出前 ${count(page.total)} 名。请按所在组织、姓名、状态或其他条件缩小范围；需要全部名单请用“导出”。`,
  };
}
