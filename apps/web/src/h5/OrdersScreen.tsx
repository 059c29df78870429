import { SERVICE_RESULT_MAX, type ServiceRequestDetail } from '@jiceng/contracts';
import { Button, ErrorBlock, List, SpinLoading, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { BackBar } from './BackBar.tsx';
import { ORDERS_HASH, orderOfHash, orderPhotoUrl, useMyOrders, useOrder, useOrderStep } from './ordersApi.ts';
import { ClockLine, PhotoGrid, PhotoPicker, StateTag, Timeline, type PendingPhoto } from './serviceShared.tsx';
import './service.css';

const Loading = () => (
  <div style={{ paddingTop: 60, display: 'flex', justifyContent: 'center' }}>
    <SpinLoading color="primary" />
  </div>
);
const OPEN_STATES = ['dispatched', 'in_progress', 'awaiting_info'];

/** 退单 or 要求补充材料: a reason (at least 2 characters), then the step. */
function ReasonForm({
  title,
  hint,
  confirm,
  onCancel,
  onSend,
  busy,
}: {
  title: string;
  hint: string;
  confirm: string;
  onCancel: () => void;
  onSend: (reason: string) => void;
  busy: boolean;
}) {
  const [reason, setReason] = useState('');
  return (
    <div className="h5-section h5-card">
      <label className="h5-field-label" htmlFor="order-reason">
        {title}
      </label>
      <TextArea id="order-reason" rows={3} maxLength={500} value={reason} onChange={setReason} placeholder={hint} />
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <Button style={{ flex: 1 }} onClick={onCancel}>
          取消
        </Button>
        <Button
          style={{ flex: 1 }}
          color="primary"
          loading={busy}
          onClick={() => {
            if (reason.trim().length < 2) Toast.show({ content: '请填写理由（至少2个字）' });
            else onSend(reason.trim());
          }}
        >
          {confirm}
        </Button>
      </div>
    </div>
  );
}

/** 办结: what was done (at least 2 characters) and photos of it; the photos go up first, then the step. */
function ResolveForm({ r }: { r: ServiceRequestDetail }) {
  const step = useOrderStep(r.id);
  const [result, setResult] = useState('');
  const [photos, setPhotos] = useState<PendingPhoto[]>([]);
  return (
    <div className="h5-section h5-card">
      <h2 className="h5-field-label" style={{ marginTop: 0 }}>
        办结
      </h2>
      <label className="h5-field-label" htmlFor="order-result">
        办理结果（群众会看到）
      </label>
      <TextArea id="order-result" rows={4} maxLength={SERVICE_RESULT_MAX} showCount value={result} onChange={setResult} placeholder="做了什么、现在怎么样了" />
      <p className="h5-field-label" style={{ marginTop: 12 }}>
        办结照片（选填，最多9张）
      </p>
      <PhotoPicker value={photos} onChange={setPhotos} label="添加办结照片" />
      <Button
        block
        color="primary"
        size="large"
        style={{ marginTop: 12 }}
        loading={step.isPending}
        onClick={() => {
          if (result.trim().length < 2) {
            Toast.show({ content: '请填写办理结果' });
            return;
          }
          step.mutate(
            { input: { action: 'resolve', result: result.trim(), version: r.version }, photos: photos.map((p) => p.extra) },
            { onSuccess: () => Toast.show({ icon: 'success', content: '已办结，等待群众评价' }) },
          );
        }}
      >
        办结
      </Button>
    </div>
  );
}

/** One order: what the resident asked, where, the clock, photos, the timeline and the steps this account may take. */
function OrderDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const q = useOrder(id);
  const step = useOrderStep(id);
  const [asking, setAsking] = useState<'return' | 'request_info' | null>(null);
  if (q.isPending)
    return (
      <>
        <BackBar title="工单详情" onBack={onBack} />
        <Loading />
      </>
    );
  if (q.isError)
    return (
      <>
        <BackBar title="工单详情" onBack={onBack} />
        <ErrorBlock status="default" title="打不开这张工单" description="它可能已改派给别人" />
      </>
    );
  const r = q.data;
  const can = (a: string) => r.actions.includes(a);
  const reasonStep = (action: 'return' | 'request_info', reason: string) =>
    step.mutate(
      { input: { action, reason, version: r.version } },
      {
        onSuccess: (after) => {
          setAsking(null);
          Toast.show({ icon: 'success', content: action === 'return' ? '已退单，社区会重新派单' : '已通知群众补充材料' });
          if (!after) onBack();
        },
      },
    );
  return (
    <>
      <BackBar title="工单详情" onBack={onBack} />
      <div className="h5-section">
        <List header={`诉求编号 ${r.code}`}>
          <List.Item extra={<StateTag r={r} />} description={<ClockLine r={r} />}>
            {r.kindLabel} · {r.categoryName} · {r.complexityLabel}
          </List.Item>
          <List.Item>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>
          </List.Item>
          <List.Item extra={[r.communityName, r.gridName, r.place].filter(Boolean).join(' · ')}>地点</List.Item>
          <List.Item extra={r.anonymous ? '匿名' : [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '—'}>反映人</List.Item>
          <List.Item extra={`${r.sourceLabel} · ${dayjs(r.submittedAt).format('MM-DD HH:mm')}`}>来源</List.Item>
          {r.assignee && <List.Item extra={r.assignee.name}>承办</List.Item>}
          {r.photos.length > 0 && (
            <List.Item>
              <PhotoGrid photos={r.photos} urlOf={(p) => orderPhotoUrl(r.id, p)} label="现场照片" />
            </List.Item>
          )}
        </List>
      </div>
      {(r.result || r.resultPhotos.length > 0) && (
        <div className="h5-section">
          <List header="办理结果">
            {r.result && (
              <List.Item>
                <span className="h5-result-text" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.result}
                </span>
              </List.Item>
            )}
            {r.resultPhotos.length > 0 && (
              <List.Item>
                <PhotoGrid photos={r.resultPhotos} urlOf={(p) => orderPhotoUrl(r.id, p)} label="办结照片" />
              </List.Item>
            )}
            {r.ratingLabel && (
              <List.Item extra={r.ratingLabel} description={r.ratingComment ?? undefined}>
                群众评价
              </List.Item>
            )}
          </List>
        </div>
      )}
      {can('take') && (
        <div style={{ padding: '12px 16px 0' }}>
          <Button
            block
            color="primary"
            size="large"
            loading={step.isPending && step.variables?.input.action === 'take'}
            onClick={() =>
              step.mutate({ input: { action: 'take', version: r.version } }, { onSuccess: () => Toast.show({ icon: 'success', content: '已接单' }) })
            }
          >
            接单
          </Button>
        </div>
      )}
      {asking ? (
        <ReasonForm
          key={asking}
          title={asking === 'return' ? '退单理由' : '需要群众补充什么'}
          hint={asking === 'return' ? '如：不属于本网格，应由物业办理' : '如：请补充具体楼栋和现场照片'}
          confirm={asking === 'return' ? '确认退单' : '发送'}
          busy={step.isPending}
          onCancel={() => setAsking(null)}
          onSend={(reason) => reasonStep(asking, reason)}
        />
      ) : (
        (can('return') || can('request_info')) && (
          <div style={{ display: 'flex', gap: 8, padding: '12px 16px 0' }}>
            {can('request_info') && (
              <Button style={{ flex: 1 }} fill="outline" onClick={() => setAsking('request_info')}>
                要求补充材料
              </Button>
            )}
            {can('return') && (
              <Button style={{ flex: 1 }} fill="outline" color="danger" onClick={() => setAsking('return')}>
                退单
              </Button>
            )}
          </div>
        )
      )}
      {can('resolve') && <ResolveForm key={r.version} r={r} />}
      <div className="h5-section">
        <Timeline events={r.timeline} />
      </div>
    </>
  );
}

