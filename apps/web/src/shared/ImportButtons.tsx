import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { IMPORT_MAX_ROWS, type ImportResult } from '@jiceng/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { messageOf } from '../api/errors.ts';
import { showError, showSuccess } from './feedback.ts';
import { ImportErrors, rowErrorsOf, type RejectedImport } from './ImportErrors.tsx';

/**
 * An all-or-nothing .xlsx import's buttons: 下载导入模板, the upload (every row checked; all
 * imported or none), and on a rejection every problem by row and column with 下载错误报告 (the
 * file annotated). `what` names the records (网络培训学时, 党费交纳记录) in every text.
 */
export function ImportButtons(props: {
  what: string;
  uploadLabel: string;
  /** What the rejection says was not imported (没有导入任何学时). */
  nothing: string;
  upload: UseMutationResult<ImportResult, Error, File>;
  template: () => Promise<unknown>;
  report: (file: File) => Promise<unknown>;
}) {
  const { what, upload } = props;
  const [failed, setFailed] = useState<RejectedImport | null>(null);
  const [templating, setTemplating] = useState(false);
  const template = () => {
    setTemplating(true);
    props
      .template()
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setTemplating(false));
  };
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={templating} onClick={template} title={`${what}导入模板，单次最多 ${IMPORT_MAX_ROWS.toLocaleString()} 行`}>
        下载导入模板
      </Button>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file, {
            onSuccess: (r) => showSuccess(`导入成功：${r.created + r.updated} 条${what}`),
            onError: (e) => {
              const errors = rowErrorsOf(e);
              if (errors) setFailed({ file, errors, message: e.message });
              else showError(messageOf(e));
            },
          });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending}>
          {props.uploadLabel}
        </Button>
      </Upload>
      {failed && <ImportErrors failed={failed} report={props.report} nothing={props.nothing} onClose={() => setFailed(null)} />}
    </Space>
  );
}
