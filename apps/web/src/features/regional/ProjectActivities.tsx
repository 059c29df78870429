import type { RgActivity, RgProjectDetail } from '@jiceng/contracts';
import { Card, Image, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FileLink, UploadFilesButton } from '../../shared/files.tsx';
import { photoUrl, useUploadPhoto } from './api.ts';
import { hoursText, RG_PHOTO_ACCEPT, rgPhotoHint, rgPhotoRefusal } from './form.ts';

/**
 * 项目活动: each activity (date, name, who and how many took part, hours, beneficiaries, what was
 * done) with its photos; `mayUpload` says for which activities the account may add photos.
 */
export function ProjectActivities({ project: p, mayUpload, extra }: { project: RgProjectDetail; mayUpload: (a: RgActivity) => boolean; extra?: ReactNode }) {
  const upload = useUploadPhoto(p.id);
  const uploading = p.activityList.some(mayUpload);
  return (
    <Card title={`项目活动（${p.activities} 次，${hoursText(p.hours)}）`} size="small" extra={extra}>
      {uploading && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          活动照片：{rgPhotoHint()}
        </Typography.Paragraph>
      )}
      <List<RgActivity>
        dataSource={p.activityList}
        locale={{ emptyText: p.state === 'active' ? '还没有记录活动' : '没有活动记录' }}
        data-testid="rg-activities"
        renderItem={(a) => (
          <List.Item key={a.id}>
            <div style={{ width: '100%' }}>
              <Space wrap size={8}>
                <Typography.Text strong>{a.title}</Typography.Text>
                <Typography.Text type="secondary">{a.heldOn}</Typography.Text>
                <span>
                  参与 {a.participants} 人 · 服务 {hoursText(a.hours)} · 受益 {a.beneficiaries} 人
                </span>
                {a.unitName && <Typography.Text type="secondary">参与单位：{a.unitName}</Typography.Text>}
              </Space>
              {a.description && <div style={{ whiteSpace: 'pre-wrap' }}>{a.description}</div>}
              {a.photos.length > 0 && (
                <Image.PreviewGroup>
                  <Space wrap size={8} style={{ marginTop: 8 }}>
                    {a.photos.map((f) => (
                      <Image key={f.id} src={photoUrl(p.id, a.id, f.id)} alt={`活动照片：${f.fileName}`} height={72} style={{ objectFit: 'cover' }} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              )}
              <Space wrap size={[12, 4]} style={{ marginTop: 4 }} data-testid="rg-activity-photos">
                {a.photos.map((f) => (
                  <FileLink key={f.id} href={photoUrl(p.id, a.id, f.id)} file={f} />
                ))}
                {mayUpload(a) && (
                  <UploadFilesButton
                    accept={RG_PHOTO_ACCEPT}
                    held={a.photos.length}
                    refusal={rgPhotoRefusal}
                    upload={(file) => upload.mutateAsync({ activityId: a.id, file })}
                    ariaLabel={`上传活动照片：${a.title}`}
                  >
                    上传照片
                  </UploadFilesButton>
                )}
              </Space>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
