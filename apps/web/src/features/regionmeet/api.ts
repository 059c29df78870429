import type {
  RmAgendaCandidates,
  RmAgendaInput,
  RmAssembleInput,
  RmAssembleResult,
  RmAttendanceInput,
  RmDecisionInput,
  RmFollowupDoneInput,
  RmFollowupInput,
  RmLedger,
  RmLedgerQuery,
  RmMeeting,
  RmMeetingActionInput,
  RmMeetingDetail,
  RmMeetingEditInput,
  RmMeetingInput,
  RmMeetingQuery,
  RmMinutesInput,
  RmRatingInput,
  RmRatingPair,
  RmReport,
  RmReportDetail,
  RmReportPage,
  RmReportQuery,
  RmRespondInput,
  RmUnitRatingInput,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isStaleVersion } from '../../api/errors.ts';

const BASE = '/api/regional';

/** Every view of joint meetings, reports and ratings lives under ['regionmeet']: one invalidation refreshes them. */
export const rmKeys = {
  all: ['regionmeet'] as const,
  meetings: (q: RmMeetingQuery) => ['regionmeet', 'meetings', q] as const,
  meeting: (id: string) => ['regionmeet', 'meeting', id] as const,
  candidates: (id: string) => ['regionmeet', 'candidates', id] as const,
  reports: (q: RmReportQuery) => ['regionmeet', 'reports', q] as const,
  report: (side: ReportSide, id: string) => ['regionmeet', 'report', side, id] as const,
  own: (side: ReportSide, year?: number) => ['regionmeet', 'own', side, year ?? null] as const,
  pair: (unitId: string | null, year?: number) => ['regionmeet', 'pair', unitId, year ?? null] as const,
  ledger: (q: RmLedgerQuery) => ['regionmeet', 'ledger', q] as const,
};

/** Whose routes a report is read through: the community side, a 驻区单位 account's, a 党员's own. */
export type ReportSide = 'side' | 'unit' | 'my';
export const reportBase = (side: ReportSide) => (side === 'side' ? `${BASE}/reports` : side === 'unit' ? `${BASE}/unit/reports` : `${BASE}/my/reports`);
export const meetingPath = (id: string) => `${BASE}/meetings/${id}`;
export const LEDGER_EXPORT = `${BASE}/ledger/export`;

export const useMeetings = (q: RmMeetingQuery) =>
  useQuery({
    queryKey: rmKeys.meetings(q),
    queryFn: () => api.get<{ items: RmMeeting[]; total: number }>(`${BASE}/meetings`, { ...q }),
    placeholderData: keepPreviousData,
  });
export const useMeeting = (id: string) => useQuery({ queryKey: rmKeys.meeting(id), queryFn: () => api.get<RmMeetingDetail>(meetingPath(id)) });
export const useCandidates = (id: string, enabled: boolean) =>
  useQuery({ queryKey: rmKeys.candidates(id), queryFn: () => api.get<RmAgendaCandidates>(`${meetingPath(id)}/candidates`), enabled });
export const useReports = (q: RmReportQuery) =>
  useQuery({ queryKey: rmKeys.reports(q), queryFn: () => api.get<RmReportPage>(`${BASE}/reports`, { ...q }), placeholderData: keepPreviousData });
export const useReport = (side: ReportSide, id: string) =>
  useQuery({ queryKey: rmKeys.report(side, id), queryFn: () => api.get<RmReportDetail>(`${reportBase(side)}/${id}`) });
export const useOwnReports = (side: 'unit' | 'my', enabled: boolean) =>
  useQuery({ queryKey: rmKeys.own(side), queryFn: () => api.get<RmReport[]>(reportBase(side)), enabled });
/** Both ratings of a unit: through the community side (`unitId`), or the account's own unit (null). */
export const useRatingPair = (unitId: string | null, year?: number) =>
  useQuery({
    queryKey: rmKeys.pair(unitId, year),
    queryFn: () => (unitId ? api.get<RmRatingPair>(`${BASE}/ratings/${unitId}`, { year }) : api.get<RmRatingPair>(`${BASE}/unit/ratings`, { year })),
  });
export const useLedger = (q: RmLedgerQuery) =>
  useQuery({ queryKey: rmKeys.ledger(q), queryFn: () => api.get<RmLedger>(`${BASE}/ledger`, { ...q }), placeholderData: keepPreviousData });

/** A change: everything under ['regionmeet'] and the to-dos reload; a stale version reloads too, so the next try starts from what is stored. */
function useRmMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: rmKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: rmKeys.all });
    },
  });
}

export const useCreateMeeting = () => useRmMutation((input: RmMeetingInput) => api.post<RmMeetingDetail>(`${BASE}/meetings`, input));

/** The steps on one meeting and its parts. */
export function useMeetingSteps(id: string) {
  const at = meetingPath(id);
  return {
    edit: useRmMutation((input: RmMeetingEditInput) => api.put<RmMeetingDetail>(at, input)),
    agenda: useRmMutation((input: RmAgendaInput) => api.put<RmMeetingDetail>(`${at}/agenda`, input)),
    attendance: useRmMutation((input: RmAttendanceInput) => api.put<RmMeetingDetail>(`${at}/attendance`, input)),
    decide: useRmMutation((input: RmDecisionInput) => api.post<RmMeetingDetail>(`${at}/decisions`, input)),
    removeDecision: useRmMutation((decisionId: string) => api.del<RmMeetingDetail>(`${at}/decisions/${decisionId}`)),
    followup: useRmMutation((input: RmFollowupInput) => api.post<RmMeetingDetail>(`${at}/followups`, input)),
    done: useRmMutation((v: { followupId: string } & RmFollowupDoneInput) =>
      api.post<RmMeetingDetail>(`${at}/followups/${v.followupId}/done`, { note: v.note, version: v.version }),
    ),
    minutes: useRmMutation((input: RmMinutesInput) => api.put<RmMeetingDetail>(`${at}/minutes`, input)),
    act: useRmMutation((input: RmMeetingActionInput) => api.post<RmMeetingDetail>(`${at}/actions`, input)),
  };
}

export const useAssemble = () => useRmMutation((input: RmAssembleInput) => api.post<RmAssembleResult>(`${BASE}/reports/assemble`, input));
export const useRespond = (side: 'unit' | 'my', id: string) =>
  useRmMutation((input: RmRespondInput) => api.post<RmReportDetail>(`${reportBase(side)}/${id}/respond`, input));
export const useRateUnit = (unitId: string) => useRmMutation((input: RmRatingInput) => api.put<RmRatingPair>(`${BASE}/ratings/${unitId}`, input));
export const useRateCommunity = () => useRmMutation((input: RmUnitRatingInput) => api.put<RmRatingPair>(`${BASE}/unit/ratings`, input));
