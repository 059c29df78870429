import type { TablePaginationConfig } from 'antd';
import { useState, type ReactNode } from 'react';

/**
 * One pagination for every list page: a page-size selector (10/20/50/100 条/页) and a page jump
 * (跳至 … 页), so the last page of a long list is two actions away.
 */

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

export interface Paging {
  page: number;
  pageSize: number;
}

/** Settings shared by server-paged and local tables. */
const common = { showSizeChanger: true, showQuickJumper: true, pageSizeOptions: PAGE_SIZE_OPTIONS } as const;

/**
 * A server-paged table's pagination: `onChange` gets the page to load (back to 1 when the page size
 * changes, the old page may not exist any more) and the page size.
 */
export function serverPagination(
  p: Paging & { total: number; onChange: (next: Paging) => void; showTotal?: (total: number) => ReactNode },
): TablePaginationConfig {
  return {
    ...common,
    current: p.page,
    pageSize: p.pageSize,
    total: p.total,
    showTotal: p.showTotal ?? ((n) => `共 ${n.toLocaleString('zh-CN')} 条`),
    onChange: (page, pageSize) => p.onChange({ page: pageSize !== p.pageSize ? 1 : page, pageSize }),
  };
}

/** A table paged in the browser (the whole list is loaded). */
export function localPagination(showTotal: (total: number) => string = (n) => `共 ${n.toLocaleString('zh-CN')} 条`): TablePaginationConfig {
  return { ...common, defaultPageSize: DEFAULT_PAGE_SIZE, showTotal };
}

/** Page and page size of a list kept in component state; `reset` returns to page 1 (a filter changed). */
export function usePaging(pageSize = DEFAULT_PAGE_SIZE) {
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize });
  return { ...paging, setPaging, setPage: (page: number) => setPaging((p) => ({ ...p, page })), reset: () => setPaging((p) => ({ ...p, page: 1 })) };
}
