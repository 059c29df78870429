import { DUES_REASON_MAX, duesReliefLabel, type DuesBasis, type DuesLedgerRow } from '@jiceng/contracts';
import { Alert, Button, Descriptions, Divider, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { localPagination } from '../../shared/pagination.ts';
import { useDeleteDuesBasis, useDuesBases } from './api.ts';
import { DuesBasisModal } from './DuesBasisModal.tsx';
import { fenText, rateText } from './duesForm.ts';
import { DuesPaymentModal } from './DuesPaymentModal.tsx';
import { useCancelDuesPayment, useDuesReason, useMemberDues } from './ledgerApi.ts';
import { canCancel, canGiveReason, channelText, owedText, reasonOf, stateColor, stateText, yuanText } from './ledgerForm.ts';

/** The reason typed: 2 characters at least when given (a validator: the cancel form requires one, the 未交原因 form may clear it). */
const reasonRule = (required: boolean) => ({
  validator: (_: unknown, v?: string) => {
    const t = v?.trim() ?? '';
    if (!t) return required ? Promise.reject(new Error('请填写撤销原因')) : Promise.resolve();
    return t.length < 2 ? Promise.reject(new Error('请至少填写 2 个字')) : Promise.resolve();
  },
});

/**
 * 撤销 a month's payment (登记有误, with the reason) or record its 未交原因 (a 正当理由 such as 因病住院
 * stops the 自行脱党 count; emptied, it is cleared), under the version the list showed.
 */
function RowActionModal({
  memberId,
  action,
  onClose,
}: {
  memberId: string;
  action: { kind: 'cancel' | 'reason'; row: DuesLedgerRow } | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelDuesPayment(memberId);
  const reason = useDuesReason(memberId);
  const row = action?.row;
  const isCancel = action?.kind === 'cancel';
  const submit = async ({ reason: text }: { reason: string }) => {
    if (!row) return;
    if (isCancel) await cancel.mutateAsync({ month: row.month, input: { reason: text.trim(), version: row.version } });
    else await reason.mutateAsync({ month: row.month, input: { reason: reasonOf(text), version: row.version } });
    onClose();
  };
  return (
    <Modal
      title={row ? (isCancel ? `撤销 ${row.month} 的交纳登记` : `${row.month} 未交原因`) : ''}
      open={!!action}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={isCancel ? '撤销登记' : '保存'}
      okButtonProps={{ danger: isCancel }}
      confirmLoading={cancel.isPending || reason.isPending}
      destroyOnHidden
    >
      {row && isCancel && (
        <Typography.Paragraph type="secondary">
          {row.month} 已登记实交 {yuanText(row.paidFen)}（{row.paidOn ?? ''} {channelText(row)}），撤销后该月恢复为未交。
        </Typography.Paragraph>
      )}
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        preserve={false}
        // set as the form mounts (destroyOnHidden: on every opening), so nothing typed is overwritten once the dialog shows
        initialValues={{ reason: isCancel ? '' : (row?.reason ?? '') }}
        onFinish={(v) => void submit(v).catch(() => undefined)}
      >
        <Form.Item
          name="reason"
          label={isCancel ? '撤销原因' : '未交原因'}
          extra={isCancel ? '如：登记有误、金额填错' : '有正当理由的（如因病住院、外出联系不上）填写后不计入连续未交月数；清空即删除原因'}
          rules={[reasonRule(isCancel)]}
        >
          <Input.TextArea maxLength={DUES_REASON_MAX} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 党费交纳记录: 党费缴至, this month's due and what is owed, then each month newest first with 登记交纳, 撤销 and 未交原因 (dues:record). */
function DuesPaymentsSection({ memberId, canRecord }: { memberId: string; canRecord: boolean }) {
  const { data, isFetching } = useMemberDues(memberId);
  const [paying, setPaying] = useState(false);
  const [action, setAction] = useState<{ kind: 'cancel' | 'reason'; row: DuesLedgerRow } | null>(null);
  return (
    <section aria-label="党费交纳记录">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          党费交纳记录
        </Typography.Title>
        {canRecord && (
          <Button type="primary" onClick={() => setPaying(true)}>
            登记交纳
          </Button>
        )}
      </Space>
      {data && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }} data-testid="dues-member-summary">
          <Descriptions.Item label="党费缴至">{data.paidTo ?? '尚无交纳记录'}</Descriptions.Item>
          <Descriptions.Item label="本月应交">{data.monthlyFen === null ? '未设置党费基数' : yuanText(data.monthlyFen)}</Descriptions.Item>
          <Descriptions.Item label="欠交情况">
            {data.arrears.unpaidMonths.length ? <Typography.Text type="danger">{owedText(data.arrears)}</Typography.Text> : owedText(data.arrears)}
          </Descriptions.Item>
        </Descriptions>
      )}
      {data?.arrears.lapseWarning && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已连续 ${data.arrears.consecutiveWithoutReason} 个月无正当理由未交纳党费`}
          description="党员连续六个月不交纳党费且没有正当理由的，按自行脱党处理，党支部应及时谈话提醒并了解原因。"
        />
      )}
      <Table<DuesLedgerRow>
        rowKey="month"
        size="small"
        loading={isFetching}
        dataSource={data?.rows}
        pagination={localPagination((n) => `共 ${n} 个月`)}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '尚无党费台账记录（设置党费基数后按月生成）' }}
        columns={[
          { title: '月份', dataIndex: 'month', width: 90 },
          { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <Tag color={stateColor(s)}>{stateText(s)}</Tag> },
          { title: '应交', dataIndex: 'dueFen', align: 'right', width: 110, render: (f: number | null) => yuanText(f) },
          { title: '实交', dataIndex: 'paidFen', align: 'right', width: 110, render: (f: number | null) => yuanText(f) },
          { title: '交纳日期', dataIndex: 'paidOn', width: 110, render: (d: string | null) => d ?? '—' },
          { title: '交纳方式', key: 'channel', width: 130, render: (_: unknown, r) => channelText(r) },
          { title: '未交原因', dataIndex: 'reason', render: (t: string | null) => t ?? '—' },
          { title: '备注', dataIndex: 'note', ellipsis: true, render: (t: string | null) => t ?? '—' },
          { title: '登记人', dataIndex: 'recordedBy', width: 90, render: (n: string | null) => n ?? '—' },
          ...(canRecord
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, r: DuesLedgerRow) => (
                    <Space size={0}>
                      {canCancel(r) && (
                        <Button type="link" size="small" danger onClick={() => setAction({ kind: 'cancel', row: r })}>
                          撤销
                        </Button>
                      )}
                      {canGiveReason(r) && (
                        <Button type="link" size="small" onClick={() => setAction({ kind: 'reason', row: r })}>
                          未交原因
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DuesPaymentModal memberId={memberId} open={paying} onClose={() => setPaying(false)} />
      <RowActionModal memberId={memberId} action={action} onClose={() => setAction(null)} />
    </section>
  );
}

/**
 * 党费基数 on the member's page: the bases newest first with the amount each gives; 设置基数, 修改 and
 * 删除 with dues:record; below them the member's 党费交纳记录.
 */
export function DuesBasesTab({ memberId, canRecord }: { memberId: string; canRecord: boolean }) {
  const { data = [], isFetching } = useDuesBases(memberId);
  const remove = useDeleteDuesBasis(memberId);
  const [editing, setEditing] = useState<DuesBasis | null>(null);
  const [open, setOpen] = useState(false);
  const show = (b: DuesBasis | null) => {
    setEditing(b);
    setOpen(true);
  };

  return (
    <>
      {canRecord && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => show(null)}>
          设置基数
        </Button>
      )}
      <Table<DuesBasis>
        rowKey="effectiveMonth"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: '尚未设置党费基数' }}
        columns={[
          { title: '起算月份', dataIndex: 'effectiveMonth' },
          { title: '缴费类别', dataIndex: 'categoryLabel' },
          {
            title: '计算基数/本人交纳',
            key: 'base',
            render: (_: unknown, b) => (b.baseFen !== null ? fenText(b.baseFen) : b.chosenFen !== null ? fenText(b.chosenFen) : '—'),
          },
          { title: '档次与比例', key: 'bracket', render: (_: unknown, b) => (b.bracket ? `${b.bracket.label} ${rateText(b.bracket.rateBp)}` : '—') },
          {
            title: '每月应交',
            dataIndex: 'amountFen',
            align: 'right',
            render: (fen: number, b) => (
              <Space size={4}>
                <Typography.Text strong>{fenText(fen)}</Typography.Text>
                {b.relief && <Typography.Text type="secondary">（经批准{duesReliefLabel[b.relief.kind]}）</Typography.Text>}
              </Space>
            ),
          },
          { title: '计算说明', dataIndex: 'explanation', width: 360 },
          { title: '设置人', dataIndex: 'recordedBy', render: (n: string | null) => n ?? '—' },
          ...(canRecord
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, b: DuesBasis) => (
                    <Space>
                      <Button type="link" size="small" onClick={() => show(b)}>
                        修改
                      </Button>
                      <Popconfirm
                        title={`删除 ${b.effectiveMonth} 起的党费基数？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove.mutateAsync(b.effectiveMonth)}
                      >
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DuesBasisModal memberId={memberId} bases={data} editing={editing} open={open} onClose={() => setOpen(false)} />
      <Divider />
      <DuesPaymentsSection memberId={memberId} canRecord={canRecord} />
    </>
  );
}
