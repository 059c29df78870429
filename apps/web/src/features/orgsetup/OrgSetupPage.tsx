import { ORG_SETUP_RULES, orgSetupLevelLabel, orgSetupRuleLabel, type OrgSetupLevel, type OrgSetupRule, type OrgSetupWarning } from '@jiceng/contracts';
import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { typeLabel } from '../../shared/labels.tsx';
import { localPagination } from '../../shared/pagination.ts';
import { useChildOrgs, useOrgSetupWarnings } from './api.ts';

const ruleText = (r: string) => orgSetupRuleLabel[r as OrgSetupRule] ?? r;

/**
 * 组织设置预警: organizations whose setup breaks a rule of 支部工作条例 and the 3/7/50/100 ladder;
 * searched by name, narrowed to one street (or community) of the scope, exported as filtered.
 */
export default function OrgSetupPage() {
  const me = useMe();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [rule, setRule] = useState<OrgSetupRule | undefined>();
  const { data, isFetching } = useOrgSetupWarnings({ orgId, q });
  const children = useChildOrgs(me.orgId);
  const all = data ?? [];
  const rows = all.filter((w) => !rule || w.rule === rule);

  return (
    <Card title="组织设置预警" extra={<Typography.Text type="secondary">依据《中国共产党支部工作条例（试行）》等规定的组织设置要求</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="组织名称" style={{ width: 200 }} onSearch={(v) => setQ(v.trim() || undefined)} />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="所属街道 / 下级组织（全部）"
          aria-label="所属街道或下级组织"
          style={{ width: 260 }}
          value={orgId}
          onChange={setOrgId}
          loading={children.isPending}
          options={(children.data?.items ?? []).filter((o) => o.status === 'active').map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select<OrgSetupRule>
          allowClear
          placeholder="全部预警类型"
          aria-label="预警类型"
          style={{ width: 240 }}
          value={rule}
          onChange={setRule}
          options={ORG_SETUP_RULES.map((r) => ({ value: r, label: `${ruleText(r)}（${all.filter((w) => w.rule === r).length}）` }))}
        />
        <ExportButton path="/api/org-setup/warnings/export" query={{ orgId, q, rule }} fallbackName="组织设置预警.xlsx" />
      </Space>
      <Table<OrgSetupWarning>
        // at phone width the table scrolls in its card (the columns were squeezed to a letter a line)
        scroll={{ x: 1000 }}
        rowKey="key"
        loading={isFetching}
        dataSource={rows}
        locale={{ emptyText: q || orgId ? '没有符合条件的预警' : '组织设置符合要求，没有预警' }}
        pagination={localPagination((t) => `共 ${t} 条预警`)}
        columns={[
          { title: '组织名称', dataIndex: 'orgName', render: (n: string, w) => <Link to={`/orgs/${w.orgId}`}>{n}</Link> },
          { title: '类别', dataIndex: 'orgType', width: 110, render: (t: string) => typeLabel(t) },
          { title: '上级组织', dataIndex: 'parentName', render: (n: string | null) => n ?? '—' },
          { title: '预警', dataIndex: 'rule', width: 200, render: ruleText },
          {
            title: '程度',
            dataIndex: 'level',
            width: 100,
            render: (l: string) => <Tag color={l === 'error' ? 'red' : 'orange'}>{orgSetupLevelLabel[l as OrgSetupLevel] ?? l}</Tag>,
          },
          { title: '说明', dataIndex: 'message' },
          { title: '数值 / 标准', key: 'n', width: 110, render: (_: unknown, w) => `${w.value} / ${w.threshold}` },
        ]}
      />
    </Card>
  );
}
