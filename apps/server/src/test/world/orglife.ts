import { qrPng } from '../../platform/signin/index.ts';
import { login } from '../harness.ts';
import { upload } from '../xlsx.ts';
import { expectOk, YEAR, type WorldContext } from './context.ts';

/** Committee and terms (an expired one raises the term alarm and its notifications). */
export async function worldTerms(w: WorldContext): Promise<void> {
  const { server, t, add, person, post, streetA, secA1a } = w;
  add(
    'committeeMember',
    (await post(secA1a, 'committee', `/api/orgs/${t.branchA1a}/committee`, { personName: person('plain').name, post: 'secretary', startDate: '2021-01-01' }))
      .id,
  );
  add('term', (await post(streetA, 'term', `/api/orgs/${t.branchA1a}/terms`, { termNo: 1, startDate: '2021-01-01' })).id);
  await server.sweepTerms();
}

/** Meetings: noticed, approved (a vote, an amendment), submitted, cancelled. */
export async function worldMeetings(w: WorldContext): Promise<void> {
  const { server, t, add, post, secA1a } = w;
  const supA = await login(server, 'supA');
  const meetingPlan = (title: string, date: string) =>
    post(secA1a, `meeting ${title}`, '/api/meetings', {
      orgId: t.branchA1a,
      type: 'branch_assembly',
      title,
      topics: '学习讨论',
      date,
      startTime: '09:00',
      endTime: '10:00',
      guests: ['社区书记'],
    });
  const heldMeeting = async (title: string) => {
    const m = await meetingPlan(title, `${YEAR}-11-20`);
    await post(secA1a, 'notify', `/api/meetings/${m.id}/notify`);
    const v = (await post<{ version: number }>(secA1a, 'hold', `/api/meetings/${m.id}/hold`)).version;
    expectOk(
      'record',
      await secA1a.put(`/api/meetings/${m.id}/record`, { hostName: '王书记', recorderName: '李委员', speakersPoints: '大家谈了学习体会', version: v }),
    );
    const vote = await post<{ votes: { id: string }[] }>(secA1a, 'vote', `/api/meetings/${m.id}/votes`, {
      motion: '表决事项',
      kind: 'resolution',
      method: 'show_of_hands',
      yes: 0,
      no: 0,
      abstain: 0,
    });
    add('meetingPart', vote.votes[0]!.id);
    const photo = expectOk<{ attachment: { id: string } }>(
      'meeting photo',
      await upload(secA1a, `/api/meetings/${m.id}/attachments`, await qrPng(title, 64), '会议照片.png', 'POST'),
    );
    add('meetingPart', photo.attachment.id);
    await post(secA1a, 'submit', `/api/meetings/${m.id}/submit`);
    add('meeting', m.id);
    return m.id;
  };
  const noticedMeeting = await meetingPlan('支部党员大会（已通知）', `${YEAR}-11-30`);
  await post(secA1a, 'notify', `/api/meetings/${noticedMeeting.id}/notify`);
  add('meeting', noticedMeeting.id);
  const approvedMeeting = await heldMeeting('支部党员大会（已审核）');
  const marks = { attendance: 'met', topics: 'met', minutes: 'met', votes: 'met', signatures: 'met', attachments: 'met' };
  await post(supA, 'approve', `/api/meetings/${approvedMeeting}/approve`, { marks });
  await post(secA1a, 'amend', `/api/meetings/${approvedMeeting}/amendments`, { field: 'decisions', after: '补记决议', reason: '漏记决议' });
  await heldMeeting('支部党员大会（待审核）');
  const cancelledMeeting = await meetingPlan('支部党员大会（已取消）', `${YEAR}-12-01`);
  await post(secA1a, 'cancel', `/api/meetings/${cancelledMeeting.id}/cancel`, { reason: '与上级会议冲突' });
  add('meeting', cancelledMeeting.id);
}

/** Training: a session with attendance (one member partly there). */
export async function worldTraining(w: WorldContext): Promise<void> {
  const { add, person, post, secA1a } = w;
  const training = await post(secA1a, 'training', '/api/training/sessions', {
    kind: 'rotation',
    title: '党员集中轮训',
    startDate: `${YEAR}-03-01`,
    endDate: `${YEAR}-03-02`,
    hours: 16,
  });
  add('trainingSession', training.id);
  await post(secA1a, 'attendance', `/api/training/sessions/${training.id}/attendance`, {
    records: [
      { memberId: person('plain').memberId, status: 'attended' },
      { memberId: person('self').memberId, status: 'partial', hours: 8 },
    ],
  });
}

/** Appraisal with a disposition. */
export async function worldAppraisal(w: WorldContext): Promise<void> {
  const { t, add, person, secA1a } = w;
  for (const [key, g, extra] of [
    ['self', 'qualified', {}],
    ['hardshipOpen', 'excellent', {}],
    ['reportIn', 'basically_qualified', {}],
    ['plain', 'unqualified', { disposition: { kind: 'correction' } }],
  ] as const) {
    expectOk(`grade ${key}`, await secA1a.put('/api/appraisals/grade', { orgId: t.branchA1a, year: YEAR, memberId: person(key).memberId, grade: g, ...extra }));
  }
  for (const d of expectOk<{ id: string }[]>('dispositions', await secA1a.get('/api/appraisals/dispositions'))) add('disposition', d.id);
}
