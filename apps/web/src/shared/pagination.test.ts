import { describe, expect, it } from 'vitest';
import { localPagination, serverPagination, type Paging } from './pagination.ts';
import { filterFromParams, filterToParams, toListQuery } from '../features/members/memberFilter.ts';

describe('shared pagination', () => {
  it('offers page sizes and a page jump on every table', () => {
    for (const p of [serverPagination({ page: 1, pageSize: 20, total: 3212, onChange: () => {} }), localPagination()]) {
      expect(p).toMatchObject({ showSizeChanger: true, showQuickJumper: true, pageSizeOptions: [10, 20, 50, 100] });
    }
  });

  it('goes back to page 1 when the page size changes, keeps the page otherwise', () => {
    const seen: Paging[] = [];
    const p = serverPagination({ page: 7, pageSize: 20, total: 3212, onChange: (n) => seen.push(n) });
    p.onChange!(161, 20);
    p.onChange!(7, 100);
    expect(seen).toEqual([
      { page: 161, pageSize: 20 },
      { page: 1, pageSize: 100 },
    ]);
    expect(p.showTotal!(3212, [1, 20])).toBe('共 3,212 条');
  });

  it("keeps the member list's page size in the URL (the default left out), and refuses sizes the API would", () => {
    const state = { page: 33, pageSize: 100 };
    expect(filterToParams(state)).toEqual({ page: '33', pageSize: '100' });
    expect(filterToParams({ page: 1, pageSize: 20 })).toEqual({});
    expect(toListQuery(filterFromParams(new URLSearchParams({ page: '33', pageSize: '100' })))).toMatchObject({ page: 33, pageSize: 100 });
    expect(toListQuery(filterFromParams(new URLSearchParams({ pageSize: '5000' })))).toMatchObject({ page: 1, pageSize: 20 });
  });
});
