import type { ApplicantDetail } from '@jiceng/contracts';
import { pdfBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { buildIdNumber } from '../harness.ts';
import { upload } from '../xlsx.ts';
import { expectOk, YEAR, type WorldContext } from './context.ts';

/**
 * 发展党员: an applicant of 支部A1a past the talk, and one 积极分子 with a contact, so the list, the
 * board, the path, the step and stop routes and the dossier forms (`dossierForm`) answer with data.
 */
export async function worldDevelopment(w: WorldContext): Promise<void> {
  const { add, secA1a, t, person } = w;
  const apply = async (name: string, born: string) =>
    expectOk(
      'applicant',
      await secA1a.post<ApplicantDetail>('/api/development/applicants', {
        orgId: t.branchA1a,
        name,
        idNumber: buildIdNumber(born),
        ethnicity: '汉族',
        education: 'bachelor',
        occupation: 'professional',
        phone: '13800001111',
        appliedOn: `${YEAR}-10-08`,
      }),
    );
  const a = await apply('周申请', '1996-03-03');
  const b = await apply('吴积极', '1997-04-04');
  for (const x of [a, b]) {
    add('applicant', x.id);
    expectOk(
      'talk',
      await secA1a.post(`/api/development/applicants/${x.id}/steps`, { key: 'talk', date: `${YEAR}-10-20`, talker: { name: '王书记', post: 'secretary' } }),
    );
  }
  const committee = { entitled: 5, present: 5, yes: 5, no: 0, abstain: 0 };
  expectOk('activist', await secA1a.post(`/api/development/applicants/${b.id}/steps`, { key: 'activist', date: `${YEAR}-11-01`, vote: committee }));
  expectOk(
    'contacts',
    await secA1a.post(`/api/development/applicants/${b.id}/steps`, { key: 'contacts', date: `${YEAR}-11-02`, memberIds: [person('plain').memberId] }),
  );
  for (const f of ['receipt', 'vote']) add('dossierForm', f);
  const talk = expectOk('applicant', await secA1a.get<ApplicantDetail>(`/api/development/applicants/${b.id}`)).records.find((r) => r.key === 'talk')!;
  add('devRecord', talk.id);
  const file = expectOk(
    'paper',
    await upload<{ attachment: { id: string } }>(secA1a, `/api/development/applicants/${b.id}/records/${talk.id}/attachments`, pdfBytes(), '谈话记录.pdf'),
  );
  add('devFile', file.attachment.id);
}
