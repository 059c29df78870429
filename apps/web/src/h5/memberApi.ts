import { ErrorCode, type Member } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';

/**
 * The 党员 account's own record; null when the account is not linked to one yet (the server answers
 * NOT_FOUND), so the page can say what to do instead of showing an error.
 */
export function useMyMember(enabled: boolean) {
  return useQuery({
    queryKey: ['my', 'member'],
    enabled,
    queryFn: async () => {
      try {
        return await api.get<Member>('/api/me/member');
      } catch (e) {
        if (e instanceof ApiError && e.code === ErrorCode.NOT_FOUND) return null;
        throw e;
      }
    },
  });
}
