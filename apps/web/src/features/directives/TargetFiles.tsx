import { DeleteOutlined } from '@ant-design/icons';
import type { DirectiveTargetView } from '@jiceng/contracts';
import { Button, Popconfirm, Space, Typography } from 'antd';
import { showSuccess } from '../../shared/feedback.ts';
import { FileLink, UploadFilesButton } from '../../shared/files.tsx';
import { fileUrl, useTargetSteps } from './api.ts';
import { DIRECTIVE_FILE_ACCEPT, directiveFileHint, directiveFileRefusal } from './files.ts';

/**
 * 佐证材料 of one recipient: each file as a link that downloads it under its name; for the recipient
 * while it is signed for and not reported, 上传佐证材料 and a remove button per file. Files chosen
 * together are sent one after another (the server counts and deduplicates).
 */
export function TargetFiles({ directiveId, target: t, editable }: { directiveId: string; target: DirectiveTargetView; editable: boolean }) {
  const steps = useTargetSteps(directiveId, t.id);

  return (
    <Space direction="vertical" size={4}>
      {t.attachments.length === 0 && !editable && '—'}
      {t.attachments.map((f) => (
        <Space key={f.id} size={4}>
          <FileLink href={fileUrl(directiveId, t.id, f.id)} file={f} />
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
          <UploadFilesButton
            accept={DIRECTIVE_FILE_ACCEPT}
            held={t.attachments.length}
            refusal={directiveFileRefusal}
            upload={(file) => steps.upload.mutateAsync(file)}
          >
            上传佐证材料
          </UploadFilesButton>
          <Typography.Text type="secondary">{directiveFileHint()}</Typography.Text>
        </>
      )}
    </Space>
  );
}
