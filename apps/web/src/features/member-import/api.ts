import { IMPORT_FILE_FIELD, MEMBER_IMPORT_POLL_MS, MEMBER_IMPORT_RUNNING_PHASES, type MemberExportQuery, type MemberImportAccepted, type MemberImportJob } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, send, withQuery } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';

/** The roster import and export endpoints, as the import page and the export button use them. */

const formOf = (file: File) => {
  const form = new FormData();
  form.append(IMPORT_FILE_FIELD, file, file.name);
  return form;
};

/** Uploads a roster; the server answers at once with the job to poll. */
export async function startImport(file: File): Promise<string> {
  const res = await send('POST', '/api/members/import', formOf(file));
  return ((await res.json()) as MemberImportAccepted).jobId;
}

export const isRunning = (job: MemberImportJob | undefined) => !job || MEMBER_IMPORT_RUNNING_PHASES.includes(job.phase);

/** The job, polled every second while it runs. */
export const useImportJob = (jobId: string | null) =>
  useQuery({
    queryKey: ['member-import', jobId],
    queryFn: () => api.get<MemberImportJob>(`/api/members/import/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (isRunning(q.state.data) ? MEMBER_IMPORT_POLL_MS : false),
  });

export const downloadTemplate = () => download('/api/members/import/template', '党员名册导入模板.xlsx');

/** The uploaded file back with a 错误说明 column (the server checks it again; nothing is imported). */
export const downloadErrorReport = (file: File) => downloadPost('/api/members/import/error-report', formOf(file), `错误报告-${file.name}`);

/** The member list as .xlsx, with the list's filters (paging dropped). */
export const exportMembers = (query: MemberExportQuery) => download(withQuery('/api/members/export', { ...query }), '党员名册.xlsx');
