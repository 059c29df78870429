import {
  AccountInput,
  AccountUpdate,
  FloatingInput,
  FloatingUpdate,
  idNumberCheckChar,
  IncomingLetterInput,
  MemberInput,
  MemberUpdate,
  OrgInput,
  OrgUpdate,
  type FloatingRecord,
  type Member,
} from '@jiceng/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { refusals } from './strictBody.ts';
import { toAccountInput, toAccountUpdate, type AccountFormValues } from '../features/accounts/accountForm.ts';
import { toFloatingInput, toFloatingUpdate, type FloatingFormValues } from '../features/floating/floatingForm.ts';
import { fromMember, toMemberInput, toMemberUpdate, type MemberFormValues } from '../features/members/memberForm.ts';
import { toOrgBody, type OrgFormValues } from '../features/orgs/orgForm.ts';
import { toIncomingLetterInput, type IncomingForm } from '../features/transfers/incomingLetterForm.ts';

/*
 * The server checks every JSON body strictly (apps/server/src/platform/http/validators.ts): no type
 * coercion, and every object with listed properties refuses any other. These tests build bodies from
 * realistic form values, form-only fields included, and check them the same way.
 */

const ORG = '0190a000-0000-7000-8000-0000000000b1';
const MEMBER = '0190a000-0000-7000-8000-0000000000a1';
const idBody = '32010219860412002';
const ID = idBody + idNumberCheckChar(idBody);

/** The member form as filled in, with the sex and birth date it shows from the ID number. */
const memberForm = (over: Partial<MemberFormValues> = {}): MemberFormValues => ({
  name: ' 端木青禾 ',
  idNumber: ID.toLowerCase(),
  gender: 'female',
  birthDate: dayjs('1986-04-12'),
  ethnicity: '汉族',
  education: 'bachelor',
  occupation: 'professional',
  workUnit: '',
  position: '  ',
  phone: '13912340001',
  address: undefined,
  appliedDate: null,
  joinedDate: dayjs('2010-06-28'),
  status: 'full',
  confirmedDate: dayjs('2011-06-28'),
  orgId: ORG,
  categories: ['employed'],
  ...over,
});

