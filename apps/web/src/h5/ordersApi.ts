import {
  ATTACHMENT_FILE_FIELD,
  type AttachmentAdded,
  type ServiceActionInput,
  type ServiceActionResult,
  type ServiceRequest,
  type ServiceRequestDetail,
} from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../api/client.ts';
import { H5_ENTRY } from '../app/landing.ts';

/** The hash that opens 我的工单 on the account's phone page (also where a grid worker lands after login). */
export const ORDERS_HASH = '#/orders';

/** The order a hash opens (`#/orders?open=<id>`), or null. */
export function orderOfHash(hash: string): string | null {
  return hash.startsWith(`${ORDERS_HASH}?`) ? new URLSearchParams(hash.slice(ORDERS_HASH.length + 1)).get('open') : null;
}

/**
 * A to-do's or a notice's link as the phone page opens it: a request's admin link
 * (`/service/requests?open=<id>`) opens the order in 我的工单; any other link is left as it is.
 */
export function phoneLinkOf(link: string): string {
  const m = /^\/service\/requests\?open=([0-9a-f-]+)$/.exec(link);
  return m ? `${H5_ENTRY}${ORDERS_HASH}?open=${m[1]}` : link;
}

/** Under ['my'], which logging out clears. */
export const orderKeys = {
  all: ['my', 'orders'] as const,
  list: ['my', 'orders', 'list'] as const,
  detail: (id: string) => ['my', 'orders', 'detail', id] as const,
};

/** The orders dispatched to this account (its grid, itself, its team or department) and those it registered. */
export const useMyOrders = (enabled = true) =>
  useQuery({
    queryKey: orderKeys.list,
    enabled,
    queryFn: () => api.get<{ items: ServiceRequest[]; total: number }>('/api/service/requests', { mine: true, pageSize: 100 }),
  });
export const useOrder = (id: string) =>
  useQuery({ queryKey: orderKeys.detail(id), queryFn: () => api.get<ServiceRequestDetail>(`/api/service/requests/${id}`) });

export const orderPhotoUrl = (id: string, photoId: string) => `/api/service/requests/${id}/photos/${photoId}`;

async function uploadResultPhoto(id: string, file: File): Promise<AttachmentAdded> {
  const form = new FormData();
  form.append(ATTACHMENT_FILE_FIELD, file, file.name);
  return (await (await send('POST', `/api/service/requests/${id}/photos?kind=service_result`, form)).json()) as AttachmentAdded;
}

/** 接单, 退单, 要求补充材料, 办结 (the result photos are uploaded first). Answers the order, or null when it left the account's view. */
export const useOrderStep = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { input: ServiceActionInput; photos?: File[] }) => {
      for (const f of v.photos ?? []) await uploadResultPhoto(id, f);
      return (await api.post<ServiceActionResult>(`/api/service/requests/${id}/actions`, v.input)).request;
    },
    onSuccess: (r) => {
      if (r) qc.setQueryData(orderKeys.detail(id), r);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: orderKeys.all }),
  });
};
