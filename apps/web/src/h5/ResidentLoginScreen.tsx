import { MOBILE_PATTERN, RESIDENT_CODE_LENGTH } from '@jiceng/contracts';
import { Button, Input, List } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { messageOf, retryAfterOf } from '../api/errors.ts';
import { LargeTextItem } from './largeText.tsx';
import { useRequestCode, useResidentLogin } from './residentApi.ts';
import './service.css';

const mobile = new RegExp(MOBILE_PATTERN);

/** Seconds left until `until` (ms), ticking every second. */
function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * 群众登录 (`h5.html#/resident/login?next=…`): the mobile number, 获取验证码 (then a countdown from
 * the server's resendAfterSeconds; a refusal for asking too often is shown with its wait), the
 * 6-digit code, an optional 称呼, 登录. Then back to `next`.
 */
export function ResidentLoginScreen({ onDone }: { onDone: () => void }) {
  const requestCode = useRequestCode();
  const login = useResidentLogin();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [until, setUntil] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const wait = useCountdown(until);
  const phoneOk = mobile.test(phone.trim());

  const askCode = () => {
    setError(null);
    if (!phoneOk) {
      setError('请输入11位手机号码');
      return;
    }
    requestCode.mutate(phone.trim(), {
      onSuccess: (r) => {
        setSentTo(r.sentTo);
        setUntil(Date.now() + r.resendAfterSeconds * 1000);
      },
      onError: (e) => {
        const s = retryAfterOf(e);
        if (s && s <= 300) setUntil(Date.now() + s * 1000);
        setError(messageOf(e));
      },
    });
  };
  const submit = () => {
    setError(null);
    if (!phoneOk) return setError('请输入11位手机号码');
    if (!new RegExp(`^\\d{${RESIDENT_CODE_LENGTH}}$`).test(code.trim())) return setError(`请输入${RESIDENT_CODE_LENGTH}位数字验证码`);
    login.mutate(
      { phone: phone.trim(), code: code.trim(), ...(name.trim() ? { name: name.trim() } : {}) },
      { onSuccess: onDone, onError: (e) => setError(messageOf(e)) },
    );
  };

  return (
    <>
      <div className="h5-hero" style={{ paddingBottom: 48 }}>
        <h1>群众登录</h1>
        <p>用手机号和验证码登录，反映诉求、提交微心愿</p>
      </div>
      <div className="h5-section" style={{ marginTop: -24, background: '#fff' }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <List>
            <List.Item>
              <label className="h5-field-label" htmlFor="resident-phone">
                手机号码
              </label>
              <Input
                id="resident-phone"
                type="tel"
                inputMode="numeric"
                autoComplete="tel"
                maxLength={11}
                value={phone}
                onChange={(v) => setPhone(v.replace(/\D/g, ''))}
                placeholder="请输入11位手机号码"
                clearable
              />
            </List.Item>
            <List.Item
              extra={
                <Button size="small" color="primary" fill="outline" disabled={wait > 0} loading={requestCode.isPending} onClick={askCode}>
                  {wait > 0 ? `${wait}秒后重新获取` : sentTo ? '重新获取' : '获取验证码'}
                </Button>
              }
            >
              <label className="h5-field-label" htmlFor="resident-code">
                验证码
              </label>
              <Input
                id="resident-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={RESIDENT_CODE_LENGTH}
                value={code}
                onChange={(v) => setCode(v.replace(/\D/g, ''))}
                placeholder={`${RESIDENT_CODE_LENGTH}位数字`}
              />
            </List.Item>
            <List.Item>
              <label className="h5-field-label" htmlFor="resident-name">
                称呼（选填，如：王阿姨）
              </label>
              <Input id="resident-name" maxLength={20} value={name} onChange={setName} placeholder="首次登录时可填写" />
            </List.Item>
          </List>
          {sentTo && !error && (
            <p role="status" className="h5-small-note">
              验证码已发送至 {sentTo}
            </p>
          )}
          {error && (
            <p role="alert" className="h5-small-note" style={{ color: 'var(--adm-color-danger)' }}>
              {error}
            </p>
          )}
          <div style={{ padding: '12px 16px' }}>
            <Button block type="submit" color="primary" size="large" loading={login.isPending}>
              登录
            </Button>
          </div>
        </form>
      </div>
      <div className="h5-section">
        <List>
          <LargeTextItem />
        </List>
      </div>
      {/* residents have no account, so the page cannot ask whether this is the demo: the note is always there, small */}
      <p className="h5-note">未接入短信网关时，验证码记录在服务器日志中（演示环境）</p>
      <p className="h5-note" style={{ paddingTop: 0 }}>
        首次登录即完成登记；党员、网格员请用账号在
        <a href="/h5.html" style={{ color: 'var(--adm-color-primary)' }}>
          账号登录
        </a>
        页登录
      </p>
    </>
  );
}
