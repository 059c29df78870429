import { Card, Col, Row } from 'antd';
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

  // Open the tree from the account's own organization down to the selected one.
  const ancestors = org.data?.ancestors ?? [];
  const from = ancestors.findIndex((a) => a.id === me.orgId);
  const revealIds = from < 0 ? [] : ancestors.slice(from).map((a) => a.id);
  const open = (orgId: string) => navigate(`/orgs/${orgId}`);

  return (
    <Row gutter={16} wrap={false} style={{ alignItems: 'flex-start' }}>
      <Col flex="360px" style={{ minWidth: 300, maxWidth: 360 }}>
        <Card title="组织树" size="small" styles={{ body: { padding: 12 } }}>
          <OrgSelect
            value={null}
            onChange={(v) => v && open(v)}
            placeholder="搜索组织名称，如：第一党支部"
            style={{ width: '100%', marginBottom: 12 }}
          />
          <div style={{ maxHeight: 'calc(100vh - 260px)', minHeight: 240, overflow: 'auto' }}>
            <OrgTree selectedId={id} revealIds={revealIds} onSelect={open} />
          </div>
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <OrgDetail id={id} query={org} />
      </Col>
    </Row>
  );
}
