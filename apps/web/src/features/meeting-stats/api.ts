import type { MeetingStats } from '@jiceng/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface StatsFilter {
  orgId?: string;
  year: number;
  quarter?: number;
}

/** 会议统计 of the account's subtree (or one organization in it). */
export const useMeetingStats = (f: StatsFilter) =>
  useQuery({ queryKey: ['meetings', 'stats', f], queryFn: () => api.get<MeetingStats>('/api/meetings/stats', { ...f }), placeholderData: keepPreviousData });
