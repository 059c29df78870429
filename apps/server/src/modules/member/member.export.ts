import type ExcelJS from 'exceljs';
import { educationLabel, genderLabel, MEMBER_LABEL_SEPARATOR, memberCategoryLabel, memberStatusLabel, occupationLabel, type MemberExportQuery, type MemberStatus } from '@jiceng/contracts';
import { partyAge, wholeYears } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { exportFileName } from '../../platform/xlsx/export.ts';
import { addTableSheet, newWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import { assertMayUnmask } from './member.policy.ts';
import { UNMASKED_FIELDS } from './member.presenter.ts';
import type { MemberRepository, MemberRow } from './member.repository.ts';
import type { MemberService } from './member.service.ts';
import { EXPORT_EXTRA_COLUMNS, IMPORT_COLUMNS, ROSTER_SHEET } from './member.xlsx.ts';

export interface MemberExportDeps {
  db: Database;
  regionId: string;
  members: MemberRepository;
  service: Pick<MemberService, 'filter'>;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
}


const label = <K extends string>(labels: Record<K, string>, k: string | null) => (k === null ? null : (labels[k as K] ?? k));

/** 党员类别 (正式/预备) of any member: the status held before suspension, or whether they had been confirmed. */
function kindOf(r: MemberRow): 'full' | 'probationary' {
  if (r.status === 'full' || r.status === 'probationary') return r.status;
  if (r.status === 'suspended' && (r.suspended_from_status === 'full' || r.suspended_from_status === 'probationary')) return r.suspended_from_status;
  return r.confirmed_date ? 'full' : 'probationary';
}

/**
 * Excel export of the member list (the same filters, scope included) in the template's columns,
 * plus 性别, 出生日期, 年龄, 状态 and 党龄. ID numbers, phones and addresses are masked and 出生日期
 * is left empty (年龄 stands in: the date would give the masked number away) unless the request asks
 * for them in full and may see them; then one personal.unmask audit row records the count, and the
 * file can be imported again.
 */
export function createMemberExportService(deps: MemberExportDeps) {
  const { db, regionId, members, service, audit, clock, crypto } = deps;

  function toRow(r: MemberRow, today: string, unmask: boolean): Record<string, ExcelJS.CellValue> {
    const kind = kindOf(r);
    const full = (enc: string | null, masked: string | null) => (unmask && enc ? crypto.decrypt(enc) : masked);
    return {
      name: r.name,
      idNumber: full(r.id_number_enc, r.id_number_masked),
      ethnicity: r.ethnicity,
      education: label(educationLabel, r.education),
      occupation: label(occupationLabel, r.occupation),
      workUnit: r.work_unit,
      position: r.position,
      phone: full(r.phone_enc, r.phone_masked),
      address: full(r.address_enc, r.address_masked),
      appliedDate: excelDate(r.applied_date),
      joinedDate: excelDate(r.joined_date),
      status: memberStatusLabel[kind],
      confirmedDate: kind === 'full' ? excelDate(r.confirmed_date) : null,
      branchName: r.org_name,
      categories: r.categories.map((c) => label(memberCategoryLabel, c)).join(MEMBER_LABEL_SEPARATOR),
      gender: label(genderLabel, r.gender),
      birthDate: unmask ? excelDate(r.birth_date) : null,
      age: wholeYears(r.birth_date, today),
      state: label(memberStatusLabel, r.status as MemberStatus),
      partyAge: r.status === 'probationary' ? null : partyAge(r.confirmed_date, today),
    };
  }

  return {
    /** The members matching the list query, read in pages; 404 for an organization outside the scope. */
    async exportXlsx(actor: Actor, q: MemberExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const { unmask = false, ...query } = q;
      if (unmask) assertMayUnmask(actor);
      const filter = await service.filter(actor, query);
      const wb = newWorkbook();
      const ws = addTableSheet(wb, ROSTER_SHEET, [...IMPORT_COLUMNS, ...EXPORT_EXTRA_COLUMNS], { filter: true });
      let count = 0;
      for await (const batch of members.stream(db, regionId, filter)) {
        for (const r of batch) ws.addRow(toRow(r, filter.today, unmask));
        count += batch.length;
      }
      if (unmask) await audit.record(db, actor, { action: 'personal.unmask', entity: 'member', entityId: null, orgPath: filter.scopePath, after: { fields: [...UNMASKED_FIELDS], count, via: 'export' } });
      return { fileName: exportFileName('党员名册', filter.scopeName ?? actor.orgName, clock.today()), data: await toBuffer(wb) };
    },
  };
}
export type MemberExportService = ReturnType<typeof createMemberExportService>;
