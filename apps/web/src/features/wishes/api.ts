import {
  ATTACHMENT_FILE_FIELD,
  type AttachmentAdded,
  type Wish,
  type WishActionInput,
  type WishDetail,
  type WishInput,
  type WishQuery,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../api/client.ts';
import { isStaleVersion } from '../../api/errors.ts';

/** Every 微心愿 view lives under ['wishes']: one invalidation refreshes the list and the open detail. */
export const wishKeys = {
  all: ['wishes'] as const,
  list: (q: WishQuery) => ['wishes', 'list', q] as const,
  detail: (id: string) => ['wishes', 'detail', id] as const,
};

type Page<T> = { items: T[]; total: number };

export const useWishes = (q: WishQuery) =>
  useQuery({ queryKey: wishKeys.list(q), queryFn: () => api.get<Page<Wish>>('/api/wishes', { ...q }), placeholderData: keepPreviousData });

export const useWish = (id: string) => useQuery({ queryKey: wishKeys.detail(id), queryFn: () => api.get<WishDetail>(`/api/wishes/${id}`) });

/** A change to a wish: the wishes and the to-dos reload; a 409 (someone acted first) reloads too, so the page shows what is now. */
function useWishMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: wishKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    onError: async (e) => {
      if (isStaleVersion(e) || (e as { status?: number }).status === 409) await qc.invalidateQueries({ queryKey: wishKeys.all });
    },
  });
}

export const useCreateWish = () => useWishMutation((input: WishInput) => api.post<WishDetail>('/api/wishes', input));
export const useWishAction = (id: string) => useWishMutation((input: WishActionInput) => api.post<WishDetail>(`/api/wishes/${id}/actions`, input));
export const useUploadWishPhoto = (id: string) =>
  useWishMutation(async (file: File) => {
    const form = new FormData();
    form.append(ATTACHMENT_FILE_FIELD, file);
    return (await (await send('POST', `/api/wishes/${id}/photos`, form)).json()) as AttachmentAdded;
  });

/** Where a wish's photo opens (inline; the session cookie goes along). */
export const photoUrl = (id: string, photoId: string) => `/api/wishes/${id}/photos/${photoId}`;

/** 元 as typed in a form → 分 for the server (two decimals at most). */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
