import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { useMeeting } from './api.ts';
import { ledgerOf } from './ledger.ts';
import './print.css';

/** 会议记录 for paper: the usual ledger layout on A4, with the 主持人 and 记录人 signature lines. */
export default function MeetingPrintPage() {
  const { id = '' } = useParams();
  const { data: m, isLoading } = useMeeting(id);
  useEffect(() => {
    document.documentElement.classList.add('jc-printing');
    return () => document.documentElement.classList.remove('jc-printing');
  }, []);
  if (isLoading) return <PageLoading />;
  if (!m) return <Result status="404" title="会议不存在" extra={<Link to="/meetings">返回会议列表</Link>} />;
  const l = ledgerOf(m);
  const c = m.counts;
  return (
    <>
      <Space className="jc-no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <Link to={`/meetings/${m.id}`}>返回会议详情</Link>
      </Space>
      <article className="jc-ledger" aria-label="会议记录">
        <h1>会议记录</h1>
        <div className="jc-ledger-org">
          {m.orgName} · {m.typeLabel}
        </div>
        <table>
          <tbody>
            <tr>
              <th scope="row">会议名称</th>
              <td colSpan={3}>{m.title}</td>
            </tr>
            <tr>
              <th scope="row">时间</th>
              <td colSpan={3}>{l.time}</td>
            </tr>
            <tr>
              <th scope="row">地点</th>
              <td colSpan={3}>{l.place}</td>
            </tr>
            <tr>
              <th scope="row">主持人</th>
              <td>{l.host}</td>
              <th scope="row">记录人</th>
              <td>{l.recorder}</td>
            </tr>
            <tr>
              <th scope="row">出席情况</th>
              <td colSpan={3}>
                应到 {c.expected} 人，实到 {c.present} 人，请假 {c.leave} 人，缺席 {c.absent + c.unmarked} 人
              </td>
            </tr>
            <tr>
              <th scope="row">实到人员</th>
              <td colSpan={3}>{l.present.join('、') || '无'}</td>
            </tr>
            <tr>
              <th scope="row">缺席人员及原因</th>
              <td colSpan={3}>{l.away.join('；') || '无'}</td>
            </tr>
            <tr>
              <th scope="row">列席人员</th>
              <td colSpan={3}>{l.guests.join('、') || '无'}</td>
            </tr>
            <tr>
              <th scope="row">议题</th>
              <td colSpan={3}>{l.topics}</td>
            </tr>
            <tr>
              <th scope="row">发言要点</th>
              <td colSpan={3} style={{ minHeight: 160, height: 160 }}>
                {l.points}
              </td>
            </tr>
            <tr>
              <th scope="row">表决情况</th>
              <td colSpan={3}>{l.votes.join('\n') || '无'}</td>
            </tr>
            <tr>
              <th scope="row">决议</th>
              <td colSpan={3}>{l.decisions || '无'}</td>
            </tr>
            <tr>
              <th scope="row">待办事项</th>
              <td colSpan={3}>{l.openItems || '无'}</td>
            </tr>
          </tbody>
        </table>
        <div className="jc-ledger-sign">
          <span>主持人签字：________________</span>
          <span>记录人签字：________________</span>
          <span>日期：________________</span>
        </div>
        {m.amendments.length > 0 && (
          <div className="jc-ledger-note">
            本记录含更正 {m.amendments.length} 处：
            {m.amendments.map((a) => `${a.fieldLabel}（${dayjs(a.at).format('YYYY-MM-DD')} ${a.actorName ?? ''}，${a.reason}）`).join('；')}
          </div>
        )}
        <div className="jc-ledger-note">
          状态：{m.stateLabel}
          {m.reviewScore !== null && m.reviewPassed ? `，审核：${m.reviewedByName ?? ''} ${m.reviewScore} 分` : ''}
        </div>
      </article>
    </>
  );
}
