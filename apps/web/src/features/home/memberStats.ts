import type { MemberStats, TermStatusByChild } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The member structure of the account's scope (aggregates only), for the cockpit's charts. */
export function useMemberStats(enabled: boolean) {
  return useQuery({ queryKey: ['members', 'stats'], queryFn: () => api.get<MemberStats>('/api/members/stats'), enabled, staleTime: 60_000 });
}

/** 换届 status by direct child organization, including the organizations whose term is fine (the cockpit's 换届 chart). */
export function useTermByChild(enabled: boolean) {
  return useQuery({
    queryKey: ['org-terms', 'by-child'],
    queryFn: () => api.get<TermStatusByChild[]>('/api/org-terms/by-child'),
    enabled,
    staleTime: 60_000,
  });
}
