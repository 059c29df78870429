import {
  ATTACHMENT_FILE_FIELD,
  IMPORT_FILE_FIELD,
  type AttachmentAdded,
  type ImportResult,
  type KtAcceptInput,
  type KtAccountabilityInput,
  type KtBoard,
  type KtChangeInput,
  type KtClaimDecision,
  type KtClaimInput,
  type KtCompleteInput,
  type KtDashboard,
  type KtDecisionDoneInput,
  type KtDecisionInput,
  type KtHoldInput,
  type KtPlanInput,
  type KtPlanQuery,
  type KtPlanSummary,
  type KtProgressInput,
  type KtReasonInput,
  type KtReviewDetail,
  type KtReviewInput,
  type KtReviewSummary,
  type KtTaskDetail,
  type KtTaskInput,
  type KtTaskQuery,
  type KtTaskSummary,
  type KtTaskUpdate,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';
import { isStaleVersion } from '../../api/errors.ts';

type Page<T> = { items: T[]; total: number };
type ReviewQuery = { planId?: string; page?: number; pageSize?: number };

/** Every 重点任务 view lives under ['keytasks']: one invalidation refreshes plans, boards, tasks, reviews and the dashboard. */
export const ktKeys = {
  all: ['keytasks'] as const,
  plans: (q: KtPlanQuery) => ['keytasks', 'plans', q] as const,
  plan: (id: string) => ['keytasks', 'plan', id] as const,
  board: (id: string) => ['keytasks', 'board', id] as const,
  dashboard: (id: string) => ['keytasks', 'dashboard', id] as const,
  tasks: (q: KtTaskQuery) => ['keytasks', 'tasks', q] as const,
  task: (id: string) => ['keytasks', 'task', id] as const,
  reviews: (q: ReviewQuery) => ['keytasks', 'reviews', q] as const,
  review: (id: string) => ['keytasks', 'review', id] as const,
};

const BASE = '/api/keytasks';
export const planExportPath = (planId: string) => `${BASE}/plans/${planId}/export`;

export const usePlans = (q: KtPlanQuery) =>
  useQuery({ queryKey: ktKeys.plans(q), queryFn: () => api.get<Page<KtPlanSummary>>(`${BASE}/plans`, { ...q }), placeholderData: keepPreviousData });
export const usePlan = (id: string) => useQuery({ queryKey: ktKeys.plan(id), queryFn: () => api.get<KtPlanSummary>(`${BASE}/plans/${id}`) });
export const useBoard = (id: string) => useQuery({ queryKey: ktKeys.board(id), queryFn: () => api.get<KtBoard>(`${BASE}/plans/${id}/board`) });
export const useDashboard = (id: string) => useQuery({ queryKey: ktKeys.dashboard(id), queryFn: () => api.get<KtDashboard>(`${BASE}/plans/${id}/dashboard`) });
export const useTasks = (q: KtTaskQuery) =>
  useQuery({ queryKey: ktKeys.tasks(q), queryFn: () => api.get<Page<KtTaskSummary>>(`${BASE}/tasks`, { ...q }), placeholderData: keepPreviousData });
export const useTask = (id: string) => useQuery({ queryKey: ktKeys.task(id), queryFn: () => api.get<KtTaskDetail>(`${BASE}/tasks/${id}`) });
export const useReviews = (q: ReviewQuery) =>
  useQuery({ queryKey: ktKeys.reviews(q), queryFn: () => api.get<Page<KtReviewSummary>>(`${BASE}/reviews`, { ...q }), placeholderData: keepPreviousData });
export const useReview = (id: string) => useQuery({ queryKey: ktKeys.review(id), queryFn: () => api.get<KtReviewDetail>(`${BASE}/reviews/${id}`) });

/**
 * A change to 重点任务: everything under ['keytasks'] and the to-dos (claims to confirm, decisions to
 * carry out) reload. Someone else changed the record first (409 STALE_VERSION): it reloads, so the
 * next try starts from what is stored. `silent`: the page shows the refusal itself.
 */
function useKtMutation<V, R>(fn: (v: V) => Promise<R>, opts: { silent?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: opts.silent ? { silent: true } : undefined,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ktKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: ktKeys.all });
    },
  });
}

const fileForm = (field: string, file: File) => {
  const form = new FormData();
  form.append(field, file, file.name);
  return form;
};

// ---------------------------------------------------------------- plans

export const useCreatePlan = () => useKtMutation((input: KtPlanInput) => api.post<KtPlanSummary>(`${BASE}/plans`, input));
/** 发布: every draft task of the plan goes on the board (揭榜). */
export const usePublishPlan = (id: string) =>
  useKtMutation((version: number | undefined) => api.post<KtPlanSummary>(`${BASE}/plans/${id}/publish`, version === undefined ? {} : { version }));
export const useArchivePlan = (id: string) => useKtMutation(() => api.post<KtPlanSummary>(`${BASE}/plans/${id}/archive`));
export const useAddTask = (planId: string) => useKtMutation((input: KtTaskInput) => api.post<KtTaskDetail>(`${BASE}/plans/${planId}/tasks`, input));

/** 导入任务清单: all rows or none; a rejection (IMPORT_INVALID) carries every bad row, shown by the import buttons. */
export const useImportPlan = (planId: string) =>
  useKtMutation(
    async (file: File) => (await (await send('POST', `${BASE}/plans/${planId}/import`, fileForm(IMPORT_FILE_FIELD, file))).json()) as ImportResult,
    { silent: true },
  );
