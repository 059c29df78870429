import { useParams } from 'react-router-dom';
import { ReportView } from './ReportView.tsx';

/** One report as the community side reads it (`/regional/reports/:id`). */
export default function ReportPage() {
  const { id = '' } = useParams();
  return <ReportView side="side" id={id} back={{ to: '/regional/reports', label: '返回双报告列表' }} />;
}
