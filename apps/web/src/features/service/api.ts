import {
  ATTACHMENT_FILE_FIELD,
  type AttachmentAdded,
  type OrgSummary,
  type ServiceActionInput,
  type ServiceActionResult,
  type ServiceCategory,
  type ServiceCategoryInput,
  type ServiceDispatchRule,
  type ServiceDispatchRuleInput,
  type ServiceDuplicate,
  type ServiceDuplicateQuery,
  type ServiceFigures,
  type ServiceFiguresQuery,
  type ServicePlace,
  type ServiceRequest,
  type ServiceRequestDetail,
  type ServiceRequestInput,
  type ServiceRequestQuery,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send, withQuery } from '../../api/client.ts';
import { isStaleVersion } from '../../api/errors.ts';

/** Every 群众诉求 view lives under ['service']: one invalidation refreshes the lists, the board, the open drawer and the figures. */
export const serviceKeys = {
  all: ['service'] as const,
  list: (q: ServiceRequestQuery) => ['service', 'list', q] as const,
  detail: (id: string) => ['service', 'detail', id] as const,
  duplicates: (q: ServiceDuplicateQuery | null) => ['service', 'duplicates', q] as const,
  figures: (q: ServiceFiguresQuery) => ['service', 'figures', q] as const,
  categories: ['service', 'categories'] as const,
  categoriesAll: ['service', 'categories', 'all'] as const,
  rules: ['service', 'dispatch-rules'] as const,
  places: ['service', 'places'] as const,
  grids: ['service', 'grids'] as const,
};

type Page<T> = { items: T[]; total: number };

export const REQUESTS_PATH = '/api/service/requests';
export const EXPORT_PATH = '/api/service/requests/export';

export const useServiceRequests = (q: ServiceRequestQuery) =>
  useQuery({ queryKey: serviceKeys.list(q), queryFn: () => api.get<Page<ServiceRequest>>(REQUESTS_PATH, { ...q }), placeholderData: keepPreviousData });

/** Several lists at once (the board: one per state). */
export const useServiceRequestLists = (qs: ServiceRequestQuery[], refetchInterval?: number) =>
  useQueries({
    queries: qs.map((q) => ({ queryKey: serviceKeys.list(q), queryFn: () => api.get<Page<ServiceRequest>>(REQUESTS_PATH, { ...q }), refetchInterval })),
  });

export const useServiceRequest = (id: string) =>
  useQuery({ queryKey: serviceKeys.detail(id), queryFn: () => api.get<ServiceRequestDetail>(`${REQUESTS_PATH}/${id}`) });

/** A change to a request: every service view and the to-dos reload; a 409 (someone acted first) reloads too, so the drawer shows what is now. */
function useServiceMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: serviceKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e) || (e as { status?: number }).status === 409) await qc.invalidateQueries({ queryKey: serviceKeys.all });
    },
  });
}

export const useSubmitServiceRequest = () => useServiceMutation((input: ServiceRequestInput) => api.post<ServiceRequestDetail>(REQUESTS_PATH, input));

/** 受理, 派单, 接单 … : the answer is the request as the account sees it now (null when it left the account's view). */
export const useServiceAction = (id: string) =>
  useServiceMutation((input: ServiceActionInput) => api.post<ServiceActionResult>(`${REQUESTS_PATH}/${id}/actions`, input));

export type ServicePhotoKind = 'service_request' | 'service_result';

export const useUploadServicePhoto = (id: string) =>
  useServiceMutation(async ({ file, kind }: { file: File; kind: ServicePhotoKind }) => {
    const form = new FormData();
    form.append(ATTACHMENT_FILE_FIELD, file);
    return (await (await send('POST', withQuery(`${REQUESTS_PATH}/${id}/photos`, { kind }), form)).json()) as AttachmentAdded;
  });

/** Where a request's photo opens (inline; the session cookie goes along). */
export const photoUrl = (id: string, photoId: string) => `${REQUESTS_PATH}/${id}/photos/${photoId}`;

/** The resident's full name and phone (the read is audited by the server). */
export const fetchContact = (id: string) => api.get<{ name: string | null; phone: string | null }>(`${REQUESTS_PATH}/${id}/contact`);

/** The duplicate hint while a description is typed; nothing is asked until the place, category and a few characters are there. */
export const useServiceDuplicates = (q: ServiceDuplicateQuery | null) =>
  useQuery({
    queryKey: serviceKeys.duplicates(q),
    queryFn: () => api.get<ServiceDuplicate[]>('/api/service/duplicates', { ...q! }),
    enabled: !!q,
    staleTime: 30_000,
  });

export const useServiceFigures = (q: ServiceFiguresQuery) =>
  useQuery({ queryKey: serviceKeys.figures(q), queryFn: () => api.get<ServiceFigures>('/api/service/figures', { ...q }), placeholderData: keepPreviousData });

// ---- configuration

export const useServiceCategories = () =>
  useQuery({ queryKey: serviceKeys.categories, queryFn: () => api.get<ServiceCategory[]>('/api/service/categories'), staleTime: 5 * 60_000 });
export const useAllServiceCategories = (enabled = true) =>
  useQuery({ queryKey: serviceKeys.categoriesAll, queryFn: () => api.get<ServiceCategory[]>('/api/service/categories/all'), enabled });
export const useSaveServiceCategory = () => useServiceMutation((input: ServiceCategoryInput) => api.put<ServiceCategory[]>('/api/service/categories', input));

export const useDispatchRules = () => useQuery({ queryKey: serviceKeys.rules, queryFn: () => api.get<ServiceDispatchRule[]>('/api/service/dispatch-rules') });
export const useSaveDispatchRule = () =>
  useServiceMutation((input: ServiceDispatchRuleInput) => api.put<ServiceDispatchRule[]>('/api/service/dispatch-rules', input));
export const useDeleteDispatchRule = () => useServiceMutation((id: string) => api.del<{ ok: true }>(`/api/service/dispatch-rules/${id}`));

// ---- places

/** Communities (社区/村) with their grids (the public list of the region). */
export const useServicePlaces = () =>
  useQuery({ queryKey: serviceKeys.places, queryFn: () => api.get<ServicePlace[]>('/api/resident/places'), staleTime: 5 * 60_000 });

/** The places an account may register for: its own community, its street's communities, or all of them (district and above). */
export function placesInScope(places: ServicePlace[], me: { orgId: string; orgName: string }): ServicePlace[] {
  const own = places.filter((p) => p.id === me.orgId || p.grids.some((g) => g.id === me.orgId));
  if (own.length) return own.map((p) => (p.grids.some((g) => g.id === me.orgId) ? { ...p, grids: p.grids.filter((g) => g.id === me.orgId) } : p));
  const street = places.filter((p) => p.streetName === me.orgName);
  return street.length ? street : places;
}

const GRID_PAGE = 50;
/** The grids (网格党组织) in the account's scope, up to 200. */
export const useGrids = () =>
  useQuery({
    queryKey: serviceKeys.grids,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const out: OrgSummary[] = [];
      for (let page = 1; page <= 4; page++) {
        const p = await api.get<Page<OrgSummary>>('/api/orgs', { type: 'grid', page, pageSize: GRID_PAGE });
        out.push(...p.items);
        if (out.length >= p.total || p.items.length < GRID_PAGE) break;
      }
      return out;
    },
  });
