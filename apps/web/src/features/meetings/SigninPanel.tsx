import type { MeetingDetail } from '@jiceng/contracts';
import { Alert, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSigninCode } from './api.ts';

/** The sign-in code (big, for the wall) and the QR of the H5 sign-in page, with the window. */
export function SigninPanel({ m }: { m: MeetingDetail }) {
  const open = m.state === 'notice' || m.state === 'held';
  const code = useSigninCode(m.id, open);
  if (!open) return <Typography.Paragraph type="secondary">签到码在发布会议通知后生成，会议召开后至记录填写前有效。</Typography.Paragraph>;
  if (!code.data) return null;
  const window = `${dayjs(code.data.opensAt).format('MM-DD HH:mm')} 至 ${dayjs(code.data.closesAt).format('MM-DD HH:mm')}`;
  return (
    <Space direction="vertical" align="center" style={{ width: '100%' }}>
      <Typography.Text>党员在手机端「我的会议」输入签到码，或扫描二维码签到</Typography.Text>
      <div data-testid="signin-code" style={{ fontSize: 56, fontWeight: 700, letterSpacing: 12, fontFamily: 'monospace', color: '#c4161c' }}>
        {code.data.code}
      </div>
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.qrSvg)}`} alt="会议签到二维码" width={220} height={220} />
      <Alert type="info" showIcon message={`签到时间：${window}（会议开始前 30 分钟至开始后 30 分钟）；之后请由书记补签。`} />
    </Space>
  );
}
