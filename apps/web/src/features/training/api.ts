import {
  IMPORT_FILE_FIELD,
  type Attendance,
  type AttendanceInput,
  type ImportResult,
  type TrainingHours,
  type TrainingHoursQuery,
  type TrainingSession,
  type TrainingSessionInput,
  type TrainingSessionQuery,
  type TrainingSessionUpdate,
  type TrainingStats,
  type TrainingYearQuery,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';
import { isStaleVersion } from '../../api/errors.ts';

/** Every 党员教育培训 view lives under ['training']: one invalidation refreshes sessions, attendance, hours and figures. */
export const trainingKeys = {
  all: ['training'] as const,
  sessions: (q: TrainingSessionQuery) => ['training', 'sessions', q] as const,
  session: (id: string) => ['training', 'session', id] as const,
  attendance: (id: string) => ['training', 'attendance', id] as const,
  hours: (q: TrainingHoursQuery) => ['training', 'hours', q] as const,
  stats: (q: TrainingYearQuery) => ['training', 'stats', q] as const,
};

type Page<T> = { items: T[]; total: number };

export const useSessions = (q: TrainingSessionQuery) =>
  useQuery({
    queryKey: trainingKeys.sessions(q),
    queryFn: () => api.get<Page<TrainingSession>>('/api/training/sessions', { ...q }),
    placeholderData: keepPreviousData,
  });

export const useSession = (id: string) =>
  useQuery({ queryKey: trainingKeys.session(id), queryFn: () => api.get<TrainingSession>(`/api/training/sessions/${id}`) });

export const useAttendance = (id: string) =>
  useQuery({ queryKey: trainingKeys.attendance(id), queryFn: () => api.get<Attendance[]>(`/api/training/sessions/${id}/attendance`) });

export const useHours = (q: TrainingHoursQuery) =>
  useQuery({
    queryKey: trainingKeys.hours(q),
    queryFn: () => api.get<Page<TrainingHours>>('/api/training/hours', { ...q }),
    placeholderData: keepPreviousData,
  });

export const useTrainingStats = (q: TrainingYearQuery) =>
  useQuery({ queryKey: trainingKeys.stats(q), queryFn: () => api.get<TrainingStats>('/api/training/stats', { ...q }), placeholderData: keepPreviousData });

/**
 * A change to training: everything under ['training'] and the to-dos reload. Someone else saved
 * the session first (409 STALE_VERSION): the message is shown (the query client does) and the
 * session reloads, so the next try starts from what they saved.
 */
function useTrainingMutation<V, R>(fn: (v: V) => Promise<R>, opts: { silent?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: opts.silent ? { silent: true } : undefined,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: trainingKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: trainingKeys.all });
    },
  });
}

export const useCreateSession = () => useTrainingMutation((input: TrainingSessionInput) => api.post<TrainingSession>('/api/training/sessions', input));
export const useUpdateSession = (id: string) =>
  useTrainingMutation((input: TrainingSessionUpdate) => api.patch<TrainingSession>(`/api/training/sessions/${id}`, input));
/** 删除培训: everything reloads but the deleted session itself (its detail would answer 404 while the drawer closes). */
export function useDeleteSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del<{ ok: true }>(`/api/training/sessions/${id}`),
    onSuccess: async (_answer, id) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: trainingKeys.all, predicate: (q) => q.queryKey[2] !== id }),
        qc.invalidateQueries({ queryKey: ['todos'] }),
      ]);
    },
  });
}
export const useRecordAttendance = (id: string) =>
  useTrainingMutation((input: AttendanceInput) => api.post<Attendance[]>(`/api/training/sessions/${id}/attendance`, input));
export const useRemoveAttendance = (id: string) =>
  useTrainingMutation((memberId: string) => api.del<{ ok: true }>(`/api/training/sessions/${id}/attendance/${memberId}`));

const formOf = (file: File) => {
  const form = new FormData();
  form.append(IMPORT_FILE_FIELD, file, file.name);
  return form;
};

/** 导入网络培训学时: all rows or none; a rejection (IMPORT_INVALID) carries every bad row, shown by the page itself. */
export const useImportOnline = () =>
  useTrainingMutation(async (file: File) => (await (await send('POST', '/api/training/import', formOf(file))).json()) as ImportResult, { silent: true });

export const downloadTemplate = () => download('/api/training/import/template', '网络培训学时导入模板.xlsx');
export const downloadErrorReport = (file: File) => downloadPost('/api/training/import/error-report', formOf(file), `错误报告-${file.name}`);
