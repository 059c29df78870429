import { sql } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import { letterDaysOverdue } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';

/** What an overdue letter's row carries for its title and detail. */
interface LetterTodoData {
  memberName: string;
  letterNo: string;
  toOrgName: string;
}

/**
 * Outgoing letters past their validity without a receipt (the 待回执登记簿's overdue ones), as 待办
 * of the sending branch's scope for those who can register the receipt.
 */
export function letterTodoSource(): TodoSource {
  return {
    id: 'transfer.letter',
    permission: Permission.MEMBER_WRITE,
    rows: (s, opts) => sql`select ${todoColumns('transfer.letter', opts, {
      key: sql`t.id`,
      ref: sql`t.id`,
      orgId: sql`t.from_org_id`,
      orgPath: sql`fo.path`,
      severity: sql`'overdue'`,
      dueDate: sql`t.valid_until`,
      name: sql`t.member_name`,
      data: sql`jsonb_build_object('memberName', t.member_name, 'letterNo', t.letter_no, 'toOrgName', t.to_org_name)`,
    })}
      from transfer t join org fo on fo.region_id = t.region_id and fo.id = t.from_org_id
      where t.region_id = ${s.regionId} and fo.path <@ ${s.path}::ltree and t.kind = 'letter_out' and t.status = 'pending'
        and t.valid_until < ${s.today}::date ${refsFilter(sql`t.id`, opts)}`,
    present(row, today): TodoPresented {
      const d = row.data as unknown as LetterTodoData;
      const validUntil = row.due_date!;
      return {
        key: row.key,
        source: 'transfer.letter',
        title: `介绍信逾期未回执：${d.memberName}`,
        detail: `介绍信 ${d.letterNo} 转往「${d.toOrgName}」，有效期至 ${validUntil}，已逾期 ${letterDaysOverdue(validUntil, today)} 天仍未登记回执，请联系接收党组织核实；介绍信已过期的，作废后重新开具`,
        orgId: row.org_id,
        dueDate: validUntil,
        severity: 'overdue',
        // the register with this letter's record open (its 登记回执 / 作废 are there)
        link: `/transfers?tab=register&transferId=${row.ref}`,
      };
    },
  };
}
