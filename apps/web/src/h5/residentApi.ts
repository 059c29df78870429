import {
  ATTACHMENT_FILE_FIELD,
  CSRF_HEADER,
  ErrorCode,
  type AttachmentAdded,
  type ResidentActionInput,
  type ResidentCodeSent,
  type ResidentLoginInput,
  type ResidentMe,
  type ResidentRequestInput,
  type ServiceCategory,
  type ServiceDuplicate,
  type ServicePlace,
  type ServiceRequest,
  type ServiceRequestDetail,
} from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken, withQuery } from '../api/client.ts';

/**
 * 群众 (residents) on the phone page: their own session (a cookie of its own, ADR 0021), not an
 * account's. Their requests go through this small client, which keeps the resident session's CSRF
 * token in memory (from `me` or login) apart from an account's, and never sends an account to its
 * login screen when the resident session has run out.
 */

/** The hashes of the resident screens on h5.html. */
export const RESIDENT_HASH = '#/resident';
export const RESIDENT_LOGIN_HASH = '#/resident/login';
export const RESIDENT_SUBMIT_HASH = '#/resident/submit';
export const RESIDENT_REQUESTS_HASH = '#/resident/requests';
export const residentRequestHash = (id: string) => `${RESIDENT_REQUESTS_HASH}/${id}`;
/** The login screen, coming back to `next` (a resident hash) after login. */
export const residentLoginHash = (next?: string) => (next ? `${RESIDENT_LOGIN_HASH}?next=${encodeURIComponent(next)}` : RESIDENT_LOGIN_HASH);

/** Where a resident came from before the login screen (the 微心愿 screen links to it without `next`). */
const FROM_KEY = 'jiceng.h5.residentFrom';
export function rememberResidentScreen(hash: string): void {
  try {
    sessionStorage.setItem(FROM_KEY, hash);
  } catch {
    // storage refused: login goes to the resident home
  }
}
export function rememberedResidentScreen(): string | null {
  try {
    return sessionStorage.getItem(FROM_KEY);
  } catch {
    return null;
  }
}

let residentCsrf = '';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = residentCsrf;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const e = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') throw new ApiError(res.status, e.code, e.message, e.details);
  throw new ApiError(res.status, ErrorCode.INTERNAL, `服务器返回错误（${res.status}），请稍后重试`);
}

const rget = <T>(path: string, query?: Parameters<typeof withQuery>[1]) => call<T>('GET', withQuery(path, query));
const rpost = <T>(path: string, body: unknown) => call<T>('POST', path, body);

// ------------------------------------------------------------------ session

/** The same key as the 微心愿 screen's, so one login serves both. */
export const residentMeKey = ['resident', 'me'] as const;

function keep(me: ResidentMe): ResidentMe {
  residentCsrf = me.csrfToken;
  // the 微心愿 screen posts with the shared client: it needs the token too (the page shows one session's screens at a time)
  setCsrfToken(me.csrfToken);
  return me;
}

/** The resident session, or null when there is none. */
export const useResidentMe = () =>
  useQuery({
    queryKey: residentMeKey,
    retry: false,
    queryFn: async (): Promise<ResidentMe | null> => {
      try {
        return keep(await rget<ResidentMe>('/api/resident/me'));
      } catch (e) {
        if (e instanceof ApiError && e.code === ErrorCode.UNAUTHENTICATED) return null;
        throw e;
      }
    },
  });

/** Asks for a login code (the server answers 429 with a message when asked too often). */
export const useRequestCode = () =>
  useMutation({ meta: { silent: true }, mutationFn: (phone: string) => rpost<ResidentCodeSent>('/api/resident/code', { phone }) });

/** Forgets every resident answer of the previous session and remembers the new one (or none). */
function resetResident(qc: QueryClient, me: ResidentMe | null) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] === 'resident' && q.queryKey[1] !== 'me' });
  qc.setQueryData(residentMeKey, me);
  if (!me) residentCsrf = '';
}

export const useResidentLogin = () => {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: async (input: ResidentLoginInput) => keep(await rpost<ResidentMe>('/api/resident/login', input)),
    onSuccess: (me) => resetResident(qc, me),
  });
};

