import type { DuesLedgerRow, DuesMine } from '@jiceng/contracts';
import { ErrorBlock, List, SpinLoading, Tag } from 'antd-mobile';
import { channelText, h5StateColor, monthText, owedText, stateText, yuanText } from '../features/dues/ledgerForm.ts';
import { useMyDues } from './duesApi.ts';
import { NOT_LINKED } from './memberApi.ts';

function Summary({ mine }: { mine: DuesMine }) {
  const owes = mine.arrears.unpaidMonths.length > 0;
  return (
    <div className="h5-section">
      <List header={`${mine.orgName} · ${monthText(mine.currentMonth)}`}>
        <List.Item extra={mine.paidTo ? monthText(mine.paidTo) : '尚无交纳记录'}>党费缴至</List.Item>
        <List.Item description={mine.basisExplanation ?? '所在党支部尚未设置您的党费基数'}>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 6, flexWrap: 'wrap' }} data-testid="my-dues-monthly">
            <span>本月应交</span>
            <span style={{ fontSize: 'calc(24px * var(--h5-text-scale))', fontWeight: 600 }}>{mine.monthlyFen === null ? '—' : yuanText(mine.monthlyFen)}</span>
          </div>
        </List.Item>
        <List.Item
          description={owes ? `欠交月份：${mine.arrears.unpaidMonths.join('、')}` : undefined}
          extra={<span style={{ color: owes ? 'var(--adm-color-danger)' : 'var(--adm-color-success)' }}>{owedText(mine.arrears)}</span>}
        >
          欠交情况
        </List.Item>
      </List>
      {mine.arrears.lapseWarning && (
        <div role="alert" style={{ margin: '8px 12px', color: 'var(--adm-color-danger)' }}>
          您已连续 {mine.arrears.consecutiveWithoutReason} 个月未交纳党费，请尽快与所在党支部联系补交；确有困难的可向党支部说明情况。
        </div>
      )}
    </div>
  );
}

const amountOf = (r: DuesLedgerRow) => (r.state === 'paid' ? `实交 ${yuanText(r.paidFen)}` : r.dueFen === null ? '' : `应交 ${yuanText(r.dueFen)}`);

const detailOf = (r: DuesLedgerRow) => {
  if (r.state === 'paid') return `${r.paidOn ?? ''} · ${channelText(r)}`;
  if (r.reason) return `未交原因：${r.reason}`;
  return undefined;
};

/** 我的党费: 党费缴至, this month's amount and how it was computed, what is owed, and each month with its state. */
export function DuesScreen() {
  const { data, isPending, isError } = useMyDues();
  return (
    <>
      <div className="h5-hero">
        <h1>我的党费</h1>
        <p>党费交纳情况与交纳记录</p>
      </div>
      {isPending && (
        <div style={{ paddingTop: 60, display: 'flex', justifyContent: 'center' }}>
          <SpinLoading color="primary" />
        </div>
      )}
      {isError && <ErrorBlock status="disconnected" title="暂时无法读取党费" description="请稍后重试" />}
      {data === null && <ErrorBlock status="empty" {...NOT_LINKED} />}
      {data && (
        <>
          <Summary mine={data} />
          <div className="h5-section">
            <List header={`交纳记录（${data.rows.length}）`}>
              {data.rows.length === 0 && <List.Item>还没有党费台账记录</List.Item>}
              {data.rows.map((r) => (
                <List.Item
                  key={r.month}
                  extra={
                    <div style={{ textAlign: 'right' }}>
                      <Tag color={h5StateColor(r.state)} fill="outline">
                        {stateText(r.state)}
                      </Tag>
                      <div>{amountOf(r)}</div>
                    </div>
                  }
                  description={detailOf(r)}
                >
                  {monthText(r.month)}
                </List.Item>
              ))}
            </List>
          </div>
        </>
      )}
    </>
  );
}
