import { DownloadOutlined, ExportOutlined, UploadOutlined } from '@ant-design/icons';
import { ErrorCode, IMPORT_FILE_FIELD, type ImportResult, type ImportRowError } from '@jiceng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, send, withQuery } from '../../api/client.ts';
import { download, downloadPost } from '../../api/download.ts';
import { messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { orgKeys } from './api.ts';

const formOf = (file: File) => {
  const form = new FormData();
  form.append(IMPORT_FILE_FIELD, file, file.name);
  return form;
};

function rowErrorsOf(err: unknown): ImportRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== ErrorCode.IMPORT_INVALID) return null;
  const d = err.details;
  const errors = typeof d === 'object' && d !== null && 'errors' in d ? (d as { errors: unknown }).errors : null;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : [];
}

function ImportErrors({ file, errors, message, onClose }: { file: File; errors: ImportRowError[]; message: string; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const report = () => {
    setBusy(true);
    downloadPost('/api/orgs/import/error-report', formOf(file), `错误报告-${file.name}`)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open
      width={760}
      title="导入未成功，文件中有以下问题"
      onCancel={onClose}
      footer={[
        <Button key="report" type="primary" icon={<DownloadOutlined />} loading={busy} onClick={report}>下载错误报告</Button>,
        <Button key="close" onClick={onClose}>关闭</Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{message}。「下载错误报告」会在原表格中标出每一行的问题，改好后可直接重新导入。</Typography.Paragraph>
      <Table<ImportRowError>
        size="small"
        rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
        dataSource={errors}
        pagination={errors.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 处问题` } : false}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80 },
          { title: '列', dataIndex: 'column', width: 160, render: (c: string) => c || '整行' },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Modal>
  );
}

/** 下载模板, 导入 (.xlsx, applied whole or not at all), 导出 the subtree of `rootId`. */
export function ImportExport({ rootId }: { rootId: string }) {
  const qc = useQueryClient();
  const [failed, setFailed] = useState<{ file: File; errors: ImportRowError[]; message: string } | null>(null);
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
    const p = kind === 'template' ? download('/api/orgs/import/template', '组织导入模板.xlsx') : download(withQuery('/api/orgs/export', { rootId }), '组织架构.xlsx');
    p.catch((e: unknown) => showError(messageOf(e))).finally(() => setDownloading(null));
  };

  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={downloading === 'template'} onClick={() => save('template')}>下载模板</Button>
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
        <Button icon={<UploadOutlined />} loading={upload.isPending}>导入</Button>
      </Upload>
      <Button icon={<ExportOutlined />} loading={downloading === 'export'} onClick={() => save('export')}>导出</Button>
      {failed && <ImportErrors {...failed} onClose={() => setFailed(null)} />}
    </Space>
  );
}