export const useResidentLogout = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => rpost('/api/resident/logout', {}),
    onSettled: () => resetResident(qc, null),
  });
};

// ------------------------------------------------------------------ requests (群众诉求)

export const residentServiceKeys = {
  all: ['resident', 'service'] as const,
  list: ['resident', 'service', 'list'] as const,
  detail: (id: string) => ['resident', 'service', 'detail', id] as const,
};

export const useServicePlaces = () =>
  useQuery({ queryKey: ['resident', 'places'], staleTime: 10 * 60_000, queryFn: () => rget<ServicePlace[]>('/api/resident/places') });
export const useServiceCategories = () =>
  useQuery({ queryKey: ['resident', 'categories'], staleTime: 10 * 60_000, queryFn: () => rget<ServiceCategory[]>('/api/resident/categories') });

/** The duplicate hint: open requests like this one at the same place (asked once the text has a few characters). */
export const useDuplicates = (q: { orgId: string | null; categoryCode: string | null; description: string }) => {
  const description = q.description.trim();
  const enabled = !!q.orgId && !!q.categoryCode && description.length >= 5;
  return useQuery({
    queryKey: ['resident', 'duplicates', q.orgId, q.categoryCode, description],
    enabled,
    staleTime: 60_000,
    queryFn: () => rget<ServiceDuplicate[]>('/api/resident/duplicates', { orgId: q.orgId, categoryCode: q.categoryCode, description }),
  });
};

export const useMyRequests = (enabled: boolean) =>
  useQuery({ queryKey: residentServiceKeys.list, enabled, queryFn: () => rget<ServiceRequest[]>('/api/resident/requests') });
export const useMyRequest = (id: string) =>
  useQuery({ queryKey: residentServiceKeys.detail(id), queryFn: () => rget<ServiceRequestDetail>(`/api/resident/requests/${id}`) });

export function residentPhotoUrl(requestId: string, photoId: string): string {
  return `/api/resident/requests/${requestId}/photos/${photoId}`;
}

async function uploadPhoto(id: string, file: File): Promise<AttachmentAdded> {
  const form = new FormData();
  form.append(ATTACHMENT_FILE_FIELD, file, file.name);
  return call<AttachmentAdded>('POST', `/api/resident/requests/${id}/photos`, form);
}

/** 提交: the request first, then its photos one by one (a photo the server refuses does not undo the request). */
export const useSubmitRequest = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { input: ResidentRequestInput; files: File[] }) => {
      const created = await rpost<ServiceRequestDetail>('/api/resident/requests', v.input);
      let failed = 0;
      for (const file of v.files) {
        try {
          await uploadPhoto(created.id, file);
        } catch {
          failed += 1;
        }
      }
      return { request: created, failedPhotos: failed };
    },
    onSettled: () => qc.invalidateQueries({ queryKey: residentServiceKeys.all }),
  });
};

/** 评价, 撤销 or 补充材料 on the resident's own request. */
export const useResidentAction = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ResidentActionInput) => rpost<ServiceRequestDetail>(`/api/resident/requests/${id}/actions`, input),
    onSuccess: (detail) => qc.setQueryData(residentServiceKeys.detail(id), detail),
    onSettled: () => qc.invalidateQueries({ queryKey: residentServiceKeys.all }),
  });
};

// ------------------------------------------------------------------ the place, remembered for next time

const PLACE_KEY = 'jiceng.h5.servicePlace';
export interface RememberedPlace {
  communityId: string;
  gridId: string | null;
}
export function rememberedPlace(): RememberedPlace | null {
  try {
    const v = JSON.parse(localStorage.getItem(PLACE_KEY) ?? 'null') as RememberedPlace | null;
    return v && typeof v.communityId === 'string' ? { communityId: v.communityId, gridId: typeof v.gridId === 'string' ? v.gridId : null } : null;
  } catch {
    return null;
  }
}
export function rememberPlace(p: RememberedPlace): void {
  try {
    localStorage.setItem(PLACE_KEY, JSON.stringify(p));
  } catch {
    // not remembered: asked again next time
  }
}
