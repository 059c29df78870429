import { sql } from 'drizzle-orm';
import { WISH_RULES_2026, WISH_WORKFLOW, type WishAction, type WishState } from '@jiceng/rules';
import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { addDays, type OrgPlan, type PlannedOrg } from './org-plan.ts';
import type { Random } from './random.ts';

/**
 * 微心愿 of the demo: wishes in every state in 梅花山社区 (the demo 党员 `dangyuan`'s community, so
 * their wall has wishes to claim and one of their own to fulfil) and a few in the other communities
 * of 孝陵街道; some claimed more than the rule's 14 days ago and not fulfilled, so the
 * 逾期未完成 to-do shows; residents' wishes awaiting review. Written straight to the tables with their
 * workflow history (as the platform workflow would have), nothing audited; dates relative to today.
 */

const WISHES: { title: string; description: string; beneficiary: string; yuan: number }[] = [
  { title: '一个新书包', description: '孩子明年上小学，家里条件困难，想要一个新书包和一套文具', beneficiary: '困难家庭的孩子', yuan: 150 },
  { title: '一台助行器', description: '老人腿脚不便，下楼买菜很吃力，希望有一台带座的助行器', beneficiary: '行动不便的独居老人', yuan: 300 },
  { title: '一件过冬棉衣', description: '天冷了，老人的棉衣已经穿了十几年，想要一件暖和的新棉衣', beneficiary: '八十岁的空巢老人', yuan: 200 },
  { title: '修好家里的收音机', description: '老人每天听广播，收音机坏了，希望有人帮忙修一修', beneficiary: '视力不好的老党员', yuan: 50 },
  { title: '一套课外读物', description: '孩子喜欢看书，希望有一套适合小学高年级的课外读物', beneficiary: '留守儿童', yuan: 120 },
  { title: '一副老花镜', description: '老人看报纸看不清，想配一副合适的老花镜', beneficiary: '独居老人', yuan: 80 },
  { title: '一床新棉被', description: '家里的被子又薄又旧，希望冬天前换一床厚棉被', beneficiary: '低保户家庭', yuan: 180 },
  { title: '陪老人去一次医院复查', description: '子女在外地，老人需要有人陪同去医院复查', beneficiary: '子女不在身边的老人', yuan: 20 },
  { title: '一个电饭煲', description: '家里的电饭煲坏了，想要一个小容量的电饭煲', beneficiary: '残疾人家庭', yuan: 160 },
  { title: '一盏护眼台灯', description: '孩子晚上写作业光线不好，希望有一盏护眼台灯', beneficiary: '单亲家庭的孩子', yuan: 100 },
  { title: '一双保暖鞋', description: '老人脚怕冷，想要一双防滑保暖的棉鞋', beneficiary: '高龄老人', yuan: 90 },
  { title: '学用智能手机', description: '想学会用手机视频通话，和在外地的孙子聊天', beneficiary: '空巢老人', yuan: 10 },
];

/** Each wish's story: where it ends, and whether a resident posted it. Claim ages in days (overdue past 14). */
const STORIES: { end: WishState; resident: boolean; claimedDaysAgo?: number; path: WishAction[] }[] = [
  { end: 'pending', resident: true, path: [] },
  { end: 'pending', resident: true, path: [] },
  { end: 'published', resident: true, path: ['publish'] },
  { end: 'published', resident: false, path: [] },
  { end: 'published', resident: false, path: [] },
  { end: 'claimed', resident: false, claimedDaysAgo: 3, path: ['claim'] },
  { end: 'claimed', resident: true, claimedDaysAgo: 25, path: ['publish', 'claim'] },
  { end: 'claimed', resident: false, claimedDaysAgo: 18, path: ['claim'] },
  { end: 'fulfilled', resident: false, claimedDaysAgo: 6, path: ['claim', 'fulfil'] },
  { end: 'confirmed', resident: true, claimedDaysAgo: 30, path: ['publish', 'claim', 'fulfil', 'confirm'] },
  { end: 'confirmed', resident: false, claimedDaysAgo: 40, path: ['claim', 'fulfil', 'confirm'] },
  { end: 'cancelled', resident: true, path: ['reject'] },
];
const REASON: Partial<Record<WishAction, string>> = { reject: '已纳入困难群众救助，由民政渠道解决' };
const RESIDENT_NAMES = ['李阿姨', '王大爷', '张女士', '陈先生', '刘奶奶', '周阿姨'];

interface Person {
  id: string;
  name: string;
  account_id: string | null;
  account_name: string | null;
}

