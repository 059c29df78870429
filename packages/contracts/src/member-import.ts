import { Type, type Static } from '@sinclair/typebox';
import { Id, Timestamp } from './common.ts';
import { ImportRowError } from './import.ts';
import { MemberListQuery } from './member.ts';

/**
 * Roster import (党员名册) as a background job: the upload answers 202 with the job's id, the web app
 * polls the job for its phase and progress, then shows the result or the row errors.
 */

/** Phases of an import job; the first three are "running". */
export const MemberImportPhase = {
  READING: 'reading',
  CHECKING: 'checking',
  WRITING: 'writing',
  DONE: 'done',
  FAILED: 'failed',
} as const;
export type MemberImportPhase = (typeof MemberImportPhase)[keyof typeof MemberImportPhase];
export const memberImportPhaseLabel: Record<MemberImportPhase, string> = {
  reading: '读取',
  checking: '校验',
  writing: '写入',
  done: '完成',
  failed: '失败',
};
export const MEMBER_IMPORT_RUNNING_PHASES: readonly MemberImportPhase[] = ['reading', 'checking', 'writing'];

/** Row errors a failed job keeps and returns; the error report (re-upload) lists them all. */
export const MEMBER_IMPORT_ERRORS_KEPT = 5000;
/** How often the web app polls a running job. */
export const MEMBER_IMPORT_POLL_MS = 1000;
/** The several labels of one 人员标签 cell are separated by this (、；; and line breaks are accepted too). */
export const MEMBER_LABEL_SEPARATOR = '、';

/** 202 answer of POST /api/members/import. */
export const MemberImportAccepted = Type.Object({
  /** The job to poll at GET /api/members/import/{jobId}. */
  jobId: Type.Unsafe<string>({ ...Id, description: '导入任务编号' }),
});
export type MemberImportAccepted = Static<typeof MemberImportAccepted>;

export const MemberImportJobParams = Type.Object({ jobId: Type.Unsafe<string>({ ...Id, description: '导入任务编号' }) });

/** An import job as its owner sees it. */
export const MemberImportJob = Type.Object({
  id: Type.Unsafe<string>({ ...Id, description: '导入任务编号' }),
  /** The uploaded file's name. */
  fileName: Type.String({ description: '文件名' }),
  /** reading → checking → writing → done, or failed at any point. */
  phase: Type.Unsafe<MemberImportPhase>({ type: 'string', enum: Object.values(MemberImportPhase), description: '阶段' }),
  /** 读取 / 校验 / 写入 / 完成 / 失败. */
  phaseLabel: Type.String({ description: '阶段名称' }),
  /** Rows handled in the current phase (checked, then written). */
  done: Type.Integer({ description: '已处理行数' }),
  /** Data rows of the file (0 while reading). */
  total: Type.Integer({ description: '总行数' }),
  /** Members imported, once done. */
  created: Type.Union([Type.Integer(), Type.Null()], { description: '导入党员人数' }),
  /** Why the job failed, in Chinese (file problems, row errors, interruption). */
  message: Type.Union([Type.String(), Type.Null()], { description: '失败原因' }),
  /** Row problems of a failed job, by row and column (at most MEMBER_IMPORT_ERRORS_KEPT). */
  errors: Type.Array(ImportRowError, { description: '逐行错误' }),
  /** All row problems found, also those not kept. */
  errorCount: Type.Integer({ description: '错误总数' }),
  startedAt: Type.Unsafe<string>({ ...Timestamp, description: '开始时间' }),
  finishedAt: Type.Union([Timestamp, Type.Null()], { description: '结束时间' }),
});
export type MemberImportJob = Static<typeof MemberImportJob>;

/** GET /api/members/export: the list's filters (no paging) and whether to export personal fields in full. */
export const MemberExportQuery = Type.Composite([
  Type.Omit(MemberListQuery, ['page', 'pageSize']),
  Type.Object({
    /** ID numbers and phones in full (needs personal:unmask; audited); the file can then be re-imported. */
    unmask: Type.Optional(Type.Boolean({ description: '导出完整身份证号和电话（记入审计）' })),
  }),
]);
export type MemberExportQuery = Static<typeof MemberExportQuery>;
