import { idNumberCheckChar, type Member } from '@jiceng/contracts';
import { describe, expect, it } from 'vitest';
import { factsOfIdNumber, fromMember, toMemberUpdate, type MemberFormValues } from './memberForm.ts';
import { AGE_BANDS, filterFromParams, filterToParams, searchTerms, toListQuery } from './memberFilter.ts';

const body = '32010219860412002';
const ID = body + idNumberCheckChar(body);

const member = (over: Partial<Member> = {}): Member => ({
  id: '0190a000-0000-7000-8000-000000000001',
  version: 1,
  orgId: '0190a000-0000-7000-8000-000000000002',
  orgName: '第一党支部',
  name: '端木青禾',
  gender: 'female',
  birthDate: null,
  age: 40,
  idNumber: '32**************21',
  phone: '139****0001',
  education: 'bachelor',
  occupation: 'professional',
  status: 'full',
  leaveReason: null,
  joinedDate: '2010-06-28',
  confirmedDate: '2011-06-28',
  partyAge: 15,
  categories: ['employed'],
  ethnicity: '汉族',
  workUnit: null,
  position: null,
  address: '南京市****',
  appliedDate: null,
  probationExtendedMonths: null,
  probationEndDate: null,
  disciplineUntil: null,
  canVote: true,
  hasPhoto: false,
  unmasked: false,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('member list filter', () => {
  it('turns the statistics age bands (≤30, 31–35 … 56–60, ≥61) into ageMin/ageMax', () => {
    expect(AGE_BANDS.map((b) => b.key)).toEqual(['-30', '31-35', '36-40', '41-45', '46-50', '51-55', '56-60', '61-']);
    expect(toListQuery({ page: 1, age: '-30' })).toMatchObject({ ageMax: 30 });
    expect(toListQuery({ page: 1, age: '-30' }).ageMin).toBeUndefined();
    expect(toListQuery({ page: 1, age: '36-40' })).toMatchObject({ ageMin: 36, ageMax: 40 });
    expect(toListQuery({ page: 1, age: '61-' })).toMatchObject({ ageMin: 61 });
  });

  it('searches an ID number or phone exactly and anything else by name', () => {
    expect(searchTerms(ID.slice(0, 17) + 'x')).toEqual({ idNumber: ID.slice(0, 17) + 'X' });
    expect(searchTerms('１３９１２３４０００１'.normalize('NFKC'))).toEqual({ phone: '13912340001' });
    expect(searchTerms(' 青禾 ')).toEqual({ q: '青禾' });
    expect(searchTerms('')).toEqual({});
  });

  it('asks for members who have left when the status filter is 已出党', () => {
    expect(toListQuery({ page: 1, status: 'left' }).includeLeft).toBe(true);
    expect(toListQuery({ page: 1 }).includeLeft).toBeUndefined();
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const state = { page: 2, status: 'full', partyAgeMin: 10, includeLeft: true, search: '青禾' };
    const params = filterToParams(state);
    expect(params).toEqual({ page: '2', status: 'full', partyAgeMin: '10', includeLeft: 'true', search: '青禾' });
    expect(filterFromParams(new URLSearchParams(params))).toMatchObject(state);
    expect(filterToParams({ page: 1 })).toEqual({});
  });
});

describe('member form', () => {
  it('reads sex and birth date from a valid ID number only', () => {
    const facts = factsOfIdNumber(ID.toLowerCase());
    expect(facts?.gender).toBe('female');
    expect(facts?.birthDate.format('YYYY-MM-DD')).toBe('1986-04-12');
    expect(factsOfIdNumber(ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0'))).toBeNull();
  });

  it('sends only the fields that changed, and never a masked personal value', () => {
    const m = member();
    const v: MemberFormValues = { ...fromMember(m), position: '支部书记', phone: '13800000000', categories: ['employed', 'party_worker'] };
    expect(toMemberUpdate(v, m)).toEqual({ position: '支部书记', categories: ['employed', 'party_worker'] });
  });

  it('holds no birth date for a masked record (the server sends only the age), and never sends one', () => {
    const m = member();
    expect(fromMember(m).birthDate).toBeNull();
    expect(toMemberUpdate({ ...fromMember(m), name: '端木青' }, m)).toEqual({ name: '端木青' });
    const full = member({ unmasked: true, idNumber: ID, birthDate: '1986-04-12' });
    expect(fromMember(full).birthDate?.format('YYYY-MM-DD')).toBe('1986-04-12');
    expect(toMemberUpdate({ ...fromMember(full), name: '端木青' }, full)).not.toHaveProperty('birthDate');
  });

  it('sends personal fields when they were shown in full', () => {
    const m = member({ unmasked: true, idNumber: ID, birthDate: '1986-04-12', phone: '13912340001', address: '南京市玄武区孝陵卫街道200号' });
    expect(toMemberUpdate({ ...fromMember(m), phone: '13800000000' }, m)).toEqual({ phone: '13800000000' });
  });
});
