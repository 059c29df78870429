import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { IMPORT_MAX_ROWS, memberImportPhaseLabel, type ImportRowError, type MemberImportJob } from '@jiceng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { messageOf } from '../../api/errors.ts';
import { showError } from '../../shared/feedback.ts';
import { memberKeys } from '../members/api.ts';
import { downloadErrorReport, downloadTemplate, isRunning, startImport, useImportJob } from './api.ts';

const STEPS = (['reading', 'checking', 'writing', 'done'] as const).map((p) => ({ phase: p, title: memberImportPhaseLabel[p] }));

/** One bar over the whole job: reading 0–5 %, checking 5–40 %, writing 40–100 % (writing is the long part). */
function percentOf(job: MemberImportJob): number {
  const part = job.total > 0 ? job.done / job.total : 0;
  if (job.phase === 'reading') return 2;
  if (job.phase === 'checking') return Math.round(5 + 35 * part);
  if (job.phase === 'writing') return Math.round(40 + 60 * part);
  return 100;
}

function Running({ job }: { job: MemberImportJob | undefined }) {
  const current = job ? STEPS.findIndex((s) => s.phase === job.phase) : 0;
  const counts = job && job.total > 0 && job.phase !== 'reading' ? `：${job.done.toLocaleString()} / ${job.total.toLocaleString()} 行` : '';
  return (
    <div>
      <Steps size="small" current={current} items={STEPS.map((s) => ({ title: s.title }))} style={{ marginBottom: 16 }} />
      <Progress percent={job ? percentOf(job) : 0} status="active" />
      <Typography.Text type="secondary">{job ? `正在${job.phaseLabel}${counts}` : '正在上传文件…'}（可以离开本页，导入会在后台继续）</Typography.Text>
    </div>
  );
}

function Failed({ job, file, onRetry }: { job: MemberImportJob; file: File | null; onRetry: () => void }) {
  const [busy, setBusy] = useState(false);
  const report = () => {
    if (!file) return;
    setBusy(true);
    downloadErrorReport(file)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  const cut = job.errorCount > job.errors.length ? `（共 ${job.errorCount} 处，此处列出前 ${job.errors.length} 处，完整列表见错误报告）` : '';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        message="导入失败，未导入任何党员"
        description={`${job.message ?? ''}${cut}`}
        action={
          <Space direction="vertical">
            {job.errors.length > 0 && file && <Button size="small" type="primary" danger icon={<DownloadOutlined />} loading={busy} onClick={report}>下载错误报告</Button>}
            <Button size="small" onClick={onRetry}>重新选择文件</Button>
          </Space>
        }
      />
      {job.errors.length > 0 && (
        <Table<ImportRowError>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={job.errors}
          pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 处问题` }}
          columns={[
            { title: '行号', dataIndex: 'row', width: 80 },
            { title: '列', dataIndex: 'column', width: 140, render: (c: string) => c || '整行' },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}

/**
 * 导入党员名册: 下载模板, choose a file, follow the job's progress (polled every second), then the
 * result — 导入完成 with the count, or every problem by row and column with 下载错误报告.
 */
export function MemberImportPanel() {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [templating, setTemplating] = useState(false);
  const { data: job, error } = useImportJob(jobId);
  const running = uploading || (jobId !== null && isRunning(job) && !error);

  useEffect(() => {
    if (job?.phase === 'done') void qc.invalidateQueries({ queryKey: memberKeys.all });
  }, [job?.phase, qc]);

  const choose = (f: File) => {
    setFile(f);
    setJobId(null);
    setUploading(true);
    startImport(f)
      .then(setJobId)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setUploading(false));
    return false;
  };
  const reset = () => {
    setFile(null);
    setJobId(null);
  };
  const template = () => {
    setTemplating(true);
    downloadTemplate()
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setTemplating(false));
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        先下载模板按说明填写（每行一名党员，所在党支部填写全称），再上传文件。系统逐行检查，全部无误才导入，有任何错误则一条也不导入。单次最多 {IMPORT_MAX_ROWS.toLocaleString()} 行。
      </Typography.Paragraph>
      <Button icon={<DownloadOutlined />} loading={templating} onClick={template}>下载模板</Button>
      {!running && job?.phase !== 'done' && job?.phase !== 'failed' && (
        <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" showUploadList={false} beforeUpload={choose}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">点击选择或将党员名册文件拖到此处</p>
          <p className="ant-upload-hint">仅支持 .xlsx 格式</p>
        </Upload.Dragger>
      )}
      {error && <Alert type="error" showIcon message="无法获取导入进度" description={messageOf(error)} action={<Button size="small" onClick={reset}>重新选择文件</Button>} />}
      {running && <Running job={job} />}
      {job?.phase === 'done' && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`导入 ${job.created ?? 0} 名党员（${job.fileName}）`}
          extra={[
            <Link key="list" to="/members"><Button type="primary">查看党员名单</Button></Link>,
            <Button key="again" onClick={reset}>继续导入</Button>,
          ]}
        />
      )}
      {job?.phase === 'failed' && <Failed job={job} file={file} onRetry={reset} />}
    </Space>
  );
}
