import {
  ATTACHMENT_FILE_FIELD,
  ErrorCode,
  type AttachmentAdded,
  type ResidentMe,
  type ResidentWish,
  type ResidentWishInput,
  type WishCommunity,
  type WishMemberStepInput,
  type WishWall,
  type WishWallItem,
} from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, send, setCsrfToken } from '../api/client.ts';

/** Where a resident logs in by phone (the resident login page, built separately). */
export const RESIDENT_LOGIN_PATH = '/h5/resident/login';
/** The hash that opens the resident's 微心愿 screen on the H5 page. */
export const RESIDENT_WISHES_HASH = '#/resident/wishes';

// ------------------------------------------------------------------ a 党员's wall (under ['my'], which logging out clears)

export const memberWishKeys = { all: ['my', 'wishes'] as const, wall: ['my', 'wishes', 'wall'] as const, mine: ['my', 'wishes', 'mine'] as const };

export const useWishWall = () => useQuery({ queryKey: memberWishKeys.wall, queryFn: () => api.get<WishWall>('/api/h5/wishes', { pageSize: 100 }) });
export const useMyWishes = () => useQuery({ queryKey: memberWishKeys.mine, queryFn: () => api.get<WishWallItem[]>('/api/h5/wishes/mine') });

/** A step on a wish: the wall and the member's list reload (also after a 409: someone claimed first). */
function useMemberStep<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  const reload = () => qc.invalidateQueries({ queryKey: memberWishKeys.all });
  return useMutation({ mutationFn: fn, onSuccess: reload, onError: reload });
}

export const useClaimWish = () =>
  useMemberStep((w: { id: string; version: number }) => api.post<WishWallItem>(`/api/h5/wishes/${w.id}/claim`, { version: w.version }));
export const useReleaseWish = () =>
  useMemberStep((w: { id: string; reason: string }) =>
    api.post<WishWallItem>(`/api/h5/wishes/${w.id}/release`, { reason: w.reason } satisfies WishMemberStepInput),
  );
export const useFulfilWish = () =>
  useMemberStep((w: { id: string; note?: string }) =>
    api.post<WishWallItem>(`/api/h5/wishes/${w.id}/fulfil`, (w.note ? { note: w.note } : {}) satisfies WishMemberStepInput),
  );
export const useWishPhoto = () =>
  useMemberStep(async (w: { id: string; file: File }) => {
    const form = new FormData();
    form.append(ATTACHMENT_FILE_FIELD, w.file, w.file.name);
    return (await (await send('POST', `/api/h5/wishes/${w.id}/photos`, form)).json()) as AttachmentAdded;
  });

// ------------------------------------------------------------------ a resident (群众), with the resident session cookie

/** The resident session, or null when there is none (the screen then asks to log in). Sets the CSRF token for posts. */
export const useResident = () =>
  useQuery({
    queryKey: ['resident', 'me'],
    retry: false,
    queryFn: async (): Promise<ResidentMe | null> => {
      try {
        const me = await api.get<ResidentMe>('/api/resident/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.code === ErrorCode.UNAUTHENTICATED) return null;
        throw e;
      }
    },
  });

export const useResidentWishes = (enabled: boolean) =>
  useQuery({ queryKey: ['resident', 'wishes'], enabled, queryFn: () => api.get<ResidentWish[]>('/api/resident/wishes') });
export const useWishCommunities = (enabled: boolean) =>
  useQuery({
    queryKey: ['resident', 'communities'],
    enabled,
    staleTime: 10 * 60_000,
    queryFn: () => api.get<WishCommunity[]>('/api/resident/wishes/communities'),
  });

function useResidentStep<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: ['resident', 'wishes'] }) });
}
export const usePostWish = () => useResidentStep((input: ResidentWishInput) => api.post<ResidentWish>('/api/resident/wishes', input));
export const useWithdrawWish = () => useResidentStep((id: string) => api.post<ResidentWish>(`/api/resident/wishes/${id}/withdraw`, {}));

/** 元 typed on the phone → 分 (null when it is not a positive amount with at most two decimals). */
export function yuanToFen(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const fen = Math.round(Number(t) * 100);
  return fen > 0 ? fen : null;
}
