import { Button, Input, Result } from 'antd-mobile';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { messageOf } from '../api/errors.ts';
import { BackBar } from './BackBar.tsx';
import { useMeetingSignin } from './meetingsApi.ts';

const CODE_LENGTH = 6;

/**
 * 会议签到: the 6-character code shown at the meeting, or a scanned QR link (`token`), which signs in
 * at once. The server's answer is shown as it says it: 签到成功, 已签到（首次签到 …）, 未到签到时间,
 * 签到已结束, 签到码无效, not on the list.
 */
export function SigninScreen({ token, onBack }: { token?: string | null; onBack: () => void }) {
  const signin = useMeetingSignin();
  const [code, setCode] = useState('');
  const sent = useRef(false);

  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      signin.mutate({ token });
    }
  }, [token, signin]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) signin.mutate({ code: code.trim() });
  };

  const answer = signin.data;
  return (
    <>
      <BackBar title="会议签到" onBack={onBack} />
      {answer ? (
        <div role="status">
          <Result
            status="success"
            title={answer.status === 'already' ? '已签到' : '签到成功'}
            description={
              <span className="h5-result-text">
                {answer.meetingTitle}：{answer.message}
              </span>
            }
          />
        </div>
      ) : (
        <>
          {signin.isError && (
            <div role="alert">
              <Result status="error" title="签到未成功" description={<span className="h5-result-text">{messageOf(signin.error)}</span>} />
            </div>
          )}
          {token && signin.isPending && <p className="h5-note">正在签到…</p>}
          {!token || signin.isError ? (
            <form className="h5-section h5-card" onSubmit={submit}>
              <label htmlFor="signin-code" className="h5-field-label">
                签到码
              </label>
              <Input
                id="signin-code"
                placeholder={`请输入会场公布的 ${CODE_LENGTH} 位签到码`}
                value={code}
                onChange={(v) => setCode(v.toUpperCase())}
                maxLength={20}
                autoComplete="off"
                className="h5-code-input"
              />
              <Button block color="primary" size="large" type="submit" loading={signin.isPending} disabled={!code.trim()} style={{ marginTop: 16 }}>
                签到
              </Button>
              <p className="h5-note" style={{ padding: 0 }}>
                会议开始前 30 分钟至开始后 30 分钟可以签到；也可用手机扫描会场的签到二维码
              </p>
            </form>
          ) : null}
        </>
      )}
    </>
  );
}
