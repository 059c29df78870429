import { ImportButtons } from '../../shared/ImportButtons.tsx';
import { DUES_MONTH_PATTERN, DUES_MONTH_STATES, Permission, type DuesLedgerRow, type DuesMonthState } from '@jiceng/contracts';
import { Alert, Button, Card, Col, DatePicker, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { localPagination } from '../../shared/pagination.ts';
import { DuesPaymentModal } from './DuesPaymentModal.tsx';
import { downloadDuesErrorReport, downloadDuesTemplate, useDuesLedger, useImportDues } from './ledgerApi.ts';
import { channelText, paidRateText, stateColor, stateText, yuanText } from './ledgerForm.ts';

const MONTH = new RegExp(DUES_MONTH_PATTERN);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const stateOptions = DUES_MONTH_STATES.map((value) => ({ value, label: stateText(value) }));

/**
 * 导入交纳记录: 下载模板, upload the .xlsx (every row checked; all recorded or none), and on a rejection
 * every problem by row and column with 下载错误报告 (the file annotated).
 */
function DuesImport() {
  return (
    <ImportButtons
      what="党费交纳记录"
      nothing="没有导入任何交纳记录"
      uploadLabel="导入交纳记录"
      upload={useImportDues()}
      template={downloadDuesTemplate}
      report={downloadDuesErrorReport}
    />
  );
}

/**
 * 党费台账: a branch's month — each member's due (from the basis in effect), what was paid, when and
 * how, 未交原因 — with the month's totals, 导出, the import, and 登记交纳 per row (dues:record). The
 * branch and month live in the URL (`?orgId=&month=`), so a to-do or a colleague's link opens them.
 */
export default function DuesLedgerPage() {
  const me = useMe();
  const canRecord = hasPermission(me, Permission.DUES_RECORD);
  const [params, setParams] = useSearchParams();
  const rawOrg = params.get('orgId');
  const rawMonth = params.get('month');
  const orgId = rawOrg && UUID.test(rawOrg) ? rawOrg : undefined;
  const month = rawMonth && MONTH.test(rawMonth) ? rawMonth : undefined;
  const set = (patch: { orgId?: string; month?: string }) => {
    const next = { orgId, month, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, { replace: true });
  };
  const query = { orgId, month };
  const { data, isFetching } = useDuesLedger(query);
  const [state, setState] = useState<DuesMonthState | undefined>();
  const [q, setQ] = useState('');
  const [paying, setPaying] = useState<string | null>(null);
  const t = data?.totals;
  const rows = (data?.rows ?? []).filter((r) => (!state || r.state === state) && (!q || r.memberName.includes(q)));
  const shown = month ?? data?.month;

  return (
    <Card title="党费台账" extra={<Typography.Text type="secondary">按月登记党员交纳党费情况，应交金额按本人党费基数计算</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgSelect
          aria-label="党组织"
          placeholder={me.orgName}
          style={{ width: 260 }}
          value={orgId}
          initialLabel={data && data.orgId === orgId ? data.orgName : undefined}
          onChange={(id) => set({ orgId: id })}
          allowClear
        />
        <DatePicker
          picker="month"
          format="YYYY-MM"
          aria-label="月份"
          allowClear={false}
          value={shown ? dayjs(`${shown}-01`) : null}
          onChange={(d) => set({ month: d ? d.format('YYYY-MM') : undefined })}
          style={{ width: 140 }}
        />
        <Select<DuesMonthState>
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 130 }}
          value={state}
          onChange={setState}
          options={stateOptions}
        />
        <Input.Search allowClear aria-label="姓名" placeholder="姓名" style={{ width: 160 }} maxLength={30} onSearch={(v) => setQ(v.trim())} />
        <ExportButton path="/api/dues/ledger/export" query={query} fallbackName="党费台账.xlsx" />
        {canRecord && <DuesImport />}
      </Space>
      {data && !data.generated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${data.month} 的台账尚未生成`}
          description={data.month > data.currentMonth ? '该月开始时自动生成；预交的月份在登记时生成。' : '每月初自动生成，登记交纳时也会生成该月台账。'}
        />
      )}
      <Row gutter={[16, 8]} style={{ marginBottom: 16 }} data-testid="dues-ledger-totals">
        <Col xs={12} md={3}>
          <Statistic title="应交人数" value={t?.owingMembers ?? '—'} suffix={t ? '人' : undefined} loading={!t && isFetching} />
        </Col>
        <Col xs={12} md={3}>
          <Statistic title="已交人数" value={t?.paidMembers ?? '—'} suffix={t ? '人' : undefined} loading={!t && isFetching} />
        </Col>
        <Col xs={12} md={3}>
          <Statistic title="未交人数" value={t ? t.owingMembers - t.paidMembers : '—'} suffix={t ? '人' : undefined} loading={!t && isFetching} />
        </Col>
        <Col xs={12} md={3}>
          <Statistic title="免交 / 未定基数" value={t ? `${t.waivedMembers} / ${t.noBasisMembers}` : '—'} loading={!t && isFetching} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="应交金额" value={t ? yuanText(t.dueFen) : '—'} loading={!t && isFetching} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="实交金额" value={t ? yuanText(t.paidFen) : '—'} loading={!t && isFetching} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="交纳率" value={t ? paidRateText(t.paidRate) : '—'} loading={!t && isFetching} />
        </Col>
      </Row>
      <Table<DuesLedgerRow>
        rowKey="memberId"
        size="middle"
        loading={isFetching}
        dataSource={rows}
        scroll={{ x: 1100 }}
        pagination={localPagination((n) => `共 ${n} 人`)}
        locale={{ emptyText: data && !data.generated ? '该月台账尚未生成' : '没有党员' }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'memberName',
            fixed: 'left',
            width: 100,
            render: (name: string, r) => <Link to={`/members/${r.memberId}?tab=dues`}>{name}</Link>,
          },
          { title: '党员状态', dataIndex: 'memberStatus', width: 100 },
          { title: '状态', dataIndex: 'state', width: 100, render: (s: string) => <Tag color={stateColor(s)}>{stateText(s)}</Tag> },
          { title: '应交', dataIndex: 'dueFen', align: 'right', width: 110, render: (f: number | null) => yuanText(f) },
          { title: '实交', dataIndex: 'paidFen', align: 'right', width: 110, render: (f: number | null) => yuanText(f) },
          { title: '交纳日期', dataIndex: 'paidOn', width: 110, render: (d: string | null) => d ?? '—' },
          { title: '交纳方式', key: 'channel', width: 130, render: (_: unknown, r) => channelText(r) },
          { title: '未交原因', dataIndex: 'reason', ellipsis: true, render: (s: string | null) => s ?? '—' },
          { title: '登记人', dataIndex: 'recordedBy', width: 90, render: (s: string | null) => s ?? '—' },
          ...(canRecord
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, r: DuesLedgerRow) =>
                    r.state === 'paid' || r.state === 'waived' ? null : (
                      <Button type="link" size="small" onClick={() => setPaying(r.memberId)}>
                        登记交纳
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {paying && <DuesPaymentModal memberId={paying} open onClose={() => setPaying(null)} />}
    </Card>
  );
}
