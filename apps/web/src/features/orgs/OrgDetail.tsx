import { Permission, type Org } from '@jiceng/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { Breadcrumb, Card, Result, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { domainLabel, OrgStatusTag, TermStatusTag, typeLabel } from '../../shared/labels.tsx';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { ChildrenTab } from './ChildrenTab.tsx';
import { CommitteeTab } from './CommitteeTab.tsx';
import { ImportExport } from './ImportExport.tsx';
import { InfoTab } from './InfoTab.tsx';
import { OrgActions } from './OrgActions.tsx';
import { TermsTab } from './TermsTab.tsx';
import { OrgSetupBadge } from '../orgsetup/OrgSetupBadge.tsx';

const TABS = ['info', 'committee', 'terms', 'children'] as const;
type TabKey = (typeof TABS)[number];

/** The selected organization: breadcrumb, tags, actions and the four tabs (`?tab=` opens one). */
export function OrgDetail({ id, query }: { id: string; query: UseQueryResult<Org> }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabKey = TABS.includes(raw as TabKey) ? (raw as TabKey) : 'info';
  const canWrite = hasPermission(me, Permission.ORG_WRITE);
  const canImport = hasPermission(me, Permission.ORG_IMPORT);

  if (query.isPending) return <Card><PageLoading /></Card>;
  if (query.isError) return <Card><Result status="warning" title="无法打开该组织" subTitle={query.error.message} /></Card>;
  const org = query.data;
  const active = org.status === 'active';
  const from = org.ancestors.findIndex((a) => a.id === me.orgId);
  const crumbs = org.ancestors.map((a, i) => ({ title: from >= 0 && i >= from ? <Link to={`/orgs/${a.id}`}>{a.name}</Link> : a.name }));

  return (
    <Card styles={{ body: { paddingTop: 12 } }}>
      {crumbs.length > 0 && <Breadcrumb items={[...crumbs, { title: org.shortName || org.name }]} style={{ marginBottom: 8 }} />}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-title">{org.name}</Typography.Title>
          <Space size={4} wrap style={{ marginTop: 8 }}>
            <Tag color="red">{typeLabel(org.type)}</Tag>
            <Tag>{domainLabel(org.domain)}</Tag>
            {!active && <OrgStatusTag status={org.status} />}
            <TermStatusTag status={org.termStatus} prefix="换届：" />
            {active && <OrgSetupBadge orgId={org.id} />}
            {org.code && <Typography.Text type="secondary">组织代码 {org.code}</Typography.Text>}
          </Space>
        </div>
        <Space wrap>
          {canWrite && active && <OrgActions org={org} isScopeRoot={org.id === me.orgId} />}
          {canImport && <ImportExport rootId={org.id} />}
        </Space>
      </div>
      <Tabs
        style={{ marginTop: 8 }}
        activeKey={tab}
        onChange={(k) => setParams(k === 'info' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'info', label: '基本信息', children: <InfoTab org={org} canWrite={canWrite && active} /> },
          { key: 'committee', label: '班子成员', children: <CommitteeTab orgId={id} canWrite={canWrite && active} /> },
          { key: 'terms', label: '届次', children: <TermsTab org={org} canWrite={canWrite && active} /> },
          { key: 'children', label: `下级组织（${org.childCount}）`, children: <ChildrenTab org={org} /> },
        ]}
      />
    </Card>
  );
}