export async function applyWishes(server: Server, tx: Database, plan: OrgPlan, rng: Random): Promise<void> {
  const { regionId, crypto } = server;
  const today = server.clock.today();
  const street = plan.orgs.find((o) => o.name === DEMO_ORG.street)!;
  const home = plan.orgs.find((o) => o.name === DEMO_ORG.community)!;
  const isCommunity = (o: PlannedOrg) =>
    WISH_RULES_2026.communityOrgTypes.includes(o.type) && WISH_RULES_2026.communityDomains.includes(o.domain) && o.parentId === street.id;
  const others = rng.shuffle(plan.orgs.filter((o) => isCommunity(o) && o.id !== home.id)).slice(0, 4);
  const staff = await tx.one<{ id: string; display_name: string }>(
    sql`select id, display_name from account where region_id = ${regionId} and username = 'shequ'`,
  );

  // residents who posted (each a phone, as if logged in on H5)
  const residents = RESIDENT_NAMES.map((name, i) => ({ id: newId(), name, phone: `1390251${String(1000 + i * 37).padStart(4, '0')}` }));
  for (const r of residents)
    await tx.run(sql`insert into resident (region_id, id, phone_hash, phone_enc, name) values (${regionId}, ${r.id}, ${crypto.lookupHash(r.phone)}, ${crypto.encrypt(r.phone)}, ${r.name})
      on conflict do nothing`);

  const at = (daysAgo: number, hour: number) => `${addDays(today, -daysAgo)}T${String(hour).padStart(2, '0')}:30:00+08:00`;

  for (const [ci, community] of [home, ...others].entries()) {
    // the demo member's account in the home community; members of the community's branches claim
    const people = await tx.rows<Person>(sql`select m.id, m.name, a.id as account_id, a.display_name as account_name from member m
      join org o on o.region_id = m.region_id and o.id = m.org_id
      left join account a on a.region_id = m.region_id and a.member_id = m.id
      where m.region_id = ${regionId} and o.path <@ ${community.path}::ltree and m.status in ('full','probationary') and m.transferred_out_date is null
      order by (a.username = 'dangyuan') desc nulls last, m.joined_date, m.id limit 12`);
    if (people.length === 0) continue;
    const stories = ci === 0 ? STORIES : rng.shuffle(STORIES).slice(0, 4);
    for (const [i, story] of stories.entries()) {
      const w = WISHES[(i + ci * 5) % WISHES.length]!;
      const id = newId();
      const createdAgo = (story.claimedDaysAgo ?? 0) + rng.int(2, 6);
      const resident = story.resident ? residents[(i + ci) % residents.length]! : null;
      // the demo member holds the claim made 3 days ago in the home community (their 我认领的 has one to fulfil)
      const claimer =
        story.claimedDaysAgo !== undefined
          ? ci === 0 && story.claimedDaysAgo === 3
            ? people[0]!
            : (people[1 + (i % Math.max(1, people.length - 1))] ?? people[0]!)
          : null;
      const claimedAt = story.claimedDaysAgo !== undefined ? at(story.claimedDaysAgo, 10) : null;
      const fulfilledAt = story.path.includes('fulfil') ? at(Math.max(0, (story.claimedDaysAgo ?? 0) - 3), 16) : null;
      const confirmedAt = story.path.includes('confirm') ? at(Math.max(0, (story.claimedDaysAgo ?? 0) - 5), 9) : null;
      await tx.run(sql`insert into wish (region_id, id, org_id, org_path, title, description, beneficiary, value_fen, poster_kind, resident_id,
          poster_account_id, poster_name, contact_phone_enc, contact_phone_hash, state, version, claimer_member_id, claimer_account_id, claimer_name,
          claimed_at, fulfilled_at, fulfil_note, confirmed_at, last_reason, created_at, updated_at)
        values (${regionId}, ${id}, ${community.id}, ${community.path}::ltree, ${w.title}, ${w.description}, ${w.beneficiary}, ${w.yuan * 100},
          ${resident ? 'resident' : 'community'}, ${resident?.id ?? null}, ${resident ? null : (staff?.id ?? null)}, ${resident ? resident.name : (staff?.display_name ?? '社区')},
          ${resident ? crypto.encrypt(resident.phone) : null}, ${resident ? crypto.lookupHash(resident.phone) : null}, ${story.end}, ${story.path.length + 1},
          ${claimer?.id ?? null}, ${claimer?.account_id ?? null}, ${claimer?.name ?? null}, ${claimedAt}::timestamptz, ${fulfilledAt}::timestamptz,
          ${fulfilledAt ? '已送到，受助群众很满意' : null}, ${confirmedAt}::timestamptz, ${REASON.reject && story.end === 'cancelled' ? REASON.reject : null},
          ${at(createdAgo, 9)}::timestamptz, now())`);
      // the history the workflow would have written
      let state: WishState = story.resident ? 'pending' : 'published';
      for (const [k, action] of story.path.entries()) {
        const step = WISH_WORKFLOW.transitions.find((t) => t.action === action && t.from.includes(state))!;
        const byMember = action === 'claim' || action === 'fulfil';
        const when = action === 'claim' ? claimedAt! : action === 'fulfil' ? fulfilledAt! : action === 'confirm' ? confirmedAt! : at(createdAgo - 1, 11 + k);
        await tx.run(sql`insert into workflow_event (region_id, id, kind, record_id, org_path, from_state, to_state, action, actor_id, actor_name, reason, at)
          values (${regionId}, ${newId()}, 'wish', ${id}, ${community.path}::ltree, ${state}, ${step.to}, ${action},
            ${byMember ? (claimer?.account_id ?? null) : (staff?.id ?? null)}, ${byMember ? (claimer?.name ?? null) : (staff?.display_name ?? '社区')},
            ${REASON[action] ?? null}, ${when}::timestamptz)`);
        state = step.to;
      }
    }
  }
}
