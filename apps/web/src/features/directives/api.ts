import {
  ATTACHMENT_FILE_FIELD,
  type AttachmentAdded,
  type DirectiveCloseInput,
  type DirectiveDecisionInput,
  type DirectiveDetail,
  type DirectiveExtensionInput,
  type DirectiveForwardInput,
  type DirectiveInput,
  type DirectiveQuery,
  type DirectiveRecipientOrgs,
  type DirectiveRecipientQuery,
  type DirectiveRemindResult,
  type DirectiveReportInput,
  type DirectiveSummary,
  type DirectiveTargetDetail,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { isStaleVersion } from '../../api/errors.ts';

/** Every 下发任务 view lives under ['directives']: one invalidation refreshes the lists, a directive and its recipients. */
export const directiveKeys = {
  all: ['directives'] as const,
  list: (q: DirectiveQuery) => ['directives', 'list', q] as const,
  detail: (id: string) => ['directives', 'detail', id] as const,
  target: (id: string, targetId: string) => ['directives', 'target', id, targetId] as const,
  recipients: (q: DirectiveRecipientQuery) => ['directives', 'recipients', q] as const,
};

export const exportPath = (id: string) => `/api/directives/${id}/export`;
export const targetPath = (id: string, targetId: string) => `/api/directives/${id}/targets/${targetId}`;
export const fileUrl = (id: string, targetId: string, fileId: string) => `${targetPath(id, targetId)}/attachments/${fileId}`;

export const useDirectives = (q: DirectiveQuery) =>
  useQuery({
    queryKey: directiveKeys.list(q),
    queryFn: () => api.get<{ items: DirectiveSummary[]; total: number }>('/api/directives', { ...q }),
    placeholderData: keepPreviousData,
  });

export const useDirective = (id: string) => useQuery({ queryKey: directiveKeys.detail(id), queryFn: () => api.get<DirectiveDetail>(`/api/directives/${id}`) });

/** One recipient with its history (opened from the table). */
export const useDirectiveTarget = (id: string, targetId: string | null) =>
  useQuery({
    queryKey: directiveKeys.target(id, targetId ?? ''),
    queryFn: () => api.get<DirectiveTargetDetail>(targetPath(id, targetId!)),
    enabled: !!targetId,
  });

/** The organizations below the account's own a send or forward may name (by type and domain, or by name). */
export const useRecipientOrgs = (q: DirectiveRecipientQuery, enabled = true) =>
  useQuery({
    queryKey: directiveKeys.recipients(q),
    queryFn: () => api.get<DirectiveRecipientOrgs>('/api/directives/recipient-orgs', { ...q }),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

/**
 * A change to 下发任务: everything under ['directives'] and the to-dos reload (its recipients are
 * to-dos on both sides). Someone else moved the recipient first (409 STALE_VERSION): the directive
 * reloads, so the next try starts from what is stored.
 */
function useDirectiveMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: directiveKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: directiveKeys.all });
    },
  });
}

/** 下发: answers the new directive (a refusal is shown, and under its field when it names one). */
export const useSendDirective = () => useDirectiveMutation((input: DirectiveInput) => api.post<DirectiveDetail>('/api/directives', input));

export const useCloseDirective = (id: string) =>
  useDirectiveMutation((input: DirectiveCloseInput) => api.post<DirectiveDetail>(`/api/directives/${id}/close`, input));

export const useRemind = (id: string) =>
  useDirectiveMutation((targetIds: string[]) => api.post<DirectiveRemindResult>(`/api/directives/${id}/remind`, { targetIds }));

/** The recipient's steps on one row (签收, 上报完成, 申请延期, 转发) and its issuer's decision. */
export function useTargetSteps(id: string, targetId: string) {
  const at = targetPath(id, targetId);
  return {
    acknowledge: useDirectiveMutation((version: number) => api.post<DirectiveDetail>(`${at}/acknowledge`, { version })),
    report: useDirectiveMutation((input: DirectiveReportInput) => api.post<DirectiveDetail>(`${at}/report`, input)),
    extension: useDirectiveMutation((input: DirectiveExtensionInput) => api.post<DirectiveDetail>(`${at}/extension`, input)),
    decide: useDirectiveMutation((input: DirectiveDecisionInput) => api.post<DirectiveDetail>(`${at}/extension/decision`, input)),
    forward: useDirectiveMutation((input: DirectiveForwardInput) => api.post<DirectiveDetail>(`${at}/forward`, input)),
    upload: useDirectiveMutation(async (file: File) => {
      const form = new FormData();
      form.append(ATTACHMENT_FILE_FIELD, file);
      return (await (await send('POST', `${at}/attachments`, form)).json()) as AttachmentAdded;
    }),
    removeFile: useDirectiveMutation((fileId: string) => api.del<DirectiveDetail>(`${at}/attachments/${fileId}`)),
  };
}
