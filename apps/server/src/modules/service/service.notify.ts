import type { ServiceLevel } from '@jiceng/rules';
import type { ServiceCore } from './service.core.ts';
import { serviceRepository as repo, type ServiceRequestRow } from './service.repository.ts';

const DESK_ROLES: Record<ServiceLevel, string[]> = {
  community: ['community'],
  area: ['street'],
  street: ['street'],
  joint: ['street'],
};
const HANDLER_ROLES = ['grid_worker', 'community', 'secretary', 'street', 'department', 'admin', 'member', 'resident_unit'];
const short = (row: ServiceRequestRow) => `${row.code}（${row.description.slice(0, 24)}${row.description.length > 24 ? '…' : ''}）`;

/**
 * Who hears of a step, after it committed: the holder of the order (in-app), the desk of the
 * request's level and, for 催办, the desk above it (the superior); the submitter and every follower
 * by SMS for the steps a resident waits for. Each message once per step (the history row's id).
 */
export function createServiceNotifier(core: ServiceCore) {
  const { db, regionId, notifications, messages } = core;

  async function deskAccounts(row: ServiceRequestRow, level: ServiceLevel): Promise<string[]> {
    const community = await repo.org(db, regionId, row.community_id);
    const orgId = level === 'community' ? row.community_id : community?.parent_id;
    if (!orgId) return [];
    return (await repo.accountsAt(db, regionId, [orgId], DESK_ROLES[level])).map((a) => a.id);
  }

  async function holderAccounts(row: ServiceRequestRow): Promise<string[]> {
    if (row.assignee_type === 'member' && row.assignee_member_id) {
      const a = await repo.memberAccount(db, regionId, row.assignee_member_id);
      return a ? [a.id] : [];
    }
    if (!row.assignee_org_id) return [];
    return (await repo.accountsAt(db, regionId, [row.assignee_org_id], HANDLER_ROLES)).map((a) => a.id);
  }

  async function tell(accounts: string[], eventId: string, title: string, body: string, id: string) {
    for (const accountId of new Set(accounts)) {
      await notifications.sendOnce({ accountId, dedupeKey: `service:${eventId}`, title, body, link: `/service/requests?open=${id}` });
    }
  }

  async function sms(row: ServiceRequestRow, eventId: string, text: string) {
    const phones = await repo.phonesOf(db, regionId, row.id);
    await messages.deliver(
      phones.map((phoneEnc, i) => ({
        to: { kind: 'phone' as const, phoneEnc },
        text: `【基层党建】您反映的诉求 ${row.code}${text}`,
        meta: { kind: 'service.progress', dedupeKey: `service:${eventId}:${i}`, recipientName: null, memberId: null, orgId: row.org_id },
      })),
    );
  }

  return {
    /** After a step on `row` (as it is now, after the step). */
    async afterStep(row: ServiceRequestRow, action: string, eventId: string, reason: string | null): Promise<void> {
      const level = row.level as ServiceLevel;
      switch (action) {
        case 'dispatch':
        case 'reassign':
          await tell(await holderAccounts(row), eventId, '新派单', `请接单办理：${short(row)}`, row.id);
          await sms(row, eventId, ' 已派给承办方办理。');
          break;
        case 'urge': {
          const up = level === 'community' ? 'street' : level;
          const to = row.assignee_type ? await holderAccounts(row) : await deskAccounts(row, level);
          await tell([...to, ...(await deskAccounts(row, up))], eventId, '催办', `${reason ?? '请抓紧办理'}：${short(row)}`, row.id);
          break;
        }
        case 'escalate':
          await tell(await deskAccounts(row, level), eventId, '诉求提级', `${reason ?? '已提级'}，请派单：${short(row)}`, row.id);
          break;
        case 'return':
          await tell(await deskAccounts(row, level), eventId, '退单', `承办方退单（${reason ?? ''}），请重新派单：${short(row)}`, row.id);
          break;
        case 'reopen':
          await tell(await holderAccounts(row), eventId, '不满意重办', `群众不满意，请重新办理：${short(row)}`, row.id);
          await sms(row, eventId, ' 已按您的意见重新办理。');
          break;
        case 'accept':
          await sms(row, eventId, ' 已受理，我们将尽快办理。');
          break;
        case 'reject':
          await sms(row, eventId, `不予受理：${reason ?? ''}`);
          break;
        case 'request_info':
          await sms(row, eventId, ` 需要您补充材料：${reason ?? ''}`);
          break;
        case 'resolve':
          await sms(row, eventId, ' 已办结，请登录查看办理结果并评价。');
          break;
        case 'rate':
        case 'auto_close':
          await sms(row, eventId, ' 已关闭，感谢您的参与。');
          break;
        default:
          break;
      }
    },
  };
}
export type ServiceNotifier = ReturnType<typeof createServiceNotifier>;
