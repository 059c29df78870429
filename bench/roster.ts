import ExcelJS from 'exceljs';
import {
  educationLabel,
  idNumberCheckChar,
  memberCategoryLabel,
  memberStatusLabel,
  occupationLabel,
  type Education,
  type MemberCategory,
  type MemberInput,
  type Occupation,
} from '@jiceng/contracts';
import { addMonths } from '@jiceng/rules';
import { IMPORT_COLUMNS, ROSTER_SHEET, type ImportColumnKey } from '../apps/server/src/modules/member/member.xlsx.ts';
import type { CheckedMember } from '../apps/server/src/modules/member/member.validation.ts';
import type { MemberWrite } from '../apps/server/src/modules/member/member.repository.ts';
import { searchVectorLiteral } from '../apps/server/src/platform/search/chinese-search.ts';
import { displayHeader, toBuffer } from '../apps/server/src/platform/xlsx/workbook.ts';
import { COMMUNITY_PLACES, personName } from '../apps/server/seeds/names.ts';
import type { Random } from '../apps/server/seeds/random.ts';
import { copyArray, copyValue } from './copy.ts';

/**
 * Synthetic party members for the member benchmarks: people with valid ID numbers (GB 11643 check
 * character, birth date and sex in the number), realistic names, dates in a plausible order; as a
 * roster .xlsx in the import template's columns, and as text-format COPY lines of `member`.
 */

export interface Person {
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  ethnicity: MemberInput['ethnicity'];
  education: Education;
  occupation: Occupation;
  workUnit: string | null;
  position: string | null;
  phone: string;
  address: string;
  appliedDate: string;
  joinedDate: string;
  status: 'full' | 'probationary';
  confirmedDate: string | null;
  categories: MemberCategory[];
}

/** Nanjing's district codes (the first six digits of the ID number). */
const DISTRICTS = ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118'];
const ETHNICITY: readonly (readonly [MemberInput['ethnicity'], number])[] = [
  ['汉族', 96],
  ['回族', 2],
  ['满族', 1],
  ['蒙古族', 0.5],
  ['壮族', 0.5],
];
const EDUCATION: readonly (readonly [Education, number])[] = [
  ['doctorate', 1],
  ['master', 8],
  ['bachelor', 38],
  ['junior_college', 20],
  ['secondary_vocational', 8],
  ['high_school', 12],
  ['junior_high_or_below', 13],
];
const OCCUPATION: readonly (readonly [Occupation, number])[] = [
  ['worker', 7],
  ['farmer', 26],
  ['professional', 15],
  ['manager', 11],
  ['official', 8],
  ['student', 3],
  ['other', 9],
  ['retired', 21],
];
const UNITS = [
  '演示市人民医院',
  '演示市第一中学',
  '江苏云帆信息科技有限公司',
  '演示市城市管理局',
  '恒达建筑工程有限公司',
  '街道社区卫生服务中心',
  '演示市供电公司',
];
const POSITIONS = ['职员', '工程师', '教师', '医生', '科长', '经理', '技术员', '会计'];
const ROADS = ['中山', '北京', '龙蟠', '汉中', '珠江', '广州', '云南', '江东', '清凉门', '虎踞'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) => iso(new Date(Date.parse(date) - days * 86_400_000));

/**
 * People with distinct ID numbers: born 22–85 years before `today`, joined the Party between 20 and
 * 45 (at least a month ago), applied 1–24 months before joining; those who joined within a year are
 * 预备党员. `taken` collects the ID numbers already given (across calls).
 */
