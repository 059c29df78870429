import type { RmReport, RmReportDetail, RmRespondInput } from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** A 党员's own 双报告 (in-service members reported to a community), under ['my'] like the other own data. */
const BASE = '/api/regional/my/reports';
export const useMyDoubleReports = (enabled: boolean) => useQuery({ queryKey: ['my', 'double-reports'], queryFn: () => api.get<RmReport[]>(BASE), enabled });
export const useMyDoubleReport = (id: string) => useQuery({ queryKey: ['my', 'double-report', id], queryFn: () => api.get<RmReportDetail>(`${BASE}/${id}`) });

/** Confirms the report, or corrects it with a note; both lists are read again after. */
export function useRespondDoubleReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RmRespondInput) => api.post<RmReportDetail>(`${BASE}/${id}/respond`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['my', 'double-reports'] });
      void qc.invalidateQueries({ queryKey: ['my', 'double-report', id] });
    },
  });
}
