import {
  IMPORT_FILE_FIELD,
  type Booking,
  type BookingCancelInput,
  type BookingDetail,
  type BookingInput,
  type BookingQuery,
  type ImportResult,
  type Venue,
  type VenueAreaQuery,
  type VenueAreaReport,
  type VenueCommunity,
  type VenueDetail,
  type VenueInput,
  type VenueQuery,
  type VenueRoomInput,
  type VenueStatusInput,
  type VenueUpdate,
  type VenueUsage,
  type VenueUsageQuery,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';
import { isStaleVersion } from '../../api/errors.ts';

type Page<T> = { items: T[]; total: number };

/** Every 阵地 view lives under ['venues']: one invalidation refreshes lists, the open venue, bookings, figures and warnings. */
export const venueKeys = {
  all: ['venues'] as const,
  list: (q: VenueQuery) => ['venues', 'list', q] as const,
  detail: (id: string, unmask: boolean) => ['venues', 'detail', id, unmask] as const,
  bookings: (id: string, q: BookingQuery) => ['venues', 'bookings', id, q] as const,
  communities: ['venues', 'communities'] as const,
  usage: (q: VenueUsageQuery) => ['venues', 'usage', q] as const,
  area: (q: VenueAreaQuery) => ['venues', 'area', q] as const,
};

const BASE = '/api/venues';

export const useVenues = (q: VenueQuery) =>
  useQuery({ queryKey: venueKeys.list(q), queryFn: () => api.get<Page<Venue>>(BASE, { ...q }), placeholderData: keepPreviousData });
export const useVenue = (id: string, unmask = false) =>
  useQuery({ queryKey: venueKeys.detail(id, unmask), queryFn: () => api.get<VenueDetail>(`${BASE}/${id}`, unmask ? { unmask: true } : {}) });
export const useVenueBookings = (id: string, q: BookingQuery) =>
  useQuery({ queryKey: venueKeys.bookings(id, q), queryFn: () => api.get<Booking[]>(`${BASE}/${id}/bookings`, { ...q }), placeholderData: keepPreviousData });
export const useVenueCommunities = (enabled = true) =>
  useQuery({ queryKey: venueKeys.communities, queryFn: () => api.get<VenueCommunity[]>(`${BASE}/communities`), enabled, staleTime: 60_000 });
export const useVenueUsage = (q: VenueUsageQuery) =>
  useQuery({ queryKey: venueKeys.usage(q), queryFn: () => api.get<VenueUsage>(`${BASE}/usage`, { ...q }), placeholderData: keepPreviousData });
export const useVenueArea = (q: VenueAreaQuery) =>
  useQuery({ queryKey: venueKeys.area(q), queryFn: () => api.get<VenueAreaReport>(`${BASE}/area-warnings`, { ...q }), placeholderData: keepPreviousData });

/**
 * A change to 阵地: everything under ['venues'] and the to-dos (the area warning) reload. A 409 (the
 * slot was just taken, someone changed the venue first) reloads too, so the page shows what is now.
 * `silent`: the page shows the refusal itself (the booking modal, the import).
 */
function useVenueMutation<V, R>(fn: (v: V) => Promise<R>, opts: { silent?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: opts.silent ? { silent: true } : undefined,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: venueKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e) || (e as { status?: number }).status === 409) await qc.invalidateQueries({ queryKey: venueKeys.all });
    },
  });
}

export const useCreateVenue = () => useVenueMutation((input: VenueInput) => api.post<VenueDetail>(BASE, input), { silent: true });
export const useUpdateVenue = (id: string) => useVenueMutation((input: VenueUpdate) => api.put<VenueDetail>(`${BASE}/${id}`, input), { silent: true });
export const useVenueStatus = (id: string) => useVenueMutation((input: VenueStatusInput) => api.post<VenueDetail>(`${BASE}/${id}/status`, input));
export const useAddRoom = (id: string) => useVenueMutation((input: VenueRoomInput) => api.post<VenueDetail>(`${BASE}/${id}/rooms`, input), { silent: true });
export const useUpdateRoom = (id: string) =>
  useVenueMutation((v: { roomId: string; input: VenueRoomInput }) => api.put<VenueDetail>(`${BASE}/${id}/rooms/${v.roomId}`, v.input), { silent: true });
export const useBook = (id: string) => useVenueMutation((input: BookingInput) => api.post<BookingDetail>(`${BASE}/${id}/bookings`, input), { silent: true });
export const useCancelBooking = () =>
  useVenueMutation((v: { id: string; input: BookingCancelInput }) => api.post<BookingDetail>(`/api/venue-bookings/${v.id}/cancel`, v.input));

const fileForm = (file: File) => {
  const form = new FormData();
  form.append(IMPORT_FILE_FIELD, file, file.name);
  return form;
};

/** 导入阵地台账: all rows or none; a rejection carries every bad row, shown by the import buttons. */
export const useImportVenues = () =>
  useVenueMutation(async (file: File) => (await (await send('POST', `${BASE}/import`, fileForm(file))).json()) as ImportResult, { silent: true });
export const downloadVenueTemplate = () => download(`${BASE}/import/template`, '阵地台账导入模板.xlsx');
export const downloadVenueErrorReport = (file: File) => downloadPost(`${BASE}/import/error-report`, fileForm(file), `错误报告-${file.name}`);
