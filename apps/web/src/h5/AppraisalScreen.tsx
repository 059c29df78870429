import { appraisalGradeLabel, dispositionKindLabel, dispositionStatusLabel, type AppraisalGrade, type DispositionKind, type DispositionStatus, type MyAppraisal } from '@jiceng/contracts';
import { ErrorBlock, List, SpinLoading, Tag } from 'antd-mobile';
import { NOT_LINKED, useMyAppraisals } from './memberApi.ts';

const GRADE_COLOR: Record<string, string> = { excellent: 'danger', qualified: 'success', basically_qualified: 'warning', unqualified: 'default' };

function dispositionLine(d: NonNullable<MyAppraisal['disposition']>): string {
  const parts = [`组织处置：${dispositionKindLabel[d.kind as DispositionKind] ?? d.kind}（${dispositionStatusLabel[d.status as DispositionStatus] ?? d.status}）`];
  if (d.deadline && d.status !== 'done') parts.push(`整改期限 ${d.deadline}`);
  if (d.result) parts.push(`结果：${d.result}`);
  return parts.join('，');
}

/** 我的评议: the member's 民主评议 grades by year, newest first, with any 组织处置. */
export function AppraisalScreen() {
  const { data, isPending, isError } = useMyAppraisals();
  return (
    <>
      <div className="h5-hero">
        <h1>我的评议</h1>
        <p>历年民主评议党员结果</p>
      </div>
      {isPending && <div style={{ paddingTop: 60, display: 'flex', justifyContent: 'center' }}><SpinLoading color="primary" /></div>}
      {isError && <ErrorBlock status="disconnected" title="暂时无法读取评议结果" description="请稍后重试" />}
      {data === null && <ErrorBlock status="empty" {...NOT_LINKED} />}
      {data?.length === 0 && <ErrorBlock status="empty" title="暂无评议结果" description="所在党支部完成年度民主评议后会显示在这里" />}
      {!!data?.length && (
        <div className="h5-section">
          <List>
            {[...data].sort((a, b) => b.year - a.year).map((a) => (
              <List.Item
                key={`${a.year}-${a.orgName}`}
                extra={<Tag color={GRADE_COLOR[a.grade] ?? 'default'} fill="solid">{appraisalGradeLabel[a.grade as AppraisalGrade] ?? a.grade}</Tag>}
                description={
                  <>
                    {a.orgName}
                    {a.remark && <div>评议意见：{a.remark}</div>}
                    {a.disposition && <div style={{ color: '#c4161c' }}>{dispositionLine(a.disposition)}</div>}
                  </>
                }
              >
                {a.year} 年度
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </>
  );
}
