import { FileTextOutlined, ImportOutlined, SwapOutlined } from '@ant-design/icons';
import { Permission } from '@jiceng/contracts';
import { Button, Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { IncomingLetterModal } from './IncomingLetterModal.tsx';
import { LetterIssueModal } from './LetterIssueModal.tsx';
import { StartTransferModal } from './StartTransferModal.tsx';
import { StatsTab } from './StatsTab.tsx';
import { TransferTable } from './TransferTable.tsx';

const TABS = ['out', 'in', 'register', 'stats'] as const;
type TabKey = (typeof TABS)[number];
type Dialog = 'start' | 'letter' | 'incoming' | null;

/**
 * 组织关系转接: 转出 / 转入 / 介绍信登记簿 / 统计 (`?tab=`; `&transferId=` opens that record). `?memberId=` opens 发起转接 for that member
 * (the member page links here).
 */
export default function TransfersPage() {
  const me = useMe();
  const canWrite = hasPermission(me, Permission.MEMBER_WRITE);
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabKey = TABS.includes(raw as TabKey) ? (raw as TabKey) : 'out';
  const presetMember = params.get('memberId') ?? undefined;
  const focusId = params.get('transferId') ?? undefined;
  const [dialog, setDialog] = useState<Dialog>(canWrite && presetMember ? 'start' : null);
  const close = () => {
    setDialog(null);
    if (presetMember) setParams(tab === 'out' ? {} : { tab }, { replace: true });
  };

  return (
    <Card
      title="组织关系转接"
      extra={
        canWrite && (
          <Space wrap>
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setDialog('start')}>
              发起转接
            </Button>
            <Button icon={<FileTextOutlined />} onClick={() => setDialog('letter')}>
              开具介绍信
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setDialog('incoming')}>
              凭介绍信转入
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'out' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'out', label: '转出', children: <TransferTable view="out" /> },
          { key: 'in', label: '转入', children: <TransferTable view="in" /> },
          { key: 'register', label: '介绍信登记簿', children: <TransferTable view="register" focusId={focusId} /> },
          { key: 'stats', label: '统计', children: <StatsTab /> },
        ]}
      />
      {dialog === 'start' && <StartTransferModal memberId={presetMember} onClose={close} />}
      {dialog === 'letter' && <LetterIssueModal onClose={close} />}
      {dialog === 'incoming' && <IncomingLetterModal onClose={close} />}
    </Card>
  );
}
