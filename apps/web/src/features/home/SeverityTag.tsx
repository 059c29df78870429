import { todoSeverityLabel, type TodoSeverity } from '@jiceng/contracts';
import { Tag } from 'antd';

const COLOR: Record<TodoSeverity, string | undefined> = { overdue: 'red', due_soon: 'orange', no_deadline: undefined };

/** 已逾期 red, 即将到期 orange; a to-do without a deadline gets a neutral 待完善, never 即将到期. */
export function SeverityTag({ severity }: { severity: TodoSeverity }) {
  return <Tag color={COLOR[severity]}>{todoSeverityLabel[severity]}</Tag>;
}
