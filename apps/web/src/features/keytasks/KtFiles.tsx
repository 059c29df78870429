import type { Attachment } from '@jiceng/contracts';
import { Space } from 'antd';
import { FileLink, UploadFilesButton } from '../../shared/files.tsx';
import { KT_FILE_ACCEPT, ktFileRefusal } from './files.ts';

/**
 * The files of one progress report or one 验收: each a link that downloads it under its name; who
 * may add more gets 上传材料 (files chosen together are sent one after another, a file the record
 * cannot take is not sent).
 */
export function KtFiles(props: {
  files: readonly Attachment[];
  href: (fileId: string) => string;
  upload: (file: File) => Promise<{ duplicate?: boolean }>;
  editable: boolean;
  /** The upload button's name for a screen reader: which record it adds to. */
  uploadLabel: string;
  testId: string;
}) {
  return (
    <Space wrap size={[12, 4]} data-testid={props.testId}>
      {props.files.map((f) => (
        <FileLink key={f.id} href={props.href(f.id)} file={f} />
      ))}
      {props.editable && (
        <UploadFilesButton accept={KT_FILE_ACCEPT} held={props.files.length} refusal={ktFileRefusal} upload={props.upload} ariaLabel={props.uploadLabel}>
          上传材料
        </UploadFilesButton>
      )}
    </Space>
  );
}
