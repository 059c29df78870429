import { DeleteOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import type { Org } from '@jiceng/contracts';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { showSuccess } from '../../shared/feedback.ts';
import { useDissolveOrg } from './api.ts';
import { CreateOrgModal } from './CreateOrgModal.tsx';
import { MoveOrgModal } from './MoveOrgModal.tsx';

/**
 * 新建下级组织, 调整隶属关系, 撤销 (the account's own organization can be neither moved nor dissolved).
 * 撤销 is destructive and rare: a plain danger link after the everyday actions, asking before it acts.
 */
export function OrgActions({ org, isScopeRoot }: { org: Org; isScopeRoot: boolean }) {
  const [dialog, setDialog] = useState<'create' | 'move' | null>(null);
  const dissolve = useDissolveOrg(org.id);
  const { modal } = App.useApp();
  const navigate = useNavigate();

  const confirmDissolve = () =>
    modal.confirm({
      title: `撤销「${org.name}」？`,
      content: '撤销后该组织不再出现在组织树中，记录保留备查。有下级组织时不能撤销，请先撤销或调整下级组织。',
      okText: '确认撤销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        dissolve.mutateAsync().then(() => {
          showSuccess(`已撤销「${org.name}」`);
          if (org.parentId) navigate(`/orgs/${org.parentId}?tab=children`);
        }),
    });

  return (
    <>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
          新建下级组织
        </Button>
        {!isScopeRoot && (
          <Button icon={<NodeIndexOutlined />} onClick={() => setDialog('move')}>
            调整隶属关系
          </Button>
        )}
        {!isScopeRoot && (
          <Button type="link" danger icon={<DeleteOutlined />} onClick={confirmDissolve} style={{ paddingInline: 4 }}>
            撤销组织
          </Button>
        )}
      </Space>
      <CreateOrgModal parent={org} open={dialog === 'create'} onClose={() => setDialog(null)} />
      {dialog === 'move' && <MoveOrgModal org={org} open onClose={() => setDialog(null)} />}
    </>
  );
}