describe('request bodies match their contracts exactly', () => {
  it('the check itself refuses an unknown field, a number for a string and a date that does not exist', () => {
    const body = toAccountUpdate({ username: 'zhangsan', displayName: '张三', role: 'secretary', orgId: ORG, password: '', disabled: false });
    expect(refusals(AccountUpdate, body)).toEqual([]);
    expect(refusals(AccountUpdate, { ...body, username: 'zhangsan' })).not.toEqual([]);
    expect(refusals(AccountUpdate, { ...body, displayName: 3 })).not.toEqual([]);
    expect(refusals(MemberInput, { ...toMemberInput(memberForm()), joinedDate: '2026-02-30' })).not.toEqual([]);
  });

  it('POST /api/members and PATCH /api/members/:id: no sex or birth date (read from the ID number), empty text as null', () => {
    const input = toMemberInput(memberForm());
    expect(refusals(MemberInput, input)).toEqual([]);
    expect(input).not.toHaveProperty('birthDate');
    expect(input).toMatchObject({ workUnit: null, position: null, address: null, confirmedDate: '2011-06-28' });
    expect(refusals(MemberInput, toMemberInput(memberForm({ status: 'probationary', confirmedDate: dayjs('2011-06-28') })))).toEqual([]);

    const before = {
      ...input,
      id: MEMBER,
      orgName: '第一党支部',
      gender: 'female',
      birthDate: '1986-04-12',
      age: 40,
      leaveReason: null,
      partyAge: 14,
      probationExtendedMonths: null,
      probationEndDate: null,
      disciplineUntil: null,
      canVote: true,
      hasPhoto: false,
      unmasked: true,
      createdAt: '',
      updatedAt: '',
    } as Member;
    const patch = toMemberUpdate({ ...fromMember(before), position: '支部书记', phone: '', appliedDate: dayjs('2008-03-01') }, before);
    expect(patch).toEqual({ position: '支部书记', phone: null, appliedDate: '2008-03-01' });
    expect(refusals(MemberUpdate, patch)).toEqual([]);
  });

  it('POST /api/transfers/incoming-letters: the letter fields stay out of the nested member record', () => {
    const v: IncomingForm = {
      ...memberForm(),
      letterNo: ' 苏组转〔2026〕15号 ',
      fromOrgName: '中共苏州市某区委员会组织部',
      letterDate: dayjs('2026-03-02'),
      duesPaidTo: dayjs('2026-02-01'),
    };
    const body = toIncomingLetterInput(v);
    expect(refusals(IncomingLetterInput, body)).toEqual([]);
    expect(body.duesPaidTo).toBe('2026-02');
    expect(refusals(IncomingLetterInput, toIncomingLetterInput({ ...v, duesPaidTo: null }))).toEqual([]);
  });

  it('POST /api/orgs and PATCH /api/orgs/:id: units as listed, dates as text, empty text as null', () => {
    const v: OrgFormValues = {
      name: '中共孝陵卫社区第三支部委员会',
      shortName: '',
      type: 'branch',
      domain: 'community',
      formationMode: 'joint',
      units: [
        { name: '孝陵卫社区居委会', category: 'community' },
        { name: '某科技有限公司', creditCode: '91320102mA1xxxxx0x', category: 'private_enterprise' },
      ],
      approvalDocNo: '  ',
      approvalDate: dayjs('2024-05-20'),
      code: null,
    };
    expect(refusals(OrgInput, { ...toOrgBody(v), parentId: ORG })).toEqual([]);
    expect(refusals(OrgUpdate, toOrgBody({ ...v, approvalDate: null }))).toEqual([]);
  });

  it('POST /api/floating and PATCH /api/floating/:id: no member on edit, the phone only when retyped, the arrival day only on a new destination', () => {
    const v: FloatingFormValues = {
      memberId: MEMBER,
      destinationPlace: '江苏省苏州市工业园区某公司',
      destinationOrgId: null,
      destinationSince: dayjs('2026-03-01'),
      reason: 'work',
      reasonNote: '',
      contactPhone: '13912340001',
      leftDate: dayjs('2026-02-20'),
      expectedReturnDate: null,
      certNo: ' ',
      certIssuedDate: undefined,
      certValidUntil: dayjs('2027-02-19'),
    };
    expect(refusals(FloatingInput, toFloatingInput(v))).toEqual([]);

    const record = { destinationPlace: v.destinationPlace, destinationOrgId: null } as FloatingRecord;
    const same = toFloatingUpdate({ ...v, contactPhone: '' }, record);
    expect(refusals(FloatingUpdate, same)).toEqual([]);
    expect(same).not.toHaveProperty('memberId');
    expect(same).not.toHaveProperty('contactPhone');
    expect(same).not.toHaveProperty('destinationSince');
    const moved = toFloatingUpdate({ ...v, destinationPlace: '浙江省杭州市某区', destinationSince: null }, record);
    expect(refusals(FloatingUpdate, moved)).toEqual([]);
    expect(moved).toMatchObject({ destinationSince: null, contactPhone: '13912340001' });
  });

  it('POST /api/accounts and PATCH /api/accounts/:id: each gets only its own fields of the shared form', () => {
    const v: AccountFormValues = {
      username: ' dangyuan01 ',
      displayName: '张三',
      role: 'member',
      orgId: ORG,
      password: 'Jc@2026-abc',
      disabled: false,
      memberId: MEMBER,
    };
    expect(refusals(AccountInput, toAccountInput(v))).toEqual([]);
    expect(toAccountInput({ ...v, role: 'secretary' })).not.toHaveProperty('memberId');
    expect(refusals(AccountInput, toAccountInput({ ...v, memberId: null }))).toEqual([]);
    expect(refusals(AccountUpdate, toAccountUpdate({ ...v, disabled: true }))).toEqual([]);
  });
});