/** 我的工单 (grid workers and 党员 with service:handle): the orders dispatched to them, open ones first, with the clock. */
export function OrdersScreen() {
  const list = useMyOrders();
  // a to-do's or a notice's link (#/orders?open=<id>) opens that order
  const [openId, setOpenId] = useState<string | null>(() => orderOfHash(window.location.hash));
  useEffect(() => {
    const onHash = () => {
      const id = orderOfHash(window.location.hash);
      if (id) setOpenId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const back = () => {
    if (orderOfHash(window.location.hash)) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${ORDERS_HASH}`);
    setOpenId(null);
  };
  if (openId) return <OrderDetail id={openId} onBack={back} />;
  const items = [...(list.data?.items ?? [])].sort((a, b) => Number(OPEN_STATES.includes(b.state)) - Number(OPEN_STATES.includes(a.state)));
  const open = items.filter((r) => OPEN_STATES.includes(r.state)).length;
  return (
    <>
      <div className="h5-hero">
        <h1>我的工单</h1>
        <p>派给我的群众诉求：接单、办结，群众评价</p>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorBlock status="disconnected" title="工单加载失败" description="请检查网络后重试" />}
      {list.data && (
        <div className="h5-section">
          <List header={`待办 ${open} 件 · 共 ${list.data.total} 件`}>
            {items.length === 0 && <List.Item>暂无派给您的工单</List.Item>}
            {items.map((r) => (
              <List.Item
                key={r.id}
                clickable
                onClick={() => setOpenId(r.id)}
                extra={<StateTag r={r} />}
                description={
                  <>
                    <div>{r.description.length > 36 ? `${r.description.slice(0, 36)}…` : r.description}</div>
                    <div>{[r.gridName ?? r.communityName, r.place].filter(Boolean).join(' · ')}</div>
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
