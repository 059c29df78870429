import type { MemberReportIn, MemberReportInInput, MemberReportInQuery, ReportInCancelInput, ReportInCommunity, UnitReportIn, UnitReportInInput, UnitReportInQuery } from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Every 双报到 view lives under ['report-ins'] so one invalidation refreshes the page. */
export const reportInKeys = {
  all: ['report-ins'] as const,
  members: (q: MemberReportInQuery) => ['report-ins', 'members', q] as const,
  units: (q: UnitReportInQuery) => ['report-ins', 'units', q] as const,
  unit: (id: string) => ['report-ins', 'unit', id] as const,
  communities: (q: string) => ['report-ins', 'communities', q] as const,
};

export const REPORT_PAGE_SIZE = 20;
/** A list page with the counts by status (same filters, status aside). */
export interface ReportPage<T> {
  items: T[];
  total: number;
  reported: number;
  cancelled: number;
}

export const useMemberReports = (q: MemberReportInQuery) =>
  useQuery({ queryKey: reportInKeys.members(q), queryFn: () => api.get<ReportPage<MemberReportIn>>('/api/report-ins/members', { ...q }), placeholderData: keepPreviousData });

export const useUnitReports = (q: UnitReportInQuery) =>
  useQuery({ queryKey: reportInKeys.units(q), queryFn: () => api.get<ReportPage<UnitReportIn>>('/api/report-ins/units', { ...q }), placeholderData: keepPreviousData });

/** One unit's report with the phone in full (the server audits that read). */
export const fetchUnitUnmasked = (id: string) => api.get<UnitReportIn>(`/api/report-ins/units/${id}`, { unmask: true });

export const useCommunities = (q: string) =>
  useQuery({ queryKey: reportInKeys.communities(q), queryFn: () => api.get<ReportInCommunity[]>('/api/report-ins/communities', { q: q.trim() || undefined }), staleTime: 30_000 });


function useReportMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: reportInKeys.all }) });
}

export const useReportMember = () => useReportMutation((input: MemberReportInInput) => api.post<MemberReportIn>('/api/report-ins/members', input));
export const useReportUnit = () => useReportMutation((input: UnitReportInInput) => api.post<UnitReportIn>('/api/report-ins/units', input));
export const useCancelReport = (kind: 'members' | 'units') =>
  useReportMutation(({ id, input }: { id: string; input: ReportInCancelInput }) => api.post<MemberReportIn | UnitReportIn>(`/api/report-ins/${kind}/${id}/cancel`, input));
