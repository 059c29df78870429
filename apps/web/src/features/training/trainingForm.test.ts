import type { TrainingSession } from '@jiceng/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  formatHours,
  fromSession,
  hoursFilterFromParams,
  hoursFilterToParams,
  isValidHours,
  metRows,
  newSessionValues,
  partialHoursProblem,
  percentOf,
  rateText,
  toAttendanceRecords,
  toHoursQuery,
  toSessionInput,
  toSessionUpdate,
  yearOptions,
} from './trainingForm.ts';

const session: TrainingSession = {
  id: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  orgName: '梅花山社区第一党支部',
  kind: 'rotation',
  title: '党员冬训集中轮训',
  startDate: '2026-03-02',
  endDate: '2026-03-03',
  hours: 16,
  online: false,
  place: '社区党群服务中心',
  provider: null,
  attendees: 3,
  absentees: 1,
  imported: false,
  version: 4,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

describe('training session form', () => {
  it('opens a new session on today, the account organization, and builds the POST body with trimmed text', () => {
    const v = newSessionValues('org-1', dayjs('2026-05-20'));
    expect(v).toMatchObject({ orgId: 'org-1', kind: 'rotation', hours: 4, online: false });
    const body = toSessionInput({ ...v, title: '  流动课堂进楼栋 ', place: '  ', provider: ' 党校 ' });
    expect(body).toEqual({
      orgId: 'org-1',
      kind: 'rotation',
      title: '流动课堂进楼栋',
      startDate: '2026-05-20',
      endDate: '2026-05-20',
      hours: 4,
      online: false,
      place: null,
      provider: '党校',
    });
  });

  it('holds 网络培训 online whatever the switch says', () => {
    const v = newSessionValues(undefined, dayjs('2026-05-20'));
    const body = toSessionInput({ ...v, kind: 'online', title: '网络专题学习', online: false });
    expect(body.online).toBe(true);
    expect(body).not.toHaveProperty('orgId');
  });

  it('sends only what changed in an edit, always with the version it was opened from', () => {
    const v = fromSession(session);
    expect(v.startDate.format('YYYY-MM-DD')).toBe('2026-03-02');
    expect(toSessionUpdate(v, session)).toEqual({ version: 4 });
    expect(toSessionUpdate({ ...v, hours: 12, place: '', title: '党员冬训集中轮训（调整）' }, session)).toEqual({
      version: 4,
      hours: 12,
      place: null,
      title: '党员冬训集中轮训（调整）',
    });
  });
});

describe('training hours', () => {
  it('takes half steps between 0.5 and 200', () => {
    expect([0.5, 2, 2.5, 200].every(isValidHours)).toBe(true);
    expect([0, 0.3, 2.25, 200.5, Number.NaN, null, undefined].some(isValidHours)).toBe(false);
  });

  it('asks a 部分参加 for fewer hours than the session, others for none', () => {
    expect(partialHoursProblem('attended', undefined, 16)).toBeNull();
    expect(partialHoursProblem('absent', undefined, 16)).toBeNull();
    expect(partialHoursProblem('partial', undefined, 16)).toBe('部分参加请填写认定学时');
    expect(partialHoursProblem('partial', 16, 16)).toMatch(/应少于本次培训的 16 学时/);
    expect(partialHoursProblem('partial', 2.3, 16)).toMatch(/0.5 的整数倍/);
    expect(partialHoursProblem('partial', 8, 16)).toBeNull();
  });

  it('builds one record per member picked; hours only for 部分参加', () => {
    expect(toAttendanceRecords(['a', 'b', 'a'], 'attended', 8)).toEqual([
      { memberId: 'a', status: 'attended' },
      { memberId: 'b', status: 'attended' },
    ]);
    expect(toAttendanceRecords(['a'], 'partial', 8)).toEqual([{ memberId: 'a', status: 'partial', hours: 8 }]);
    expect(toAttendanceRecords(['a'], 'absent', 8)).toEqual([{ memberId: 'a', status: 'absent' }]);
  });

  it('shows hours without trailing zeros and the share of the minimum reached', () => {
    expect([formatHours(2), formatHours(2.5), formatHours(0)]).toEqual(['2', '2.5', '0']);
    expect(percentOf(16, 32)).toBe(50);
    expect(percentOf(40, 32)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
  });

  it('offers next year down to five years back', () => {
    expect(yearOptions(2026).map((o) => o.value)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
    expect(yearOptions(2026)[1]!.label).toBe('2026 年');
  });
});

describe('学时统计 filter in the URL', () => {
  it('reads the link of the training 待办 and leaves defaults out when writing back', () => {
    const orgId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const f = hoursFilterFromParams(new URLSearchParams({ orgId, year: '2025', short: 'true' }), 2026);
    expect(f).toEqual({ year: 2025, orgId, role: undefined, short: true, q: undefined, page: 1, pageSize: 20 });
    expect(hoursFilterToParams(f, 2026)).toEqual({ year: '2025', orgId, short: 'true' });
    expect(hoursFilterToParams({ ...f, year: 2026, short: false, orgId: undefined }, 2026)).toEqual({});
    expect(toHoursQuery(f)).toEqual({ year: 2025, orgId, role: undefined, short: true, q: undefined, page: 1, pageSize: 20 });
    expect(toHoursQuery({ ...f, short: false }).short).toBeUndefined();
  });

  it('drops what the API would refuse', () => {
    const f = hoursFilterFromParams(new URLSearchParams({ orgId: 'x', year: '1899', role: 'boss', page: '-2', pageSize: '5000' }), 2026);
    expect(f).toEqual({ year: 2026, orgId: undefined, role: undefined, short: false, q: undefined, page: 1, pageSize: 20 });
    expect(hoursFilterFromParams(new URLSearchParams({ role: 'secretary', page: '3', pageSize: '50', q: ' 孙丽 ' }), 2026)).toMatchObject({
      role: 'secretary',
      page: 3,
      pageSize: 50,
      q: '孙丽',
    });
  });
});

describe('达标 figures', () => {
  it('rows per category with the rate, none with nobody counted', () => {
    const rows = metRows({
      memberMinimum: 32,
      cadreMinimum: 56,
      members: { total: 8, met: 7, short: 1 },
      cadres: { total: 3, met: 1, short: 2 },
      secretaries: { total: 0, met: 0, short: 0 },
    });
    expect(rows.map((r) => [r.label, r.minimum, r.rate])).toEqual([
      ['党员', 32, 87.5],
      ['书记和班子成员', 56, 33.3],
      ['其中：书记', 56, null],
    ]);
    expect(rows.map((r) => rateText(r.rate))).toEqual(['87.5%', '33.3%', '—']);
  });
});
