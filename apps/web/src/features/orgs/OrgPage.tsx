import { Card, Col, Grid, Row } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useOrg } from './api.ts';
import { OrgDetail } from './OrgDetail.tsx';
import { OrgTree } from './OrgTree.tsx';

/**
 * 组织架构: the lazy tree and a search box on the left, the selected organization on the right.
 * `/orgs` shows the account's own organization; `/orgs/:id?tab=terms` opens a tab.
 */
export default function OrgPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { id: paramId } = useParams();
  const id = paramId ?? me.orgId;
  const org = useOrg(id);
  // on a phone the tree sits above the detail instead of beside it
  const phone = Grid.useBreakpoint().md === false;

  // Open the tree from the account's own organization down to the selected one.
  const ancestors = org.data?.ancestors ?? [];
  const from = ancestors.findIndex((a) => a.id === me.orgId);
  const revealIds = from < 0 ? [] : ancestors.slice(from).map((a) => a.id);
  const open = (orgId: string) => navigate(`/orgs/${orgId}`);

  return (
    <Row gutter={[16, 16]} wrap={phone} style={{ alignItems: 'flex-start' }}>
      <Col flex={phone ? '100%' : '360px'} style={phone ? { minWidth: 0 } : { minWidth: 300, maxWidth: 360 }}>
        <Card title="组织树" size="small" styles={{ body: { padding: 12 } }}>
          <OrgSelect value={null} onChange={(v) => v && open(v)} aria-label="搜索组织" placeholder="搜索组织名称，如：第一党支部" style={{ width: '100%', marginBottom: 12 }} />
          <div style={{ maxHeight: phone ? 320 : 'calc(100vh - 260px)', minHeight: phone ? 160 : 240, overflow: 'auto' }}>
            <OrgTree selectedId={id} revealIds={revealIds} onSelect={open} />
          </div>
        </Card>
      </Col>
      <Col flex={phone ? '100%' : 'auto'} style={{ minWidth: 0 }}>
        <OrgDetail id={id} query={org} />
      </Col>
    </Row>
  );
}
