import { PlusOutlined } from '@ant-design/icons';
import {
  COBUILD_LOG_KINDS,
  cobuildLogKindLabel,
  type CobuildAgreementDetail,
  type CobuildCommitment,
  type CobuildLogEntry,
  type CobuildLogKind,
} from '@jiceng/contracts';
import { Button, Card, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useRemoveCommitment, useRemoveLogEntry, yuan } from './api.ts';
import { CommitmentModal, DoneModal, LogModal } from './modals.tsx';

const STATUS = { open: ['进行中', 'blue'], done: ['已完成', 'green'], overdue: ['已逾期', 'red'] } as const;

/** 年度计划: the commitments by due date, with their status; edit and remove while not done, 登记完成 in force. */
export function PlanCard({ a }: { a: CobuildAgreementDetail }) {
  const [editing, setEditing] = useState<CobuildCommitment | 'new' | null>(null);
  const [completing, setCompleting] = useState<CobuildCommitment | null>(null);
  const remove = useRemoveCommitment(a.id);
  const side = (s: 'a' | 'b') => (s === 'a' ? a.orgA.name : a.orgB.name);
  return (
    <Card
      title="年度计划（承诺事项）"
      size="small"
      extra={
        a.can.plan && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            添加承诺事项
          </Button>
        )
      }
    >
      <Table<CobuildCommitment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={a.plan}
        locale={{ emptyText: '尚未制定年度计划' }}
        scroll={{ x: 900 }}
        columns={[
          { title: '年度', key: 'year', width: 70, render: (_, c) => c.dueOn.slice(0, 4) },
          { title: '共建内容', dataIndex: 'heading', width: 130 },
          { title: '承诺事项', dataIndex: 'content' },
          { title: '责任方', dataIndex: 'side', width: 200, render: side },
          { title: '完成时限', dataIndex: 'dueOn', width: 110 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 150,
            render: (s: CobuildCommitment['status'], c) => (
              <Space size={4}>
                <Tag color={STATUS[s][1]}>{STATUS[s][0]}</Tag>
                {c.doneOn}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            width: 170,
            render: (_, c) =>
              !c.doneOn && (
                <Space size={0}>
                  {a.can.record && a.state === 'active' && (
                    <Button type="link" size="small" onClick={() => setCompleting(c)}>
                      登记完成
                    </Button>
                  )}
                  {a.can.plan && (
                    <>
                      <Button type="link" size="small" onClick={() => setEditing(c)}>
                        修改
                      </Button>
                      <Popconfirm title="删除该承诺事项？" onConfirm={() => remove.mutate(c.id)}>
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {editing && <CommitmentModal a={a} item={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {completing && <DoneModal a={a} item={completing} onClose={() => setCompleting(null)} />}
    </Card>
  );
}

/** 共建台账: activities, problems solved and funds raised, each with who recorded it; a side removes its own entries. */
export function LogCard({ a }: { a: CobuildAgreementDetail }) {
  const [kind, setKind] = useState<CobuildLogKind>('activity');
  const [adding, setAdding] = useState<CobuildLogKind | null>(null);
  const remove = useRemoveLogEntry(a.id);
  const sideName = (s: 'a' | 'b') => (s === 'a' ? '甲方' : '乙方');
  const ops = {
    title: '操作',
    key: 'ops',
    width: 80,
    render: (_: unknown, e: CobuildLogEntry) =>
      a.can.record &&
      a.mySides.includes(e.side) && (
        <Popconfirm title="删除这条记录？" onConfirm={() => remove.mutate(e.id)}>
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      ),
  };
  const by = { title: '记录', key: 'by', width: 130, render: (_: unknown, e: CobuildLogEntry) => `${sideName(e.side)} ${e.recordedByName ?? ''}` };
  const columns = {
    activity: [
      { title: '日期', dataIndex: 'on', width: 110 },
      { title: '活动名称', dataIndex: 'title' },
      { title: '共建内容', dataIndex: 'heading', width: 130 },
      { title: '参与人数', dataIndex: 'participants', width: 90, align: 'right' as const },
      { title: '活动情况', dataIndex: 'description' },
      by,
      ops,
    ],
    problem: [
      { title: '日期', dataIndex: 'on', width: 110 },
      { title: '解决的问题', dataIndex: 'description' },
      { title: '共建内容', dataIndex: 'heading', width: 130 },
      { title: '件数', dataIndex: 'count', width: 70, align: 'right' as const },
      by,
      ops,
    ],
    fund: [
      { title: '日期', dataIndex: 'on', width: 110 },
      { title: '金额（元）', dataIndex: 'amountFen', width: 130, align: 'right' as const, render: (v: number) => yuan(v) },
      { title: '资金来源', dataIndex: 'source' },
      { title: '资金用途', dataIndex: 'purpose' },
      by,
      ops,
    ],
  };
  const total = { activity: `${a.activities} 次，${a.participants} 人次`, problem: `${a.problems} 件`, fund: `${yuan(a.fundsFen)} 元` };
  return (
    <Card
      title="共建台账"
      size="small"
      extra={
        a.can.record && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(kind)}>
            记录{cobuildLogKindLabel[kind]}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as CobuildLogKind)}
        items={COBUILD_LOG_KINDS.map((k) => ({
          key: k,
          label: `${cobuildLogKindLabel[k]}（${total[k]}）`,
          children: (
            <Table<CobuildLogEntry>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={a.log.filter((e) => e.kind === k)}
              locale={{ emptyText: `暂无${cobuildLogKindLabel[k]}记录` }}
              scroll={{ x: 800 }}
              columns={columns[k]}
            />
          ),
        }))}
      />
      {adding && <LogModal a={a} kind={adding} onClose={() => setAdding(null)} />}
    </Card>
  );
}
