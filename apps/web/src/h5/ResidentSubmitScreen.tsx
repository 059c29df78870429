import {
  SERVICE_DESCRIPTION_MAX,
  SERVICE_KIND_IDS,
  SERVICE_PLACE_MAX,
  serviceKindName,
  type ServiceDuplicate,
  type ServiceKindId,
  type ServicePlace,
} from '@jiceng/contracts';
import { Button, Checkbox, ErrorBlock, Input, List, Popup, SearchBar, TextArea, Toast } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { BackBar } from './BackBar.tsx';
import {
  rememberedPlace,
  rememberPlace,
  residentRequestHash,
  RESIDENT_HASH,
  useDuplicates,
  useServiceCategories,
  useServicePlaces,
  useSubmitRequest,
  type RememberedPlace,
} from './residentApi.ts';
import { ChoiceButtons, go, Loading, PhotoPicker, type PendingPhoto } from './serviceShared.tsx';
import './service.css';

const KIND_OPTIONS = SERVICE_KIND_IDS.map((k) => ({ value: k, label: serviceKindName[k] }));
const MIN_DESCRIPTION = 5;

/** The community and grid chosen, by name. */
function placeName(places: ServicePlace[] | undefined, p: RememberedPlace | null): string | null {
  const c = p && places?.find((x) => x.id === p.communityId);
  if (!c) return null;
  const g = p.gridId ? c.grids.find((x) => x.id === p.gridId) : null;
  return g ? `${c.name} · ${g.name}` : c.name;
}

