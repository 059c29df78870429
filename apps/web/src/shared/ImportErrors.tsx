import { DownloadOutlined } from '@ant-design/icons';
import { ErrorCode, type ImportRowError } from '@jiceng/contracts';
import { Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { showError } from './feedback.ts';

/** The rows of an IMPORT_INVALID rejection (every bad row named), or null for any other failure. */
export function rowErrorsOf(err: unknown): ImportRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== ErrorCode.IMPORT_INVALID) return null;
  const d = err.details;
  const errors = typeof d === 'object' && d !== null && 'errors' in d ? (d as { errors: unknown }).errors : null;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : [];
}

/** A rejected import: what failed. */
export interface RejectedImport {
  file: File;
  errors: ImportRowError[];
  message: string;
}

/**
 * The problems of a rejected .xlsx import by row and column, with 下载错误报告 (`report`: the file
 * annotated by the server). `nothing` says what was not imported (e.g. 「没有导入任何学时」).
 */
export function ImportErrors({
  failed,
  report,
  nothing,
  onClose,
}: {
  failed: RejectedImport;
  report: (file: File) => Promise<unknown>;
  nothing?: string;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    report(failed.file)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  const { errors } = failed;
  return (
    <Modal
      open
      width={760}
      title="导入未成功，文件中有以下问题"
      onCancel={onClose}
      footer={[
        <Button key="report" type="primary" icon={<DownloadOutlined />} loading={busy} onClick={download}>
          下载错误报告
        </Button>,
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {failed.message}。{nothing ? `${nothing}。` : ''}「下载错误报告」会在原表格中标出每一行的问题，改好后可直接重新导入。
      </Typography.Paragraph>
      <Table<ImportRowError>
        size="small"
        rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
        dataSource={errors}
        pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 处问题` } : false}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80 },
          { title: '列', dataIndex: 'column', width: 150, render: (c: string) => c || '整行' },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Modal>
  );
}
