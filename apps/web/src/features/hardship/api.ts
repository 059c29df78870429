import type { Hardship, HardshipCadre, HardshipCadreInput, HardshipCloseInput, HardshipInput, HardshipListQuery, HardshipSummary, HardshipVisit, HardshipVisitInput } from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Every 困难党员 view lives under ['hardship']; a change also refreshes members (the 困难 category) and to-dos. */
export const hardshipKeys = {
  all: ['hardship'] as const,
  list: (q: HardshipListQuery) => ['hardship', 'list', q] as const,
  detail: (id: string, unmask: boolean) => ['hardship', 'detail', id, unmask] as const,
  visits: (id: string) => ['hardship', 'visits', id] as const,
  cadres: ['hardship', 'cadres'] as const,
};

export const HARDSHIP_PAGE_SIZE = 20;

export const useHardshipList = (q: HardshipListQuery) =>
  useQuery({ queryKey: hardshipKeys.list(q), queryFn: () => api.get<{ items: HardshipSummary[]; total: number }>('/api/hardship', { ...q }), placeholderData: keepPreviousData });

/** One record; `unmask` asks for the detail in full (the server audits that read). */
export const useHardship = (id: string, unmask: boolean) =>
  useQuery({ queryKey: hardshipKeys.detail(id, unmask), queryFn: () => api.get<Hardship>(`/api/hardship/${id}`, { unmask: unmask || undefined }) });

export const useVisits = (id: string) => useQuery({ queryKey: hardshipKeys.visits(id), queryFn: () => api.get<HardshipVisit[]>(`/api/hardship/${id}/visits`) });
export const useCadres = () => useQuery({ queryKey: hardshipKeys.cadres, queryFn: () => api.get<HardshipCadre[]>('/api/hardship/cadres') });

function useHardshipMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([hardshipKeys.all, ['members'], ['todos']].map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

export const useCreateHardship = () => useHardshipMutation((input: HardshipInput) => api.post<Hardship>('/api/hardship', input));
export const useCloseHardship = (id: string) => useHardshipMutation((input: HardshipCloseInput) => api.post<Hardship>(`/api/hardship/${id}/close`, input));
export const useAssignCadre = (id: string) => useHardshipMutation((cadreId: string | null) => api.put<Hardship>(`/api/hardship/${id}/cadre`, { cadreId }));
export const useCreateCadre = () => useHardshipMutation((input: HardshipCadreInput) => api.post<HardshipCadre>('/api/hardship/cadres', input));
export const useAddVisit = (id: string) => useHardshipMutation((input: HardshipVisitInput) => api.post<HardshipVisit>(`/api/hardship/${id}/visits`, input));
