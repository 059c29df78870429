import type { Account, AccountInput, AccountUpdate } from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface AccountFilter {
  q: string;
  role: string | undefined;
  page: number;
}
export const ACCOUNT_PAGE_SIZE = 20;

export const useAccounts = (f: AccountFilter) =>
  useQuery({
    queryKey: ['accounts', f],
    queryFn: () => api.get<{ items: Account[]; total: number }>('/api/accounts', { q: f.q.trim(), role: f.role, page: f.page, pageSize: ACCOUNT_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

function useAccountMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }) });
}

export const useCreateAccount = () => useAccountMutation((input: AccountInput) => api.post<Account>('/api/accounts', input));
export const useUpdateAccount = () => useAccountMutation(({ id, patch }: { id: string; patch: AccountUpdate }) => api.patch<Account>(`/api/accounts/${id}`, patch));
export const useResetPassword = () => useAccountMutation(({ id, newPassword }: { id: string; newPassword: string }) => api.post(`/api/accounts/${id}/reset-password`, { newPassword }));
