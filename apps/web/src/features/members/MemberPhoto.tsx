import { UserOutlined } from '@ant-design/icons';
import { IMPORT_FILE_FIELD, PHOTO_MAX_BYTES, type Member } from '@jiceng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';

/** The member's photo (证件照) with an upload button for accounts that may edit the record. */
export function MemberPhoto({ member, canWrite }: { member: Member; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const src = member.hasPhoto ? `/api/members/${member.id}/photo?v=${encodeURIComponent(member.updatedAt)}` : undefined;
  const choose = (file: File) => {
    if (!['image/jpeg', 'image/png'].includes(file.type)) showError('照片应为 JPG 或 PNG 图片');
    else if (file.size > PHOTO_MAX_BYTES) showError(`照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB，请压缩后上传`);
    else {
      const form = new FormData();
      form.append(IMPORT_FILE_FIELD, file, file.name);
      setBusy(true);
      api
        .put('/api/members/' + member.id + '/photo', form)
        .then(() => {
          showSuccess('照片已更新');
          return queryClient.invalidateQueries({ queryKey: ['members'] });
        })
        .catch((e: unknown) => showError(e instanceof Error ? e.message : '上传失败'))
        .finally(() => setBusy(false));
    }
    return false;
  };
  return (
    <Space direction="vertical" align="center" size={4}>
      <Avatar shape="square" size={88} src={src} icon={<UserOutlined />} alt={`${member.name}的照片`} />
      {canWrite && (
        <Upload accept="image/jpeg,image/png" showUploadList={false} beforeUpload={choose}>
          <Button size="small" loading={busy}>{member.hasPhoto ? '更换照片' : '上传照片'}</Button>
        </Upload>
      )}
    </Space>
  );
}
