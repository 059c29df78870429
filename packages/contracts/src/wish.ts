import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Attachment } from './attachment.ts';
import { Id, PageNumber, pageSizeField, Timestamp, Version } from './common.ts';
import { WorkflowEvent } from './workflow.ts';

/**
 * 微心愿 (micro-wishes): posted by a resident (待审核 until the community publishes it) or by the
 * community (published at once), on the community's wish wall, claimed by one 党员, fulfilled with a
 * photo, confirmed by the community. The workflow and the limits are rule sets in packages/rules
 * (`WISH_WORKFLOW`, `WISH_RULES_2026`).
 */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const WISH_STATE_IDS = ['pending', 'published', 'claimed', 'fulfilled', 'confirmed', 'cancelled'] as const;
export type WishStateId = (typeof WISH_STATE_IDS)[number];
export const wishStateLabel: Record<WishStateId, string> = {
  pending: '待审核',
  published: '已发布',
  claimed: '已认领',
  fulfilled: '已完成（待确认）',
  confirmed: '已确认',
  cancelled: '已撤下',
};
/** A state's tag colour (antd / antd-mobile). */
export const wishStateColor: Record<WishStateId, string> = {
  pending: 'gold',
  published: 'blue',
  claimed: 'geekblue',
  fulfilled: 'purple',
  confirmed: 'green',
  cancelled: 'default',
};

/** What the community does on the admin side (POST /api/wishes/:id/actions). */
export const WISH_COMMUNITY_ACTIONS = ['publish', 'reject', 'confirm', 'return', 'cancel'] as const;
export type WishCommunityAction = (typeof WISH_COMMUNITY_ACTIONS)[number];
export const WISH_ACTION_IDS = ['publish', 'reject', 'claim', 'release', 'fulfil', 'confirm', 'return', 'cancel', 'withdraw'] as const;
export type WishActionId = (typeof WISH_ACTION_IDS)[number];
export const wishActionLabel: Record<WishActionId, string> = {
  publish: '审核发布',
  reject: '不予发布',
  claim: '认领',
  release: '放弃认领',
  fulfil: '完成心愿',
  confirm: '确认完成',
  return: '退回重办',
  cancel: '撤下',
  withdraw: '撤回',
};
/** Actions that must carry a reason (the web asks for one in a dialog). */
export const WISH_REASON_ACTIONS: readonly WishActionId[] = ['reject', 'release', 'return', 'cancel'];

export const WISH_TITLE_MAX = 40;
export const WISH_DESCRIPTION_MAX = 500;
export const WISH_BENEFICIARY_MAX = 40;
export const WISH_NOTE_MAX = 300;
export const WISH_REASON_MAX = 200;
export const WISH_Q_MAX = 30;
/** The schema's own upper bound of a value (the rule set's cap, 500 元 by default, is checked by the server). */
export const WISH_VALUE_MAX_FEN = 10_000_000;

const Title = Type.String({ minLength: 2, maxLength: WISH_TITLE_MAX, description: '心愿内容（如：一个新书包）' });
const Description = Type.String({ minLength: 1, maxLength: WISH_DESCRIPTION_MAX, description: '心愿说明' });
const Beneficiary = Type.String({
  minLength: 2,
  maxLength: WISH_BENEFICIARY_MAX,
  description: '为谁实现（描述对象，不写姓名电话，如：独居老人、困难家庭的孩子）',
});
const ValueFen = Type.Integer({ minimum: 1, maximum: WISH_VALUE_MAX_FEN, description: '心愿价值（分）' });

/** A wish as the admin side sees it. */
export const Wish = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String({ description: '所属社区' }),
  title: Type.String({ description: '心愿内容' }),
  description: Type.String({ description: '心愿说明' }),
  beneficiary: Type.String({ description: '为谁实现' }),
  valueFen: Type.Integer({ description: '心愿价值（分）' }),
  posterKind: Enum(['resident', 'community'] as const, '发布方'),
  posterName: Nullable(Type.String({ description: '发布人' })),
  /** The resident's phone, masked. */
  contactPhone: Nullable(Type.String({ description: '群众联系电话（脱敏）' })),
  state: Enum(WISH_STATE_IDS, '状态'),
  stateLabel: Type.String({ description: '状态名称' }),
  version: Version,
  claimerName: Nullable(Type.String({ description: '认领党员' })),
  claimedAt: Nullable(Timestamp),
  fulfilledAt: Nullable(Timestamp),
  fulfilNote: Nullable(Type.String({ description: '完成情况' })),
  confirmedAt: Nullable(Timestamp),
  lastReason: Nullable(Type.String({ description: '最近一次的原因（不予发布、撤下、放弃、退回）' })),
  /** Claimed more than the rule's days ago and not fulfilled. */
  overdue: Type.Boolean({ description: '认领后逾期未完成' }),
  /** The steps this account may take now (the buttons). */
  actions: Type.Array(Enum(WISH_ACTION_IDS, '可办理的操作')),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Wish = Static<typeof Wish>;

/** A wish with its history and photos (admin detail). */
export const WishDetail = Type.Composite([Wish, Type.Object({ history: Type.Array(WorkflowEvent), photos: Type.Array(Attachment) })]);
export type WishDetail = Static<typeof WishDetail>;

/** The community posts a wish (published at once). */
export const WishInput = Type.Object(
  {
    /** The community (社区/村); defaults to the account's own organization when it is one. */
    orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '所属社区' })),
    title: Title,
    description: Description,
    beneficiary: Beneficiary,
    valueFen: ValueFen,
  },
  { additionalProperties: false },
);
export type WishInput = Static<typeof WishInput>;

