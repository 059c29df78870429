import type {
  IncomingLetterInput,
  LetterIssueInput,
  LetterReceiptInput,
  MemberSummary,
  Transfer,
  TransferCancelInput,
  TransferListQuery,
  TransferReceiver,
  TransferReturnInput,
  TransferStartInput,
  TransferStats,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Everything about transfers lives under ['transfers'] so one invalidation refreshes every tab. */
export const transferKeys = {
  all: ['transfers'] as const,
  list: (q: TransferListQuery) => ['transfers', 'list', q] as const,
  stats: (year: number) => ['transfers', 'stats', year] as const,
  receivers: (q: string) => ['transfers', 'receivers', q] as const,
  members: (q: string) => ['transfers', 'members', q] as const,
};

export const TRANSFER_PAGE_SIZE = 20;

/** One transfer, for a link that opens it (a to-do's 去办理). */
export const useTransfer = (id: string | undefined) =>
  useQuery({ queryKey: ['transfers', 'one', id] as const, queryFn: () => api.get<Transfer>(`/api/transfers/${id}`), enabled: !!id });

export const useTransfers = (q: TransferListQuery) =>
  useQuery({
    queryKey: transferKeys.list(q),
    queryFn: () => api.get<{ items: Transfer[]; total: number }>('/api/transfers', { ...q }),
    placeholderData: keepPreviousData,
  });

export const useTransferStats = (year: number) =>
  useQuery({ queryKey: transferKeys.stats(year), queryFn: () => api.get<TransferStats>('/api/transfers/stats', { year }) });

/** Active branches of the whole region (the receiver may lie outside the account's scope). */
export const searchReceivers = (q: string) => (q.trim() ? api.get<TransferReceiver[]>('/api/transfers/receivers', { q: q.trim() }) : Promise.resolve([]));

/** Members of the account's scope by name (the sender picks whom to transfer). */
export const searchMembers = (q: string) =>
  api.get<{ items: MemberSummary[]; total: number }>('/api/members', { q: q.trim(), pageSize: 20 }).then((r) => r.items);
export const fetchMember = (id: string) => api.get<MemberSummary>(`/api/members/${id}`);

/** A change that refreshes transfers, members (a branch may have changed) and to-dos. */
function useTransferMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(['transfers', 'members', 'todos'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
  });
}

export const useStartTransfer = () => useTransferMutation((input: TransferStartInput) => api.post<Transfer>('/api/transfers', input));
export const useAcceptTransfer = () => useTransferMutation((id: string) => api.post<Transfer>(`/api/transfers/${id}/accept`));
export const useReturnTransfer = () =>
  useTransferMutation(({ id, input }: { id: string; input: TransferReturnInput }) => api.post<Transfer>(`/api/transfers/${id}/return`, input));
export const useCancelTransfer = () =>
  useTransferMutation(({ id, input }: { id: string; input: TransferCancelInput }) => api.post<Transfer>(`/api/transfers/${id}/cancel`, input));
export const useIssueLetter = () => useTransferMutation((input: LetterIssueInput) => api.post<Transfer>('/api/transfers/letters', input));
export const useRegisterReceipt = () =>
  useTransferMutation(({ id, input }: { id: string; input: LetterReceiptInput }) => api.post<Transfer>(`/api/transfers/${id}/receipt`, input));
export const useIncomingLetter = () => useTransferMutation((input: IncomingLetterInput) => api.post<Transfer>('/api/transfers/incoming-letters', input));

/** Opens the printable letter (HTML, A4) in a new tab; the session cookie goes along. */
export const openLetter = (id: string) => window.open(`/api/transfers/${id}/letter`, '_blank', 'noopener');
