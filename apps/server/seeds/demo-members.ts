import { idNumberCheckChar, type Education, type MemberCategory, type MemberInput, type Occupation } from '@jiceng/contracts';
import { MEMBER_HOME_ORG_TYPES } from '@jiceng/rules';
import { personName } from './names.ts';
import type { OrgPlan } from './org-plan.ts';
import type { Random } from './random.ts';

const EDUCATION: readonly (readonly [Education, number])[] = [
  ['master', 6], ['bachelor', 38], ['junior_college', 24], ['secondary_vocational', 8], ['high_school', 12], ['junior_high_or_below', 12],
];
const WORK_OCCUPATION: readonly (readonly [Occupation, number])[] = [
  ['professional', 30], ['manager', 20], ['official', 15], ['worker', 20], ['farmer', 5], ['other', 10],
];
const shift = (date: string, years: number, days = 0) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A demo member who must exist by name (the 党员 demo account is bound to her). */
export interface FixedMember {
  orgName: string;
  name: string;
  female: boolean;
  birthDate: string;
}

/**
 * Members for every branch of the demo district (3–12 each), deterministic from `rng`, all valid
 * under the member form's own checks: real ID check digits, age ≥ 18 at application, 转正 one year
 * after joining; a few probationary members joined within the last year.
 */
export function planMembers(plan: OrgPlan, today: string, rng: Random, fixed: FixedMember[]): MemberInput[] {
  const out: MemberInput[] = [];
  let seq = 0;
  const idFor = (birth: string, female: boolean) => {
    seq += 1;
    const order = ((seq * 2) % 998) + (female ? 0 : 1);
    const first17 = `${320102 + Math.floor(seq / 499)}${birth.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
    return first17 + idNumberCheckChar(first17);
  };
  const member = (orgId: string, name: string, female: boolean, birthDate: string): MemberInput => {
    const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
    const probationary = rng.chance(0.06) && age < 45;
    const joinedDate = probationary ? shift(today, 0, -rng.int(30, 330)) : shift(birthDate, rng.int(21, Math.max(22, Math.min(age - 2, 50))), rng.int(0, 300));
    const retired = age >= 60;
    const categories: MemberCategory[] = [retired ? 'retired' : 'employed'];
    if (rng.chance(0.025)) categories.push('hardship');
    return {
      name,
      idNumber: idFor(birthDate, female),
      ethnicity: rng.chance(0.94) ? '汉族' : rng.pick(['回族', '满族', '蒙古族', '壮族'] as const),
      education: rng.weighted(EDUCATION),
      occupation: retired ? 'retired' : rng.weighted(WORK_OCCUPATION),
      workUnit: retired ? null : rng.pick(['演示区人民医院', '演示区第一中学', '孝陵卫街道办事处', '恒达物流有限公司', '华信软件有限公司', '演示区市场监管局']),
      phone: `1${rng.pick(['38', '39', '58', '77', '86'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      address: `南京市演示区${rng.pick(['中山门大街', '孝陵卫路', '卫岗', '前湖路', '紫金路'])}${rng.int(1, 300)}号`,
      appliedDate: shift(joinedDate, -rng.int(1, 3)),
      joinedDate,
      status: probationary ? 'probationary' : 'full',
      orgId,
      categories,
    };
  };
  const byName = new Map(plan.orgs.map((o) => [o.name, o]));
  for (const f of fixed) {
    const org = byName.get(f.orgName);
    if (!org) throw new Error(`demo member ${f.name}: no organization ${f.orgName}`);
    out.push({ ...member(org.id, f.name, f.female, f.birthDate), status: 'full', categories: ['employed'] });
  }
  for (const org of plan.orgs) {
    if (!(MEMBER_HOME_ORG_TYPES as readonly string[]).includes(org.type)) continue;
    const n = rng.int(3, 12);
    for (let i = 0; i < n; i++) {
      const female = rng.chance(0.31);
      const birthDate = shift(today, -rng.int(24, 82), -rng.int(0, 364));
      out.push(member(org.id, personName(rng, female), female, birthDate));
    }
  }
  return out;
}
