import type { FloatingRecord } from '@jiceng/contracts';
import { Space } from 'antd';
import type { FloatingStepKind } from './api.ts';

export type FloatingAction = FloatingStepKind | 'edit';

/** What this account may do with a registration now, by its side(s) and the step reached. */
export function actionsFor(r: FloatingRecord, canWrite: boolean): FloatingAction[] {
  if (!canWrite || r.status === 'returned') return [];
  const home = r.sides.includes('out');
  const out: FloatingAction[] = [];
  if (r.status === 'pending_arrival' && (r.destinationOrgId ? r.sides.includes('in') : home)) out.push('arrival');
  if (r.status === 'pending_verify' && home) out.push('verify');
  if (home) out.push('edit', 'return');
  return out;
}

const LABEL: Record<FloatingAction, string> = { arrival: '流入登记', verify: '核实', edit: '修改', return: '结束流动' };

export function FloatingActions({ r, canWrite, onAction }: { r: FloatingRecord; canWrite: boolean; onAction: (a: FloatingAction) => void }) {
  return (
    <Space size={12}>
      {actionsFor(r, canWrite).map((a) => <a key={a} onClick={() => onAction(a)}>{LABEL[a]}</a>)}
    </Space>
  );
}
