import { ORG_SETUP_RULES, orgSetupLevelLabel, orgSetupRuleLabel, type OrgSetupLevel, type OrgSetupRule, type OrgSetupWarning } from '@jiceng/contracts';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { typeLabel } from '../../shared/labels.tsx';
import { useOrgSetupWarnings } from './api.ts';

const ruleText = (r: string) => orgSetupRuleLabel[r as OrgSetupRule] ?? r;

/** 组织设置预警: organizations whose setup breaks a rule of 支部工作条例 and the 3/7/50/100 ladder. */
export default function OrgSetupPage() {
  const { data, isPending } = useOrgSetupWarnings();
  const [rule, setRule] = useState<OrgSetupRule | undefined>();
  const all = data ?? [];
  const rows = all.filter((w) => !rule || w.rule === rule);

  return (
    <Card title="组织设置预警" extra={<Typography.Text type="secondary">依据《中国共产党支部工作条例（试行）》等规定的组织设置要求</Typography.Text>}>
      <Space style={{ marginBottom: 16 }}>
        <span>预警类型</span>
        <Select<OrgSetupRule>
          allowClear
          placeholder="全部"
          style={{ width: 240 }}
          value={rule}
          onChange={setRule}
          options={ORG_SETUP_RULES.map((r) => ({ value: r, label: `${ruleText(r)}（${all.filter((w) => w.rule === r).length}）` }))}
        />
      </Space>
      <Table<OrgSetupWarning>
        rowKey="key"
        loading={isPending}
        dataSource={rows}
        locale={{ emptyText: '组织设置符合要求，没有预警' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条预警`, hideOnSinglePage: true }}
        columns={[
          { title: '组织名称', dataIndex: 'orgName', render: (n: string, w) => <Link to={`/orgs/${w.orgId}`}>{n}</Link> },
          { title: '类别', dataIndex: 'orgType', width: 110, render: (t: string) => typeLabel(t) },
          { title: '上级组织', dataIndex: 'parentName', render: (n: string | null) => n ?? '—' },
          { title: '预警', dataIndex: 'rule', width: 200, render: ruleText },
          { title: '程度', dataIndex: 'level', width: 100, render: (l: string) => <Tag color={l === 'error' ? 'red' : 'orange'}>{orgSetupLevelLabel[l as OrgSetupLevel] ?? l}</Tag> },
          { title: '说明', dataIndex: 'message' },
          { title: '数值 / 标准', key: 'n', width: 110, render: (_: unknown, w) => `${w.value} / ${w.threshold}` },
        ]}
      />
    </Card>
  );
}
