import { MEETING_STATE_IDS, MEETING_TYPE_IDS, meetingStateName, meetingTypeName, type Meeting } from '@jiceng/contracts';
import { Tag } from 'antd';

export type MeetingTypeId = (typeof MEETING_TYPE_IDS)[number];
export type MeetingStateId = (typeof MEETING_STATE_IDS)[number];

export const typeOptions = MEETING_TYPE_IDS.map((t) => ({ value: t, label: meetingTypeName[t] }));
export const stateOptions = MEETING_STATE_IDS.map((s) => ({ value: s, label: meetingStateName[s] }));

const COLOR: Record<MeetingStateId, string> = {
  plan: 'default',
  notice: 'processing',
  held: 'cyan',
  recorded: 'geekblue',
  submitted: 'purple',
  returned: 'warning',
  reviewed: 'success',
  archived: 'green',
  cancelled: 'default',
};

/** The state in Chinese in a coloured tag; past a time limit (not held, record late) 逾期 in red beside it. */
export function MeetingStateTag({ m }: { m: Pick<Meeting, 'state' | 'stateLabel' | 'overdue'> }) {
  return (
    <>
      <Tag color={COLOR[m.state as MeetingStateId] ?? 'default'}>{m.stateLabel}</Tag>
      {m.overdue && <Tag color="error">逾期</Tag>}
    </>
  );
}

/** 线上会议 or the place. */
export const placeText = (m: Pick<Meeting, 'online' | 'place'>) => (m.online ? `线上会议${m.place ? `（${m.place}）` : ''}` : (m.place ?? '—'));
