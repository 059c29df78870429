import type { Account, AccountInput, AccountUpdate } from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import { download } from '../../api/download.ts';

export interface AccountFilter {
  q: string;
  role: string | undefined;
  page: number;
  pageSize: number;
}

const filterQuery = (f: Pick<AccountFilter, 'q' | 'role'>) => ({ q: f.q.trim() || undefined, role: f.role });

export const useAccounts = (f: AccountFilter) =>
  useQuery({
    queryKey: ['accounts', f],
    queryFn: () => api.get<{ items: Account[]; total: number }>('/api/accounts', { ...filterQuery(f), page: f.page, pageSize: f.pageSize }),
    placeholderData: keepPreviousData,
  });

/** 导出 the list with the page's filters (paging ignored) as .xlsx, named by the server. */
export const exportAccounts = (f: Pick<AccountFilter, 'q' | 'role'>) => download(withQuery('/api/accounts/export', filterQuery(f)), '账号列表.xlsx');

function useAccountMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }) });
}

export const useCreateAccount = () => useAccountMutation((input: AccountInput) => api.post<Account>('/api/accounts', input));
export const useUpdateAccount = () =>
  useAccountMutation(({ id, patch }: { id: string; patch: AccountUpdate }) => api.patch<Account>(`/api/accounts/${id}`, patch));
/** 停用 (disabled true) or 启用 (false) only. */
export const useSetDisabled = () =>
  useAccountMutation(({ id, disabled }: { id: string; disabled: boolean }) => api.patch<Account>(`/api/accounts/${id}`, { disabled }));
export const useResetPassword = () =>
  useAccountMutation(({ id, newPassword }: { id: string; newPassword: string }) => api.post(`/api/accounts/${id}/reset-password`, { newPassword }));
