import type { ImportRowError } from '@jiceng/contracts';
import { AppError } from '../errors.ts';
import type { SheetColumn } from './workbook.ts';

/**
 * The 422 answer of a rejected import: every problem (in `details.errors`, which the web app lists
 * and the error report writes into the file), nothing changed.
 */
export function importInvalid(errors: ImportRowError[]): AppError {
  return new AppError('IMPORT_INVALID', `导入文件有 ${errors.length} 处错误，未导入任何数据，请修改后重新上传`, { errors });
}

/**
 * Orders problems as the user reads the file: by row, then by the column's place in `columns`
 * (problems of a column not listed, or of the whole row, come after). The sort is stable, so
 * problems of one cell keep the order they were found in.
 */
export function sortRowErrors(errors: ImportRowError[], columns: readonly Pick<SheetColumn, 'header'>[]): ImportRowError[] {
  const order = (column: string) => {
    const i = columns.findIndex((c) => c.header === column);
    return i < 0 ? columns.length : i;
  };
  return errors.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
}
