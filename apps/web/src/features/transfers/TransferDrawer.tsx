import type { Transfer } from '@jiceng/contracts';
import { Descriptions, Drawer } from 'antd';
import type { ReactNode } from 'react';
import { genderText, kindText, memberStatusText, TransferStatusTag } from './labels.tsx';
import { TransferActions } from './TransferActions.tsx';

/** One transfer in full: the member as the snapshot taken when it started, never the live record. */
export function TransferDrawer({ t, onClose }: { t: Transfer; onClose: () => void }) {
  const rows: [string, ReactNode][] = [
    ['办理状态', <TransferStatusTag t={t} />],
    ['转接方式', kindText(t.kind)],
    ['姓名', t.memberName],
    ['性别', genderText(t.memberGender)],
    ['年龄', `${t.memberAge} 岁`],
    ['公民身份号码', t.memberIdNumber],
    ['党员类别', memberStatusText(t.memberStatus)],
    ['转出党组织', t.fromOrgName],
    ['接收党组织', t.toOrgName],
    ['转接原因', t.reason],
    ['发起日期', t.startedOn],
    ['办结日期', t.completedOn],
    ['介绍信编号', t.letterNo],
    ['有效期至', t.validUntil],
    ['党费缴至', t.duesPaidTo],
    ['退回原因', t.returnReason],
    ['撤销原因', t.cancelReason],
    ['回执说明', t.receiptNote],
    ['经办人', t.createdByName],
    ['办理人', t.decidedByName],
  ];
  return (
    <Drawer open width={520} title={`组织关系转接：${t.memberName}`} onClose={onClose} extra={<TransferActions t={t} />}>
      <Descriptions column={1} bordered size="small" items={rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([label, children]) => ({ key: label, label, children }))} />
    </Drawer>
  );
}
