import { ErrorCode, type TrainingHours, type TrainingMine } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';
import { formatHours, percentOf } from '../features/training/trainingForm.ts';

/**
 * The member's own training year (GET /api/training/me); null when the account has no member
 * record (NOT_FOUND). Under ['my'], which logging out clears.
 */
export const useMyTraining = () =>
  useQuery({
    queryKey: ['my', 'training'],
    queryFn: async (): Promise<TrainingMine | null> => {
      try {
        return await api.get<TrainingMine>('/api/training/me');
      } catch (e) {
        if (e instanceof ApiError && e.code === ErrorCode.NOT_FOUND) return null;
        throw e;
      }
    },
  });

/** The progress line of 我的学时: share of the minimum, and what to say about it. */
export function progressOf(h: Pick<TrainingHours, 'totalHours' | 'required' | 'shortfall' | 'met'>): { percent: number; text: string } {
  const percent = percentOf(h.totalHours, h.required);
  if (h.required <= 0) return { percent, text: '本年度暂无学时要求' };
  if (h.met) return { percent, text: `已达到本年度 ${formatHours(h.required)} 学时要求` };
  return { percent, text: `还差 ${formatHours(h.shortfall)} 学时达到本年度要求` };
}
