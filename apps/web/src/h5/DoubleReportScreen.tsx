import { rmFigureLabel, rmReportStateLabel, type RmFigures, type RmReport } from '@jiceng/contracts';
import { Button, Dialog, Empty, ErrorBlock, List, SpinLoading, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { messageOf } from '../api/errors.ts';
import { BackBar } from './BackBar.tsx';
import { useMyDoubleReport, useMyDoubleReports, useRespondDoubleReport } from './doubleReportApi.ts';

const STATE_COLOR: Record<RmReport['state'], string> = { pending: 'warning', confirmed: 'success', corrected: 'primary' };
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const figureText = (k: keyof RmFigures, v: RmFigures[keyof RmFigures]) => (v === null ? '—' : k === 'fundsFen' ? `${yuan(v)} 元` : String(v));

/** One report: the figures assembled from the records, the projects, and 确认 / 更正 while it waits. */
function ReportDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { data: r, isPending, isError, error } = useMyDoubleReport(id);
  const respond = useRespondDoubleReport(id);
  const [correcting, setCorrecting] = useState(false);
  const [note, setNote] = useState('');
  const send = (action: 'confirm' | 'correct') =>
    respond.mutate(
      { action, note: action === 'correct' ? note.trim() : null, version: r?.version },
      {
        onSuccess: () => {
          setCorrecting(false);
          Toast.show({ icon: 'success', content: action === 'confirm' ? '已确认' : '已提交更正' });
        },
        onError: (e) => Toast.show({ icon: 'fail', content: messageOf(e) }),
      },
    );
  return (
    <>
      <BackBar title="双报告" onBack={onBack} />
      {isPending && <SpinLoading style={{ margin: '48px auto' }} />}
      {isError && <ErrorBlock status="default" title="无法打开该双报告" description={messageOf(error)} />}
      {r && (
        <>
          <div className="h5-section">
            <List header={`${r.year} 年度 · ${r.communityName}`}>
              <List.Item extra={<Tag color={STATE_COLOR[r.state]}>{rmReportStateLabel[r.state]}</Tag>}>报告状态</List.Item>
              {(Object.keys(rmFigureLabel) as (keyof RmFigures)[]).map((k) => (
                <List.Item key={k} extra={figureText(k, r.figures[k])}>
                  {rmFigureLabel[k]}
                </List.Item>
              ))}
            </List>
          </div>
          <div className="h5-section">
            <List header="参与的项目">
              {r.projects.length === 0 && <Empty description="当年未参与项目" style={{ padding: 16 }} />}
              {r.projects.map((p) => (
                <List.Item key={p.id} description={`${p.startDate} 至 ${p.endDate}`} extra={p.stateLabel}>
                  {p.title}
                </List.Item>
              ))}
            </List>
          </div>
          {r.responseNote && (
            <div className="h5-section">
              <List header="更正说明">
                <List.Item>{r.responseNote}</List.Item>
              </List>
            </div>
          )}
          {r.can.respond && !correcting && (
            <div style={{ margin: 12, display: 'grid', gap: 12 }}>
              <Button
                block
                color="primary"
                size="large"
                loading={respond.isPending}
                onClick={() => void Dialog.confirm({ content: '确认报告内容与实际相符？', onConfirm: () => send('confirm') })}
              >
                确认无误
              </Button>
              <Button block size="large" onClick={() => setCorrecting(true)}>
                有出入，说明更正
              </Button>
            </div>
          )}
          {correcting && (
            <div className="h5-section" style={{ padding: 12 }}>
              <label htmlFor="double-report-note">更正说明（哪里与实际不符）</label>
              <TextArea id="double-report-note" value={note} onChange={setNote} rows={4} maxLength={300} showCount placeholder="如：9 月的两次活动未记录" />
              <Button
                block
                color="primary"
                size="large"
                style={{ marginTop: 12 }}
                disabled={note.trim().length < 2}
                loading={respond.isPending}
                onClick={() => send('correct')}
              >
                提交更正
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

/**
 * 我的双报告 (党员 on the phone): the yearly reports of an in-service member reported to a community,
 * assembled by the community from the records; the member confirms or corrects each once.
 */
export function DoubleReportScreen({ onBack }: { onBack: () => void }) {
  const { data, isPending, isError, error } = useMyDoubleReports(true);
  const [open, setOpen] = useState<string | null>(null);
  if (open) return <ReportDetail id={open} onBack={() => setOpen(null)} />;
  return (
    <>
      <BackBar title="我的双报告" onBack={onBack} />
      {isPending && <SpinLoading style={{ margin: '48px auto' }} />}
      {isError && <ErrorBlock status="default" title="无法读取双报告" description={messageOf(error)} />}
      {data && (
        <div className="h5-section">
          <List header="到社区报到后，社区每年根据服务记录生成">
            {data.length === 0 && <Empty description="暂无双报告" style={{ padding: 16 }} />}
            {data.map((r) => (
              <List.Item
                key={r.id}
                onClick={() => setOpen(r.id)}
                description={`${r.communityName} · 活动 ${r.figures.activities} 次`}
                extra={<Tag color={STATE_COLOR[r.state]}>{rmReportStateLabel[r.state]}</Tag>}
                arrowIcon
              >
                {r.year} 年度双报告
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </>
  );
}
