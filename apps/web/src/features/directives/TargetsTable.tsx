import { BellOutlined } from '@ant-design/icons';
import type { DirectiveDetail, DirectiveTargetView } from '@jiceng/contracts';
import { Button, Card, Drawer, Popover, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { showSuccess } from '../../shared/feedback.ts';
import { localPagination } from '../../shared/pagination.ts';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useDirectiveTarget, useRemind } from './api.ts';
import { StatusTag, timeText } from './labels.tsx';
import { DecisionModal } from './modals.tsx';
import { TargetFiles } from './TargetFiles.tsx';

/** One recipient's history (签收, 延期 requests and decisions, the report), newest last. */
function HistoryDrawer({ directiveId, targetId, onClose }: { directiveId: string; targetId: string; onClose: () => void }) {
  const q = useDirectiveTarget(directiveId, targetId);
  return (
    <Drawer open width={480} title={q.data ? `${q.data.orgName}：办理记录` : '办理记录'} onClose={onClose}>
      {q.isPending ? (
        <PageLoading />
      ) : (
        <Timeline
          items={(q.data?.history ?? []).map((e) => ({
            children: (
              <>
                <Typography.Text strong>{e.actionLabel}</Typography.Text> <Typography.Text type="secondary">{timeText(e.at)}</Typography.Text>
                <div>
                  {e.actorName ?? '系统'}
                  {e.reason ? `：${e.reason}` : ''}
                </div>
              </>
            ),
          }))}
        />
      )}
      {q.data && q.data.history.length === 0 && '尚未办理'}
    </Drawer>
  );
}

/** The report, and the answers of the organizations it forwarded to (as they stood at the report). */
function ReportCell({ t }: { t: DirectiveTargetView }) {
  if (!t.report) return <>—</>;
  return (
    <Space direction="vertical" size={2}>
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t.report }} style={{ marginBottom: 0 }}>
        {t.report}
      </Typography.Paragraph>
      {t.rollup && (
        <Popover
          title="下级办理情况（上报时）"
          content={
            <Space direction="vertical" size={2}>
              {t.rollup.map((r) => (
                <span key={r.orgName}>
                  {r.orgName}：{r.statusLabel}
                  {r.report ? `，${r.report}` : ''}
                </span>
              ))}
            </Space>
          }
        >
          <Typography.Link>汇总 {t.rollup.length} 个下级</Typography.Link>
        </Popover>
      )}
    </Space>
  );
}

/**
 * Every recipient the account sees, in tree order (forwarded ones indented under their forwarder):
 * its status, dates, report and evidence, extension request (决定 for its issuer), reminders (催办,
 * one or the selected ones, at most once a day each) and its history.
 */
export function TargetsTable({ directive: d }: { directive: DirectiveDetail }) {
  const remind = useRemind(d.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<DirectiveTargetView | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const remindable = d.targets.filter((t) => t.actions.includes('remind'));
  const run = (ids: string[]) =>
    remind.mutateAsync(ids).then(
      (r) => {
        setSelected([]);
        showSuccess(
          `已催办 ${r.reminded} 个单位${r.skipped.length ? `，${r.skipped.length} 个未催办（${r.skipped.map((s) => `${s.orgName}${s.reason}`).join('；')}）` : ''}`,
        );
      },
      () => undefined,
    );

  return (
    <Card
      title="接收单位办理情况"
      size="small"
      extra={
        remindable.length > 0 && (
          <Button icon={<BellOutlined />} disabled={selected.length === 0} loading={remind.isPending} onClick={() => void run(selected)}>
            催办所选（{selected.length}）
          </Button>
        )
      }
    >
      <ScrollRegion label="接收单位办理情况">
        <Table<DirectiveTargetView>
          rowKey="id"
          size="small"
          dataSource={d.targets}
          pagination={d.targets.length > 50 ? localPagination() : false}
          scroll={{ x: 1300 }}
          data-testid="directive-targets"
          rowSelection={
            remindable.length > 0
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (t) => ({ disabled: !t.actions.includes('remind'), 'aria-label': `选择${t.orgName}` }),
                }
              : undefined
          }
          columns={[
            {
              title: '接收单位',
              key: 'org',
              fixed: 'left',
              width: 220,
              render: (_: unknown, t) => <span style={{ paddingLeft: (t.depth - 1) * 20 }}>{t.orgName}</span>,
            },
            { title: '下发单位', dataIndex: 'issuerOrgName', width: 180, ellipsis: true },
            { title: '办理情况', key: 'status', width: 110, render: (_: unknown, t) => <StatusTag status={t.status} /> },
            { title: '期限', dataIndex: 'dueOn', width: 110 },
            { title: '签收', key: 'ack', width: 150, render: (_: unknown, t) => (t.acknowledgedAt ? timeText(t.acknowledgedAt) : '—') },
            { title: '完成情况', key: 'report', width: 240, render: (_: unknown, t) => <ReportCell t={t} /> },
            ...(d.kind === 'task'
              ? [
                  {
                    title: '佐证材料',
                    key: 'files',
                    width: 200,
                    render: (_: unknown, t: DirectiveTargetView) => <TargetFiles directiveId={d.id} target={t} editable={false} />,
                  },
                ]
              : []),
            {
              title: '延期申请',
              key: 'extension',
              width: 200,
              render: (_: unknown, t) =>
                t.extension ? (
                  <Space direction="vertical" size={2}>
                    <span>
                      延至 {t.extension.dueOn}（{t.extension.stateLabel}）
                    </span>
                    {t.actions.includes('decide') && (
                      <Button size="small" type="primary" onClick={() => setDeciding(t)}>
                        决定
                      </Button>
                    )}
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: '催办', key: 'reminded', width: 90, render: (_: unknown, t) => (t.remindedCount ? `${t.remindedCount} 次` : '—') },
            {
              title: '操作',
              key: 'ops',
              fixed: 'right',
              width: 130,
              render: (_: unknown, t) => (
                <Space size={4}>
                  {t.actions.includes('remind') && (
                    <Button size="small" aria-label={`催办${t.orgName}`} onClick={() => void run([t.id])}>
                      催办
                    </Button>
                  )}
                  <Button size="small" type="link" onClick={() => setHistory(t.id)}>
                    记录
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </ScrollRegion>
      {deciding && <DecisionModal directive={d} target={deciding} onClose={() => setDeciding(null)} />}
      {history && <HistoryDrawer directiveId={d.id} targetId={history} onClose={() => setHistory(null)} />}
    </Card>
  );
}
