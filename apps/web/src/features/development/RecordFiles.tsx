import { DeleteOutlined, FileImageOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import type { DevRecordView } from '@jiceng/contracts';
import { Button, Popconfirm, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { useRemoveDevFile, useUploadDevFile } from './api.ts';
import { acceptOf, devFileHint, devFileRefusal, devFileUrl } from './files.ts';

const ACCEPT = acceptOf();
const size = (n: number) => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * 材料 of one recorded step: each paper as a link that downloads it under its name, and for who may
 * record the path, 上传材料 and a remove button per file. Files chosen together are sent one after
 * another (the server counts and deduplicates per step); a file the step cannot take is not sent.
 */
export function RecordFiles({ applicantId, record: r, editable }: { applicantId: string; record: DevRecordView; editable: boolean }) {
  const upload = useUploadDevFile(applicantId, r.id);
  const remove = useRemoveDevFile(applicantId, r.id);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const waiting = useRef(0);
  const [sending, setSending] = useState(0);

  const send = (file: File) => {
    const refusal = devFileRefusal(file, r.attachments.length + waiting.current);
    if (refusal) {
      showError(refusal);
      return;
    }
    waiting.current += 1;
    setSending((n) => n + 1);
    queue.current = queue.current
      .then(() => upload.mutateAsync(file))
      .then(
        (a) => showSuccess(a.duplicate ? `${file.name} 已上传过，未重复保存` : `${file.name} 已上传`),
        // The server's refusal (type, size, count, permission) is shown by the query client.
        () => undefined,
      )
      .finally(() => {
        waiting.current -= 1;
        setSending((n) => n - 1);
      });
  };

  return (
    <Space direction="vertical" size={4}>
      {r.attachments.length === 0 && !editable && '—'}
      {r.attachments.map((f) => (
        <Space key={f.id} size={4} align="center">
          <a
            href={devFileUrl(applicantId, r.id, f.id)}
            download={f.fileName}
            aria-label={`下载${f.fileName}`}
            title={`${f.fileName}（${size(f.size)}）`}
            style={{ wordBreak: 'break-all' }}
          >
            {f.contentType.startsWith('image/') ? <FileImageOutlined /> : <FileOutlined />} {f.fileName}
          </a>
          {editable && (
            <Popconfirm
              title={`删除 ${f.fileName}？`}
              okText="删除"
              cancelText="取消"
              onConfirm={() =>
                remove.mutateAsync(f.id).then(
                  () => showSuccess(`${f.fileName} 已删除`),
                  () => undefined,
                )
              }
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除${f.fileName}`} />
            </Popconfirm>
          )}
        </Space>
      ))}
      {editable && (
        <Upload
          accept={ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={sending > 0} aria-label={`上传第${r.no}步${r.label}的材料`}>
            上传材料
          </Button>
        </Upload>
      )}
    </Space>
  );
}

/** Under the records table, for who may upload: what a step takes. */
export function RecordFilesHint() {
  return (
    <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
      材料：{devFileHint()}
    </Typography.Text>
  );
}
