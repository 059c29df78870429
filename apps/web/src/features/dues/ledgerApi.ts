import {
  IMPORT_FILE_FIELD,
  type DuesArrearsQuery,
  type DuesArrearsRow,
  type DuesCancelInput,
  type DuesLedger,
  type DuesLedgerQuery,
  type DuesLedgerRow,
  type DuesMemberLedger,
  type DuesPaymentInput,
  type DuesPublication,
  type DuesPublicationQuery,
  type DuesReasonInput,
  type DuesSummary,
  type DuesSummaryQuery,
  type ImportResult,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, send } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';
import { duesKeys } from './api.ts';

/** 党费台账: the hooks of the ledger, the member's months, arrears, summary, publication and import (all under ['dues']). */

export const useDuesLedger = (q: DuesLedgerQuery) =>
  useQuery({ queryKey: duesKeys.ledger(q), queryFn: () => api.get<DuesLedger>('/api/dues/ledger', { ...q }), placeholderData: keepPreviousData });

export const useMemberDues = (memberId: string, enabled = true) =>
  useQuery({ queryKey: duesKeys.member(memberId), queryFn: () => api.get<DuesMemberLedger>(`/api/members/${memberId}/dues`), enabled });

export const useDuesArrears = (q: DuesArrearsQuery) =>
  useQuery({ queryKey: duesKeys.arrears(q), queryFn: () => api.get<DuesArrearsRow[]>('/api/dues/arrears', { ...q }), placeholderData: keepPreviousData });

export const useDuesSummary = (q: DuesSummaryQuery) =>
  useQuery({ queryKey: duesKeys.summary(q), queryFn: () => api.get<DuesSummary>('/api/dues/summary', { ...q }), placeholderData: keepPreviousData });

export const useDuesPublication = (q: DuesPublicationQuery) =>
  useQuery({
    queryKey: duesKeys.publication(q),
    queryFn: () => api.get<DuesPublication>('/api/dues/publication', { ...q }),
    placeholderData: keepPreviousData,
  });

/**
 * A change to the ledger: everything under ['dues'] and the to-dos (欠交 reminders) reload. A 409
 * (the month was paid meanwhile, or someone changed the row first) reloads as well, so the next try
 * starts from what is stored; the message is shown by the query client unless `silent`.
 */
function useLedgerMutation<V, R>(fn: (v: V) => Promise<R>, opts: { silent?: boolean } = {}) {
  const qc = useQueryClient();
  const reload = () => Promise.all([qc.invalidateQueries({ queryKey: duesKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
  return useMutation({
    mutationFn: fn,
    meta: opts.silent ? { silent: true } : undefined,
    onSuccess: async () => {
      await reload();
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) await reload();
    },
  });
}

/** 登记交纳: one payment for one or more months, all or none. */
export const useRecordDuesPayment = (memberId: string) =>
  useLedgerMutation((input: DuesPaymentInput) => api.post<DuesMemberLedger>(`/api/members/${memberId}/dues/payments`, input));

/** 撤销 a month's payment (登记有误), with the reason and the row's version. */
export const useCancelDuesPayment = (memberId: string) =>
  useLedgerMutation(({ month, input }: { month: string; input: DuesCancelInput }) =>
    api.post<DuesLedgerRow>(`/api/members/${memberId}/dues/${month}/cancel`, input),
  );

/** 未交原因: records (or clears, with null) why a month is unpaid. */
export const useDuesReason = (memberId: string) =>
  useLedgerMutation(({ month, input }: { month: string; input: DuesReasonInput }) =>
    api.put<DuesLedgerRow>(`/api/members/${memberId}/dues/${month}/reason`, input),
  );

const formOf = (file: File) => {
  const form = new FormData();
  form.append(IMPORT_FILE_FIELD, file, file.name);
  return form;
};

/** 导入交纳记录: all rows or none; a rejection (IMPORT_INVALID) carries every bad row, shown by the page itself. */
export const useImportDues = () =>
  useLedgerMutation(async (file: File) => (await (await send('POST', '/api/dues/import', formOf(file))).json()) as ImportResult, { silent: true });

export const downloadDuesTemplate = () => download('/api/dues/import/template', '党费交纳记录导入模板.xlsx');
export const downloadDuesErrorReport = (file: File) => downloadPost('/api/dues/import/error-report', formOf(file), `错误报告-${file.name}`);
