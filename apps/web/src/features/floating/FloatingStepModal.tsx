import { CONTACT_PERSON_MAX, type FloatingRecord } from '@jiceng/contracts';
import { Form, Input } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useFloatingStep, type FloatingStepKind } from './api.ts';
import { dayOf, StepModal } from './StepModal.tsx';

const TEXT: Record<FloatingStepKind, { title: string; ok: string; date: string; done: string }> = {
  arrival: { title: '流入地登记（凡进必登）', ok: '登记', date: '流入登记日期', done: '已登记' },
  verify: { title: '流出地核实（凡登必核）', ok: '确认核实', date: '核实日期', done: '已核实' },
  return: { title: '结束流动', ok: '结束流动', date: '返回（结束）日期', done: '已结束流动' },
};

function hintOf(kind: FloatingStepKind, r: FloatingRecord) {
  if (kind === 'arrival') return `${r.homeOrgName}的党员${r.memberName}（${r.memberIdNumber}）自 ${r.destinationSince} 起在「${r.destinationPlace}」。登记后由流出地党组织核实。`;
  if (kind === 'verify') return `流入地已于 ${r.arrivalDate} 登记，联系人：${r.arrivalContact ?? '—'}。请与流入地党组织核实后确认。`;
  return '党员返回，或组织关系已正式转接的，结束本次流出登记，同时取消其「流动」标签。';
}

/** One step of a floating registration, by the side whose step it is. */
export function FloatingStepModal({ record, kind, onClose }: { record: FloatingRecord; kind: FloatingStepKind; onClose: () => void }) {
  const step = useFloatingStep();
  const t = TEXT[kind];
  const minDate = kind === 'verify' ? record.arrivalDate : kind === 'arrival' ? record.destinationSince : record.leftDate;
  return (
    <StepModal
      title={`${t.title}：${record.memberName}`}
      okText={t.ok}
      dateLabel={t.date}
      minDate={minDate}
      hint={hintOf(kind, record)}
      pending={step.isPending}
      onClose={onClose}
      onSubmit={(v, form) => {
        const input = { date: dayOf(v.date), note: v.note || null, ...(kind === 'arrival' ? { contactPerson: String(v.contactPerson ?? '') } : {}) };
        step.mutate({ id: record.id, kind, input }, {
          onError: (e) => applyFieldErrors(form, e),
          onSuccess: (r) => {
            showSuccess(`${r.memberName}：${t.done}`);
            onClose();
          },
        });
      }}
    >
      {kind === 'arrival' && (
        <Form.Item name="contactPerson" label="流入地联系人" rules={[{ required: true, whitespace: true, message: '请填写流入地联系人' }, { max: CONTACT_PERSON_MAX }]}>
          <Input maxLength={CONTACT_PERSON_MAX} placeholder="党员到流入地后向谁报到" />
        </Form.Item>
      )}
    </StepModal>
  );
}
