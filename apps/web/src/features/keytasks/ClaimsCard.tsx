import { KT_REASON_MAX, Permission, type KtClaim, type KtTaskDetail } from '@jiceng/contracts';
import { Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useDecideClaim, useWithdrawClaim } from './api.ts';
import { claimRoleText, ClaimStateTag } from './labels.tsx';
import { TextModal } from './TextModal.tsx';

/**
 * 揭榜认领 of the task (定人定岗定责): who claimed it, as 牵头 or 配合, with which 责任人, 岗位 and
 * 责任; the plan's owner confirms or declines (with a reason) a pending claim, the claimer may
 * withdraw it.
 */
export function ClaimsCard({ task: t }: { task: KtTaskDetail }) {
  const me = useMe();
  const decide = useDecideClaim(t.id);
  const withdraw = useWithdrawClaim(t.id);
  const [declining, setDeclining] = useState<KtClaim | null>(null);
  const mine = (c: KtClaim) => c.orgId === me.orgId && hasPermission(me, Permission.TASK_REPORT);
  const unit = (c: KtClaim) => (c.unitName && c.unitName !== c.orgName ? `${c.orgName} ${c.unitName}` : c.orgName);
  return (
    <Card title="揭榜认领" size="small">
      <ScrollRegion label="揭榜认领">
        <Table<KtClaim>
          rowKey="id"
          size="small"
          dataSource={t.claims}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '还没有单位揭榜' }}
          data-testid="kt-claims"
          columns={[
            { title: '单位', key: 'unit', width: 200, render: (_: unknown, c) => unit(c) },
            { title: '方式', dataIndex: 'role', width: 64, render: (r: string) => claimRoleText(r) },
            { title: '责任人/岗位', key: 'owner', width: 170, render: (_: unknown, c) => `${c.ownerName}（${c.post}）` },
            { title: '责任', dataIndex: 'duty' },
            {
              title: '状态',
              key: 'state',
              width: 150,
              render: (_: unknown, c) => (
                <>
                  <ClaimStateTag state={c.state} />
                  {c.reason && <div>理由：{c.reason}</div>}
                </>
              ),
            },
            {
              title: '认领',
              key: 'at',
              width: 150,
              render: (_: unknown, c) => (
                <Typography.Text type="secondary">
                  {c.claimedBy ?? ''} {dayjs(c.claimedAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              ),
            },
            {
              title: '操作',
              key: 'ops',
              width: 170,
              render: (_: unknown, c) =>
                c.state === 'pending' && (
                  <Space size={4} wrap>
                    {t.can.decideClaims && (
                      <>
                        <Button
                          size="small"
                          type="primary"
                          loading={decide.isPending}
                          aria-label={`确认${unit(c)}的认领`}
                          onClick={() =>
                            decide.mutate({ claimId: c.id, confirm: true }, { onSuccess: () => showSuccess(`已确认${unit(c)}${claimRoleText(c.role)}`) })
                          }
                        >
                          确认
                        </Button>
                        <Button size="small" aria-label={`不予确认${unit(c)}的认领`} onClick={() => setDeclining(c)}>
                          不予确认
                        </Button>
                      </>
                    )}
                    {mine(c) && (
                      <Popconfirm
                        title="撤回这次认领？"
                        okText="撤回"
                        cancelText="取消"
                        onConfirm={() =>
                          withdraw.mutateAsync(c.id).then(
                            () => showSuccess('已撤回认领'),
                            () => undefined,
                          )
                        }
                      >
                        <Button size="small" type="link">
                          撤回
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </ScrollRegion>
      {declining && (
        <TextModal
          title={`不予确认：${unit(declining)}`}
          label="理由"
          field="reason"
          okText="不予确认"
          danger
          max={KT_REASON_MAX}
          busy={decide.isPending}
          run={(reason) => decide.mutateAsync({ claimId: declining.id, confirm: false, reason }).then(() => showSuccess('已不予确认'))}
          onClose={() => setDeclining(null)}
        />
      )}
    </Card>
  );
}
