import type {
  ApplicantDetail,
  AttachmentAdded,
  ApplicantInput,
  ApplicantQuery,
  ApplicantSummary,
  DevBoard,
  DevPlanInput,
  DevStepInput,
  DevStopInput,
  DevYearQuery,
  DevYearReport,
  MemberSummary,
} from '@jiceng/contracts';
import { ATTACHMENT_FILE_FIELD } from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { download } from '../../api/download.ts';
import { isStaleVersion } from '../../api/errors.ts';
import { dossierPath, DOSSIER_FORMS, type DossierForm } from './form.ts';

/** Every 发展党员 view lives under ['development']: one invalidation refreshes the list, the board, an applicant and the figures. */
export const devKeys = {
  all: ['development'] as const,
  list: (q: ApplicantQuery) => ['development', 'list', q] as const,
  detail: (id: string) => ['development', 'detail', id] as const,
  board: (orgId: string | undefined) => ['development', 'board', orgId ?? null] as const,
  year: (q: DevYearQuery) => ['development', 'year', q] as const,
  members: (orgId: string, q: string) => ['development', 'members', orgId, q] as const,
};

export const APPLICANTS_EXPORT_PATH = '/api/development/applicants/export';
export const YEAR_EXPORT_PATH = '/api/development/year/export';

export const useApplicants = (q: ApplicantQuery) =>
  useQuery({
    queryKey: devKeys.list(q),
    queryFn: () => api.get<{ items: ApplicantSummary[]; total: number }>('/api/development/applicants', { ...q }),
    placeholderData: keepPreviousData,
  });

export const useApplicant = (id: string) =>
  useQuery({ queryKey: devKeys.detail(id), queryFn: () => api.get<ApplicantDetail>(`/api/development/applicants/${id}`) });

export const useDevBoard = (orgId: string | undefined) =>
  useQuery({ queryKey: devKeys.board(orgId), queryFn: () => api.get<DevBoard>('/api/development/board', { orgId }), placeholderData: keepPreviousData });

export const useDevYear = (q: DevYearQuery) =>
  useQuery({ queryKey: devKeys.year(q), queryFn: () => api.get<DevYearReport>('/api/development/year', { ...q }), placeholderData: keepPreviousData });

/** 正式党员 of the applicant's branch by name, for 培养联系人 and 入党介绍人. */
export const useBranchMembers = (orgId: string, q: string) =>
  useQuery({
    queryKey: devKeys.members(orgId, q),
    queryFn: () => api.get<{ items: MemberSummary[]; total: number }>('/api/members', { orgId, status: 'full', q: q.trim() || undefined, pageSize: 50 }),
    staleTime: 30_000,
  });

/**
 * A change to 发展党员: everything under ['development'] and the to-dos (its limits are reminders)
 * reload. Someone else changed the applicant first (409 STALE_VERSION): the applicant reloads, so
 * the next try starts from what is stored. `silent`: the form shows the refusal itself.
 */
function useDevMutation<V, R>(fn: (v: V) => Promise<R>, opts: { silent?: boolean } = {}) {
  const qc = useQueryClient();
  const reload = () => Promise.all([qc.invalidateQueries({ queryKey: devKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
  return useMutation({
    mutationFn: fn,
    meta: opts.silent ? { silent: true } : undefined,
    onSuccess: async () => {
      await reload();
    },
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: devKeys.all });
    },
  });
}

/** 登记入党申请 (step 1): answers the new applicant. */
export const useCreateApplicant = () => useDevMutation((input: ApplicantInput) => api.post<ApplicantDetail>('/api/development/applicants', input));

/** 办理 one step; a refusal (the rule and when it becomes possible) is shown in the drawer, not as a toast. */
export const useRecordStep = (id: string) =>
  useDevMutation((input: DevStepInput) => api.post<ApplicantDetail>(`/api/development/applicants/${id}/steps`, input), { silent: true });

/** 终止培养, with the reason and the day it was decided. */
export const useStopApplicant = (id: string) =>
  useDevMutation((input: DevStopInput) => api.post<ApplicantDetail>(`/api/development/applicants/${id}/stop`, input));

/** 设置计划: one organization's quota for one year. */
export const useSavePlan = () => useDevMutation((input: DevPlanInput) => api.put<{ ok: true }>('/api/development/plans', input));

/** 上传材料: one file (multipart `file`) onto one recorded step; a refusal (413/415/400/403) is shown as the server words it. */
export const useUploadDevFile = (id: string, recordId: string) =>
  useDevMutation(async (file: File) => {
    const form = new FormData();
    form.append(ATTACHMENT_FILE_FIELD, file);
    return (await (await send('POST', `/api/development/applicants/${id}/records/${recordId}/attachments`, form)).json()) as AttachmentAdded;
  });

/** 删除材料 of one recorded step: answers the applicant. */
export const useRemoveDevFile = (id: string, recordId: string) =>
  useDevMutation((fileId: string) => api.del<ApplicantDetail>(`/api/development/applicants/${id}/records/${recordId}/attachments/${fileId}`));

/** 下载发展档案 (.docx): the whole dossier, or one of its forms. */
export function downloadDossier(id: string, name: string, form?: DossierForm): Promise<void> {
  const label = form ? DOSSIER_FORMS.find((f) => f.key === form)!.label : '发展档案';
  return download(dossierPath(id, form), `${name}_${label}.docx`);
}
