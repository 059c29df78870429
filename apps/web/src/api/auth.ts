import { ErrorCode, type Me } from '@jiceng/contracts';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './client.ts';

export const meKey = ['me'] as const;

/** The logged-in account, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.code === ErrorCode.UNAUTHENTICATED) return null;
    throw e;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export async function login(username: string, password: string): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', { username, password });
  setCsrfToken(me.csrfToken);
  return me;
}

/** Forgets everything cached for the previous account and remembers the new one (or none). */
export function resetSession(qc: QueryClient, me: Me | null): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  qc.setQueryData(meKey, me);
  if (!me) setCsrfToken('');
}

/** Ends the session on the server; `beforeReset` runs just before the cache forgets the account. */
export async function logout(qc: QueryClient, beforeReset?: () => void): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    beforeReset?.();
    resetSession(qc, null);
  }
}

/** Whether the account holds `permission` (null: any logged-in account; a list: any one of them). */
export function hasPermission(me: Pick<Me, 'permissions'>, permission: string | readonly string[] | null): boolean {
  if (permission === null) return true;
  return typeof permission === 'string' ? me.permissions.includes(permission) : permission.some((p) => me.permissions.includes(p));
}
