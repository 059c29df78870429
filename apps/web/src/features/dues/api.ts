import type {
  DuesArrearsQuery,
  DuesBasis,
  DuesBasisInput,
  DuesCalcInput,
  DuesCalcResult,
  DuesLedgerQuery,
  DuesPublicationQuery,
  DuesSummaryQuery,
} from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isStaleVersion } from '../../api/errors.ts';

/** Every 党费 view lives under ['dues']. */
export const duesKeys = {
  all: ['dues'] as const,
  bases: (memberId: string) => ['dues', 'bases', memberId] as const,
  /** 党费台账 (ledgerApi.ts): a branch's month, a member's months, arrears, the summary and the publication. */
  ledger: (q: DuesLedgerQuery) => ['dues', 'ledger', q] as const,
  member: (memberId: string) => ['dues', 'member', memberId] as const,
  arrears: (q: DuesArrearsQuery) => ['dues', 'arrears', q] as const,
  summary: (q: DuesSummaryQuery) => ['dues', 'summary', q] as const,
  publication: (q: DuesPublicationQuery) => ['dues', 'publication', q] as const,
};

/** 党费计算器: nothing is stored, so nothing reloads; a refusal (400) is shown by the query client. */
export const useDuesCalculate = () => useMutation({ mutationFn: (input: DuesCalcInput) => api.post<DuesCalcResult>('/api/dues/calculate', input) });

export const useDuesBases = (memberId: string) =>
  useQuery({ queryKey: duesKeys.bases(memberId), queryFn: () => api.get<DuesBasis[]>(`/api/members/${memberId}/dues-bases`) });

/**
 * A change to a member's bases reloads them and everything computed from them (the ledger's dues:
 * everything under ['dues']); a 409 STALE_VERSION (someone saved first) reloads too, so the next
 * try starts from theirs.
 */
function useBasesMutation<V, R>(memberId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  const reload = () => qc.invalidateQueries({ queryKey: duesKeys.all });
  return useMutation({
    mutationFn: fn,
    onSuccess: reload,
    onError: async (e) => {
      if (isStaleVersion(e)) await reload();
    },
  });
}

export const useSaveDuesBasis = (memberId: string) =>
  useBasesMutation(memberId, ({ month, input }: { month: string; input: DuesBasisInput }) =>
    api.put<DuesBasis>(`/api/members/${memberId}/dues-bases/${month}`, input),
  );

export const useDeleteDuesBasis = (memberId: string) =>
  useBasesMutation(memberId, (month: string) => api.del<{ ok: true }>(`/api/members/${memberId}/dues-bases/${month}`));
