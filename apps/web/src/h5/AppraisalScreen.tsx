import { appraisalGradeLabel, dispositionKindLabel, dispositionStatusLabel, type AppraisalGrade, type DispositionKind, type DispositionStatus, type MyAppraisal } from '@jiceng/contracts';
import { List, Tag } from 'antd-mobile';
import { useMyAppraisals } from './memberApi.ts';
import { OwnListScreen } from './OwnListScreen.tsx';

const GRADE_COLOR: Record<string, string> = { excellent: 'danger', qualified: 'success', basically_qualified: 'warning', unqualified: 'default' };

function dispositionLine(d: NonNullable<MyAppraisal['disposition']>): string {
  const parts = [`组织处置：${dispositionKindLabel[d.kind as DispositionKind] ?? d.kind}（${dispositionStatusLabel[d.status as DispositionStatus] ?? d.status}）`];
  if (d.deadline && d.status !== 'done') parts.push(`整改期限 ${d.deadline}`);
  if (d.result) parts.push(`结果：${d.result}`);
  return parts.join('，');
}

/** 我的评议: the member's 民主评议 grades by year, newest first, with any 组织处置. */
export function AppraisalScreen() {
  return (
    <OwnListScreen title="我的评议" subtitle="历年民主评议党员结果" query={useMyAppraisals()} noun="评议结果" empty={{ title: '暂无评议结果', description: '所在党支部完成年度民主评议后会显示在这里' }}>
      {(items) =>
        [...items].sort((a, b) => b.year - a.year).map((a) => (
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
        ))
      }
    </OwnListScreen>
  );
}
