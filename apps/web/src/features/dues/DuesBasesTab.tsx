import { duesReliefLabel, type DuesBasis } from '@jiceng/contracts';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useDeleteDuesBasis, useDuesBases } from './api.ts';
import { DuesBasisModal } from './DuesBasisModal.tsx';
import { fenText, rateText } from './duesForm.ts';

/** 党费基数 on the member's page: the bases newest first with the amount each gives; 设置基数, 修改 and 删除 with dues:record. */
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
    </>
  );
}
