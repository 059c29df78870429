import type { Notification } from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export const notificationsKey = ['notifications'] as const;

/** In-app notifications, polled every minute so the bell stays current (not while `enabled` is false). */
export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => api.get<{ items: Notification[]; unread: number }>('/api/notifications'),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) => api.post(id ? `/api/notifications/${id}/read` : '/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
