import { Card } from 'antd';
import { MemberImportPanel } from './MemberImportPanel.tsx';

/** /members/import: the roster import on a page of its own (reached from 党员管理's 导入党员名册). */
export default function MemberImportPage() {
  return (
    <Card title="导入党员名册">
      <MemberImportPanel />
    </Card>
  );
}
