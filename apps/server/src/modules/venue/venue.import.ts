import {
  PHONE_PATTERN,
  VENUE_ADDRESS_MAX,
  VENUE_AREA_MAX,
  VENUE_KIND_IDS,
  VENUE_NAME_MAX,
  VENUE_PERSON_MAX,
  VENUE_ROOMS_MAX,
  VENUE_SERVICES_MAX,
  venueKindLabel,
  type ImportResult,
  type ImportRowError,
  type VenueInput,
  type VenueKindId,
  type VenueRoomInput,
} from '@jiceng/contracts';
import { openingHoursRefusal } from '@jiceng/rules';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { cellText, normalizeName, type CellValue } from '../../platform/xlsx/cells.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheet, type ImportSheet, type SheetSpec } from '../../platform/xlsx/sheet.ts';
import { addDropdown, addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, loadWorkbook, newWorkbook, toBuffer, type SheetColumn } from '../../platform/xlsx/workbook.ts';
import { reportedUnits } from '../reportin/index.ts';
import { VENUE_KIND, type VenueCore } from './venue.core.ts';
import { parseHours, parseRooms, parseServices } from './venue.import.cells.ts';
import { isOrgSide } from './venue.policy.ts';
import type { VenueService } from './venue.service.ts';
import { Permission } from '@jiceng/contracts';

export const VENUE_IMPORT_SHEET = '阵地台账';

export const VENUE_IMPORT_COLUMNS = [
  { key: 'name', header: '阵地名称', required: true, width: 24 },
  { key: 'kind', header: '类型', required: true, width: 16 },
  { key: 'org', header: '所属社区', required: true, width: 24 },
  { key: 'unit', header: '开放单位', width: 22 },
  { key: 'address', header: '地址', required: true, width: 30 },
  { key: 'area', header: '面积（平方米）', required: true, width: 12 },
  { key: 'hours', header: '开放时间', required: true, width: 36 },
  { key: 'manager', header: '管理人', required: true, width: 10 },
  { key: 'phone', header: '联系电话', required: true, width: 14 },
  { key: 'services', header: '服务清单', width: 36 },
  { key: 'rooms', header: '活动室', width: 36 },
] as const satisfies readonly SheetColumn[];
type Key = (typeof VENUE_IMPORT_COLUMNS)[number]['key'];
const SPEC: SheetSpec<Key> = { columns: VENUE_IMPORT_COLUMNS, sheet: VENUE_IMPORT_SHEET, noun: '阵地' };
const header = (k: Key) => VENUE_IMPORT_COLUMNS.find((c) => c.key === k)!.header;
const KIND_BY_LABEL = new Map<string, VenueKindId>(VENUE_KIND_IDS.map((k) => [venueKindLabel[k], k]));

const GUIDE = [
  '阵地台账导入填写说明（本工作表不会被导入）',
  `1. 在“${VENUE_IMPORT_SHEET}”工作表中从第 2 行起每行填写一个阵地，不要修改第 1 行表头；带 * 的列必须填写。`,
  `2. 类型从下拉列表中选择：${VENUE_KIND_IDS.map((k) => venueKindLabel[k]).join('、')}。`,
  '3. 所属社区填写社区（村）党组织的全称，须在您的管理范围内；同一社区的阵地名称不能重复。',
  '4. “单位开放阵地”须填写开放单位：已向该社区报到的驻区单位名称；其他类型不填。',
  '5. 开放时间写成“周一至周五 08:30-17:30”，多段用“；”分隔，延时开放的时段后加“（延时）”，如“周一至周五 18:00-21:00（延时）”。',
  '6. 服务清单每行一项，写成“项目：内容”；活动室每行一个，写成“名称:容纳人数:面积:居民可预约（是/否）”。',
  '7. 导入时逐行检查，有任何错误则整个文件都不导入；可上传同一文件获取“错误报告”（在每行末尾写明问题）。',
  '',
  '填写示例（灰色斜体，仅供参考）：',
];
const EXAMPLE: Record<Key, string> = {
  name: '梅花山社区党群服务中心',
  kind: '党群服务中心',
  org: '中共梅花山社区委员会',
  unit: '',
  address: '梅花山路 1 号',
  area: '650',
  hours: '周一至周五 08:30-17:30；周一至周五 18:00-21:00（延时）；周六 09:00-12:00',
  manager: '王红',
  phone: '13800001111',
  services: '党员教育：三会一课、主题党日\n便民服务：代办、咨询',
  rooms: '多功能活动室:60:120:是\n党员活动室:30:60:否',
};

