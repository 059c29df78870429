import {
  ATTACHMENT_FILE_FIELD,
  IMPORT_FILE_FIELD,
  type AttachmentAdded,
  type ImportResult,
  type MemberReportIn,
  type RgActivityInput,
  type RgBoard,
  type RgCategory,
  type RgClaimInput,
  type RgCompleteInput,
  type RgConsentInput,
  type RgFeedbackInput,
  type RgMatches,
  type RgNeed,
  type RgNeedDetail,
  type RgNeedEditInput,
  type RgNeedInput,
  type RgNeedQuery,
  type RgProject,
  type RgProjectDetail,
  type RgProjectInput,
  type RgProjectQuery,
  type RgRateInput,
  type RgReasonInput,
  type RgResource,
  type RgResourceEditInput,
  type RgResourceInput,
  type RgResourceQuery,
  type RgStats,
  type RgUnitLedger,
  type RgUnitSummary,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';
import { isStaleVersion } from '../../api/errors.ts';

type Page<T> = { items: T[]; total: number };

/** Every 三张清单 view lives under ['regional']: one invalidation refreshes lists, records, boards, ledgers and figures. */
export const rgKeys = {
  all: ['regional'] as const,
  categories: ['regional', 'categories'] as const,
  needs: (q: RgNeedQuery) => ['regional', 'needs', q] as const,
  need: (id: string) => ['regional', 'need', id] as const,
  matches: (id: string) => ['regional', 'matches', id] as const,
  board: (orgId?: string) => ['regional', 'board', orgId ?? null] as const,
  resources: (q: RgResourceQuery) => ['regional', 'resources', q] as const,
  projects: (q: RgProjectQuery) => ['regional', 'projects', q] as const,
  project: (id: string) => ['regional', 'project', id] as const,
  units: (q: { orgId?: string; q?: string }) => ['regional', 'units', q] as const,
  ledger: (id: string, year: number) => ['regional', 'ledger', id, year] as const,
  stats: (q: { orgId?: string; year: number }) => ['regional', 'stats', q] as const,
};

const BASE = '/api/regional';
export const NEEDS_EXPORT = `${BASE}/needs/export`;
export const RESOURCES_EXPORT = `${BASE}/resources/export`;
export const PROJECTS_EXPORT = `${BASE}/projects/export`;

export const useCategories = () => useQuery({ queryKey: rgKeys.categories, queryFn: () => api.get<RgCategory[]>(`${BASE}/categories`), staleTime: 5 * 60_000 });

export const useNeeds = (q: RgNeedQuery) =>
  useQuery({ queryKey: rgKeys.needs(q), queryFn: () => api.get<Page<RgNeed>>(`${BASE}/needs`, { ...q }), placeholderData: keepPreviousData });
export const useNeed = (id: string) => useQuery({ queryKey: rgKeys.need(id), queryFn: () => api.get<RgNeedDetail>(`${BASE}/needs/${id}`) });
export const useMatches = (id: string, enabled: boolean) =>
  useQuery({ queryKey: rgKeys.matches(id), queryFn: () => api.get<RgMatches>(`${BASE}/needs/${id}/matches`), enabled });
export const useBoard = (orgId?: string) =>
  useQuery({ queryKey: rgKeys.board(orgId), queryFn: () => api.get<RgBoard>(`${BASE}/needs/board`, { orgId }), placeholderData: keepPreviousData });

export const useResources = (q: RgResourceQuery) =>
  useQuery({ queryKey: rgKeys.resources(q), queryFn: () => api.get<Page<RgResource>>(`${BASE}/resources`, { ...q }), placeholderData: keepPreviousData });
/** One resource with its phone in full (personal:unmask; the read is audited). */
export const fetchResourceUnmasked = (id: string) => api.get<RgResource>(`${BASE}/resources/${id}`, { unmask: true });

export const useProjects = (q: RgProjectQuery) =>
  useQuery({ queryKey: rgKeys.projects(q), queryFn: () => api.get<Page<RgProject>>(`${BASE}/projects`, { ...q }), placeholderData: keepPreviousData });
export const useProject = (id: string) => useQuery({ queryKey: rgKeys.project(id), queryFn: () => api.get<RgProjectDetail>(`${BASE}/projects/${id}`) });

export const useUnits = (q: { orgId?: string; q?: string }, enabled = true) =>
  useQuery({ queryKey: rgKeys.units(q), queryFn: () => api.get<RgUnitSummary[]>(`${BASE}/units`, { ...q }), placeholderData: keepPreviousData, enabled });
export const useLedger = (id: string, year: number) =>
  useQuery({
    queryKey: rgKeys.ledger(id, year),
    queryFn: () => api.get<RgUnitLedger>(`${BASE}/units/${id}/ledger`, { year }),
    placeholderData: keepPreviousData,
  });
export const useStats = (q: { orgId?: string; year: number }) =>
  useQuery({ queryKey: rgKeys.stats(q), queryFn: () => api.get<RgStats>(`${BASE}/stats`, { ...q }), placeholderData: keepPreviousData });

/** In-service members reported to the communities in scope (双报到), by name: the owners of members' resources. */
export const useMemberReports = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['report-ins', 'members', 'regional-picker', q],
    queryFn: () =>
      api.get<{ items: MemberReportIn[]; total: number }>('/api/report-ins/members', { status: 'reported', q: q.trim() || undefined, pageSize: 20 }),
    enabled,
    staleTime: 30_000,
  });

