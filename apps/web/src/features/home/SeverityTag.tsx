import { todoSeverityColor, todoSeverityLabel, type TodoSeverity } from '@jiceng/contracts';
import { Tag } from 'antd';

/** Deadlines 已逾期 red, 即将到期 orange, 待办 blue; warnings 预警 gold, 待完善 neutral — a warning is never tagged as due. */
export function SeverityTag({ severity }: { severity: TodoSeverity }) {
  const color = todoSeverityColor[severity];
  return <Tag color={color === 'default' ? undefined : color}>{todoSeverityLabel[severity]}</Tag>;
}
