import type { Meeting } from '@jiceng/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { chosenPeople, fromMeeting, peopleProblem, toPlanInput, toUpdateInput } from './meetingForm.ts';

const base = {
  orgId: 'o1',
  title: ' 十二月支委会 ',
  topics: '研究发展党员',
  date: dayjs('2026-12-10'),
  startTime: dayjs('2026-12-10T09:00'),
  endTime: dayjs('2026-12-10T10:30'),
  place: ' 党群服务中心 ',
  guests: [' 王社工 ', ''],
};

describe('meeting plan form', () => {
  it('sends the chosen people only for 谈心谈话 and 其他, and 书记讲党课 only for 党课', () => {
    expect(toPlanInput({ ...base, type: 'committee_meeting', memberIds: ['m1'], lectureBySecretary: true })).toEqual({
      orgId: 'o1',
      type: 'committee_meeting',
      title: '十二月支委会',
      topics: '研究发展党员',
      date: '2026-12-10',
      startTime: '09:00',
      endTime: '10:30',
      place: '党群服务中心',
      online: false,
      hostName: null,
      recorderName: null,
      guests: ['王社工'],
    });
    expect(toPlanInput({ ...base, type: 'heart_talk', memberIds: ['m1', 'm2'] }).memberIds).toEqual(['m1', 'm2']);
    expect(toPlanInput({ ...base, type: 'party_lecture', lectureBySecretary: true }).lectureBySecretary).toBe(true);
    expect(chosenPeople('other')).toBe('chosen');
  });

  it('asks for exactly two people in a 谈心谈话 and someone in 其他', () => {
    expect(peopleProblem('heart_talk', ['a'])).toBe('谈心谈话须选择谈话双方两人');
    expect(peopleProblem('heart_talk', ['a', 'b'])).toBeNull();
    expect(peopleProblem('other', [])).toBe('请选择参会党员');
    expect(peopleProblem('branch_assembly', undefined)).toBeNull();
  });

  it('sends only the changed fields of an edited plan, with the version', () => {
    const m = {
      id: 'x',
      orgId: 'o1',
      type: 'party_lecture',
      title: '党课',
      topics: '学习党章',
      date: '2026-12-10',
      startTime: '09:00',
      endTime: '10:30',
      place: '党群服务中心',
      online: false,
      hostName: null,
      recorderName: null,
      lectureBySecretary: false,
      version: 4,
    } as unknown as Meeting;
    const v = fromMeeting(m);
    expect(toUpdateInput(v, m)).toEqual({ version: 4 });
    expect(toUpdateInput({ ...v, title: '专题党课', lectureBySecretary: true, endTime: dayjs('2026-12-10T11:00') }, m)).toEqual({
      version: 4,
      title: '专题党课',
      endTime: '11:00',
      lectureBySecretary: true,
    });
  });
});
