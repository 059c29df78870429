import type { AppraisalBulkInput, AppraisalSheet, Disposition, DispositionListQuery, DispositionUpdate } from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Everything about appraisals lives under ['appraisals']; saving refreshes the sheet, dispositions and to-dos. */
export const appraisalKeys = {
  all: ['appraisals'] as const,
  sheet: (orgId: string, year: number) => ['appraisals', 'sheet', orgId, year] as const,
  dispositions: (q: DispositionListQuery) => ['appraisals', 'dispositions', q] as const,
};

export const useAppraisalSheet = (orgId: string | undefined, year: number) =>
  useQuery({
    queryKey: appraisalKeys.sheet(orgId ?? '', year),
    queryFn: () => api.get<AppraisalSheet>('/api/appraisals', { orgId, year }),
    enabled: !!orgId,
  });

export const useDispositions = (q: DispositionListQuery) =>
  useQuery({ queryKey: appraisalKeys.dispositions(q), queryFn: () => api.get<Disposition[]>('/api/appraisals/dispositions', { ...q }) });

function useAppraisalMutation<V, R>(fn: (v: V) => Promise<R>, silent = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent },
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: appraisalKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
  });
}

/** Bulk save; silent because the page handles the one-third refusal itself (it asks for a reason). */
export const useSaveGrades = () => useAppraisalMutation((input: AppraisalBulkInput) => api.put<AppraisalSheet>('/api/appraisals', input), true);

export const useUpdateDisposition = () =>
  useAppraisalMutation(({ id, patch }: { id: string; patch: DispositionUpdate }) => api.patch<Disposition>(`/api/appraisals/dispositions/${id}`, patch));
