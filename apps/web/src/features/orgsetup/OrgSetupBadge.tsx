import { Badge, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { useOrgSetupStatus } from './api.ts';

/** Red badge with the number of 组织设置预警 of one organization; nothing when there are none. */
export function OrgSetupBadge({ orgId }: { orgId: string }) {
  const { data } = useOrgSetupStatus(orgId);
  if (!data?.count) return null;
  return (
    <Tooltip title={data.warnings.map((w) => <div key={w.key}>{w.message}</div>)}>
      <Link to="/org-setup" data-testid="org-setup-badge">
        <Badge count={data.count} size="small" offset={[-4, 0]}>
          <Tag color="error" style={{ marginRight: 8 }}>设置预警</Tag>
        </Badge>
      </Link>
    </Tooltip>
  );
}
