import { APPRAISAL_YEAR_MIN } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Select, Space, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { memberKeys, searchBranches } from '../members/api.ts';
import { BranchSelect } from '../members/BranchSelect.tsx';
import { useAppraisalSheet } from './api.ts';
import { DispositionsTab } from './DispositionsTab.tsx';
import { SheetTab } from './SheetTab.tsx';

const YEARS_SHOWN = 10;

/**
 * 民主评议党员: pick a branch (only 党支部 and 联合党支部 are offered, the one branch of the scope
 * is picked for you) and a year, grade its members (评议表), and follow the 组织处置 of those
 * graded 不合格 (under the picked organization, or the whole scope when none). `?orgId=&year=&tab=dispositions` opens a branch, year and tab (links from 待办).
 */
export default function AppraisalPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const orgId = params.get('orgId') ?? undefined;
  const year = Number(params.get('year')) || thisYear;
  const tab = params.get('tab') === 'dispositions' ? 'dispositions' : 'sheet';
  const set = (next: Record<string, string | undefined>) => {
    const merged = { ...Object.fromEntries(params), ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => !!e[1])), { replace: true });
  };
  // The sheet names the branch, so a link from a to-do shows its name before any search.
  const sheet = useAppraisalSheet(orgId, year);
  // The same first page the picker shows: one branch there is the only branch in scope.
  const branches = useQuery({ queryKey: memberKeys.branches(''), queryFn: () => searchBranches(''), staleTime: 30_000 });
  const onlyBranch = branches.data?.length === 1 ? branches.data[0]!.id : undefined;
  useEffect(() => {
    if (!orgId && onlyBranch) set({ orgId: onlyBranch });
    // not on `set`: a new function each render, and running again for it would change nothing
  }, [orgId, onlyBranch]);
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i).filter((y) => y >= APPRAISAL_YEAR_MIN);

  return (
    <Card
      title="民主评议党员"
      extra={<Typography.Text type="secondary">优秀等次一般不超过参加评议党员的三分之一；不合格党员按《不合格党员组织处置办法》处置</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="appraisal-branch">党支部</label>
        <div style={{ width: 320, maxWidth: '100%' }}>
          <BranchSelect id="appraisal-branch" value={orgId} initialLabel={sheet.data?.orgName} onChange={(v) => set({ orgId: v })} style={{ width: '100%' }} />
        </div>
        <span>评议年度</span>
        <Select
          value={year}
          aria-label="评议年度"
          style={{ width: 120 }}
          onChange={(y: number) => set({ year: String(y) })}
          options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
        />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'sheet' ? undefined : k })}
        items={[
          {
            key: 'sheet',
            label: '评议表',
            children: orgId ? <SheetTab key={`${orgId}:${year}`} orgId={orgId} year={year} /> : <Empty description="请先选择党支部" />,
          },
          { key: 'dispositions', label: '组织处置', children: <DispositionsTab orgId={orgId} year={params.get('year') ? year : undefined} /> },
        ]}
      />
    </Card>
  );
}
