import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { IMPORT_MAX_ROWS } from '@jiceng/contracts';
import { Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { ImportErrors, rowErrorsOf, type RejectedImport } from '../../shared/ImportErrors.tsx';
import { downloadErrorReport, downloadTemplate, useImportOnline } from './api.ts';

/**
 * 导入网络培训学时: 下载模板, upload the .xlsx (every row checked; all imported or none), and on a
 * rejection every problem by row and column with 下载错误报告 (the file annotated).
 */
export function TrainingImport() {
  const [failed, setFailed] = useState<RejectedImport | null>(null);
  const [templating, setTemplating] = useState(false);
  const upload = useImportOnline();
  const template = () => {
    setTemplating(true);
    downloadTemplate()
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setTemplating(false));
  };
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        loading={templating}
        onClick={template}
        title={`网络培训学时导入模板，单次最多 ${IMPORT_MAX_ROWS.toLocaleString()} 行`}
      >
        下载导入模板
      </Button>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file, {
            onSuccess: (r) => showSuccess(`导入成功：${r.created} 条网络培训学时`),
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
          导入网络培训学时
        </Button>
      </Upload>
      {failed && <ImportErrors failed={failed} report={downloadErrorReport} nothing="没有导入任何学时" onClose={() => setFailed(null)} />}
    </Space>
  );
}
