import { satisfactionName, type ServiceRequestDetail } from '@jiceng/contracts';
import { Button, Dialog, ErrorBlock, List, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { BackBar } from './BackBar.tsx';
import { residentPhotoUrl, residentRequestHash, RESIDENT_HASH, RESIDENT_SUBMIT_HASH, useMyRequest, useMyRequests, useResidentAction } from './residentApi.ts';
import { ChoiceButtons, ClockLine, go, Loading, PhotoGrid, StateTag, Timeline } from './serviceShared.tsx';
import './service.css';

/** A resident's own requests on H5: the list and one request's page (submitting is ResidentSubmitScreen.tsx). */

/** 我的诉求: the resident's requests (and those joined), state and clock. */
export function MyRequestsScreen() {
  const list = useMyRequests(true);
  return (
    <>
      <BackBar title="我的诉求" onBack={() => go(RESIDENT_HASH)} />
      <div style={{ padding: '12px 16px 0' }}>
        <Button block color="primary" onClick={() => go(RESIDENT_SUBMIT_HASH)}>
          我要反映
        </Button>
      </div>
      {list.isPending && <Loading />}
      {list.data && (
        <div className="h5-section">
          <List header={`共 ${list.data.length} 件`}>
            {list.data.length === 0 && <List.Item>还没有反映过诉求</List.Item>}
            {list.data.map((r) => (
              <List.Item
                key={r.id}
                clickable
                onClick={() => go(residentRequestHash(r.id))}
                extra={<StateTag r={r} />}
                description={
                  <>
                    <div>{r.description.length > 36 ? `${r.description.slice(0, 36)}…` : r.description}</div>
                    <div>
                      {r.code} · {dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm')}
                    </div>
                    <ClockLine r={r} />
                  </>
                }
              >
                {r.kindLabel} · {r.categoryName}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </>
  );
}

const RATINGS = (['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((v) => ({ value: v, label: satisfactionName[v] }));

/** 评价: 满意 / 基本满意 / 不满意 (it goes back to be handled again) and a comment. */
function RateForm({ r }: { r: ServiceRequestDetail }) {
  const act = useResidentAction(r.id);
  const [rating, setRating] = useState<(typeof RATINGS)[number]['value']>('satisfied');
  const [comment, setComment] = useState('');
  return (
    <div className="h5-section h5-card">
      <h2 className="h5-field-label" style={{ marginTop: 0 }}>
        评价办理结果
      </h2>
      <ChoiceButtons label="满意度" options={RATINGS} value={rating} onChange={setRating} />
      {rating === 'unsatisfied' && (
        <p className="h5-hint" role="note">
          选择「不满意」后，诉求将退回承办人重新办理，办结后请再次评价。
        </p>
      )}
      <label className="h5-field-label" htmlFor="service-rate-comment" style={{ marginTop: 12 }}>
        评价意见（选填）
      </label>
      <TextArea id="service-rate-comment" rows={3} maxLength={500} value={comment} onChange={setComment} />
      <Button
        block
        color="primary"
        style={{ marginTop: 12 }}
        loading={act.isPending}
        onClick={() =>
          act.mutate(
            { action: 'rate', rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
            { onSuccess: () => Toast.show({ icon: 'success', content: rating === 'unsatisfied' ? '已退回重新办理' : '感谢您的评价' }) },
          )
        }
      >
        提交评价
      </Button>
    </div>
  );
}

/** 补充材料: what the handler asked for, as text. */
function SupplyForm({ r }: { r: ServiceRequestDetail }) {
  const act = useResidentAction(r.id);
  const [comment, setComment] = useState('');
  const asked = [...r.timeline].reverse().find((e) => e.action === 'request_info');
  return (
    <div className="h5-section h5-card">
      <h2 className="h5-field-label" style={{ marginTop: 0 }}>
        补充材料
      </h2>
      {asked?.reason && <p className="h5-hint">办理人需要：{asked.reason}</p>}
      <label className="h5-field-label" htmlFor="service-supply">
        补充说明
      </label>
      <TextArea id="service-supply" rows={3} maxLength={500} value={comment} onChange={setComment} />
      <Button
        block
        color="primary"
        style={{ marginTop: 12 }}
        loading={act.isPending}
        onClick={() => {
          if (comment.trim().length < 2) {
            Toast.show({ content: '请填写补充说明' });
            return;
          }
          act.mutate({ action: 'supply_info', comment: comment.trim() }, { onSuccess: () => Toast.show({ icon: 'success', content: '已补充，继续办理' }) });
        }}
      >
        提交补充材料
      </Button>
    </div>
  );
}

/** A resident's request: state and clock, what they wrote and sent, the result, the timeline, their steps. */
export function RequestDetailScreen({ id }: { id: string }) {
  const q = useMyRequest(id);
  const withdraw = useResidentAction(id);
  const back = () => go('#/resident/requests');
  if (q.isPending) return <Loading />;
  if (q.isError)
    return (
      <>
        <BackBar title="诉求详情" onBack={back} />
        <ErrorBlock status="default" title="打不开这件诉求" description="它可能已被合并或不属于您" />
      </>
    );
  const r = q.data;
  return (
    <>
      <BackBar title="诉求详情" onBack={back} />
      <div className="h5-section">
        <List header={`诉求编号 ${r.code}`}>
          <List.Item extra={<StateTag r={r} />} description={<ClockLine r={r} />}>
            {r.kindLabel} · {r.categoryName}
          </List.Item>
          <List.Item>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>
          </List.Item>
          <List.Item extra={[r.communityName, r.gridName, r.place].filter(Boolean).join(' · ')}>地点</List.Item>
          <List.Item extra={dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm')}>提交时间</List.Item>
          {r.assignee && <List.Item extra={r.assignee.name}>承办</List.Item>}
          {r.followerCount > 1 && <List.Item extra={`${r.followerCount} 人`}>共同关注</List.Item>}
          {r.mergedIntoCode && <List.Item extra={r.mergedIntoCode}>已合并至</List.Item>}
          {r.photos.length > 0 && (
            <List.Item>
              <PhotoGrid photos={r.photos} urlOf={(p) => residentPhotoUrl(r.id, p)} label="现场照片" />
            </List.Item>
          )}
        </List>
      </div>
      {(r.result || r.resultPhotos.length > 0) && (
        <div className="h5-section">
          <List header="办理结果">
            {r.result && (
              <List.Item description={r.resolvedAt ? `办结时间：${dayjs(r.resolvedAt).format('YYYY-MM-DD HH:mm')}` : undefined}>
                <span className="h5-result-text" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.result}
                </span>
              </List.Item>
            )}
            {r.resultPhotos.length > 0 && (
              <List.Item>
                <PhotoGrid photos={r.resultPhotos} urlOf={(p) => residentPhotoUrl(r.id, p)} label="办结照片" />
              </List.Item>
            )}
            {r.ratingLabel && (
              <List.Item extra={r.ratingLabel} description={r.ratingComment ?? undefined}>
                我的评价
              </List.Item>
            )}
            {r.autoClosed && <List.Item>超时未评价，已自动关闭</List.Item>}
          </List>
        </div>
      )}
      {r.actions.includes('rate') && <RateForm key={`rate-${r.version}`} r={r} />}
      {r.actions.includes('supply_info') && <SupplyForm key={`supply-${r.version}`} r={r} />}
      <div className="h5-section">
        <Timeline events={r.timeline} />
      </div>
      {r.actions.includes('withdraw') && (
        <div style={{ padding: '0 16px 16px' }}>
          <Button
            block
            fill="outline"
            loading={withdraw.isPending}
            onClick={async () => {
              if (!(await Dialog.confirm({ content: '撤销后社区将不再办理这件诉求，确定撤销？', confirmText: '撤销', cancelText: '不撤销' }))) return;
              withdraw.mutate({ action: 'withdraw' }, { onSuccess: () => Toast.show({ icon: 'success', content: '已撤销' }) });
            }}
          >
            撤销诉求
          </Button>
        </div>
      )}
    </>
  );
}
