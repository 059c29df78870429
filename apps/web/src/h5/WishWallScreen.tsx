import { wishYuan, type WishWallItem } from '@jiceng/contracts';
import { Button, Dialog, ErrorBlock, List, SpinLoading, Tag, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { messageOf } from '../api/errors.ts';
import { BackBar } from './BackBar.tsx';
import { useClaimWish, useFulfilWish, useMyWishes, useReleaseWish, useWishPhoto, useWishWall } from './wishesApi.ts';

const fail = (e: unknown) => Toast.show({ icon: 'fail', content: messageOf(e) });

/** One of the member's claims: upload a photo, fulfil with a note, or give it back with a reason. */
function ClaimDetail({ w, onBack }: { w: WishWallItem; onBack: () => void }) {
  const photo = useWishPhoto();
  const fulfil = useFulfilWish();
  const release = useReleaseWish();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const open = w.state === 'claimed';
  return (
    <>
      <BackBar title="我认领的心愿" onBack={onBack} />
      <div className="h5-section">
        <List header={w.title}>
          <List.Item extra={w.beneficiary}>为谁实现</List.Item>
          <List.Item extra={`${wishYuan(w.valueFen)} 元`}>心愿价值</List.Item>
          <List.Item extra={w.orgName}>所属社区</List.Item>
          <List.Item extra={w.stateLabel}>状态</List.Item>
          {w.claimedAt && <List.Item extra={dayjs(w.claimedAt).format('YYYY-MM-DD')}>认领日期</List.Item>}
          <List.Item>
            <span style={{ whiteSpace: 'pre-wrap' }}>{w.description}</span>
          </List.Item>
        </List>
      </div>
      {w.lastReason && open && (
        <div className="h5-section">
          <List header="社区退回的原因">
            <List.Item>{w.lastReason}</List.Item>
          </List>
        </div>
      )}
      {open && (
        <div className="h5-section">
          <List header={`完成照片（已上传 ${w.photoCount} 张）`}>
            <List.Item>
              <label className="h5-field-label" htmlFor={`wish-photo-${w.id}`}>
                拍照或选择照片上传
              </label>
              <input
                id={`wish-photo-${w.id}`}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) photo.mutate({ id: w.id, file }, { onSuccess: () => Toast.show({ icon: 'success', content: '照片已上传' }), onError: fail });
                }}
              />
            </List.Item>
            <List.Item>
              <label className="h5-field-label" htmlFor={`wish-note-${w.id}`}>
                完成情况（选填）
              </label>
              <TextArea id={`wish-note-${w.id}`} rows={2} maxLength={300} value={note} onChange={setNote} placeholder="如：书包已送到孩子手中" />
            </List.Item>
          </List>
          <div style={{ padding: '12px 16px' }}>
            <Button
              block
              color="primary"
              size="large"
              loading={fulfil.isPending}
              disabled={w.photoCount === 0}
              onClick={() =>
                fulfil.mutate(
                  { id: w.id, note: note.trim() || undefined },
                  { onSuccess: () => Toast.show({ icon: 'success', content: '已提交，等待社区确认' }), onError: fail },
                )
              }
            >
              完成心愿
            </Button>
            {w.photoCount === 0 && <p className="h5-note">请先上传完成心愿的照片</p>}
          </div>
          <List header="放弃认领">
            <List.Item>
              <label className="h5-field-label" htmlFor={`wish-reason-${w.id}`}>
                原因（必填，心愿将回到心愿墙）
              </label>
              <TextArea id={`wish-reason-${w.id}`} rows={2} maxLength={200} value={reason} onChange={setReason} />
            </List.Item>
          </List>
          <div style={{ padding: '12px 16px' }}>
            <Button
              block
              color="danger"
              fill="outline"
              disabled={!reason.trim()}
              loading={release.isPending}
              onClick={async () => {
                if (!(await Dialog.confirm({ content: '确定放弃认领这个心愿吗？', confirmText: '放弃认领', cancelText: '再想想' }))) return;
                release.mutate(
                  { id: w.id, reason: reason.trim() },
                  {
                    onSuccess: () => {
                      Toast.show({ icon: 'success', content: '已放弃认领' });
                      onBack();
                    },
                    onError: fail,
                  },
                );
              }}
            >
              放弃认领
            </Button>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * 微心愿 for a 党员: the wall of their community (published wishes, 认领 — only one member gets each;
 * someone faster is told so), and the wishes they claimed: upload a photo and 完成, or 放弃认领.
 */
export function WishWallScreen() {
  const wall = useWishWall();
  const mine = useMyWishes();
  const claim = useClaimWish();
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = mine.data?.find((w) => w.id === openId);
  if (opened) return <ClaimDetail w={opened} onBack={() => setOpenId(null)} />;
  return (
    <>
      <div className="h5-hero">
        <h1>微心愿</h1>
        <p>{wall.data?.communityName ? `${wall.data.communityName}心愿墙` : '社区心愿墙'}：认领一个心愿，帮群众圆梦</p>
      </div>
      {(wall.isPending || mine.isPending) && (
        <div style={{ paddingTop: 60, display: 'flex', justifyContent: 'center' }}>
          <SpinLoading color="primary" />
        </div>
      )}
      {(wall.isError || mine.isError) && <ErrorBlock status="disconnected" title="暂时无法读取心愿" description="请稍后重试" />}
      {mine.data && mine.data.length > 0 && (
        <div className="h5-section">
          <List header={`我认领的（${mine.data.length}）`}>
            {mine.data.map((w) => (
              <List.Item
                key={w.id}
                clickable={w.state === 'claimed'}
                onClick={() => setOpenId(w.id)}
                description={w.state === 'claimed' ? (w.lastReason ? `社区退回：${w.lastReason}` : '上传照片后点“完成心愿”') : undefined}
                extra={
                  <Tag color={w.state === 'claimed' ? 'warning' : w.state === 'confirmed' ? 'success' : 'primary'} fill="outline">
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
      {wall.data && (
        <div className="h5-section">
          <List header={`待认领的心愿（${wall.data.total}）`}>
            {wall.data.communityName === null && <List.Item>未找到您所在的社区（村），请联系党支部书记</List.Item>}
            {wall.data.communityName !== null && wall.data.items.length === 0 && <List.Item>心愿墙上暂时没有待认领的心愿</List.Item>}
            {wall.data.items.map((w) => (
              <List.Item
                key={w.id}
                description={
                  <>
                    <div>为{w.beneficiary}</div>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{w.description}</div>
                  </>
                }
                extra={
                  <div style={{ textAlign: 'right' }}>
                    <div>{wishYuan(w.valueFen)} 元</div>
                    <Button
                      size="small"
                      color="primary"
                      loading={claim.isPending && claim.variables?.id === w.id}
                      onClick={async () => {
                        if (!(await Dialog.confirm({ content: `认领「${w.title}」？认领后请尽快完成并上传照片。`, confirmText: '认领', cancelText: '取消' })))
                          return;
                        claim.mutate(
                          { id: w.id, version: w.version },
                          { onSuccess: () => Toast.show({ icon: 'success', content: '认领成功' }), onError: fail },
                        );
                      }}
                    >
                      认领
                    </Button>
                  </div>
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
