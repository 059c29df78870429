import { Permission } from '@jiceng/contracts';
import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { MemberReportTab } from './MemberReportTab.tsx';
import { UnitReportTab } from './UnitReportTab.tsx';

/** 双报到: 在职党员 and 驻区单位 reporting to the community, as the community (or the street above it) sees them. */
export default function ReportInPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isUnit = me.role === 'resident_unit';
  const showMembers = hasPermission(me, Permission.MEMBER_READ);
  const tab = showMembers && params.get('tab') !== 'units' ? 'members' : 'units';
  const unitTab = (
    <UnitReportTab canFile={isUnit || hasPermission(me, Permission.ORG_WRITE)} canUnmask={hasPermission(me, Permission.PERSONAL_UNMASK)} ownCommunity={isUnit ? { id: me.orgId, name: me.orgName } : null} />
  );
  return (
    <Card title="双报到" extra={<Typography.Text type="secondary">在职党员到居住地社区报到，驻区单位到所在社区报到</Typography.Text>}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'units' ? { tab: 'units' } : {}, { replace: true })}
        items={[
          ...(showMembers ? [{ key: 'members', label: '在职党员报到', children: <MemberReportTab canWrite={hasPermission(me, Permission.MEMBER_WRITE)} /> }] : []),
          { key: 'units', label: '驻区单位报到', children: unitTab },
        ]}
      />
    </Card>
  );
}