export function createPeople(rng: Random, today: string, taken = new Set<string>()) {
  return function person(): Person {
    for (;;) {
      const age = 22 + Math.floor(63 * rng.next() ** 1.3);
      const birthDate = daysBefore(today, age * 365 + rng.int(0, 364));
      const gender = rng.chance(0.3) ? 'female' : 'male';
      const seq = rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${rng.pick(DISTRICTS)}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
      const idNumber = first17 + idNumberCheckChar(first17);
      if (taken.has(idNumber)) continue;
      taken.add(idNumber);
      const joinAge = Math.min(age, 20 + rng.int(0, 25));
      let joinedDate = addMonths(birthDate, joinAge * 12 + rng.int(0, 11));
      if (joinedDate > daysBefore(today, 31)) joinedDate = daysBefore(today, rng.int(31, 330));
      const status = joinedDate > addMonths(today, -12) ? 'probationary' : 'full';
      const occupation = age >= 62 ? 'retired' : rng.weighted(OCCUPATION.filter(([o]) => o !== 'retired'));
      const employed = !['retired', 'farmer', 'student', 'other'].includes(occupation);
      return {
        name: personName(rng),
        idNumber,
        gender,
        birthDate,
        ethnicity: rng.weighted(ETHNICITY),
        education: rng.weighted(EDUCATION),
        occupation,
        workUnit: employed ? rng.pick(UNITS) : null,
        position: employed ? rng.pick(POSITIONS) : null,
        phone: `1${rng.pick(['3', '5', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
        address: `演示市${rng.pick(COMMUNITY_PLACES)}街道${rng.pick(ROADS)}路${rng.int(1, 399)}号${rng.int(1, 30)}幢${rng.int(101, 2402)}室`,
        appliedDate: addMonths(joinedDate, -rng.int(1, 24)),
        joinedDate,
        status,
        confirmedDate: status === 'full' && rng.chance(0.8) ? addMonths(joinedDate, 12) : null,
        categories: occupation === 'retired' ? ['retired'] : employed ? (rng.chance(0.05) ? ['employed', 'party_worker'] : ['employed']) : ['unemployed'],
      };
    }
  };
}

/** A roster row's cells as a branch would type them: Chinese labels, real dates (Excel serials). */
function rosterCells(p: Person, branchName: string): Record<ImportColumnKey, string | Date | null> {
  const date = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  return {
    name: p.name,
    idNumber: p.idNumber,
    ethnicity: p.ethnicity,
    education: educationLabel[p.education],
    occupation: occupationLabel[p.occupation],
    workUnit: p.workUnit,
    position: p.position,
    phone: p.phone,
    address: p.address,
    appliedDate: date(p.appliedDate),
    joinedDate: date(p.joinedDate),
    status: memberStatusLabel[p.status],
    confirmedDate: date(p.confirmedDate),
    branchName,
    categories: p.categories.map((c) => memberCategoryLabel[c]).join('、'),
  };
}

/** The .xlsx of a roster in the import template's sheet and columns (headers with `*` as the template has them). */
export async function rosterXlsx(rows: readonly { person: Person; branchName: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ROSTER_SHEET);
  ws.addRow(IMPORT_COLUMNS.map(displayHeader));
  IMPORT_COLUMNS.forEach((c, i) => {
    if ('numFmt' in c) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  for (const r of rows) {
    const cells = rosterCells(r.person, r.branchName);
    ws.addRow(IMPORT_COLUMNS.map((c) => cells[c.key]));
  }
  return toBuffer(wb);
}

/** The member form's input for a person (what the importer builds from a row). */
export function memberInput(p: Person, orgId: string): MemberInput {
  return { ...p, orgId, gender: undefined, birthDate: undefined };
}

/** What checkMember derives from the ID number, for people known to be valid. */
export const checkedOf = (p: Person): CheckedMember => ({
  idNumber: p.idNumber,
  birthDate: p.birthDate,
  gender: p.gender,
  confirmedDate: p.status === 'full' ? (p.confirmedDate ?? addMonths(p.joinedDate, 12)) : null,
});

/** The columns of `member` a COPY line fills (the others keep their defaults). */
export const MEMBER_COPY_COLUMNS = [
  'region_id',
  'id',
  'org_id',
  'name',
  'gender',
  'ethnicity',
  'birth_date',
  'id_number_enc',
  'id_number_hash',
  'id_number_masked',
  'education',
  'occupation',
  'work_unit',
  'position',
  'phone_enc',
  'phone_hash',
  'phone_masked',
  'address_enc',
  'address_masked',
  'applied_date',
  'joined_date',
  'confirmed_date',
  'status',
  'categories',
  'search',
] as const;

/** A text-format COPY line of `member`, with the search vector the repository writes (cached per name). */
export function memberCopyLine(regionId: string, id: string, w: MemberWrite, vectors: Map<string, string>): string {
  let search = vectors.get(w.name);
  if (search === undefined) vectors.set(w.name, (search = searchVectorLiteral([w.name])));
  const values = [
    regionId,
    id,
    w.orgId,
    w.name,
    w.gender,
    w.ethnicity,
    w.birthDate,
    w.idNumberEnc,
    w.idNumberHash,
    w.idNumberMasked,
    w.education,
    w.occupation,
    w.workUnit,
    w.position,
    w.phoneEnc,
    w.phoneHash,
    w.phoneMasked,
    w.addressEnc,
    w.addressMasked,
    w.appliedDate,
    w.joinedDate,
    w.confirmedDate,
    w.status,
    copyArray(w.categories),
    search,
  ];
  return values.map(copyValue).join('\t');
}

/** The columns of `member_status_event` a COPY line fills. */
export const EVENT_COPY_COLUMNS = [
  'region_id',
  'id',
  'member_id',
  'event',
  'from_status',
  'to_status',
  'event_date',
  'reason',
  'actor_id',
  'actor_name',
] as const;

/** The 'register' history row the import writes for each member, as a COPY line. */
export function registerEventLine(regionId: string, id: string, memberId: string, w: MemberWrite, actor: { id: string; name: string }): string {
  return [regionId, id, memberId, 'register', w.status, w.status, w.joinedDate, '导入党员名册', actor.id, actor.name].map(copyValue).join('\t');
}
