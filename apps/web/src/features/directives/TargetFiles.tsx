import { DeleteOutlined, FileImageOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import type { DirectiveTargetView } from '@jiceng/contracts';
import { Button, Popconfirm, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { fileUrl, useTargetSteps } from './api.ts';
import { DIRECTIVE_FILE_ACCEPT, directiveFileHint, directiveFileRefusal } from './files.ts';

/**
 * 佐证材料 of one recipient: each file as a link that downloads it under its name; for the recipient
 * while it is signed for and not reported, 上传佐证材料 and a remove button per file. Files chosen
 * together are sent one after another (the server counts and deduplicates).
 */
export function TargetFiles({ directiveId, target: t, editable }: { directiveId: string; target: DirectiveTargetView; editable: boolean }) {
  const steps = useTargetSteps(directiveId, t.id);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const waiting = useRef(0);
  const [sending, setSending] = useState(0);

  const send = (file: File) => {
    const refusal = directiveFileRefusal(file, t.attachments.length + waiting.current);
    if (refusal) return showError(refusal);
    waiting.current += 1;
    setSending((n) => n + 1);
    queue.current = queue.current
      .then(() => steps.upload.mutateAsync(file))
      .then(
        (a) => showSuccess(a.duplicate ? `${file.name} 已上传过，未重复保存` : `${file.name} 已上传`),
        () => undefined,
      )
      .finally(() => {
        waiting.current -= 1;
        setSending((n) => n - 1);
      });
  };

  return (
    <Space direction="vertical" size={4}>
      {t.attachments.length === 0 && !editable && '—'}
      {t.attachments.map((f) => (
        <Space key={f.id} size={4}>
          <a href={fileUrl(directiveId, t.id, f.id)} download={f.fileName} aria-label={`下载${f.fileName}`} style={{ wordBreak: 'break-all' }}>
            {f.contentType.startsWith('image/') ? <FileImageOutlined /> : <FileOutlined />} {f.fileName}
          </a>
          {editable && (
            <Popconfirm
              title={`删除 ${f.fileName}？`}
              okText="删除"
              cancelText="取消"
              onConfirm={() =>
                steps.removeFile.mutateAsync(f.id).then(
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
        <>
          <Upload
            accept={DIRECTIVE_FILE_ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              send(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={sending > 0}>
              上传佐证材料
            </Button>
          </Upload>
          <Typography.Text type="secondary">{directiveFileHint()}</Typography.Text>
        </>
      )}
    </Space>
  );
}
