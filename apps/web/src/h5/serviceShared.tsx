import { SERVICE_PHOTOS_MAX, type Attachment, type ServiceRequest, type WorkflowEvent } from '@jiceng/contracts';
import { Image, ImageUploader, ImageViewer, List, SpinLoading, Steps, Tag, Toast, type ImageUploadItem } from 'antd-mobile';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';

/** Pieces the resident's and the grid worker's phone screens of 群众诉求 share. */

/** 2天3小时 / 5小时20分钟 / 12分钟. */
export function durationText(minutes: number): string {
  const m = Math.max(0, Math.abs(Math.round(minutes)));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  if (d > 0) return h > 0 ? `${d}天${h}小时` : `${d}天`;
  if (h > 0) return m % 60 > 0 ? `${h}小时${m % 60}分钟` : `${h}小时`;
  return `${m}分钟`;
}

/** "办理中 · 剩余 2天3小时", "已派单 · 已超时 3小时", or the state alone when no clock runs. */
export function clockText(r: Pick<ServiceRequest, 'stateLabel' | 'clock'>): string {
  const c = r.clock;
  if (!c) return r.stateLabel;
  if (c.status === 'overdue') return `${r.stateLabel} · 已超时 ${durationText(c.minutesLeft)}`;
  if (c.status === 'paused') return `${r.stateLabel} · 暂停计时（剩余 ${durationText(c.minutesLeft)}）`;
  return `${r.stateLabel} · 剩余 ${durationText(c.minutesLeft)}`;
}

const STATE_COLOR: Record<string, 'primary' | 'success' | 'warning' | 'danger' | 'default'> = {
  submitted: 'warning',
  accepted: 'primary',
  dispatched: 'primary',
  in_progress: 'primary',
  awaiting_info: 'warning',
  resolved: 'success',
  closed: 'default',
  rejected: 'default',
  withdrawn: 'default',
};

export function StateTag({ r }: { r: Pick<ServiceRequest, 'state' | 'stateLabel' | 'clock'> }) {
  const overdue = r.clock?.status === 'overdue';
  return (
    <Tag color={overdue ? 'danger' : (STATE_COLOR[r.state] ?? 'default')} fill="outline">
      {overdue ? `${r.stateLabel}（已超时）` : r.stateLabel}
    </Tag>
  );
}

/** The clock line under a request: red when overdue. */
export function ClockLine({ r }: { r: Pick<ServiceRequest, 'stateLabel' | 'clock'> }) {
  const overdue = r.clock?.status === 'overdue';
  return <span style={overdue ? { color: 'var(--adm-color-danger)' } : undefined}>{clockText(r)}</span>;
}

/** 全过程记录: every step, the newest last, as a vertical timeline. */
export function Timeline({ events }: { events: WorkflowEvent[] }) {
  if (events.length === 0) return null;
  return (
    <List header="办理过程">
      <List.Item>
        <Steps direction="vertical" current={events.length - 1}>
          {events.map((e) => (
            <Steps.Step
              key={e.id}
              title={e.fromState === e.toState ? e.actionLabel : `${e.actionLabel} → ${e.toStateLabel}`}
              description={
                <>
                  <div>
                    {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                    {e.actorName ? ` · ${e.actorName}` : ''}
                  </div>
                  {e.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</div>}
                </>
              }
            />
          ))}
        </Steps>
      </List.Item>
    </List>
  );
}

/** Photos as tappable thumbnails (tapping opens them full screen). */
export function PhotoGrid({ photos, urlOf, label }: { photos: Attachment[]; urlOf: (photoId: string) => string; label: string }) {
  if (photos.length === 0) return null;
  const urls = photos.map((p) => urlOf(p.id));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {photos.map((p, i) => (
        <button
          key={p.id}
          type="button"
          aria-label={`${label}${i + 1}（查看大图）`}
          style={{ padding: 0, border: 0, background: 'none', cursor: 'pointer' }}
          onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: i })}
        >
          <Image src={urls[i]} width={80} height={80} fit="cover" style={{ borderRadius: 6 }} alt={`${label}${i + 1}`} lazy />
        </button>
      ))}
    </div>
  );
}

/** A picked photo, kept in the browser until the request (or the result) is sent. */
export type PendingPhoto = ImageUploadItem & { extra: File };

/**
 * Photo picking with antd-mobile's ImageUploader, uploading nothing yet: the files are sent once the
 * request exists (or with 办结). The native file input gets a name for screen readers.
 */
export function PhotoPicker({ value, onChange, label }: { value: PendingPhoto[]; onChange: (v: PendingPhoto[]) => void; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector('input[type=file]')?.setAttribute('aria-label', label);
    box.current?.querySelectorAll('img').forEach((img, i) => img.setAttribute('alt', `已选照片${i + 1}`));
  });
  // the previews' object URLs are let go when the picker goes away
  const shown = useRef(value);
  shown.current = value;
  useEffect(() => () => shown.current.forEach((p) => URL.revokeObjectURL(p.url)), []);
  return (
    <div ref={box}>
      <ImageUploader
        value={value}
        onChange={(items) => onChange(items as PendingPhoto[])}
        upload={async (file: File) => ({ url: URL.createObjectURL(file), extra: file })}
        accept="image/jpeg,image/png,image/webp"
        multiple
        maxCount={SERVICE_PHOTOS_MAX}
        onCountExceed={(n) => Toast.show({ content: `最多 ${SERVICE_PHOTOS_MAX} 张照片，已忽略 ${n} 张` })}
      />
    </div>
  );
}

/** A row of choices as real buttons (a name, a tab stop and the pressed state for screen readers). */
export function ChoiceButtons<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: { value: T; label: string }[];
  value: T;
  onChange: (v: T) => void;
  label: string;
}) {
  return (
    <div role="group" aria-label={label} className="h5-choices">
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={o.value === value} className="h5-choice" onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** Goes to an H5 route (a `#/…` hash). */
export const go = (hash: string) => {
  window.location.hash = hash;
};

/** The spinner a resident's screen shows while it loads. */
export const Loading = () => (
  <div style={{ paddingTop: 80, display: 'flex', justifyContent: 'center' }}>
    <SpinLoading color="primary" />
  </div>
);
