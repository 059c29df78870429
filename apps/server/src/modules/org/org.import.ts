import type { ImportResult, ImportRowError } from '@jiceng/contracts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheet } from '../../platform/xlsx/sheet.ts';
import { loadWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import { parseRow, type RowDraft } from './org.import.rows.ts';
import { resolvePlan, type ImportPlan } from './org.import.resolve.ts';
import { buildTemplate } from './org.import.template.ts';
import type { OrgRepository } from './org.repository.ts';
import type { OrgService } from './org.service.ts';
import { headerOf, IMPORT_COLUMNS, ORG_SHEET, type OrgSheet } from './org.xlsx.ts';

/** What the import and export need: the org service for creation and scope, the repository for read-only look-ups. */
export interface OrgTransferDeps {
  db: Database;
  regionId: string;
  orgs: OrgRepository;
  service: OrgService;
  audit: AuditService;
  clock: Clock;
}

/** Credit codes per region-wide look-up (keeps the query's parameter list small). */
const CREDIT_CODE_CHUNK = 500;

/**
 * Excel import of the organization tree: checks every row of the file and reports all problems, or
 * creates all rows in one transaction through the org service (validated and audited like the form).
 */
export function createOrgImportService(deps: OrgTransferDeps) {
  const { db, regionId, orgs, service, audit, clock } = deps;

  /** Region-wide uniqueness of codes not used in the scope; owners outside the scope stay unnamed. */
  async function checkCodesOutsideScope(plan: ImportPlan, drafts: RowDraft[]): Promise<ImportRowError[]> {
    const errors: ImportRowError[] = [];
    for (const { index, code } of plan.unresolvedCodes) {
      if (await orgs.codeTaken(db, regionId, code, null))
        errors.push({ row: drafts[index]!.row, column: headerOf('code'), message: `组织代码“${code}”已被其他组织使用` });
    }
    const pending = plan.unresolvedCreditCodes;
    for (let k = 0; k < pending.length; k += CREDIT_CODE_CHUNK) {
      const chunk = pending.slice(k, k + CREDIT_CODE_CHUNK);
      const taken = new Set(
        (
          await orgs.creditCodeOwners(
            db,
            regionId,
            chunk.map((c) => c.code),
            null,
          )
        ).map((o) => o.credit_code),
      );
      for (const { index, code } of chunk) {
        if (taken.has(code))
          errors.push({ row: drafts[index]!.row, column: headerOf('creditCodes'), message: `统一社会信用代码“${code}”已登记在其他组织，不能重复登记` });
      }
    }
    return errors;
  }

  /** Every problem of the sheet, sorted by row and column, and the plan to apply when there is none. */
  async function check(actor: Actor, sheet: OrgSheet): Promise<{ errors: ImportRowError[]; drafts: RowDraft[]; plan: ImportPlan }> {
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const drafts = sheet.rows.map((r) => {
      const parsed = parseRow(r, sheet.date1904);
      errors.push(...parsed.errors);
      return parsed.draft;
    });
    const scope = await orgs.subtree(db, regionId, actor.orgPath);
    const plan = resolvePlan(drafts, scope, clock.today());
    errors.push(...plan.errors, ...(await checkCodesOutsideScope(plan, drafts)));
    return { errors: sortRowErrors(errors, IMPORT_COLUMNS), drafts, plan };
  }

  async function open(upload: Upload): Promise<OrgSheet> {
    return readSheet(await loadWorkbook(upload.data, upload.fileName), ORG_SHEET);
  }

  return {
    /** The blank template with dropdowns and a sheet of instructions. */
    template: (): Promise<Buffer> => buildTemplate(),

    /** Imports the file whole or not at all; answers IMPORT_INVALID with every problem otherwise. */
    async importFile(actor: Actor, upload: Upload): Promise<ImportResult> {
      const sheet = await open(upload);
      const { errors, drafts, plan } = await check(actor, sheet);
      if (errors.length > 0) throw importInvalid(errors);
      return db.transaction(async (tx) => {
        const ids = new Map<number, string>();
        for (const i of plan.order) {
          const d = drafts[i]!;
          const p = plan.parents[i]!;
          const parentId = p.kind === 'file' ? ids.get(p.index)! : p.id;
          try {
            ids.set(i, (await service.createIn(tx, actor, { ...d.input!, parentId })).id);
          } catch (e) {
            // Something changed between the check and the write (or a rule only the service knows):
            // report it on its row; throwing rolls back every row created so far.
            if (e instanceof AppError) throw importInvalid([{ row: d.row, column: '', message: e.message }]);
            throw e;
          }
        }
        await audit.record(tx, actor, {
          action: 'org.import',
          entity: 'org',
          entityId: null,
          orgPath: actor.orgPath,
          after: { created: ids.size, fileName: upload.fileName, rows: drafts.length },
        });
        return { created: ids.size, updated: 0 };
      });
    },

    /** The uploaded sheet with a 错误说明 column and its problem cells highlighted; changes nothing. */
    async errorReport(actor: Actor, upload: Upload): Promise<Buffer> {
      const sheet = await open(upload);
      const { errors } = await check(actor, sheet);
      annotateErrors(sheet, errors);
      return toBuffer(sheet.workbook);
    },
  };
}
export type OrgImportService = ReturnType<typeof createOrgImportService>;
