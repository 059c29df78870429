import { WISH_BENEFICIARY_MAX, WISH_DESCRIPTION_MAX, WISH_TITLE_MAX, wishYuan, type ResidentWish } from '@jiceng/contracts';
import { Button, Dialog, ErrorBlock, Input, List, Picker, SpinLoading, Tag, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { messageOf } from '../api/errors.ts';
import { BackBar } from './BackBar.tsx';
import { RESIDENT_LOGIN_PATH, usePostWish, useResident, useResidentWishes, useWishCommunities, useWithdrawWish, yuanToFen } from './wishesApi.ts';

const fail = (e: unknown) => Toast.show({ icon: 'fail', content: messageOf(e) });
const stateColor = (w: ResidentWish) =>
  w.state === 'confirmed' ? 'success' : w.state === 'cancelled' ? 'default' : w.state === 'pending' ? 'warning' : 'primary';

/** 提交微心愿: what, for whom, roughly what it is worth, and the community; the community reviews it first. */
function PostForm({ onDone }: { onDone: () => void }) {
  const communities = useWishCommunities(true);
  const post = usePostWish();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [title, setTitle] = useState('');
  const [beneficiary, setBeneficiary] = useState('');
  const [description, setDescription] = useState('');
  const [yuan, setYuan] = useState('');
  const chosen = communities.data?.find((c) => c.id === orgId);
  const submit = () => {
    const valueFen = yuanToFen(yuan);
    const missing = !orgId
      ? '请选择所在社区'
      : title.trim().length < 2
        ? '请填写心愿内容'
        : beneficiary.trim().length < 2
          ? '请填写为谁实现心愿'
          : !description.trim()
            ? '请填写心愿说明'
            : valueFen === null
              ? '请填写心愿价值（元），如 150'
              : null;
    if (missing || !orgId || valueFen === null) {
      Toast.show({ content: missing ?? '' });
      return;
    }
    post.mutate(
      { orgId, title: title.trim(), beneficiary: beneficiary.trim(), description: description.trim(), valueFen },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: '已提交，社区审核后会发布到心愿墙' });
          onDone();
        },
        onError: fail,
      },
    );
  };
  return (
    <>
      <BackBar title="提交微心愿" onBack={onDone} />
      <div className="h5-section">
        <List header="心愿信息">
          <List.Item clickable onClick={() => setPicking(true)} extra={chosen ? chosen.name : '请选择'}>
            所在社区
          </List.Item>
          <List.Item>
            <label className="h5-field-label" htmlFor="wish-title">
              心愿内容
            </label>
            <Input id="wish-title" maxLength={WISH_TITLE_MAX} value={title} onChange={setTitle} placeholder="如：一个新书包" />
          </List.Item>
          <List.Item>
            <label className="h5-field-label" htmlFor="wish-beneficiary">
              为谁实现（会在心愿墙公开，请不写姓名电话）
            </label>
            <Input id="wish-beneficiary" maxLength={WISH_BENEFICIARY_MAX} value={beneficiary} onChange={setBeneficiary} placeholder="如：上小学的孩子" />
          </List.Item>
          <List.Item>
            <label className="h5-field-label" htmlFor="wish-description">
              心愿说明
            </label>
            <TextArea id="wish-description" rows={3} maxLength={WISH_DESCRIPTION_MAX} showCount value={description} onChange={setDescription} />
          </List.Item>
          <List.Item>
            <label className="h5-field-label" htmlFor="wish-yuan">
              大约价值（元，几百元以内）
            </label>
            <Input id="wish-yuan" type="text" inputMode="decimal" value={yuan} onChange={setYuan} placeholder="如：150" />
          </List.Item>
        </List>
        <p className="h5-note">社区会通过您登录的手机号与您联系，手机号不会在心愿墙上显示。</p>
        <div style={{ padding: '12px 16px' }}>
          <Button block color="primary" size="large" loading={post.isPending} onClick={submit}>
            提交心愿
          </Button>
        </div>
      </div>
      <Picker
        visible={picking}
        onClose={() => setPicking(false)}
        columns={[(communities.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.streetName}）` }))]}
        value={orgId ? [orgId] : []}
        onConfirm={(v) => setOrgId((v[0] as string | undefined) ?? null)}
        confirmText="确定"
        cancelText="取消"
        title="选择所在社区"
      />
    </>
  );
}

/**
 * 群众's 微心愿 on H5 (`h5.html#/resident/wishes`): post a wish and follow their own (待审核 → 已发布 →
 * 已认领 → 已确认, or why it was not published), withdraw one nobody has claimed. Needs the resident
 * session (phone and code); without it, a link to the resident login page.
 */
export function ResidentWishScreen() {
  const me = useResident();
  const list = useResidentWishes(!!me.data);
  const withdraw = useWithdrawWish();
  const [posting, setPosting] = useState(false);
  if (me.isPending)
    return (
      <div style={{ paddingTop: 120, display: 'flex', justifyContent: 'center' }}>
        <SpinLoading color="primary" />
      </div>
    );
  if (me.isError) return <ErrorBlock status="disconnected" title="无法连接服务器" description="请检查网络后重试" />;
  if (!me.data)
    return (
      <>
        <div className="h5-hero">
          <h1>微心愿</h1>
          <p>说出您的小心愿，党员帮您实现</p>
        </div>
        <ErrorBlock status="empty" title="请先登录" description="用手机号和验证码登录后，即可提交和查看您的微心愿" />
        <div style={{ padding: '12px 16px' }}>
          <a className="adm-button adm-button-primary adm-button-block adm-button-large" href={RESIDENT_LOGIN_PATH}>
            手机号登录
          </a>
        </div>
      </>
    );
  if (posting) return <PostForm onDone={() => setPosting(false)} />;
  return (
    <>
      <div className="h5-hero">
        <h1>我的微心愿</h1>
        <p>
          {me.data.name ?? '您好'}（{me.data.phone}）
        </p>
      </div>
      <div style={{ padding: '12px 16px' }}>
        <Button block color="primary" size="large" onClick={() => setPosting(true)}>
          提交一个微心愿
        </Button>
      </div>
      {list.isPending && (
        <div style={{ paddingTop: 40, display: 'flex', justifyContent: 'center' }}>
          <SpinLoading color="primary" />
        </div>
      )}
      {list.data && (
        <div className="h5-section">
          <List header={`我提交的（${list.data.length}）`}>
            {list.data.length === 0 && <List.Item>还没有提交过微心愿</List.Item>}
            {list.data.map((w) => (
              <List.Item
                key={w.id}
                description={
                  <>
                    <div>
                      为{w.beneficiary} · {wishYuan(w.valueFen)} 元 · {w.orgName} · {dayjs(w.createdAt).format('YYYY-MM-DD')}
                    </div>
                    {w.lastReason && <div>原因：{w.lastReason}</div>}
                    {w.canWithdraw && (
                      <Button
                        size="mini"
                        fill="outline"
                        style={{ marginTop: 6 }}
                        loading={withdraw.isPending && withdraw.variables === w.id}
                        onClick={async () => {
                          if (!(await Dialog.confirm({ content: `撤回「${w.title}」？`, confirmText: '撤回', cancelText: '取消' }))) return;
                          withdraw.mutate(w.id, { onSuccess: () => Toast.show({ icon: 'success', content: '已撤回' }), onError: fail });
                        }}
                      >
                        撤回
                      </Button>
                    )}
                  </>
                }
                extra={
                  <Tag color={stateColor(w)} fill="outline">
                    {w.stateLabel}
                  </Tag>
                }
              >
                {w.title}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </>
  );
}
