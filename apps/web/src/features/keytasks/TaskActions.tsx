import { AuditOutlined, CheckCircleOutlined, EditOutlined, FlagOutlined, FormOutlined, StopOutlined, SwapOutlined, WarningOutlined } from '@ant-design/icons';
import { KT_REASON_MAX, KT_TEXT_MAX, type KtTaskDetail } from '@jiceng/contracts';
import { Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { showSuccess } from '../../shared/feedback.ts';
import { AcceptModal } from './AcceptModal.tsx';
import { AccountabilityModal } from './AccountabilityModal.tsx';
import { useCancelTask, useCompleteTask } from './api.ts';
import { ChangeModal } from './ChangeModal.tsx';
import { ClaimModal } from './ClaimModal.tsx';
import { ProgressModal } from './ProgressModal.tsx';
import { TaskFormModal } from './TaskFormModal.tsx';
import { TextModal } from './TextModal.tsx';

type Action = 'edit' | 'change' | 'claim' | 'report' | 'complete' | 'accept' | 'cancel' | 'accountability';

const BUTTONS: { key: Action; label: string; icon: ReactNode; primary?: boolean; danger?: boolean }[] = [
  { key: 'claim', label: '揭榜认领', icon: <FlagOutlined />, primary: true },
  { key: 'report', label: '报告进展', icon: <FormOutlined />, primary: true },
  { key: 'complete', label: '报告完成', icon: <CheckCircleOutlined /> },
  { key: 'accept', label: '验收', icon: <AuditOutlined />, primary: true },
  { key: 'edit', label: '修改任务', icon: <EditOutlined /> },
  { key: 'change', label: '调整目标或时限', icon: <SwapOutlined /> },
  { key: 'accountability', label: '记录问责', icon: <WarningOutlined /> },
  { key: 'cancel', label: '撤销任务', icon: <StopOutlined />, danger: true },
];

/** The steps the account may take on the task now (its `can`), each opening its form. */
export function TaskActions({ task: t }: { task: KtTaskDetail }) {
  const [open, setOpen] = useState<Action | null>(null);
  const complete = useCompleteTask(t.id);
  const cancel = useCancelTask(t.id);
  const close = () => setOpen(null);
  const shown = BUTTONS.filter((b) => t.can[b.key]);
  return (
    <>
      <Space wrap data-testid="kt-task-actions">
        {shown.map((b) => (
          <Button key={b.key} type={b.primary ? 'primary' : 'default'} danger={b.danger} icon={b.icon} onClick={() => setOpen(b.key)}>
            {b.label}
          </Button>
        ))}
      </Space>
      {open === 'edit' && <TaskFormModal planId={t.planId} task={t} onClose={close} />}
      {open === 'change' && <ChangeModal task={t} onClose={close} />}
      {open === 'claim' && <ClaimModal task={t} onClose={close} />}
      {open === 'report' && <ProgressModal task={t} onClose={close} />}
      {open === 'accept' && <AcceptModal task={t} onClose={close} />}
      {open === 'accountability' && <AccountabilityModal task={t} onClose={close} />}
      {open === 'complete' && (
        <TextModal
          title={`报告完成：${t.title}`}
          label="完成情况"
          field="note"
          okText="报告完成"
          max={KT_TEXT_MAX}
          hint="报告完成后由计划制定单位对照验收标准验收。"
          busy={complete.isPending}
          run={(note) => complete.mutateAsync({ note, version: t.version }).then(() => showSuccess('已报告完成，等待验收'))}
          onClose={close}
        />
      )}
      {open === 'cancel' && (
        <TextModal
          title={`撤销任务：${t.title}`}
          label="撤销原因"
          field="reason"
          okText="撤销"
          danger
          max={KT_REASON_MAX}
          hint="撤销后任务不再推进，认领和进展记录保留。"
          busy={cancel.isPending}
          run={(reason) => cancel.mutateAsync({ reason, version: t.version }).then(() => showSuccess('任务已撤销'))}
          onClose={close}
        />
      )}
    </>
  );
}