/** A resident posts a wish on H5 (awaits the community's review); the phone is the session's. */
export const ResidentWishInput = Type.Object(
  {
    orgId: Type.Unsafe<string>({ ...Id, description: '所在社区' }),
    title: Title,
    description: Description,
    beneficiary: Beneficiary,
    valueFen: ValueFen,
  },
  { additionalProperties: false },
);
export type ResidentWishInput = Static<typeof ResidentWishInput>;

export const WishQuery = Type.Object({
  page: PageNumber,
  pageSize: pageSizeField(20),
  state: Type.Optional(Enum(WISH_STATE_IDS, '状态')),
  /** Only the wishes of this organization's subtree (in the account's scope). */
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '组织' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: WISH_Q_MAX, description: '心愿内容或对象关键字' })),
});
export type WishQuery = Static<typeof WishQuery>;
export const WishExportQuery = Type.Omit(WishQuery, ['page', 'pageSize']);
export type WishExportQuery = Static<typeof WishExportQuery>;

/** A step on the admin side; `reason` for 不予发布/退回重办/撤下. */
export const WishActionInput = Type.Object(
  {
    action: Enum(WISH_COMMUNITY_ACTIONS, '操作'),
    reason: Type.Optional(Type.String({ maxLength: WISH_REASON_MAX, description: '原因' })),
    version: Type.Optional(Version),
    note: Type.Optional(Type.String({ maxLength: WISH_NOTE_MAX, description: '备注' })),
  },
  { additionalProperties: false },
);
export type WishActionInput = Static<typeof WishActionInput>;

/** A member's step on H5 (claim, release with a reason, fulfil with a note). */
export const WishMemberStepInput = Type.Object(
  {
    reason: Type.Optional(Type.String({ maxLength: WISH_REASON_MAX, description: '原因（放弃认领时填写）' })),
    note: Type.Optional(Type.String({ maxLength: WISH_NOTE_MAX, description: '完成情况说明' })),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);
export type WishMemberStepInput = Static<typeof WishMemberStepInput>;

export const WishPhotoParams = Type.Object({ id: Id, photoId: Id });
export type WishPhotoParams = Static<typeof WishPhotoParams>;

/** A wish on the wall and in a member's own list: no personal data (never a phone or a resident's name). */
export const WishWallItem = Type.Object({
  id: Id,
  orgName: Type.String({ description: '所属社区' }),
  title: Type.String({ description: '心愿内容' }),
  description: Type.String({ description: '心愿说明' }),
  beneficiary: Type.String({ description: '为谁实现' }),
  valueFen: Type.Integer({ description: '心愿价值（分）' }),
  posterKind: Enum(['resident', 'community'] as const, '发布方'),
  state: Enum(WISH_STATE_IDS, '状态'),
  stateLabel: Type.String({ description: '状态名称' }),
  version: Version,
  claimedAt: Nullable(Timestamp),
  fulfilledAt: Nullable(Timestamp),
  /** 退回重办/放弃 reason, for the claimer's own list. */
  lastReason: Nullable(Type.String({ description: '原因' })),
  photoCount: Type.Integer({ description: '已上传照片数' }),
  /** Claimed by this member. */
  mine: Type.Boolean({ description: '本人认领' }),
  createdAt: Timestamp,
});
export type WishWallItem = Static<typeof WishWallItem>;

export const WishWall = Type.Object({
  /** The community whose wall this is (null: the account has none). */
  communityName: Nullable(Type.String({ description: '社区' })),
  items: Type.Array(WishWallItem),
  total: Type.Integer(),
});
export type WishWall = Static<typeof WishWall>;

export const WishWallQuery = Type.Object({ page: PageNumber, pageSize: pageSizeField(20) });
export type WishWallQuery = Static<typeof WishWallQuery>;

/** A resident's own wish on H5. */
export const ResidentWish = Type.Object({
  id: Id,
  orgName: Type.String({ description: '所在社区' }),
  title: Type.String({ description: '心愿内容' }),
  beneficiary: Type.String({ description: '为谁实现' }),
  valueFen: Type.Integer({ description: '心愿价值（分）' }),
  state: Enum(WISH_STATE_IDS, '状态'),
  stateLabel: Type.String({ description: '状态名称' }),
  /** Why it was not published or taken down. */
  lastReason: Nullable(Type.String({ description: '原因' })),
  /** 党员 has claimed it (the name stays with the community). */
  claimed: Type.Boolean({ description: '已有党员认领' }),
  canWithdraw: Type.Boolean({ description: '可以撤回' }),
  createdAt: Timestamp,
});
export type ResidentWish = Static<typeof ResidentWish>;

/** A community a resident may post a wish to. */
export const WishCommunity = Type.Object({ id: Id, name: Type.String({ description: '社区' }), streetName: Type.String({ description: '街道（乡镇）' }) });
export type WishCommunity = Static<typeof WishCommunity>;

/** Yuan as people write it, from fen: 50000 → 500, 1250 → 12.5 (the web's display; the rules' `fenToYuan` is the same). */
export const wishYuan = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2).replace(/0$/, ''));

/** Audit actions of the wish module (the entity is `wish`). */
export const wishAuditLabel: Record<string, string> = {
  'wish.create': '发布微心愿',
  'wish.publish': '审核发布微心愿',
  'wish.reject': '微心愿不予发布',
  'wish.claim': '认领微心愿',
  'wish.release': '放弃认领微心愿',
  'wish.fulfil': '完成微心愿',
  'wish.confirm': '确认微心愿完成',
  'wish.return': '退回微心愿重办',
  'wish.cancel': '撤下微心愿',
  'wish.withdraw': '群众撤回微心愿',
};
