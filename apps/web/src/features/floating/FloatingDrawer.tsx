import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { useFloating } from './api.ts';
import { FloatingActions, type FloatingAction } from './FloatingActions.tsx';
import { FloatingAlerts, FloatingStatusTag, reasonText } from './labels.tsx';

const or = (v: string | null | undefined) => v || '—';

/** One registration in full: both sides' steps, dates and remarks; the phone in full on request (audited). */
export function FloatingDrawer({ id, canWrite, canUnmask, onAction, onClose }: { id: string; canWrite: boolean; canUnmask: boolean; onAction: (a: FloatingAction) => void; onClose: () => void }) {
  const [unmask, setUnmask] = useState(false);
  const { data: r, isPending, isError, error } = useFloating(id, unmask);
  return (
    <Drawer open width={640} title="流动党员登记" onClose={onClose} extra={r && <FloatingActions r={r} canWrite={canWrite} onAction={onAction} />}>
      {isPending && <PageLoading />}
      {isError && <Alert type="warning" showIcon message={error.message} />}
      {r && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>{r.memberName}</Typography.Title>
            <FloatingStatusTag status={r.status} />
            <FloatingAlerts r={r} />
          </Space>
          {r.unmasked && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="已显示完整联系电话，本次查看已记入审计日志。" />}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="性别">{r.memberGender === 'female' ? '女' : '男'}</Descriptions.Item>
            <Descriptions.Item label="公民身份号码">{r.memberIdNumber}</Descriptions.Item>
            <Descriptions.Item label="流出地党组织" span={2}>{r.homeOrgName}</Descriptions.Item>
            <Descriptions.Item label="流入地" span={2}>{r.destinationPlace}</Descriptions.Item>
            <Descriptions.Item label="流入地党组织" span={2}>{or(r.destinationOrgName)}</Descriptions.Item>
            <Descriptions.Item label="外出原因">{reasonText(r.reason)}{r.reasonNote ? `（${r.reasonNote}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="联系电话">
              <Space>
                {r.contactPhone}
                {canUnmask && !r.unmasked && <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setUnmask(true)}>查看完整</Button>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="外出日期">{r.leftDate}</Descriptions.Item>
            <Descriptions.Item label="预计返回">{or(r.expectedReturnDate)}</Descriptions.Item>
            <Descriptions.Item label="在现流入地自">{r.destinationSince}</Descriptions.Item>
            <Descriptions.Item label="满六个月">{r.transferDueDate}</Descriptions.Item>
            <Descriptions.Item label="活动证编号">{or(r.certNo)}</Descriptions.Item>
            <Descriptions.Item label="活动证有效期">{r.certIssuedDate || r.certValidUntil ? `${or(r.certIssuedDate)} 至 ${or(r.certValidUntil)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="流入地登记" span={2}>{r.arrivalDate ? `${r.arrivalDate}，联系人 ${or(r.arrivalContact)}，${or(r.arrivalBy)}${r.arrivalNote ? `；${r.arrivalNote}` : ''}` : '尚未登记'}</Descriptions.Item>
            <Descriptions.Item label="流出地核实" span={2}>{r.verifiedDate ? `${r.verifiedDate}，${or(r.verifiedBy)}${r.verifiedNote ? `；${r.verifiedNote}` : ''}` : '尚未核实'}</Descriptions.Item>
            <Descriptions.Item label="结束流动" span={2}>{r.returnedDate ? `${r.returnedDate}${r.returnedNote ? `；${r.returnedNote}` : ''}` : '—'}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Drawer>
  );
}
