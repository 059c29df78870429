import {
  attendanceStatusLabel,
  trainingKindLabel,
  trainingRoleLabel,
  type AttendanceStatus,
  type TrainingKind,
  type TrainingMine,
  type TrainingRole,
} from '@jiceng/contracts';
import { ErrorBlock, List, ProgressBar, SpinLoading, Tag } from 'antd-mobile';
import { formatHours } from '../features/training/trainingForm.ts';
import { NOT_LINKED } from './memberApi.ts';
import { progressOf, useMyTraining } from './trainingApi.ts';

const STATUS_COLOR: Record<AttendanceStatus, 'success' | 'warning' | 'default'> = { attended: 'success', partial: 'warning', absent: 'default' };

type Row = TrainingMine['records'][number];
const dates = (r: Row) => (r.startDate === r.endDate ? r.startDate : `${r.startDate} 至 ${r.endDate}`);

function Summary({ mine }: { mine: TrainingMine }) {
  const h = mine.hours;
  if (!h) return <ErrorBlock status="empty" title={`暂无 ${mine.year} 年度学时`} description="所在党支部登记参训情况后会显示在这里" />;
  const { percent, text } = progressOf(h);
  return (
    <div className="h5-section">
      <List header={`${mine.year} 年度学时（${trainingRoleLabel[h.role as TrainingRole] ?? h.role}）`}>
        <List.Item>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 6, flexWrap: 'wrap' }} data-testid="my-training-hours">
            <span style={{ fontSize: 'calc(28px * var(--h5-text-scale))', fontWeight: 600 }}>{formatHours(h.totalHours)}</span>
            <span>/ 应达 {formatHours(h.required)} 学时</span>
          </div>
          <div style={{ margin: '10px 0 6px' }} role="progressbar" aria-label="本年度学时完成度" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <ProgressBar
              percent={percent}
              style={{ '--fill-color': h.met ? 'var(--adm-color-success)' : 'var(--adm-color-primary)', '--track-width': '10px' }}
            />
          </div>
          <div role="status" style={{ color: h.met ? 'var(--adm-color-success)' : 'var(--adm-color-danger)' }}>
            {text}
          </div>
        </List.Item>
        <List.Item extra={`${formatHours(h.trainingHours)} 学时`}>培训学时（{h.sessions} 次）</List.Item>
        {h.lectureHours > 0 && <List.Item extra={`${formatHours(h.lectureHours)} 学时`}>参加党课计入</List.Item>}
      </List>
    </div>
  );
}

/** 我的学时: this year's 学时 against the minimum (书记、班子成员 56, 党员 32), a progress bar, and the sessions attended. */
export function TrainingScreen() {
  const { data, isPending, isError } = useMyTraining();
  return (
    <>
      <div className="h5-hero">
        <h1>我的学时</h1>
        <p>党员教育培训学时与参训记录</p>
      </div>
      {isPending && (
        <div style={{ paddingTop: 60, display: 'flex', justifyContent: 'center' }}>
          <SpinLoading color="primary" />
        </div>
      )}
      {isError && <ErrorBlock status="disconnected" title="暂时无法读取学时" description="请稍后重试" />}
      {data === null && <ErrorBlock status="empty" {...NOT_LINKED} />}
      {data && (
        <>
          <Summary mine={data} />
          <div className="h5-section">
            <List header={`参训记录（${data.records.length}）`}>
              {data.records.length === 0 && <List.Item>本年度还没有参训记录</List.Item>}
              {data.records.map((r) => (
                <List.Item
                  key={r.sessionId}
                  extra={
                    <div style={{ textAlign: 'right' }}>
                      <Tag color={STATUS_COLOR[r.status as AttendanceStatus] ?? 'default'} fill="outline">
                        {attendanceStatusLabel[r.status as AttendanceStatus] ?? r.status}
                      </Tag>
                      <div>{formatHours(r.hours)} 学时</div>
                    </div>
                  }
                  description={
                    <>
                      <div>
                        {trainingKindLabel[r.kind as TrainingKind] ?? r.kind} · {dates(r)}
                      </div>
                      <div>{r.orgName}</div>
                    </>
                  }
                >
                  {r.title}
                </List.Item>
              ))}
            </List>
          </div>
        </>
      )}
    </>
  );
}
