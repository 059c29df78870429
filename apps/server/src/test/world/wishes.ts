import { residentLogin } from '../harness.ts';
import type { WorldContext } from './context.ts';

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
