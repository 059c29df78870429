import {
  IMPORT_FILE_FIELD,
  type CobuildActionInput,
  type CobuildActivityInput,
  type CobuildAgreement,
  type CobuildAgreementDetail,
  type CobuildAgreementInput,
  type CobuildAgreementUpdate,
  type CobuildCommitmentInput,
  type CobuildDoneInput,
  type CobuildFundInput,
  type CobuildOrgOption,
  type CobuildProblemInput,
  type CobuildQuery,
  type CobuildRenewInput,
  type CobuildRules,
  type CobuildStats,
  type CobuildStatsQuery,
  type ImportResult,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';
import { isStaleVersion } from '../../api/errors.ts';

const BASE = '/api/cobuild/agreements';

/** Every 结对共建 view lives under ['cobuild']: one invalidation refreshes the list, an agreement and the figures. */
export const cobuildKeys = {
  all: ['cobuild'] as const,
  list: (q: CobuildQuery) => ['cobuild', 'list', q] as const,
  detail: (id: string, unmask: boolean) => ['cobuild', 'detail', id, unmask] as const,
  stats: (q: CobuildStatsQuery) => ['cobuild', 'stats', q] as const,
  orgs: (side: 'a' | 'b', q: string) => ['cobuild', 'orgs', side, q] as const,
};

export const exportPath = `${BASE}/export`;
export const documentPath = (id: string) => `${BASE}/${id}/document.docx`;

export const useAgreements = (q: CobuildQuery) =>
  useQuery({
    queryKey: cobuildKeys.list(q),
    queryFn: () => api.get<{ items: CobuildAgreement[]; total: number }>(BASE, { ...q }),
    placeholderData: keepPreviousData,
  });

export const useAgreement = (id: string, unmask = false) =>
  useQuery({ queryKey: cobuildKeys.detail(id, unmask), queryFn: () => api.get<CobuildAgreementDetail>(`${BASE}/${id}`, unmask ? { unmask: true } : {}) });

export const useCobuildRules = () =>
  useQuery({ queryKey: ['cobuild', 'rules'], queryFn: () => api.get<CobuildRules>('/api/cobuild/rules'), staleTime: 600_000 });

export const useCobuildStats = (q: CobuildStatsQuery) =>
  useQuery({ queryKey: cobuildKeys.stats(q), queryFn: () => api.get<CobuildStats>('/api/cobuild/stats', { ...q }), placeholderData: keepPreviousData });

/** Organizations a side may be, by part of the name. */
export const useSideOrgs = (side: 'a' | 'b', q: string) =>
  useQuery({
    queryKey: cobuildKeys.orgs(side, q),
    queryFn: () => api.get<CobuildOrgOption[]>('/api/cobuild/orgs', { side, q: q || undefined }),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

/**
 * A change to an agreement: everything under ['cobuild'] and the to-dos reload. Someone changed it
 * first (409 STALE_VERSION): it reloads, so the next try starts from what is stored.
 */
function useCobuildMutation<V, R>(fn: (v: V) => Promise<R>, opts: { silent?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: opts.silent ? { silent: true } : undefined,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: cobuildKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: cobuildKeys.all });
    },
  });
}

export const useCreateAgreement = () => useCobuildMutation((input: CobuildAgreementInput) => api.post<CobuildAgreementDetail>(BASE, input), { silent: true });
export const useUpdateAgreement = (id: string) =>
  useCobuildMutation((input: CobuildAgreementUpdate) => api.patch<CobuildAgreementDetail>(`${BASE}/${id}`, input), { silent: true });
export const useAgreementAction = (id: string) =>
  useCobuildMutation((input: CobuildActionInput) => api.post<CobuildAgreementDetail>(`${BASE}/${id}/actions`, input));
export const useRenew = (id: string) => useCobuildMutation((input: CobuildRenewInput) => api.post<CobuildAgreementDetail>(`${BASE}/${id}/renew`, input));

export const useSaveCommitment = (id: string) =>
  useCobuildMutation(
    ({ itemId, ...input }: CobuildCommitmentInput & { itemId?: string }) =>
      itemId
        ? api.put<CobuildAgreementDetail>(`${BASE}/${id}/commitments/${itemId}`, input)
        : api.post<CobuildAgreementDetail>(`${BASE}/${id}/commitments`, input),
    { silent: true },
  );
export const useRemoveCommitment = (id: string) =>
  useCobuildMutation((itemId: string) => api.del<CobuildAgreementDetail>(`${BASE}/${id}/commitments/${itemId}`));
export const useCompleteCommitment = (id: string) =>
  useCobuildMutation(({ itemId, ...input }: CobuildDoneInput & { itemId: string }) =>
    api.post<CobuildAgreementDetail>(`${BASE}/${id}/commitments/${itemId}/done`, input),
  );

/** The log: one mutation per kind of entry (each has its own route and body). */
export type LogInput = ({ kind: 'activity' } & CobuildActivityInput) | ({ kind: 'problem' } & CobuildProblemInput) | ({ kind: 'fund' } & CobuildFundInput);
const LOG_PATH = { activity: 'activities', problem: 'problems', fund: 'funds' } as const;
export const useAddLogEntry = (id: string) =>
  useCobuildMutation(({ kind, ...input }: LogInput) => api.post<CobuildAgreementDetail>(`${BASE}/${id}/${LOG_PATH[kind]}`, input), { silent: true });
export const useRemoveLogEntry = (id: string) => useCobuildMutation((itemId: string) => api.del<CobuildAgreementDetail>(`${BASE}/${id}/log/${itemId}`));

const fileForm = (file: File) => {
  const form = new FormData();
  form.append(IMPORT_FILE_FIELD, file, file.name);
  return form;
};
/** 导入结对协议: all rows or none; a rejection (IMPORT_INVALID) carries every bad row, shown by the import buttons. */
export const useImportAgreements = () =>
  useCobuildMutation(async (file: File) => (await (await send('POST', `${BASE}/import`, fileForm(file))).json()) as ImportResult, { silent: true });
export const downloadTemplate = () => download(`${BASE}/import/template`, '结对共建协议导入模板.xlsx');
export const downloadErrorReport = (file: File) => downloadPost(`${BASE}/import/error-report`, fileForm(file), `错误报告-${file.name}`);

export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