interface Draft {
  row: number;
  input: VenueInput;
  rooms: VenueRoomInput[];
}

/**
 * Import of the venue ledger from .xlsx (the template's columns): every row checked — required
 * cells, type, community in scope, the unit of a 单位开放阵地, area, opening hours (rule
 * venue-hours), phone, services, rooms, names not repeated — every bad row named; then one
 * transaction adds them all through the service. All or nothing.
 */
export function createVenueImport(deps: { core: VenueCore; service: VenueService }) {
  const { core, service } = deps;
  const { db, regionId, rules, audit, venues } = core;

  async function parse(actor: Actor, sheet: ImportSheet<Key>) {
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const drafts: Draft[] = [];
    const communities = await venues.communitiesUnder(db, regionId, actor.orgPath, rules);
    const byName = new Map(communities.map((c) => [normalizeName(c.name), c]));
    const units = await reportedUnits.under(db, regionId, actor.orgPath);
    const taken = new Set(
      (
        await venues.namesIn(
          db,
          regionId,
          communities.map((c) => c.id),
        )
      ).map((v) => `${v.org_id}|${v.name}`),
    );
    const seen = new Map<string, number>();
    for (const r of sheet.rows) {
      const before = errors.length;
      const err = (k: Key, message: string) => errors.push({ row: r.row, column: header(k), message });
      const cell = (k: Key): CellValue => r.cells[k] ?? null;
      const text = (k: Key, max: number, req = false) => {
        const v = cellText(cell(k)).trim();
        if (req && !v) err(k, `请填写${header(k)}`);
        if (v.length > max) err(k, `${header(k)}不能超过 ${max} 个字（当前 ${v.length} 个）`);
        return v;
      };
      /** A cell of several lines, kept as typed (cellText collapses line breaks). */
      const multi = (k: Key, max: number, req = false) => {
        const v = cell(k);
        const raw = typeof v === 'string' ? v.trim() : cellText(v);
        if (req && !raw) err(k, `请填写${header(k)}`);
        if (raw.length > max) err(k, `${header(k)}不能超过 ${max} 个字`);
        return raw;
      };
      const name = text('name', VENUE_NAME_MAX, true);
      const kindText = text('kind', 20, true);
      const kind = KIND_BY_LABEL.get(kindText);
      if (kindText && !kind) err('kind', `类型“${kindText}”应为：${[...KIND_BY_LABEL.keys()].join('、')}`);
      const orgText = text('org', 60, true);
      const org = orgText ? byName.get(normalizeName(orgText)) : undefined;
      if (orgText && !org) err('org', `“${orgText}”不是您管理范围内的社区（村）党组织，请填写全称`);
      const unitText = text('unit', 60);
      let unitId: string | undefined;
      if (kind === 'unit_open' && !unitText) err('unit', '单位开放阵地须填写开放单位');
      else if (kind && kind !== 'unit_open' && unitText) err('unit', '只有“单位开放阵地”才填写开放单位');
      else if (unitText && org) {
        const u = units.find((x) => x.communityId === org.id && normalizeName(x.unitName) === normalizeName(unitText));
        if (!u) err('unit', `“${unitText}”未向「${org.name}」报到，请先办理驻区单位报到`);
        else unitId = u.id;
      }
      const address = text('address', VENUE_ADDRESS_MAX, true);
      if (address && address.length < 2) err('address', '地址至少 2 个字');
      const areaText = cellText(cell('area')).trim();
      const areaM2 = Number(areaText);
      if (!areaText) err('area', '请填写面积');
      else if (!(areaM2 >= 1 && areaM2 <= VENUE_AREA_MAX) || Math.round(areaM2 * 100) !== areaM2 * 100)
        err('area', `面积“${areaText}”应为 1 至 ${VENUE_AREA_MAX} 的数（最多两位小数）`);
      const hoursCell = multi('hours', 500, true);
      const hours = hoursCell ? parseHours(hoursCell) : null;
      if (hours && 'error' in hours) err('hours', hours.error);
      else if (hours) {
        const refusal = openingHoursRefusal(hours.hours, rules);
        if (refusal) err('hours', refusal.message);
      }
      const manager = text('manager', VENUE_PERSON_MAX, true);
      const phone = cellText(cell('phone')).replace(/\s+/g, '');
      if (!phone) err('phone', '请填写联系电话');
      else if (!new RegExp(PHONE_PATTERN).test(phone)) err('phone', `联系电话“${phone}”格式不正确（手机 11 位或带区号的座机）`);
      const services = parseServices(multi('services', 3000));
      if (services.length > VENUE_SERVICES_MAX) err('services', `服务清单最多 ${VENUE_SERVICES_MAX} 项`);
      if (services.some((s) => s.name.length > VENUE_NAME_MAX || (s.description ?? '').length > 200))
        err('services', '服务项目名称最多 40 字、内容最多 200 字');
      const rooms = parseRooms(multi('rooms', 3000));
      if ('error' in rooms) err('rooms', rooms.error);
      else if (rooms.rooms.length > VENUE_ROOMS_MAX) err('rooms', `活动室最多 ${VENUE_ROOMS_MAX} 个`);
      else if (new Set(rooms.rooms.map((x) => x.name)).size !== rooms.rooms.length) err('rooms', '活动室名称重复');
      if (name && org) {
        const key = `${org.id}|${name}`;
        if (taken.has(key)) err('name', `「${org.name}」已有名为“${name}”的阵地`);
        else if (seen.has(key)) err('name', `阵地名称与第 ${seen.get(key)} 行重复（同一社区）`);
        else seen.set(key, r.row);
      }
      if (errors.length > before) continue;
      drafts.push({
        row: r.row,
        input: {
          orgId: org!.id,
          ...(unitId ? { unitId } : {}),
          name,
          kind: kind!,
          address,
          areaM2,
          hours: (hours as { hours: VenueInput['hours'] }).hours,
          managerName: manager,
          managerPhone: phone,
          services,
        },
        rooms: (rooms as { rooms: VenueRoomInput[] }).rooms,
      });
    }
    return { drafts, errors: sortRowErrors(errors, VENUE_IMPORT_COLUMNS) };
  }

  async function check(actor: Actor, upload: Upload) {
    if (!isOrgSide(actor) || !actor.permissions.includes(Permission.REGION_MANAGE)) throw forbidden('导入阵地台账须由社区（村）党组织或上级办理');
    const sheet = readSheet(await loadWorkbook(upload.data, upload.fileName), SPEC);
    return { sheet, ...(await parse(actor, sheet)) };
  }

  return {
    async template(): Promise<Buffer> {
      const wb = newWorkbook();
      const ws = addTableSheet(wb, VENUE_IMPORT_SHEET, VENUE_IMPORT_COLUMNS);
      addDropdown(ws, 'kind', [...KIND_BY_LABEL.keys()], { strict: true, prompt: '从下拉列表中选择阵地类型' });
      addGuideSheet(wb, { name: '填写说明', columns: VENUE_IMPORT_COLUMNS, lines: GUIDE, examples: [EXAMPLE] });
      return toBuffer(wb);
    },

    async run(actor: Actor, upload: Upload): Promise<ImportResult> {
      const { drafts, errors } = await check(actor, upload);
      if (errors.length > 0) throw importInvalid(errors);
      if (drafts.length === 0) throw importInvalid([{ row: 2, column: header('name'), message: '文件中没有阵地，请从第 2 行起填写' }]);
      return db.transaction(async (tx) => {
        for (const d of drafts) {
          try {
            await service.createIn(tx, actor, d.input, d.rooms);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            throw importInvalid([{ row: d.row, column: header('name'), message: e.message }]);
          }
        }
        await audit.record(tx, actor, {
          action: 'venue.import',
          entity: VENUE_KIND,
          entityId: null,
          orgPath: actor.orgPath,
          after: { venues: drafts.length, rooms: drafts.reduce((n, d) => n + d.rooms.length, 0) },
        });
        return { created: drafts.length, updated: 0 };
      });
    },

    async errorReport(actor: Actor, upload: Upload): Promise<Buffer> {
      const { sheet, errors } = await check(actor, upload);
      annotateErrors(sheet, errors);
      return toBuffer(sheet.workbook);
    },
  };
}
export type VenueImport = ReturnType<typeof createVenueImport>;
