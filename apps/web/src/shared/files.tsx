import { FileImageOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { showError, showSuccess } from './feedback.ts';

/** A file's size as people read it: 320 KB, 2.4 MB. */
export const fileSizeText = (n: number) => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** An attached file as a link that downloads it under its own name, with an icon for pictures and its size on hover. */
export function FileLink({ href, file }: { href: string; file: { fileName: string; contentType: string; size: number } }) {
  return (
    <a
      href={href}
      download={file.fileName}
      aria-label={`下载${file.fileName}`}
      title={`${file.fileName}（${fileSizeText(file.size)}）`}
      style={{ wordBreak: 'break-all' }}
    >
      {file.contentType.startsWith('image/') ? <FileImageOutlined /> : <FileOutlined />} {file.fileName}
    </a>
  );
}

/**
 * Sends the files chosen together one after another (the server counts a record's files and
 * deduplicates them, so two at once could both pass its count). A file the record cannot take
 * (`refusal`, given how many it holds and how many are waiting) is not sent; the server's own
 * refusal is shown by the query client. `sending`: a file is on its way.
 */
function useUploadQueue(
  held: number,
  refusal: (file: File, count: number) => string | null | undefined,
  upload: (file: File) => Promise<{ duplicate?: boolean }>,
) {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const waiting = useRef(0);
  const [sending, setSending] = useState(0);
  const send = (file: File) => {
    const refused = refusal(file, held + waiting.current);
    if (refused) {
      showError(refused);
      return;
    }
    waiting.current += 1;
    setSending((n) => n + 1);
    queue.current = queue.current
      .then(() => upload(file))
      .then(
        (a) => showSuccess(a.duplicate ? `${file.name} 已上传过，未重复保存` : `${file.name} 已上传`),
        () => undefined,
      )
      .finally(() => {
        waiting.current -= 1;
        setSending((n) => n - 1);
      });
  };
  return { send, sending: sending > 0 };
}

/**
 * The upload button of a record's files: several may be chosen at once and go through
 * `useUploadQueue`. `held`: the files the record holds; `ariaLabel`: which record it adds to.
 */
export function UploadFilesButton(props: {
  accept: string;
  held: number;
  refusal: (file: File, count: number) => string | null | undefined;
  upload: (file: File) => Promise<{ duplicate?: boolean }>;
  ariaLabel?: string;
  children: ReactNode;
}) {
  const { send, sending } = useUploadQueue(props.held, props.refusal, props.upload);
  return (
    <Upload
      accept={props.accept}
      multiple
      showUploadList={false}
      beforeUpload={(file) => {
        send(file);
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={sending} aria-label={props.ariaLabel}>
        {props.children}
      </Button>
    </Upload>
  );
}
