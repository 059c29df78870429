import type { VenueHoursPeriod, VenueRoomInput, VenueServiceItem } from '@jiceng/contracts';
import { normalizeText } from '../../platform/xlsx/cells.ts';

/** Cells of the venue import as people type them: opening hours, the 服务清单, the rooms. */

const DAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 七: 7 };
const ENTRY = /^(.*?)\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*[-~～—至到]+\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*(.*)$/;
const pad = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`;

/** Lines of a cell: one per line, or separated by ；/; */
export const cellLines = (s: string): string[] =>
  s
    .split(/\r\n|[\r\n；;]/)
    .map((l) => normalizeText(l))
    .filter(Boolean);

/** 周一至周五, 周六、周日, 星期一, 每天, 工作日, 周末 → 1–7; null when not understood. */
export function parseDays(s: string): number[] | null {
  const t = s.replace(/星期|礼拜/g, '周').replace(/\s+/g, '');
  if (/^(每天|每日|全天|全周)$/.test(t)) return [1, 2, 3, 4, 5, 6, 7];
  if (t === '工作日') return [1, 2, 3, 4, 5];
  if (t === '周末') return [6, 7];
  const days = new Set<number>();
  for (const part of t.split(/[、，,和及]/)) {
    if (!part) continue;
    const range = /^周([一二三四五六日天七])[至到~～—-]周?([一二三四五六日天七])$/.exec(part);
    const one = /^周([一二三四五六日天七])$/.exec(part);
    if (range) {
      const a = DAY[range[1]!]!;
      const b = DAY[range[2]!]!;
      if (a > b) return null;
      for (let d = a; d <= b; d++) days.add(d);
    } else if (one) days.add(DAY[one[1]!]!);
    else return null;
  }
  return days.size ? [...days].sort((a, b) => a - b) : null;
}

/** 周一至周五 08:30-17:30；周六 09:00-12:00（延时） → periods; a message for the first line not understood. */
export function parseHours(s: string): { hours: VenueHoursPeriod[] } | { error: string } {
  const hours: VenueHoursPeriod[] = [];
  for (const line of cellLines(s)) {
    const m = ENTRY.exec(line);
    const days = m ? parseDays(m[1]!) : null;
    if (!m || !days) return { error: `开放时间“${line}”无法识别，请写成如“周一至周五 08:30-17:30”，多段用“；”分隔` };
    hours.push({ days, start: pad(m[2]!, m[3]!), end: pad(m[4]!, m[5]!), ...(/延时|延长/.test(m[6]!) ? { extended: true } : {}) });
  }
  return hours.length ? { hours } : { error: '请填写开放时间，如“周一至周五 08:30-17:30”' };
}

/** 服务清单: one item a line, “名称：说明” or just the name. */
export function parseServices(s: string): VenueServiceItem[] {
  return cellLines(s).map((l) => {
    const i = l.search(/[:：]/);
    return i > 0 ? { name: l.slice(0, i).trim(), description: l.slice(i + 1).trim() } : { name: l };
  });
}

/** 活动室: one a line, “名称:容纳人数:面积[:居民可预约 是/否]”. */
export function parseRooms(s: string): { rooms: VenueRoomInput[] } | { error: string } {
  const rooms: VenueRoomInput[] = [];
  for (const line of cellLines(s)) {
    const parts = line.split(/\s*[:：,，/]\s*/);
    const [name, cap, area, open] = parts;
    const capacity = Number(cap);
    const areaM2 = Number(area);
    if (parts.length < 3 || parts.length > 4 || !name || !Number.isInteger(capacity) || capacity < 1 || !(areaM2 > 0))
      return { error: `活动室“${line}”应写成“名称:容纳人数:面积[:居民可预约]”，如“多功能活动室:60:120:是”` };
    if (open !== undefined && !/^(是|否|可|不可)$/.test(open)) return { error: `活动室“${line}”的“居民可预约”应填“是”或“否”` };
    rooms.push({ name, capacity, areaM2, residentBookable: open === '是' || open === '可' });
  }
  return { rooms };
}
