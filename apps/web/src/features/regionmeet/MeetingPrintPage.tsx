import { PrinterOutlined } from '@ant-design/icons';
import { rmAgendaKindLabel, rmAttendanceLabel, rmDecisionKindLabel, rmFollowupStatusLabel } from '@jiceng/contracts';
import { Button, Result, Space } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageLoading } from '../../shared/PageLoading.tsx';
import '../meetings/print.css';
import { useMeeting } from './api.ts';

/** 联席会议记录 for paper: the ledger layout on A4 (the same as the .docx), with the signature lines. */
export default function MeetingPrintPage() {
  const { id = '' } = useParams();
  const { data: m, isLoading } = useMeeting(id);
  useEffect(() => {
    document.documentElement.classList.add('jc-printing');
    return () => document.documentElement.classList.remove('jc-printing');
  }, []);
  if (isLoading) return <PageLoading />;
  if (!m) return <Result status="404" title="联席会议不存在" extra={<Link to="/regional/meetings">返回联席会议列表</Link>} />;
  const list = (items: string[]) => items.map((s, i) => <div key={i}>{s}</div>);
  return (
    <>
      <Space className="jc-no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <Link to={`/regional/meetings/${m.id}`}>返回会议详情</Link>
      </Space>
      <article className="jc-ledger" aria-label="联席会议记录">
        <h1>联席会议记录</h1>
        <div className="jc-ledger-org">{m.orgName}大党委</div>
        <table>
          <tbody>
            <tr>
              <th scope="row">会议议题</th>
              <td colSpan={3}>{m.title}</td>
            </tr>
            <tr>
              <th scope="row">时间</th>
              <td>{m.heldOn}</td>
              <th scope="row">地点</th>
              <td>{m.place}</td>
            </tr>
            <tr>
              <th scope="row">主持人</th>
              <td>{m.host ?? ''}</td>
              <th scope="row">兼职委员</th>
              <td>{m.partTime.map((p) => p.personName).join('、')}</td>
            </tr>
            <tr>
              <th scope="row">议程</th>
              <td colSpan={3}>{list(m.agenda.map((a) => `${a.seq}. 【${rmAgendaKindLabel[a.kind]}】${a.title}${a.note ? `（${a.note}）` : ''}`))}</td>
            </tr>
            <tr>
              <th scope="row">出席单位</th>
              <td colSpan={3}>
                {list(
                  m.attendance.map(
                    (a) =>
                      `${a.unitName}：${a.status ? rmAttendanceLabel[a.status] : '未登记'}${a.attendee ? `（${a.attendee}）` : ''}${a.note ? ` ${a.note}` : ''}`,
                  ),
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">会议纪要</th>
              <td colSpan={3}>{m.minutes ?? ''}</td>
            </tr>
            <tr>
              <th scope="row">会议决定</th>
              <td colSpan={3}>
                {list(m.decisions.map((d) => `${d.seq}. 【${rmDecisionKindLabel[d.kind]}】${d.text}${d.refTitle ? `（${d.refTitle}）` : ''}`))}
              </td>
            </tr>
            <tr>
              <th scope="row">落实事项</th>
              <td colSpan={3}>
                {list(
                  m.followups.map((f) => `${f.title} —— ${f.ownerName}，${f.dueOn} 前，${rmFollowupStatusLabel[f.status]}${f.doneOn ? `（${f.doneOn}）` : ''}`),
                )}
              </td>
            </tr>
          </tbody>
        </table>
        <div className="jc-ledger-sign">
          <span>主持人（签名）：</span>
          <span>记录人（签名）：</span>
        </div>
      </article>
    </>
  );
}
