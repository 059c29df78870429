import { Permission, rmSubjectKindLabel, type RmReport } from '@jiceng/contracts';
import { Card, Table } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { yuanText } from '../regional/form.ts';
import { useOwnReports } from './api.ts';
import { ReportStateTag } from './labels.tsx';
import { ReportView } from './ReportView.tsx';

/**
 * 我的双报告: a 驻区单位 account's reports of its units, or a 党员's own; `?reportId=` (the to-do's
 * link) opens one to confirm or correct.
 */
export default function MyReportsPage() {
  const me = useMe();
  const side = hasPermission(me, Permission.REGION_UNIT) ? 'unit' : 'my';
  const [params, setParams] = useSearchParams();
  const reportId = params.get('reportId');
  const { data, isFetching } = useOwnReports(side, !reportId);
  if (reportId) return <ReportView side={side} id={reportId} back={{ to: '/regional/my-reports', label: '返回我的双报告' }} />;
  return (
    <Card title={side === 'unit' ? '本单位双报告' : '我的双报告'}>
      <Table<RmReport>
        rowKey="id"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无双报告（社区每年一月根据上一年的记录生成）' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          {
            title: '报告对象',
            render: (_, r) => (
              <Link to={`/regional/my-reports?reportId=${r.id}`} onClick={() => setParams({ reportId: r.id })}>
                {r.subjectName}
              </Link>
            ),
          },
          { title: '类别', width: 90, render: (_, r) => rmSubjectKindLabel[r.subjectKind] },
          { title: '报到社区', dataIndex: 'communityName' },
          { title: '活动', width: 70, render: (_, r) => r.figures.activities },
          { title: '资金', width: 110, render: (_, r) => yuanText(r.figures.fundsFen) },
          { title: '确认期限', dataIndex: 'respondBy', width: 110 },
          { title: '状态', width: 170, render: (_, r) => <ReportStateTag state={r.state} overdue={r.overdue} /> },
        ]}
      />
    </Card>
  );
}
