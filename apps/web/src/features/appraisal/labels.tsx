import { appraisalGradeLabel, dispositionKindLabel, dispositionStatusLabel, type AppraisalGrade, type DispositionBrief, type DispositionKind, type DispositionStatus } from '@jiceng/contracts';
import { Tag } from 'antd';

export const gradeText = (g: string | null) => (g ? (appraisalGradeLabel[g as AppraisalGrade] ?? g) : '未评定');
export const kindText = (k: string) => dispositionKindLabel[k as DispositionKind] ?? k;

const GRADE_COLOR: Record<AppraisalGrade, string> = { excellent: 'red', qualified: 'green', basically_qualified: 'orange', unqualified: 'magenta' };

export function GradeTag({ grade }: { grade: string | null }) {
  return <Tag color={grade ? GRADE_COLOR[grade as AppraisalGrade] : 'default'}>{gradeText(grade)}</Tag>;
}

export function DispositionStatusTag({ status }: { status: string }) {
  return <Tag color={status === 'done' ? 'default' : 'processing'}>{dispositionStatusLabel[status as DispositionStatus] ?? status}</Tag>;
}

/** 限期改正 至 2027-05-22（进行中）. */
export function DispositionText({ d }: { d: DispositionBrief }) {
  return (
    <span>
      {kindText(d.kind)}
      {d.deadline ? ` 至 ${d.deadline}` : ''} <DispositionStatusTag status={d.status} />
    </span>
  );
}
