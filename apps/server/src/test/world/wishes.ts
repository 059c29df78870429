import { jpegBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { login, residentLogin } from '../harness.ts';
import { upload } from '../xlsx.ts';
import { expectOk, type WorldContext } from './context.ts';

const WISH = { description: '想要一件过冬的棉衣', beneficiary: '独居老人', valueFen: 20_000 };

/** 微心愿: the community's own (published, one taken down) and a resident's awaiting review. */
export async function worldWishes(w: WorldContext): Promise<void> {
  const { server, t, add, post, communityA1 } = w;
  const published = await post(communityA1, 'wish', '/api/wishes', { ...WISH, title: '一件棉衣' });
  add('wish', published.id);
  const down = await post(communityA1, 'wish', '/api/wishes', { ...WISH, title: '一床棉被' });
  await post(communityA1, 'wish cancel', `/api/wishes/${down.id}/actions`, { action: 'cancel', reason: '已由其他渠道解决' });
  add('wish', down.id);
  const resident = await residentLogin(server, '13800006666', '周阿姨');
  add('wish', (await post(resident, 'resident wish', '/api/resident/wishes', { ...WISH, title: '一副老花镜', orgId: t.communityA1 })).id);
}

/**
 * A wish the world's 党员 account (bound to a member of 甲一社区第一党支部) claimed and photographed,
 * so the photo routes answer 200 on the route walks. After the accounts exist.
 */
export async function worldWishClaims(w: WorldContext, member: { username: string; password: string }): Promise<void> {
  const { server, add, post, communityA1 } = w;
  const wish = await post(communityA1, 'wish', '/api/wishes', { ...WISH, title: '一个新书包', beneficiary: '困难家庭的孩子' });
  add('wish', wish.id);
  const me = await login(server, member.username, member.password);
  await post(me, 'wish claim', `/api/h5/wishes/${wish.id}/claim`);
  const photo = expectOk('wish photo', await upload<{ attachment: { id: string } }>(me, `/api/h5/wishes/${wish.id}/photos`, jpegBytes(), '书包.jpg'));
  add('wishPhoto', photo.attachment.id);
}
