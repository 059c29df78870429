import { REPORT_IN_REASON_MAX } from '@jiceng/contracts';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useCancelReport } from './api.ts';
import { DateReasonModal } from './DateReasonModal.tsx';

/** 注销报到 (moved house, unit moved out …): a date not before the report and a reason. */
export function CancelReportModal({ kind, id, name, reportDate, onClose }: { kind: 'members' | 'units'; id: string; name: string; reportDate: string; onClose: () => void }) {
  const cancel = useCancelReport(kind);
  return (
    <DateReasonModal
      title={`注销报到：${name}`}
      okText="注销"
      dateLabel="注销日期"
      reasonLabel="注销原因"
      reasonMax={REPORT_IN_REASON_MAX}
      placeholder={kind === 'members' ? '如：已搬离本社区' : '如：单位已迁出'}
      minDate={reportDate}
      pending={cancel.isPending}
      onClose={onClose}
      onSubmit={({ date, reason }, form) =>
        cancel.mutate({ id, input: { date, reason } }, {
          onError: (e) => applyFieldErrors(form, e),
          onSuccess: () => {
            showSuccess(`已注销「${name}」的报到`);
            onClose();
          },
        })
      }
    />
  );
}
