import type { ContactAttemptInput, FloatingArrivalInput, FloatingDestination, FloatingInput, FloatingListQuery, FloatingRecord, FloatingStepInput, FloatingUpdate, LostContactDetail, LostContactInput, LostContactListQuery, LostContactRecord, LostContactUpdate } from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Floating and lost-contact views live under these roots; a change refreshes them, members and to-dos. */
export const floatingKeys = {
  all: ['floating'] as const,
  list: (q: FloatingListQuery) => ['floating', 'list', q] as const,
  detail: (id: string, unmask: boolean) => ['floating', 'detail', id, unmask] as const,
  destinations: (q: string) => ['floating', 'destinations', q] as const,
};
export const lostKeys = {
  all: ['lost-contact'] as const,
  list: (q: LostContactListQuery) => ['lost-contact', 'list', q] as const,
  detail: (id: string) => ['lost-contact', 'detail', id] as const,
};

export const PAGE_SIZE = 20;

export const useFloatingList = (q: FloatingListQuery) =>
  useQuery({ queryKey: floatingKeys.list(q), queryFn: () => api.get<{ items: FloatingRecord[]; total: number }>('/api/floating', { ...q }), placeholderData: keepPreviousData });

/** One registration; `unmask` asks for the contact phone in full (the server audits that read). */
export const useFloating = (id: string | null, unmask: boolean) =>
  useQuery({ queryKey: floatingKeys.detail(id ?? '', unmask), queryFn: () => api.get<FloatingRecord>(`/api/floating/${id}`, { unmask: unmask || undefined }), enabled: !!id });

export const useDestinations = (q: string) =>
  useQuery({ queryKey: floatingKeys.destinations(q), queryFn: () => api.get<FloatingDestination[]>('/api/floating/destinations', { q: q.trim() }), enabled: q.trim().length > 0, staleTime: 30_000 });


export const useLostContacts = (q: LostContactListQuery) =>
  useQuery({ queryKey: lostKeys.list(q), queryFn: () => api.get<{ items: LostContactRecord[]; total: number }>('/api/lost-contact', { ...q }), placeholderData: keepPreviousData });

export const useLostContact = (id: string | null) =>
  useQuery({ queryKey: lostKeys.detail(id ?? ''), queryFn: () => api.get<LostContactDetail>(`/api/lost-contact/${id}`), enabled: !!id });

function useRefreshing<V, R>(root: readonly string[], fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([root, ['members'], ['todos']].map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

export const useCreateFloating = () => useRefreshing(floatingKeys.all, (input: FloatingInput) => api.post<FloatingRecord>('/api/floating', input));
export const useUpdateFloating = () => useRefreshing(floatingKeys.all, ({ id, patch }: { id: string; patch: FloatingUpdate }) => api.patch<FloatingRecord>(`/api/floating/${id}`, patch));

export type FloatingStepKind = 'arrival' | 'verify' | 'return';
export const useFloatingStep = () =>
  useRefreshing(floatingKeys.all, ({ id, kind, input }: { id: string; kind: FloatingStepKind; input: FloatingStepInput | FloatingArrivalInput }) => api.post<FloatingRecord>(`/api/floating/${id}/${kind}`, input));

export const useCreateLostContact = () => useRefreshing(lostKeys.all, (input: LostContactInput) => api.post<LostContactRecord>('/api/lost-contact', input));
export const useUpdateLostContact = () => useRefreshing(lostKeys.all, ({ id, patch }: { id: string; patch: LostContactUpdate }) => api.patch<LostContactRecord>(`/api/lost-contact/${id}`, patch));
export const useAddAttempt = () => useRefreshing(lostKeys.all, ({ id, input }: { id: string; input: ContactAttemptInput }) => api.post<LostContactRecord>(`/api/lost-contact/${id}/attempts`, input));
export const useFound = () => useRefreshing(lostKeys.all, ({ id, input }: { id: string; input: FloatingStepInput }) => api.post<LostContactRecord>(`/api/lost-contact/${id}/found`, input));
