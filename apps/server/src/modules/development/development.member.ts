import type { DevPath } from '@jiceng/rules';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { MemberService } from '../member/index.ts';
import { developmentRepository as repo, type ApplicantRow } from './development.repository.ts';

/**
 * The member module's side of the approvals, inside the step's transaction: the approval (step 17)
 * registers the 预备党员 from the applicant's own fields (nothing retyped), joined on the 支部大会
 * date; the 转正 approval (step 24) applies the meeting's outcome through the member lifecycle.
 */
export function developmentMemberSide(deps: { regionId: string; crypto: FieldCrypto; members: Pick<MemberService, 'createIn' | 'applyEventIn'> }) {
  const { regionId, crypto, members } = deps;

  async function register(tx: Database, actor: Actor, row: ApplicantRow, acceptedOn: string): Promise<void> {
    const m = await members.createIn(
      tx,
      actor,
      {
        name: row.name,
        idNumber: crypto.decrypt(row.id_number_enc),
        ethnicity: row.ethnicity as never,
        education: row.education as never,
        occupation: row.occupation as never,
        workUnit: row.work_unit,
        appliedDate: row.applied_on,
        joinedDate: acceptedOn,
        status: 'probationary',
        orgId: row.org_id,
        categories: [],
      },
      'development',
    );
    await repo.setMember(tx, regionId, row.id, m.id);
  }

  return async (
    t: Database,
    actor: Actor,
    row: ApplicantRow,
    key: string,
    path: DevPath,
    outcome: string | null,
    extendMonths: number | null,
    date: string,
  ) => {
    if (key === 'approval') return register(t, actor, row, path.records.find((r) => r.key === 'branch_meeting')!.date);
    if (key !== 'full_approval' || !row.member_id) return;
    if (outcome === 'full')
      await members.applyEventIn(t, actor, row.member_id, { event: 'confirm', date, reason: '支部大会讨论通过，上级党委审批同意按期转正' });
    else if (outcome === 'extend')
      await members.applyEventIn(t, actor, row.member_id, {
        event: 'extend_probation',
        date,
        reason: '支部大会讨论决定延长预备期，上级党委审批同意',
        months: extendMonths ?? undefined,
      });
    else if (outcome === 'cancel')
      await members.applyEventIn(t, actor, row.member_id, { event: 'cancel_probation', date, reason: '支部大会讨论决定取消预备党员资格，上级党委审批同意' });
  };
}
