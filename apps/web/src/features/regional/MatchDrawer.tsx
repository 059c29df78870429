import { ApartmentOutlined } from '@ant-design/icons';
import type { RgNeedDetail, RgProposal } from '@jiceng/contracts';
import { Alert, Button, Checkbox, Drawer, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMatches } from './api.ts';
import { hoursText, yuanText } from './form.ts';
import { ownerKindText } from './labels.tsx';
import { ProjectModal } from './ProjectModal.tsx';

/** What a resource offers, in one line. */
function capacityText(r: RgProposal['resource']): string {
  const parts: string[] = [];
  if (r.capacityPeople !== null) parts.push(`${r.capacityPeople} 人`);
  if (r.capacityHoursMonth !== null) parts.push(`每月 ${hoursText(r.capacityHoursMonth)}`);
  if (r.capacityMoneyFen !== null) parts.push(`资金 ${yuanText(r.capacityMoneyFen)}`);
  if (r.venue) parts.push(`场地：${r.venue}`);
  if (r.availableFrom || r.availableTo) parts.push(`提供期 ${r.availableFrom ?? '—'} 至 ${r.availableTo ?? '—'}`);
  return parts.join('；') || '未填写提供能力';
}

/**
 * 资源匹配: the resources that could meet the need, best first (rule set rg-2026), each with its
 * owner, score and every reason with its points. The community ticks one or more and 立项.
 */
export function MatchDrawer({ need, onClose }: { need: RgNeedDetail; onClose: () => void }) {
  const { data, isPending, error } = useMatches(need.id, true);
  const [picked, setPicked] = useState<string[]>([]);
  const [proposing, setProposing] = useState(false);
  const proposals = data?.proposals ?? [];
  const chosen = proposals.filter((p) => picked.includes(p.resource.id)).map((p) => p.resource);
  const mayPropose = picked.length > 0 || !!need.claimedUnitId;
  const toggle = (id: string, on: boolean) => setPicked((xs) => (on ? [...xs, id] : xs.filter((x) => x !== id)));
  return (
    <Drawer
      open
      width={820}
      title={`资源匹配：${need.title}`}
      onClose={onClose}
      extra={
        <Button type="primary" icon={<ApartmentOutlined />} disabled={!mayPropose} onClick={() => setProposing(true)} data-testid="rg-propose">
          {picked.length ? `立项（已选 ${picked.length} 项资源）` : '立项'}
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={
          need.claimedUnitId
            ? `该需求已由「${need.claimedUnitName}」认领，可直接立项，也可再勾选其他资源一并对接。`
            : '勾选一项或多项资源后点击“立项”；驻区单位同意参与后项目开始实施。'
        }
      />
      {isPending && <Spin />}
      {error && <Alert type="error" showIcon message={error.message} />}
      {data && proposals.length === 0 && <Empty description="暂无可对接的资源（同类别、面向本社区或本街道、在提供期内的资源会列在这里）" />}
      {proposals.length > 0 && (
        <List<RgProposal>
          dataSource={proposals}
          data-testid="rg-matches"
          renderItem={(p) => {
            const r = p.resource;
            return (
              <List.Item key={r.id}>
                <Space align="start" size={12} style={{ width: '100%' }}>
                  <Checkbox checked={picked.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} aria-label={`选择资源：${r.title}`} />
                  <div style={{ flex: 1 }}>
                    <Space wrap size={8}>
                      <Typography.Text strong>{r.title}</Typography.Text>
                      <Tag color="blue">{ownerKindText(r.ownerKind)}</Tag>
                      <span>{r.ownerName}</span>
                      <Typography.Text type="secondary">
                        {r.categoryName} · {r.communityName}
                      </Typography.Text>
                      <Tag color="red" data-testid="rg-match-score">
                        匹配度 {p.score} 分
                      </Tag>
                    </Space>
                    <div>{capacityText(r)}</div>
                    <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                      {p.reasons.map((x, i) => (
                        <li key={`${x.rule}-${i}`}>
                          {x.text}
                          <Typography.Text type={x.points < 0 ? 'danger' : 'secondary'}>
                            （{x.points > 0 ? '+' : ''}
                            {x.points} 分）
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  </div>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
      {proposing && <ProjectModal need={need} resources={chosen} onClose={() => setProposing(false)} />}
    </Drawer>
  );
}
