import type { MyMeeting } from '@jiceng/contracts';
import { Button, ErrorBlock, List, SpinLoading, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { BackBar } from './BackBar.tsx';
import { isUpcoming, signinOpen, useMyMeetings } from './meetingsApi.ts';
import { SigninScreen } from './SigninScreen.tsx';

const place = (m: MyMeeting) => (m.online ? '线上会议' : (m.place ?? '地点待定'));

function attendanceTag(m: MyMeeting) {
  if (m.attendance === 'present')
    return (
      <Tag color="success" fill="solid">
        已签到
      </Tag>
    );
  if (m.attendance === 'leave')
    return (
      <Tag color="warning" fill="solid">
        请假
      </Tag>
    );
  if (m.attendance === 'absent')
    return (
      <Tag color="default" fill="solid">
        缺席
      </Tag>
    );
  return signinOpen(m) ? (
    <Tag color="primary" fill="outline">
      未签到
    </Tag>
  ) : (
    <Tag color="default" fill="outline">
      {m.stateLabel}
    </Tag>
  );
}

/** A meeting's notice: time, place, topics, whether the member signed in; 签到 while it takes sign-ins. */
function NoticeDetail({ m, onBack, onSignin }: { m: MyMeeting; onBack: () => void; onSignin: () => void }) {
  return (
    <>
      <BackBar title="会议通知" onBack={onBack} />
      <div className="h5-section">
        <List header={m.title}>
          <List.Item extra={m.typeLabel}>会议类型</List.Item>
          <List.Item extra={m.orgName}>召开组织</List.Item>
          <List.Item extra={`${m.date} ${m.startTime}—${m.endTime}`}>时间</List.Item>
          <List.Item extra={place(m)}>地点</List.Item>
          <List.Item extra={m.stateLabel}>状态</List.Item>
          <List.Item extra={attendanceTag(m)}>签到情况</List.Item>
          {m.signedAt && <List.Item extra={dayjs(m.signedAt).format('YYYY-MM-DD HH:mm')}>签到时间</List.Item>}
        </List>
      </div>
      <div className="h5-section">
        <List header="议题">
          <List.Item>
            <span style={{ whiteSpace: 'pre-wrap' }}>{m.topics}</span>
          </List.Item>
        </List>
      </div>
      {signinOpen(m) && m.attendance !== 'present' && (
        <div style={{ margin: 12 }}>
          <Button block color="primary" size="large" onClick={onSignin}>
            签到
          </Button>
        </div>
      )}
    </>
  );
}

/** 我的会议: upcoming notices first, then past meetings, each opening its notice; 签到 by code. */
export function MeetingsScreen() {
  const query = useMyMeetings();
  const [openId, setOpenId] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');
  const items = query.data ?? [];
  const open = items.find((m) => m.id === openId);

  if (signing) return <SigninScreen onBack={() => setSigning(false)} />;
  if (open) return <NoticeDetail m={open} onBack={() => setOpenId(null)} onSignin={() => setSigning(true)} />;

  const upcoming = items.filter((m) => isUpcoming(m, today)).sort((a, b) => `${a.date}${a.startTime}`.localeCompare(`${b.date}${b.startTime}`));
  const past = items.filter((m) => !isUpcoming(m, today));
  const row = (m: MyMeeting) => (
    <List.Item
      key={m.id}
      onClick={() => setOpenId(m.id)}
      extra={attendanceTag(m)}
      description={
        <>
          <div>
            {m.typeLabel} · {m.date} {m.startTime}—{m.endTime}
          </div>
          <div>{place(m)}</div>
        </>
      }
    >
      {m.title}
    </List.Item>
  );
  return (
    <>
      <div className="h5-hero">
        <h1>我的会议</h1>
        <p>三会一课会议通知与签到</p>
      </div>
      <div style={{ margin: 12 }}>
        <Button block color="primary" size="large" onClick={() => setSigning(true)}>
          输入签到码签到
        </Button>
      </div>
      {query.isPending && (
        <div style={{ paddingTop: 40, display: 'flex', justifyContent: 'center' }}>
          <SpinLoading color="primary" />
        </div>
      )}
      {query.isError && <ErrorBlock status="disconnected" title="暂时无法读取会议" description="请稍后重试" />}
      {query.isSuccess && items.length === 0 && <ErrorBlock status="empty" title="暂无会议通知" description="所在党支部发布会议通知后会显示在这里" />}
      {upcoming.length > 0 && (
        <div className="h5-section">
          <List header={`即将召开（${upcoming.length}）`}>{upcoming.map(row)}</List>
        </div>
      )}
      {past.length > 0 && (
        <div className="h5-section">
          <List header={`往期会议（${past.length}）`}>{past.map(row)}</List>
        </div>
      )}
    </>
  );
}