export const downloadPlanTemplate = (planId: string) => download(`${BASE}/plans/${planId}/import/template`, '重点任务导入模板.xlsx');
export const downloadPlanErrorReport = (planId: string) => (file: File) =>
  downloadPost(`${BASE}/plans/${planId}/import/error-report`, fileForm(IMPORT_FILE_FIELD, file), `错误报告-${file.name}`);

// ---------------------------------------------------------------- one task

export const useUpdateTask = (id: string) => useKtMutation((input: KtTaskUpdate) => api.put<KtTaskDetail>(`${BASE}/tasks/${id}`, input));
export const useChangeTask = (id: string) => useKtMutation((input: KtChangeInput) => api.post<KtTaskDetail>(`${BASE}/tasks/${id}/change`, input));
export const useClaimTask = (id: string) => useKtMutation((input: KtClaimInput) => api.post<KtTaskDetail>(`${BASE}/tasks/${id}/claims`, input));
export const useDecideClaim = (id: string) =>
  useKtMutation(({ claimId, ...input }: KtClaimDecision & { claimId: string }) =>
    api.post<KtTaskDetail>(`${BASE}/tasks/${id}/claims/${claimId}/decide`, input),
  );
export const useWithdrawClaim = (id: string) => useKtMutation((claimId: string) => api.post<KtTaskDetail>(`${BASE}/tasks/${id}/claims/${claimId}/withdraw`));
/** 报告进展: answers the task, the new report first of `progressReports`. */
export const useReportProgress = (id: string) => useKtMutation((input: KtProgressInput) => api.post<KtTaskDetail>(`${BASE}/tasks/${id}/progress`, input));
/** 上传佐证材料: one file (multipart `file`) onto one progress report; a refusal (413/415/400/403) is shown as the server words it. */
export const useUploadProgressFile = (id: string) =>
  useKtMutation(
    async ({ progressId, file }: { progressId: string; file: File }) =>
      (await (await send('POST', `${BASE}/tasks/${id}/progress/${progressId}/attachments`, fileForm(ATTACHMENT_FILE_FIELD, file))).json()) as AttachmentAdded,
  );
export const progressFileUrl = (id: string, progressId: string, fileId: string) => `${BASE}/tasks/${id}/progress/${progressId}/attachments/${fileId}`;
/** 上传验收材料: one file (multipart `file`) onto one 验收 record, by the plan's committee. */
export const useUploadAcceptanceFile = (id: string) =>
  useKtMutation(
    async ({ acceptanceId, file }: { acceptanceId: string; file: File }) =>
      (await (
        await send('POST', `${BASE}/tasks/${id}/acceptances/${acceptanceId}/attachments`, fileForm(ATTACHMENT_FILE_FIELD, file))
      ).json()) as AttachmentAdded,
  );
/** A file of one 验收 (the evidence it was judged on). */
export const acceptanceFileUrl = (id: string, acceptanceId: string, fileId: string) => `${BASE}/tasks/${id}/acceptances/${acceptanceId}/attachments/${fileId}`;
export const useCompleteTask = (id: string) => useKtMutation((input: KtCompleteInput) => api.post<KtTaskDetail>(`${BASE}/tasks/${id}/complete`, input));
export const useAcceptTask = (id: string) => useKtMutation((input: KtAcceptInput) => api.post<KtTaskDetail>(`${BASE}/tasks/${id}/accept`, input));
export const useCancelTask = (id: string) => useKtMutation((input: KtReasonInput) => api.post<KtTaskDetail>(`${BASE}/tasks/${id}/cancel`, input));
export const useRecordAccountability = (id: string) =>
  useKtMutation((input: KtAccountabilityInput) => api.post<KtTaskDetail>(`${BASE}/tasks/${id}/accountability`, input));
export const useDecisionDone = (id: string) =>
  useKtMutation(({ reviewId, ...input }: KtDecisionDoneInput & { reviewId: string }) =>
    api.post<KtTaskDetail>(`${BASE}/tasks/${id}/decisions/${reviewId}/done`, input),
  );

// ---------------------------------------------------------------- 调度会

export const useCreateReview = () => useKtMutation((input: KtReviewInput) => api.post<KtReviewDetail>(`${BASE}/reviews`, input));
export const useDecide = (reviewId: string) =>
  useKtMutation(({ taskId, ...input }: KtDecisionInput & { taskId: string }) => api.put<KtReviewDetail>(`${BASE}/reviews/${reviewId}/items/${taskId}`, input));
export const useHoldReview = (reviewId: string) => useKtMutation((input: KtHoldInput) => api.post<KtReviewDetail>(`${BASE}/reviews/${reviewId}/hold`, input));

/** The 调度会's papers: 情况通报 (.docx or .xlsx) and 会议纪要 (.docx). */
export const REVIEW_FILES = [
  { key: 'briefing.docx', label: '下载情况通报（Word）', name: '调度会情况通报.docx' },
  { key: 'briefing.xlsx', label: '下载情况通报（Excel）', name: '调度会情况通报.xlsx' },
  { key: 'minutes.docx', label: '下载会议纪要', name: '调度会会议纪要.docx' },
] as const;
export type ReviewFile = (typeof REVIEW_FILES)[number]['key'];
export const downloadReviewFile = (reviewId: string, file: ReviewFile) =>
  download(`${BASE}/reviews/${reviewId}/${file}`, REVIEW_FILES.find((f) => f.key === file)!.name);
