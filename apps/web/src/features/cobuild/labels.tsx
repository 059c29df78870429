import { cobuildPartnerKindLabel, cobuildStateColor, cobuildStateLabel, type CobuildAgreement } from '@jiceng/contracts';
import { Space, Tag } from 'antd';

/** An agreement's state, with 即将到期 (and the days left) when it ends within the reminder window. */
export function StateTag({ a }: { a: Pick<CobuildAgreement, 'state' | 'expiring' | 'daysLeft'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={cobuildStateColor[a.state]}>{cobuildStateLabel[a.state]}</Tag>
      {a.expiring && <Tag color="orange">{a.daysLeft === 0 ? '今天到期' : `${a.daysLeft} 天后到期`}</Tag>}
    </Space>
  );
}

export const KindTag = ({ kind }: { kind: CobuildAgreement['partnerKind'] }) => (
  <Tag color={kind === 'village' ? 'green' : kind === 'community' ? 'blue' : 'purple'}>{cobuildPartnerKindLabel[kind]}</Tag>
);
