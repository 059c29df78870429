import { Card, Descriptions, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useTrainingStats } from './api.ts';
import { formatHours, metRows, rateText, yearOptions } from './trainingForm.ts';

type KindRow = { kind: string; label: string; sessions: number; personTimes: number; totalHours: number };

/**
 * 培训统计: the figures of the annual statistical report's training table for a year — sessions,
 * 参训人次 and person-学时 by kind of training, and how many members, 书记 and 班子成员 reached the
 * minimum of the rule set applied.
 */
export default function TrainingStatsPage() {
  const me = useMe();
  const [year, setYear] = useState(dayjs().year());
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data: s, isFetching } = useTrainingStats({ year, orgId });
  const kinds: KindRow[] = s ? [...s.byKind, { kind: 'total', label: '合计', sessions: s.sessions, personTimes: s.personTimes, totalHours: s.totalHours }] : [];

  return (
    <Card title="培训统计" extra={<Typography.Text type="secondary">年报“党员教育培训情况”表所需数字</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number> aria-label="年度" style={{ width: 120 }} value={year} onChange={setYear} options={yearOptions()} />
        <OrgSelect
          allowClear
          aria-label="党组织"
          placeholder={`${me.orgName}（本级及下级）`}
          style={{ width: 280 }}
          value={orgId}
          onChange={(id) => setOrgId(id)}
        />
      </Space>
      {s && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="统计范围">{s.orgName}（本级及下级）</Descriptions.Item>
          <Descriptions.Item label="年度">{s.year} 年</Descriptions.Item>
          <Descriptions.Item label="适用规则">{s.ruleSet}</Descriptions.Item>
          <Descriptions.Item label="党员最低学时">{formatHours(s.memberMinimum)} 学时</Descriptions.Item>
          <Descriptions.Item label="书记和班子成员最低学时">{formatHours(s.cadreMinimum)} 学时</Descriptions.Item>
          <Descriptions.Item label="培训总学时（人·学时）">{formatHours(s.totalHours)}</Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Title level={5}>按培训类型</Typography.Title>
      <Table<KindRow>
        rowKey="kind"
        size="small"
        loading={isFetching}
        dataSource={kinds}
        pagination={false}
        style={{ marginBottom: 24 }}
        columns={[
          { title: '培训类型', dataIndex: 'label', render: (l: string, r) => (r.kind === 'total' ? <Typography.Text strong>{l}</Typography.Text> : l) },
          { title: '举办期数', dataIndex: 'sessions', align: 'right' },
          { title: '参训人次', dataIndex: 'personTimes', align: 'right' },
          { title: '认定学时（人·学时）', dataIndex: 'totalHours', align: 'right', render: formatHours },
        ]}
      />
      <Typography.Title level={5}>学时达标情况</Typography.Title>
      <Table
        rowKey="key"
        size="small"
        loading={isFetching}
        dataSource={s ? metRows(s) : []}
        pagination={false}
        columns={[
          { title: '人员类别', dataIndex: 'label' },
          { title: '应达学时', dataIndex: 'minimum', align: 'right', render: (h: number) => `${formatHours(h)} 学时` },
          { title: '人数', dataIndex: 'total', align: 'right' },
          { title: '达标人数', dataIndex: 'met', align: 'right' },
          {
            title: '未达标人数',
            dataIndex: 'short',
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          { title: '达标率', dataIndex: 'rate', align: 'right', render: rateText },
        ]}
      />
    </Card>
  );
}
