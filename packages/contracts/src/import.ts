import { Type, type Static } from '@sinclair/typebox';

/** One problem found in an uploaded spreadsheet, in the user's terms (Excel row number and column header). */
export const ImportRowError = Type.Object({
  /** Excel row number as shown in Excel (the header row is 1). */
  row: Type.Integer(),
  /** Column header, e.g. 组织全称; empty for problems of the whole row. */
  column: Type.String(),
  message: Type.String(),
});
export type ImportRowError = Static<typeof ImportRowError>;

/** 200 answer of an import: everything was applied. */
export const ImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
export type ImportResult = Static<typeof ImportResult>;

/**
 * A rejected import answers 422 with code IMPORT_INVALID and `details: { errors: ImportRowError[] }`;
 * nothing was changed. Re-uploading the same file to the module's `…/import/error-report` endpoint
 * returns the file annotated with a 错误说明 column.
 */
export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_FILE_FIELD = 'file';
