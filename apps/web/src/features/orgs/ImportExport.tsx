import { DownloadOutlined, ExportOutlined, UploadOutlined } from '@ant-design/icons';
import { IMPORT_FILE_FIELD, type ImportResult } from '@jiceng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { send, withQuery } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';
import { messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { ImportErrors, rowErrorsOf, type RejectedImport } from '../../shared/ImportErrors.tsx';
import { orgKeys } from './api.ts';

const formOf = (file: File) => {
  const form = new FormData();
  form.append(IMPORT_FILE_FIELD, file, file.name);
  return form;
};

/** 下载模板, 导入 (.xlsx, applied whole or not at all), 导出 the subtree of `rootId`. */
export function ImportExport({ rootId }: { rootId: string }) {
  const qc = useQueryClient();
  const [failed, setFailed] = useState<RejectedImport | null>(null);
  const [downloading, setDownloading] = useState<'template' | 'export' | null>(null);
  const upload = useMutation({
    meta: { silent: true },
    mutationFn: async (file: File) => (await (await send('POST', '/api/orgs/import', formOf(file))).json()) as ImportResult,
    onSuccess: async (r) => {
      showSuccess(`导入成功：新增 ${r.created} 个组织，更新 ${r.updated} 个组织`);
      await qc.invalidateQueries({ queryKey: orgKeys.all });
    },
  });

  const save = (kind: 'template' | 'export') => {
    setDownloading(kind);
    const p =
      kind === 'template' ? download('/api/orgs/import/template', '组织导入模板.xlsx') : download(withQuery('/api/orgs/export', { rootId }), '组织架构.xlsx');
    p.catch((e: unknown) => showError(messageOf(e))).finally(() => setDownloading(null));
  };

  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={downloading === 'template'} onClick={() => save('template')}>
        下载模板
      </Button>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file, {
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
          导入
        </Button>
      </Upload>
      <Button icon={<ExportOutlined />} loading={downloading === 'export'} onClick={() => save('export')}>
        导出
      </Button>
      {failed && (
        <ImportErrors
          failed={failed}
          report={(file) => downloadPost('/api/orgs/import/error-report', formOf(file), `错误报告-${file.name}`)}
          onClose={() => setFailed(null)}
        />
      )}
    </Space>
  );
}
