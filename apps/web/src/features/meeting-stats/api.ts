import type { MeetingStats } from '@jiceng/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** A year (and quarter) or a range of dates (`YYYY-MM-DD`), not both (statsFilter.ts). */
export type StatsFilter = {
  orgId?: string;
  year?: number;
  quarter?: number;
  from?: string;
  to?: string;
};

/** 会议统计 of the account's subtree (or one organization in it). */
export const useMeetingStats = (f: StatsFilter) =>
  useQuery({ queryKey: ['meetings', 'stats', f], queryFn: () => api.get<MeetingStats>('/api/meetings/stats', { ...f }), placeholderData: keepPreviousData });