/**
 * A change to 三张清单: everything under ['regional'] and the to-dos (claims, consents, ratings)
 * reload. Someone else changed the record first (409 STALE_VERSION): it reloads, so the next try
 * starts from what is stored. `silent`: the page shows the refusal itself.
 */
function useRgMutation<V, R>(fn: (v: V) => Promise<R>, opts: { silent?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: opts.silent ? { silent: true } : undefined,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: rgKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: rgKeys.all });
    },
  });
}

const fileForm = (field: string, file: File) => {
  const form = new FormData();
  form.append(field, file, file.name);
  return form;
};

// ---------------------------------------------------------------- needs

export const useCreateNeed = () => useRgMutation((input: RgNeedInput) => api.post<RgNeedDetail>(`${BASE}/needs`, input));
export const useUpdateNeed = (id: string) => useRgMutation((input: RgNeedEditInput) => api.put<RgNeedDetail>(`${BASE}/needs/${id}`, input));
export const useClaimNeed = (id: string) => useRgMutation((input: RgClaimInput) => api.post<RgNeedDetail>(`${BASE}/needs/${id}/claim`, input));
export const useReleaseNeed = (id: string) => useRgMutation((input: RgReasonInput) => api.post<RgNeedDetail>(`${BASE}/needs/${id}/release`, input));
export const useCloseNeed = (id: string) => useRgMutation((input: RgReasonInput) => api.post<RgNeedDetail>(`${BASE}/needs/${id}/close`, input));

// ---------------------------------------------------------------- resources

export const useCreateResource = () => useRgMutation((input: RgResourceInput) => api.post<RgResource>(`${BASE}/resources`, input));
export const useUpdateResource = (id: string) => useRgMutation((input: RgResourceEditInput) => api.put<RgResource>(`${BASE}/resources/${id}`, input));
export const useWithdrawResource = () =>
  useRgMutation(({ id, version }: { id: string; version: number }) => api.post<RgResource>(`${BASE}/resources/${id}/withdraw`, { version }));

// ---------------------------------------------------------------- projects

export const useCreateProject = () => useRgMutation((input: RgProjectInput) => api.post<RgProjectDetail>(`${BASE}/projects`, input));
export const useConsent = (id: string) => useRgMutation((input: RgConsentInput) => api.post<RgProjectDetail>(`${BASE}/projects/${id}/consent`, input));
export const useAddActivity = (id: string) => useRgMutation((input: RgActivityInput) => api.post<RgProjectDetail>(`${BASE}/projects/${id}/activities`, input));
export const useCompleteProject = (id: string) =>
  useRgMutation((input: RgCompleteInput) => api.post<RgProjectDetail>(`${BASE}/projects/${id}/complete`, input));
export const useRateProject = (id: string) => useRgMutation((input: RgRateInput) => api.post<RgProjectDetail>(`${BASE}/projects/${id}/rate`, input));
export const useWithdrawProject = (id: string) => useRgMutation((input: RgReasonInput) => api.post<RgProjectDetail>(`${BASE}/projects/${id}/withdraw`, input));
export const useFeedback = (id: string) => useRgMutation((input: RgFeedbackInput) => api.post<RgProjectDetail>(`${BASE}/projects/${id}/feedback`, input));

/** 上传活动照片: one image (multipart `file`) onto one activity; a refusal is shown as the server words it. */
export const useUploadPhoto = (id: string) =>
  useRgMutation(
    async ({ activityId, file }: { activityId: string; file: File }) =>
      (await (await send('POST', `${BASE}/projects/${id}/activities/${activityId}/photos`, fileForm(ATTACHMENT_FILE_FIELD, file))).json()) as AttachmentAdded,
  );
export const photoUrl = (projectId: string, activityId: string, fileId: string) => `${BASE}/projects/${projectId}/activities/${activityId}/photos/${fileId}`;

/** 导入项目: all rows or none; a rejection (IMPORT_INVALID) carries every bad row, shown by the import buttons. */
export const useImportProjects = () =>
  useRgMutation(async (file: File) => (await (await send('POST', `${BASE}/projects/import`, fileForm(IMPORT_FILE_FIELD, file))).json()) as ImportResult, {
    silent: true,
  });
export const downloadProjectTemplate = () => download(`${BASE}/projects/import/template`, '区域化党建项目导入模板.xlsx');
export const downloadProjectErrorReport = (file: File) =>
  downloadPost(`${BASE}/projects/import/error-report`, fileForm(IMPORT_FILE_FIELD, file), `错误报告-${file.name}`);
