import { PrinterOutlined } from '@ant-design/icons';
import type { DuesPublication } from '@jiceng/contracts';
import { Alert, Button, Card, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
// the house print rules: under html.jc-printing the menu, header and buttons (.jc-no-print) are not printed
import '../meetings/print.css';
import { useDuesPublication } from './ledgerApi.ts';
import { monthShort, paidRateText, publicationCell, yearOptions, yuan } from './ledgerForm.ts';

/** The notice on paper: A4 landscape (a column per month), 宋体, ruled cells; on screen the same sheet. */
const NOTICE_CSS = `
.jc-dues-notice { max-width: 277mm; margin: 0 auto; padding: 16px 24px; background: #fff; color: #000;
  font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif; font-size: 14px; line-height: 1.7; }
.jc-dues-notice h1 { margin: 0 0 4px; text-align: center; font-size: 24px; letter-spacing: 6px; }
.jc-dues-notice .jc-dues-org { text-align: center; margin-bottom: 12px; }
.jc-dues-notice table { width: 100%; border-collapse: collapse; font-size: 12px; }
.jc-dues-notice th, .jc-dues-notice td { border: 1px solid #000; padding: 3px 4px; text-align: center; white-space: nowrap; }
.jc-dues-notice td.jc-dues-num { text-align: right; }
.jc-dues-notice tr { break-inside: avoid; }
.jc-dues-notice thead { display: table-header-group; }
.jc-dues-notice .jc-dues-sign { margin-top: 32px; text-align: right; }
.jc-dues-notice .jc-dues-basis { margin-top: 12px; font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 12mm 10mm; }
  .jc-dues-notice { max-width: none; padding: 0; }
}
`;

/** Sums of a publication's members per month (what each month received). */
function monthTotals(p: DuesPublication): number[] {
  return p.months.map((_, i) => p.members.reduce((sum, m) => sum + (m.months[i]?.paidFen ?? 0), 0));
}

function Notice({ p }: { p: DuesPublication }) {
  const first = p.months[0];
  const last = p.months[p.months.length - 1];
  const period = first && last ? (first === last ? monthShort(first) : `${monthShort(first)}至${monthShort(last)}`) : '';
  const sums = monthTotals(p);
  const t = p.totals;
  return (
    <article className="jc-dues-notice" aria-label="党费收缴情况公示">
      <h1>党费收缴情况公示</h1>
      <div className="jc-dues-org">
        {p.orgName} · {p.year} 年度
      </div>
      <p>
        根据党费收缴、使用和管理的有关规定，现将本支部党员 {p.year} 年{period}交纳党费情况公示如下（单位：元）：
      </p>
      {p.members.length === 0 ? (
        <p>本年度尚无党费台账记录。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">姓名</th>
              {p.months.map((m) => (
                <th scope="col" key={m}>
                  {monthShort(m)}
                </th>
              ))}
              <th scope="col">应交合计</th>
              <th scope="col">实交合计</th>
              <th scope="col">党费缴至</th>
            </tr>
          </thead>
          <tbody>
            {p.members.map((m, i) => (
              <tr key={m.memberId}>
                <td>{i + 1}</td>
                <td>{m.memberName}</td>
                {m.months.map((c, j) => (
                  <td key={p.months[j] ?? j} className={c?.state === 'paid' ? 'jc-dues-num' : undefined}>
                    {publicationCell(c)}
                  </td>
                ))}
                <td className="jc-dues-num">{yuan(m.dueFen)}</td>
                <td className="jc-dues-num">{yuan(m.paidFen)}</td>
                <td>{m.paidTo ?? '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                合计
              </th>
              {sums.map((fen, j) => (
                <td key={p.months[j] ?? j} className="jc-dues-num">
                  {yuan(fen)}
                </td>
              ))}
              <td className="jc-dues-num">{yuan(t.dueFen)}</td>
              <td className="jc-dues-num">{yuan(t.paidFen)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <p style={{ marginTop: 12 }}>
        合计应交 {yuan(t.dueFen)} 元，实交 {yuan(t.paidFen)} 元；应交 {t.owingMembers} 人次，已交 {t.paidMembers} 人次，交纳率 {paidRateText(t.paidRate)}
        {t.waivedMembers > 0 ? `；经批准免交 ${t.waivedMembers} 人次` : ''}。如有疑问，请向党支部反映。
      </p>
      <p className="jc-dues-basis">{p.basis}</p>
      <div className="jc-dues-sign">
        <div>{p.orgName}</div>
        <div>{dayjs(p.today).isValid() ? dayjs(p.today).format('YYYY年M月D日') : p.today}</div>
      </div>
    </article>
  );
}

/**
 * 党费公示: the branch's yearly notice to its members (党费收缴情况公示) — each member's months, the
 * totals, the rule's line on how often it is published and the date — printed on A4 with 打印
 * (the house print rules hide the menu and the controls).
 */
export default function DuesPublicationPage() {
  const me = useMe();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data, isFetching, isError } = useDuesPublication({ orgId, year });
  useEffect(() => {
    document.documentElement.classList.add('jc-printing');
    return () => document.documentElement.classList.remove('jc-printing');
  }, []);

  return (
    <>
      <style>{NOTICE_CSS}</style>
      <Card
        className="jc-no-print"
        title="党费公示"
        style={{ marginBottom: 16 }}
        extra={<Typography.Text type="secondary">党支部每年至少公示一次党员交纳党费情况</Typography.Text>}
      >
        <Space wrap>
          <OrgSelect
            allowClear
            aria-label="党支部"
            placeholder={me.orgName}
            style={{ width: 260 }}
            value={orgId}
            initialLabel={data && data.orgId === orgId ? data.orgName : undefined}
            onChange={(id) => setOrgId(id)}
          />
          <Select<number> aria-label="年度" style={{ width: 120 }} value={year} onChange={setYear} options={yearOptions(thisYear)} />
          <Button type="primary" icon={<PrinterOutlined />} disabled={!data} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </Card>
      {isError && (
        <Alert className="jc-no-print" type="warning" showIcon message="未能生成公示" description="公示按党支部生成：请在上方选择一个党支部后重试。" />
      )}
      {!data && isFetching && (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      )}
      {data && <Notice p={data} />}
    </>
  );
}
