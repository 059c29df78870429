import type { MemberStats } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The member structure of the account's scope (aggregates only), for the cockpit's charts. */
export function useMemberStats(enabled: boolean) {
  return useQuery({ queryKey: ['members', 'stats'], queryFn: () => api.get<MemberStats>('/api/members/stats'), enabled, staleTime: 60_000 });
}
