import type { ServiceActionResult, ServiceRequestDetail } from '@jiceng/contracts';
import { pngBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { residentLogin } from '../harness.ts';
import { upload } from '../xlsx.ts';
import { expectOk, type WorldContext } from './context.ts';

/** 群众诉求: a desk entry waiting to be accepted, one dispatched to the community's team with a photo, a resident's own; a dispatch rule. */
export async function worldService(w: WorldContext): Promise<void> {
  const { server, t, add, post, communityA1 } = w;
  const body = {
    kind: 'help',
    categoryCode: 'repair',
    description: '小区路灯坏了，晚上很黑',
    orgId: t.communityA1,
    contactName: '王大妈',
    contactPhone: '13812345678',
  };
  add('serviceRequest', (await post<ServiceRequestDetail>(communityA1, 'service request', '/api/service/requests', body)).id);
  const dispatched = await post<ServiceRequestDetail>(communityA1, 'service request', '/api/service/requests', {
    ...body,
    description: '楼道堆满杂物没人清理',
  });
  await post<ServiceActionResult>(communityA1, 'accept', `/api/service/requests/${dispatched.id}/actions`, { action: 'accept' });
  await post<ServiceActionResult>(communityA1, 'dispatch', `/api/service/requests/${dispatched.id}/actions`, {
    action: 'dispatch',
    assignee: { type: 'team', orgId: t.communityA1, name: '甲一社区红色志愿服务队' },
  });
  const photo = expectOk(
    'service photo',
    await upload<{ attachment: { id: string } }>(communityA1, `/api/service/requests/${dispatched.id}/photos`, pngBytes(), '现场.png'),
  );
  add('serviceRequest', dispatched.id);
  add('servicePhoto', photo.attachment.id);
  const resident = await residentLogin(server, '13800005555', '赵大爷');
  add(
    'serviceRequest',
    (
      await post<ServiceRequestDetail>(resident, 'resident request', '/api/resident/requests', {
        kind: 'help',
        categoryCode: 'repair',
        orgId: t.communityA1,
        description: '家门口下水道堵了',
      })
    ).id,
  );
  const rules = expectOk(
    'dispatch rule',
    await communityA1.put<{ id: string }[]>('/api/service/dispatch-rules', {
      orgId: t.communityA1,
      categoryCode: 'elderly',
      assignee: { type: 'team', orgId: t.communityA1 },
    }),
  );
  add('dispatchRule', rules[0]!.id);
}
