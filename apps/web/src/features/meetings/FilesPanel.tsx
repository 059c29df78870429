import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { attachmentKinds, type Attachment, type MeetingDetail } from '@jiceng/contracts';
import { Button, Image, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { showSuccess } from '../../shared/feedback.ts';
import { fileUrl, useRemoveFile, useUploadFile } from './api.ts';

const FILE_STATES = ['plan', 'notice', 'held', 'recorded', 'returned'];
const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
const size = (n: number) => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 会议照片和附件: photos shown small (click to enlarge), documents as links; upload and remove until submitted. */
export function FilesPanel({ m, canWrite }: { m: MeetingDetail; canWrite: boolean }) {
  const upload = useUploadFile(m.id);
  const remove = useRemoveFile(m.id);
  const editable = canWrite && FILE_STATES.includes(m.state);
  const rule = attachmentKinds.meeting;
  return (
    <>
      {editable && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file, { onSuccess: (r) => showSuccess('duplicate' in r && r.duplicate ? `${file.name} 已上传过` : `${file.name} 已上传`) });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              上传照片或附件
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            照片（JPG、PNG、WebP，不超过 {rule.imageMaxBytes / 1_048_576} MB）、PDF、Word、Excel，最多 {rule.maxFiles} 个
          </Typography.Text>
        </Space>
      )}
      <List<Attachment>
        dataSource={m.attachments}
        locale={{ emptyText: '暂无照片或附件' }}
        grid={{ gutter: 12, xs: 1, sm: 2, md: 3, lg: 4 }}
        renderItem={(f) => (
          <List.Item>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              {f.contentType.startsWith('image/') ? (
                <Image src={fileUrl(m.id, f.id)} alt={f.fileName} height={120} style={{ objectFit: 'cover' }} />
              ) : (
                <a href={fileUrl(m.id, f.id)} target="_blank" rel="noreferrer">
                  <FileOutlined /> {f.fileName}
                </a>
              )}
              <Space size={4}>
                <Typography.Text type="secondary">
                  {f.contentType.startsWith('image/') ? f.fileName : ''} {size(f.size)}
                </Typography.Text>
                {editable && (
                  <Popconfirm
                    title={`删除 ${f.fileName}？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() =>
                      remove.mutateAsync(f.id).then(
                        () => undefined,
                        () => undefined,
                      )
                    }
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.fileName}`} />
                  </Popconfirm>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