/** 社区 → 网格 in a bottom sheet: a searchable list of communities, then the chosen one's grids. */
function PlacePicker({
  visible,
  places,
  onClose,
  onPick,
}: {
  visible: boolean;
  places: ServicePlace[];
  onClose: () => void;
  onPick: (p: RememberedPlace) => void;
}) {
  const [q, setQ] = useState('');
  const [community, setCommunity] = useState<ServicePlace | null>(null);
  const shown = useMemo(() => places.filter((c) => !q.trim() || c.name.includes(q.trim()) || c.streetName.includes(q.trim())), [places, q]);
  const close = () => {
    setCommunity(null);
    onClose();
  };
  const pick = (p: RememberedPlace) => {
    onPick(p);
    close();
  };
  return (
    <Popup visible={visible} onMaskClick={close} onClose={close} bodyStyle={{ height: '75vh', overflowY: 'auto', borderRadius: '12px 12px 0 0' }}>
      {community ? (
        <>
          <BackBar title="选择网格" onBack={() => setCommunity(null)} />
          <List header={community.name}>
            {community.grids.map((g) => (
              <List.Item key={g.id} clickable onClick={() => pick({ communityId: community.id, gridId: g.id })}>
                {g.name}
              </List.Item>
            ))}
            <List.Item clickable description="由社区确定所在网格" onClick={() => pick({ communityId: community.id, gridId: null })}>
              不清楚所在网格
            </List.Item>
          </List>
        </>
      ) : (
        <>
          <BackBar title="选择所在社区" onBack={close} />
          <div style={{ padding: '8px 12px' }}>
            <SearchBar placeholder="输入社区或街道名称" value={q} onChange={setQ} aria-label="搜索社区" />
          </div>
          <List>
            {shown.length === 0 && <List.Item>没有找到，换个名称试试</List.Item>}
            {shown.map((c) => (
              <List.Item
                key={c.id}
                clickable
                description={c.streetName}
                onClick={() => (c.grids.length ? setCommunity(c) : pick({ communityId: c.id, gridId: null }))}
              >
                {c.name}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Popup>
  );
}

/** 附近已有相似诉求: the open requests like this one, each of which the resident may join instead. */
function DuplicateHint({
  items,
  joined,
  onJoin,
}: {
  items: ServiceDuplicate[] | undefined;
  joined: string | null;
  onJoin: (d: ServiceDuplicate | null) => void;
}) {
  if (!items?.length) return null;
  const d = items.find((x) => x.id === joined);
  if (d)
    return (
      <div className="h5-hint" role="status">
        将并入诉求 {d.code}，与其他群众一起关注办理进度。
        <button type="button" className="h5-link-button" onClick={() => onJoin(null)}>
          取消并入
        </button>
      </div>
    );
  return (
    <div className="h5-hint">
      {items.slice(0, 3).map((x) => (
        <div key={x.id} style={{ marginBottom: 4 }}>
          附近已有相似诉求：{x.description.length > 40 ? `${x.description.slice(0, 40)}…` : x.description}（{x.stateLabel}）{' '}
          <button type="button" className="h5-link-button" onClick={() => onJoin(x)}>
            并入关注
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * 我要反映 in three taps: 1 the kind (求助 unless changed) and a category button; 2 the description
 * and photos (with the duplicate hint); 3 the place (community → grid, remembered for next time)
 * and 提交. Anonymous only for 建议. Then the request's page.
 */
export function SubmitRequestScreen() {
  const categories = useServiceCategories();
  const places = useServicePlaces();
  const submit = useSubmitRequest();
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [kind, setKind] = useState<ServiceKindId>('help');
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PendingPhoto[]>([]);
  const [place, setPlace] = useState<RememberedPlace | null>(rememberedPlace);
  const [detailPlace, setDetailPlace] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [picking, setPicking] = useState(false);
  const [joinId, setJoinId] = useState<string | null>(null);
  // a remembered place no longer offered is forgotten
  const placeLabel = placeName(places.data, place);
  const orgId = placeLabel && place ? (place.gridId ?? place.communityId) : null;
  const duplicates = useDuplicates({ orgId, categoryCode, description });
  const category = categories.data?.find((c) => c.code === categoryCode);
  const canAnonymous = kind === 'suggestion';

  const send = () => {
    if (!orgId || !place) {
      Toast.show({ content: '请选择所在社区' });
      return;
    }
    if (!categoryCode) return setStep(1);
    submit.mutate(
      {
        input: {
          kind,
          categoryCode,
          description: description.trim(),
          orgId,
          ...(detailPlace.trim() ? { place: detailPlace.trim() } : {}),
          ...(canAnonymous && anonymous ? { anonymous: true } : {}),
          ...(joinId ? { joinRequestId: joinId } : {}),
        },
        files: photos.map((p) => p.extra),
      },
      {
        onSuccess: ({ request, failedPhotos }) => {
          rememberPlace(place);
          Toast.show(
            failedPhotos
              ? { content: `已提交，但有 ${failedPhotos} 张照片未能上传` }
              : { icon: 'success', content: joinId ? '已并入，办理进度会同时告诉您' : '已提交，社区会尽快受理' },
          );
          window.location.replace(residentRequestHash(request.id));
        },
      },
    );
  };

  if (categories.isPending || places.isPending) return <Loading />;
  if (categories.isError || places.isError) return <ErrorBlock status="disconnected" title="无法连接服务器" description="请检查网络后重试" />;

  if (step === 1)
    return (
      <>
        <BackBar title="我要反映" onBack={() => go(RESIDENT_HASH)} />
        <div className="h5-section h5-card">
          <p className="h5-steps-label">第 1 步，共 3 步：选择类型和事项</p>
          <ChoiceButtons label="诉求类型" options={KIND_OPTIONS} value={kind} onChange={setKind} />
        </div>
        <div className="h5-section h5-card">
          <h2 className="h5-field-label" style={{ marginTop: 0 }}>
            您要反映哪方面的事？
          </h2>
          <div className="h5-category-grid" role="group" aria-label="事项类别">
            {categories.data.map((c) => (
              <button
                key={c.code}
                type="button"
                className="h5-category"
                aria-pressed={c.code === categoryCode}
                onClick={() => {
                  setCategoryCode(c.code);
                  setStep(2);
                }}
              >
                {c.name}
              </button>
            ))}
          </div>
        </div>
      </>
    );

  if (step === 2)
    return (
      <>
        <BackBar title="描述问题" onBack={() => setStep(1)} />
        <div className="h5-section h5-card">
          <p className="h5-steps-label">
            第 2 步，共 3 步 · {serviceKindName[kind]} · {category?.name}
          </p>
          <label className="h5-field-label" htmlFor="service-description">
            请描述您遇到的问题（至少{MIN_DESCRIPTION}个字）
          </label>
          <TextArea
            id="service-description"
            rows={5}
            maxLength={SERVICE_DESCRIPTION_MAX}
            showCount
            value={description}
            onChange={setDescription}
            placeholder="什么时间、什么地方、什么问题，越具体越好办"
          />
          <DuplicateHint items={duplicates.data} joined={joinId} onJoin={(d) => setJoinId(d?.id ?? null)} />
        </div>
        <div className="h5-section h5-card">
          <p className="h5-field-label">现场照片（选填，最多9张）</p>
          <PhotoPicker value={photos} onChange={setPhotos} label="添加现场照片" />
        </div>
        <div style={{ padding: '12px 16px' }}>
          <Button
            block
            color="primary"
            size="large"
            onClick={() => {
              if (description.trim().length < MIN_DESCRIPTION) Toast.show({ content: `请至少写${MIN_DESCRIPTION}个字，说清楚问题` });
              else setStep(3);
            }}
          >
            下一步
          </Button>
        </div>
      </>
    );

  return (
    <>
      <BackBar title="选择地点" onBack={() => setStep(2)} />
      <div className="h5-section">
        <List header="第 3 步，共 3 步：问题在哪里">
          <List.Item clickable onClick={() => setPicking(true)} extra={placeLabel ? '更改' : '请选择'} description={placeLabel ?? '社区（村）和网格'}>
            所在社区
          </List.Item>
          <List.Item>
            <label className="h5-field-label" htmlFor="service-place">
              具体位置（选填：小区、楼栋、门牌）
            </label>
            <Input id="service-place" maxLength={SERVICE_PLACE_MAX} value={detailPlace} onChange={setDetailPlace} placeholder="如：梅花新村 3 栋 2 单元" />
          </List.Item>
          {canAnonymous && (
            <List.Item>
              <Checkbox checked={anonymous} onChange={setAnonymous}>
                匿名提交（仅建议可匿名，办理人看不到您的手机号）
              </Checkbox>
            </List.Item>
          )}
        </List>
      </div>
      {orgId && duplicates.data?.length ? (
        <div className="h5-section">
          <DuplicateHint items={duplicates.data} joined={joinId} onJoin={(d) => setJoinId(d?.id ?? null)} />
        </div>
      ) : null}
      <div style={{ padding: '12px 16px' }}>
        <Button block color="primary" size="large" loading={submit.isPending} onClick={send}>
          {joinId ? '并入关注' : '提交'}
        </Button>
      </div>
      <p className="h5-note">社区受理后派给网格员或党员办理，办理进度和结果可在「我的诉求」查看。</p>
      <PlacePicker
        visible={picking}
        places={places.data}
        onClose={() => setPicking(false)}
        onPick={(p) => {
          setPlace(p);
          setJoinId(null);
        }}
      />
    </>
  );
}
