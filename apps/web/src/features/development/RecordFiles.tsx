import { DeleteOutlined } from '@ant-design/icons';
import type { DevRecordView } from '@jiceng/contracts';
import { Button, Popconfirm, Space, Typography } from 'antd';
import { showSuccess } from '../../shared/feedback.ts';
import { FileLink, UploadFilesButton } from '../../shared/files.tsx';
import { useRemoveDevFile, useUploadDevFile } from './api.ts';
import { acceptOf, devFileHint, devFileRefusal, devFileUrl } from './files.ts';

const ACCEPT = acceptOf();

/**
 * 材料 of one recorded step: each paper as a link that downloads it under its name, and for who may
 * record the path, 上传材料 and a remove button per file. Files chosen together are sent one after
 * another (the server counts and deduplicates per step); a file the step cannot take is not sent.
 */
export function RecordFiles({ applicantId, record: r, editable }: { applicantId: string; record: DevRecordView; editable: boolean }) {
  const upload = useUploadDevFile(applicantId, r.id);
  const remove = useRemoveDevFile(applicantId, r.id);

  return (
    <Space direction="vertical" size={4}>
      {r.attachments.length === 0 && !editable && '—'}
      {r.attachments.map((f) => (
        <Space key={f.id} size={4} align="center">
          <FileLink href={devFileUrl(applicantId, r.id, f.id)} file={f} />
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
        <UploadFilesButton
          accept={ACCEPT}
          held={r.attachments.length}
          refusal={devFileRefusal}
          upload={(file) => upload.mutateAsync(file)}
          ariaLabel={`上传第${r.no}步${r.label}的材料`}
        >
          上传材料
        </UploadFilesButton>
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
