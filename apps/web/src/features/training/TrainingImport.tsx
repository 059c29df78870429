import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ErrorCode, IMPORT_MAX_ROWS, type ImportRowError } from '@jiceng/contracts';
import { Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { downloadErrorReport, downloadTemplate, useImportOnline } from './api.ts';

/** The rows of an IMPORT_INVALID rejection, or null for any other failure. */
export function rowErrorsOf(err: unknown): ImportRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== ErrorCode.IMPORT_INVALID) return null;
  const d = err.details;
  const errors = typeof d === 'object' && d !== null && 'errors' in d ? (d as { errors: unknown }).errors : null;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : [];
}

function ImportErrors({ file, errors, message, onClose }: { file: File; errors: ImportRowError[]; message: string; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const report = () => {
    setBusy(true);
    downloadErrorReport(file)
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
        <Button key="report" type="primary" icon={<DownloadOutlined />} loading={busy} onClick={report}>
          下载错误报告
        </Button>,
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {message}。没有导入任何学时。「下载错误报告」会在原表格中标出每一行的问题，改好后可直接重新导入。
      </Typography.Paragraph>
      <Table<ImportRowError>
        size="small"
        rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
        dataSource={errors}
        pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 处问题` } : false}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80 },
          { title: '列', dataIndex: 'column', width: 140, render: (c: string) => c || '整行' },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Modal>
  );
}

/**
 * 导入网络培训学时: 下载模板, upload the .xlsx (every row checked; all imported or none), and on a
 * rejection every problem by row and column with 下载错误报告 (the file annotated).
 */
export function TrainingImport() {
  const [failed, setFailed] = useState<{ file: File; errors: ImportRowError[]; message: string } | null>(null);
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
      {failed && <ImportErrors {...failed} onClose={() => setFailed(null)} />}
    </Space>
  );
}
