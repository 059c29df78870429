import { floatingStatusLabel, lostContactProposalLabel, type FloatingStatus, type Todo } from '@jiceng/contracts';
import { floatingTransferDueDate, FLOATING_RULES_2023, LOST_CONTACT_RULES_2019 } from '@jiceng/rules';
import type { Actor } from '../../platform/http/actor.ts';
import type { TodoSource } from '../../platform/todo/todo.registry.ts';
import type { FloatingService } from './floating.service.ts';
import type { LostContactService } from './lost-contact.service.ts';

/**
 * 待办 of floating and lost-contact members, derived at read time for accounts holding member:write
 * in whose subtree the responsible branch lies. They propose; people decide (转接, 停止党籍, 除名 are
 * done on the member's page).
 */
export function floatingTodoSources(floating: FloatingService, lost: LostContactService): TodoSource[] {
  const sixMonths: TodoSource = {
    id: 'floating.six_months',
    permission: 'member:write',
    async list(actor: Actor): Promise<Todo[]> {
      return (await floating.dueForTransfer(actor)).map((r) => ({
        key: `floating.six_months:${r.id}`,
        source: 'floating.six_months',
        title: `${r.member_name}：流动满 ${FLOATING_RULES_2023.transferAfterMonths} 个月，建议转接组织关系`,
        detail: `${r.member_name}自 ${r.destination_since} 起在「${r.destination_place}」，已满 ${FLOATING_RULES_2023.transferAfterMonths} 个月。按规定，外出地点固定且时间较长的应将组织关系转到流入地党组织；转接后请结束流出登记。`,
        orgId: r.home_org_id,
        dueDate: floatingTransferDueDate(r.destination_since),
        severity: 'overdue',
        link: `/members/${r.member_id}`,
      }));
    },
  };

  const certExpired: TodoSource = {
    id: 'floating.cert_expired',
    permission: 'member:write',
    async list(actor: Actor): Promise<Todo[]> {
      return (await floating.certExpired(actor)).map((r) => ({
        key: `floating.cert_expired:${r.id}`,
        source: 'floating.cert_expired',
        title: `${r.member_name}：流动党员活动证已过期`,
        detail: `活动证${r.cert_no ? ` ${r.cert_no} ` : ''}有效期至 ${r.cert_valid_until}，请换发活动证或办理组织关系转接。`,
        orgId: r.home_org_id,
        dueDate: r.cert_valid_until,
        severity: 'overdue',
        link: `/floating?id=${r.id}`,
      }));
    },
  };

  const waiting: TodoSource = {
    id: 'floating.pending',
    permission: 'member:write',
    async list(actor: Actor): Promise<Todo[]> {
      return (await floating.waiting(actor)).map((r) => {
        const arrival = r.status === 'pending_arrival';
        return {
          key: `floating.pending:${r.id}`,
          source: 'floating.pending',
          title: `${r.member_name}：${floatingStatusLabel[r.status as FloatingStatus]}`,
          detail: !arrival
            ? `流入地已于 ${r.arrival_date} 登记${r.member_name}，请核实（凡登必核）。`
            : r.destination_org_id
              ? `${r.home_org_name}的流动党员${r.member_name}登记流入本组织，请及时登记（凡进必登）。`
              : `流入地「${r.destination_place}」的党组织不在本平台，请与其联系，确认接收后录入流入地登记情况。`,
          orgId: arrival ? (r.destination_org_id ?? r.home_org_id) : r.home_org_id,
          dueDate: arrival ? r.left_date : r.arrival_date,
          severity: 'due_soon',
          link: `/floating?id=${r.id}`,
        };
      });
    },
  };

  const lostContact: TodoSource = {
    id: 'member.lost_contact',
    permission: 'member:write',
    async list(actor: Actor): Promise<Todo[]> {
      return (await lost.proposals(actor)).map(({ row: r, kind, dueDate }) => ({
        key: `member.lost_contact:${r.id}:${kind}`,
        source: 'member.lost_contact',
        title: `${r.member_name}：失联${kind === 'suspend' ? `满 ${LOST_CONTACT_RULES_2019.suspendAfterMonths} 个月` : `且停止党籍满 ${LOST_CONTACT_RULES_2019.removeAfterSuspendedMonths / 12} 年`}，${lostContactProposalLabel[kind]}`,
        detail: kind === 'suspend'
          ? `最后联系日期 ${r.last_contact_date}，至今仍未取得联系。请经支委会研究决定是否停止其党籍，决定后在党员档案中办理「停止党籍」。`
          : `已停止党籍${r.suspended_date ? `（${r.suspended_date}）` : ''}，仍无法取得联系。请经支委会研究决定是否按自行脱党予以除名，决定后在党员档案中办理「出党」。`,
        orgId: r.org_id,
        dueDate,
        severity: 'overdue',
        link: `/members/${r.member_id}`,
      }));
    },
  };

  return [sixMonths, certExpired, waiting, lostContact];
}
