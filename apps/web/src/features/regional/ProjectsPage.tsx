import { Permission, type RgProject, type RgProjectQuery, type RgProjectStateId } from '@jiceng/contracts';
import { Card, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ImportButtons } from '../../shared/ImportButtons.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { downloadProjectErrorReport, downloadProjectTemplate, PROJECTS_EXPORT, useImportProjects, useProjects } from './api.ts';
import { hoursText, yearOptions, yuanText } from './form.ts';
import { CategorySelect, PROJECT_STATE_OPTIONS, ProjectStateTag } from './labels.tsx';

type Filter = Omit<RgProjectQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

/** 导入项目 (regional:manage): projects already agreed on paper — template, upload all or nothing, every bad row named. */
function ProjectImport() {
  return (
    <ImportButtons
      what="项目"
      nothing="没有导入任何项目"
      uploadLabel="导入项目"
      upload={useImportProjects()}
      template={downloadProjectTemplate}
      report={downloadProjectErrorReport}
    />
  );
}

/**
 * 项目清单: the projects of the communities in scope (a 驻区单位 account: those it takes part in),
 * filtered by state, category, organization, year and keyword; 导出 with the same filters; the
 * import for the community side (regional:manage). 立项 starts from a need's 资源匹配.
 */
export default function ProjectsPage() {
  const me = useMe();
  const side = hasPermission(me, Permission.REGION_READ);
  const [f, setF] = useState<Filter>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const { data, isFetching } = useProjects(f);
  const filtered = !!(f.state || f.categoryCode || f.orgId || f.year || f.q);

  return (
    <Card title="项目清单" extra={<Typography.Text type="secondary">在需求页“资源匹配”中勾选资源立项</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select<RgProjectStateId>
            allowClear
            aria-label="项目状态"
            placeholder="全部状态"
            style={{ width: 130 }}
            value={f.state}
            options={PROJECT_STATE_OPTIONS}
            onChange={(state) => set({ state })}
          />
          <CategorySelect
            allowClear
            aria-label="项目类别"
            placeholder="全部类别"
            style={{ width: 150 }}
            value={f.categoryCode}
            onChange={(categoryCode) => set({ categoryCode })}
          />
          {side && (
            <OrgSelect
              allowClear
              aria-label="组织"
              placeholder={`${me.orgName}（本级及下级）`}
              style={{ width: 240 }}
              value={f.orgId}
              onChange={(orgId) => set({ orgId })}
            />
          )}
          <Select<number>
            allowClear
            aria-label="年度"
            placeholder="全部年度"
            style={{ width: 120 }}
            value={f.year}
            options={yearOptions(dayjs().year())}
            onChange={(year) => set({ year })}
          />
          <Input.Search
            allowClear
            aria-label="项目关键字"
            placeholder="项目、需求或社区名称"
            maxLength={30}
            style={{ width: 200 }}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Space>
        <Space wrap>
          <ExportButton path={PROJECTS_EXPORT} query={f} fallbackName="项目清单.xlsx" />
          {hasPermission(me, Permission.REGION_MANAGE) && <ProjectImport />}
        </Space>
      </Space>
      <ScrollRegion label="项目清单">
        <Table<RgProject>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1400 }}
          locale={{ emptyText: filtered ? '没有符合条件的项目' : '还没有项目' }}
          pagination={serverPagination({
            page: f.page,
            pageSize: f.pageSize,
            total: data?.total ?? 0,
            onChange: (next) => set(next),
            showTotal: (n) => `共 ${n} 个项目`,
          })}
          data-testid="rg-projects"
          columns={[
            {
              title: '项目名称',
              dataIndex: 'title',
              fixed: 'left',
              width: 220,
              render: (t: string, p) => <Link to={`/regional/projects/${p.id}`}>{t}</Link>,
            },
            { title: '对接需求', dataIndex: 'needTitle', width: 180, ellipsis: true },
            { title: '类别', dataIndex: 'categoryName', width: 100 },
            { title: '社区', dataIndex: 'orgName', width: 160, ellipsis: true },
            {
              title: '参与方',
              key: 'parts',
              width: 200,
              ellipsis: true,
              render: (_: unknown, p) => [...new Set(p.parts.map((x) => x.ownerName))].join('、') || '—',
            },
            { title: '起止日期', key: 'dates', width: 200, render: (_: unknown, p) => `${p.startDate} 至 ${p.endDate}` },
            { title: '状态', key: 'state', width: 150, render: (_: unknown, p) => <ProjectStateTag state={p.state} overdue={p.overdue} /> },
            { title: '预算', dataIndex: 'budgetFen', width: 110, align: 'right', render: (v: number) => yuanText(v) },
            { title: '活动', dataIndex: 'activities', width: 70, align: 'right' },
            { title: '服务时长', dataIndex: 'hours', width: 100, align: 'right', render: (h: number) => hoursText(h) },
            { title: '评价', dataIndex: 'rating', width: 80, render: (r: number | null) => (r ? `${r} 星` : '—') },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
