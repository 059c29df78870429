import { ImportButtons } from '../../shared/ImportButtons.tsx';
import { downloadErrorReport, downloadTemplate, useImportOnline } from './api.ts';

/**
 * 导入网络培训学时: 下载模板, upload the .xlsx (every row checked; all imported or none), and on a
 * rejection every problem by row and column with 下载错误报告 (the file annotated).
 */
export function TrainingImport() {
  return (
    <ImportButtons
      what="网络培训学时"
      nothing="没有导入任何学时"
      uploadLabel="导入网络培训学时"
      upload={useImportOnline()}
      template={downloadTemplate}
      report={downloadErrorReport}
    />
  );
}
