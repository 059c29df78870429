import type {
  AttachmentAdded,
  Meeting,
  MeetingAmendmentInput,
  MeetingApproveInput,
  MeetingAttendanceInput,
  MeetingCancelInput,
  MeetingDetail,
  MeetingListQuery,
  MeetingPlanInput,
  MeetingRecordInput,
  MeetingReturnInput,
  MeetingSigninCode,
  MeetingUpdateInput,
  MeetingVoteInput,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { isStaleVersion } from '../../api/errors.ts';

/** Everything about meetings lives under ['meetings']: one invalidation refreshes the list, the detail and the print view. */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (q: MeetingListQuery) => ['meetings', 'list', q] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  signin: (id: string) => ['meetings', 'signin', id] as const,
};

export const useMeetings = (q: MeetingListQuery) =>
  useQuery({
    queryKey: meetingKeys.list(q),
    queryFn: () => api.get<{ items: Meeting[]; total: number }>('/api/meetings', { ...q }),
    placeholderData: keepPreviousData,
  });

export const useMeeting = (id: string) => useQuery({ queryKey: meetingKeys.one(id), queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`) });

/** The sign-in code and QR (only while the meeting is 已通知 or 已召开). */
export const useSigninCode = (id: string, enabled: boolean) =>
  useQuery({ queryKey: meetingKeys.signin(id), queryFn: () => api.get<MeetingSigninCode>(`/api/meetings/${id}/signin`), enabled });

/**
 * A change to a meeting: the answer (the detail) replaces the cached detail, and lists and to-dos
 * reload. Someone else saved first (409 STALE_VERSION): the message is shown and the detail
 * reloaded, so the next try starts from what they saved.
 */
function useMeetingMutation<V>(fn: (v: V) => Promise<MeetingDetail | AttachmentAdded>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (answer) => {
      if ('id' in answer) qc.setQueryData(meetingKeys.one(answer.id), answer);
      await Promise.all([qc.invalidateQueries({ queryKey: meetingKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: meetingKeys.all });
    },
  });
}

export const usePlanMeeting = () => useMeetingMutation((input: MeetingPlanInput) => api.post<MeetingDetail>('/api/meetings', input));
export const useUpdateMeeting = (id: string) => useMeetingMutation((input: MeetingUpdateInput) => api.patch<MeetingDetail>(`/api/meetings/${id}`, input));

/** 发布通知, 确认召开, 提交审核, 归档: the step and the version the page shows. */
export type MeetingStep = 'notify' | 'hold' | 'submit' | 'archive';
export const useMeetingStep = (id: string) =>
  useMeetingMutation(({ step, version }: { step: MeetingStep; version: number }) => api.post<MeetingDetail>(`/api/meetings/${id}/${step}`, { version }));
export const useCancelMeeting = (id: string) => useMeetingMutation((input: MeetingCancelInput) => api.post<MeetingDetail>(`/api/meetings/${id}/cancel`, input));
export const useReturnMeeting = (id: string) => useMeetingMutation((input: MeetingReturnInput) => api.post<MeetingDetail>(`/api/meetings/${id}/return`, input));
export const useApproveMeeting = (id: string) =>
  useMeetingMutation((input: MeetingApproveInput) => api.post<MeetingDetail>(`/api/meetings/${id}/approve`, input));
export const useSaveRecord = (id: string) => useMeetingMutation((input: MeetingRecordInput) => api.put<MeetingDetail>(`/api/meetings/${id}/record`, input));
export const useMarkAttendance = (id: string) =>
  useMeetingMutation((input: MeetingAttendanceInput) => api.post<MeetingDetail>(`/api/meetings/${id}/attendance`, input));
export const useAddVote = (id: string) => useMeetingMutation((input: MeetingVoteInput) => api.post<MeetingDetail>(`/api/meetings/${id}/votes`, input));
export const useRemoveVote = (id: string) => useMeetingMutation((voteId: string) => api.del<MeetingDetail>(`/api/meetings/${id}/votes/${voteId}`));
export const useAmendMeeting = (id: string) =>
  useMeetingMutation((input: MeetingAmendmentInput) => api.post<MeetingDetail>(`/api/meetings/${id}/amendments`, input));
export const useRemoveFile = (id: string) => useMeetingMutation((fileId: string) => api.del<MeetingDetail>(`/api/meetings/${id}/attachments/${fileId}`));
export const useUploadFile = (id: string) =>
  useMeetingMutation(async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return (await (await send('POST', `/api/meetings/${id}/attachments`, form)).json()) as AttachmentAdded;
  });

/** Where a meeting's file opens (inline; the session cookie goes along). */
export const fileUrl = (id: string, fileId: string) => `/api/meetings/${id}/attachments/${fileId}`;
