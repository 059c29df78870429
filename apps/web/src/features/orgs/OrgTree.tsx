import type { OrgSummary } from '@jiceng/contracts';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Empty, Spin, Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { typeLabel } from '../../shared/labels.tsx';
import { fetchTree, orgKeys } from './api.ts';

function NodeTitle({ org }: { org: OrgSummary }) {
  return (
    <span className="jc-node" title={org.name} data-org-id={org.id}>
      <span className="jc-node-name">{org.shortName || org.name}</span>
      <Tag bordered={false} color={org.depth === 0 ? 'red' : undefined} style={{ fontSize: 12 }}>
        {typeLabel(org.type)}
      </Tag>
      {org.childCount > 0 && (
        <Tooltip title={`直属下级组织 ${org.childCount} 个（不含已撤销的组织）`}>
          <Typography.Text type="secondary" className="jc-node-count" style={{ fontSize: 12 }} data-testid="org-child-count">
            下级组织 {org.childCount}
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}

export interface OrgTreeProps {
  selectedId: string;
  /** Organizations to open so that the selected one is visible (from the account's root down). */
  revealIds: string[];
  onSelect: (id: string) => void;
}

/**
 * The organization tree, one level at a time: the account's own organization first (opened), its
 * children on expanding. Each open level is a cached query, so any change refreshes it.
 */
export function OrgTree({ selectedId, revealIds, onSelect }: OrgTreeProps) {
  const qc = useQueryClient();
  const root = useQuery({ queryKey: orgKeys.tree(null), queryFn: () => fetchTree(null) });
  const [expanded, setExpanded] = useState<string[]>([]);
  const rootId = root.data?.[0]?.id;

  useEffect(() => {
    if (rootId) setExpanded((prev) => (prev.includes(rootId) ? prev : [rootId, ...prev]));
  }, [rootId]);
  const revealKey = revealIds.join(',');
  useEffect(() => {
    const ids = revealKey ? revealKey.split(',') : [];
    if (ids.length) setExpanded((prev) => [...new Set([...prev, ...ids])]);
  }, [revealKey]);

  const levels = useQueries({ queries: expanded.map((id) => ({ queryKey: orgKeys.tree(id), queryFn: () => fetchTree(id) })) });
  const childrenOf = new Map<string, OrgSummary[] | undefined>(expanded.map((id, i) => [id, levels[i]?.data]));

  const build = (o: OrgSummary): DataNode => {
    const kids = childrenOf.get(o.id);
    return { key: o.id, title: <NodeTitle org={o} />, isLeaf: o.childCount === 0, children: kids?.map(build) };
  };
  const treeData = (root.data ?? []).map(build);
  const loadedKeys = useMemo(() => expanded.filter((id, i) => levels[i]?.data !== undefined), [expanded, levels]);

  if (root.isPending)
    return (
      <div style={{ padding: 24, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  if (!treeData.length) return <Empty description="暂无组织" />;
  return (
    <Tree
      className="jc-tree"
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={treeData}
      expandedKeys={expanded}
      loadedKeys={loadedKeys}
      selectedKeys={[selectedId]}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadData={async (node) => {
        await qc.ensureQueryData({ queryKey: orgKeys.tree(String(node.key)), queryFn: () => fetchTree(String(node.key)) });
      }}
      onSelect={(keys) => {
        const k = keys[0];
        if (k !== undefined) onSelect(String(k));
      }}
    />
  );
}
