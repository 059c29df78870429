import type { RgNeedDetail, RgProjectDetail, RgResource, UnitReportIn } from '@jiceng/contracts';
import { pngBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { login, type Client } from '../harness.ts';
import { upload } from '../xlsx.ts';
import type { WorldAccount } from '../world.ts';
import { creditCode, expectOk, WORLD_PASSWORD, type WorldContext } from './context.ts';

const NEED = { categoryCode: 'elderly', description: '辖区独居老人午餐无人照料', beneficiaries: '辖区独居老人', urgency: 'soon', source: 'visit' };

/**
 * 区域化党建 三张清单: a 驻区单位 account of 社区A1 with its own report, a resource it offers, a need
 * matched to it and carried through 立项, the unit's consent, an activity with a photo, completion
 * and the beneficiaries' verdict; an open need and a closed one — so every route of the module
 * answers with data. The unit's account joins the world's accounts (the suites act as it too).
 */
export async function worldRegional(w: WorldContext): Promise<WorldAccount> {
  const { server, add, post, communityA1, t } = w;
  await server.modules.account.bootstrap({
    username: 'worldUnitRg',
    displayName: '某区人民医院',
    role: 'resident_unit',
    orgId: t.communityA1,
    password: WORLD_PASSWORD,
    mustChangePassword: false,
  });
  const unit: Client = await login(server, 'worldUnitRg', WORLD_PASSWORD);
  const report = await post<UnitReportIn>(unit, 'regional unit report', '/api/report-ins/units', {
    communityId: t.communityA1,
    unitName: '某区人民医院',
    creditCode: creditCode('12320102MB1234567'),
    contactName: '钱主任',
    phone: '13611112222',
    reportDate: '2026-03-01',
  });
  add('unitReport', report.id);
  const resource = await post<RgResource>(unit, 'regional resource', '/api/regional/resources', {
    ownerKind: 'unit',
    categoryCode: 'elderly',
    title: '医护志愿服务',
    description: '每月派出医护人员上门随访',
    capacityPeople: 8,
    contactName: '钱主任',
    phone: '13611112222',
  });
  add('rgResource', resource.id);
  const need = await post<RgNeedDetail>(communityA1, 'regional need', '/api/regional/needs', { ...NEED, orgId: t.communityA1, title: '独居老人助餐' });
  const open = await post<RgNeedDetail>(communityA1, 'regional open need', '/api/regional/needs', { ...NEED, orgId: t.branchA1a, title: '楼道照明' });
  const closed = await post<RgNeedDetail>(communityA1, 'regional closed need', '/api/regional/needs', { ...NEED, orgId: t.communityA1, title: '儿童托管' });
  await post(communityA1, 'regional close', `/api/regional/needs/${closed.id}/close`, { reason: '已由街道统一安排' });
  for (const n of [need, open, closed]) add('rgNeed', n.id);
  const project = await post<RgProjectDetail>(communityA1, 'regional project', '/api/regional/projects', {
    needId: need.id,
    title: '爱心午餐',
    plan: '每周三次送餐',
    startDate: '2026-11-01',
    endDate: '2026-12-31',
    resourceIds: [resource.id],
  });
  add('rgProject', project.id);
  await post(unit, 'regional consent', `/api/regional/projects/${project.id}/consent`, { agree: true });
  const withActivity = await post<RgProjectDetail>(unit, 'regional activity', `/api/regional/projects/${project.id}/activities`, {
    heldOn: '2026-11-15',
    title: '首次送餐',
    participants: 4,
    hours: 8,
    beneficiaries: 12,
  });
  const activityId = withActivity.activityList[0]!.id;
  add('rgActivity', activityId);
  const photo = expectOk(
    'regional photo',
    await upload<{ attachment: { id: string } }>(communityA1, `/api/regional/projects/${project.id}/activities/${activityId}/photos`, pngBytes(), '送餐.png'),
  );
  add('rgPhoto', photo.attachment.id);
  return { username: 'worldUnitRg', password: WORLD_PASSWORD, role: 'resident_unit', orgId: t.communityA1, memberId: null };
}
