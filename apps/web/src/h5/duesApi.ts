import { ErrorCode, type DuesMine } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';

/**
 * The member's own dues (GET /api/dues/me): 党费缴至, this month's amount, what is owed and the
 * months; null when the account has no member record (NOT_FOUND). Under ['my'], which logging out
 * clears.
 */
export const useMyDues = () =>
  useQuery({
    queryKey: ['my', 'dues'],
    queryFn: async (): Promise<DuesMine | null> => {
      try {
        return await api.get<DuesMine>('/api/dues/me');
      } catch (e) {
        if (e instanceof ApiError && e.code === ErrorCode.NOT_FOUND) return null;
        throw e;
      }
    },
  });
