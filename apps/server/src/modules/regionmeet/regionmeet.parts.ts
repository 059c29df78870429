import type { RgNeedInput, RmAttendanceInput, RmDecisionInput, RmFollowupDoneInput, RmFollowupInput, RmMeetingDetail } from '@jiceng/contracts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { field, orNull, type RegionMeetCore } from './regionmeet.core.ts';
import type { MeetingService } from './regionmeet.meetings.ts';
import { mayManage } from './regionmeet.policy.ts';
import { meetingRepository as repo } from './regionmeet.repository.ts';

/** How the need a decision creates names where it came from (the regional module links it back). */
export const NEED_SOURCE_KIND = 'rg_meeting';

/**
 * What a held joint meeting records: attendance by member unit, decisions (free text, a need
 * created through 三张清单's own service, a note against a project of the community) and follow-up
 * items with their owners and due dates.
 */
export function createMeetingParts(core: RegionMeetCore, meetings: MeetingService) {
  const { db, regionId, clock, needs } = core;
  const { loadForChange, unitsOf, detail, auditStep } = meetings;

  return {
    /** 出席情况: each member unit present (with who came), absent or on leave. */
    setAttendance: (actor: Actor, id: string, input: RmAttendanceInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, input.version, 'attendance');
        const units = new Map((await unitsOf(tx, row)).map((u) => [u.id, u]));
        const seen = new Set<string>();
        const rows = input.rows.map((r, i) => {
          const where = `rows.${i}`;
          const unit = units.get(r.unitId);
          if (!unit) throw field(where, `第 ${i + 1} 行：该单位不是本社区大党委的成员单位（未在本社区报到）`);
          if (seen.has(r.unitId)) throw field(where, `「${unit.unitName}」填写了两次`);
          seen.add(r.unitId);
          const attendee = orNull(r.attendee);
          if (r.status === 'present' && !attendee) throw field(where, `请填写「${unit.unitName}」的出席人员`);
          return { unitId: r.unitId, status: r.status, attendee: r.status === 'present' ? attendee : null, note: orNull(r.note), name: unit.unitName };
        });
        for (const r of rows) await repo.upsertAttendance(tx, regionId, id, r);
        await repo.touch(tx, regionId, id);
        await auditStep(tx, actor, row, 'attendance', { rows: rows.map((r) => `${r.name}：${r.status}`) });
        return detail(tx, actor, id);
      }),

    /**
     * A decision: free text; a need created for the meeting's community (source 联席会议, linked back
     * to the meeting); or a note against one of the community's projects (调整时间、增加单位 …),
     * recorded here without changing the project.
     */
    addDecision: (actor: Actor, id: string, input: RmDecisionInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, undefined, 'decide');
        const text = input.text.trim();
        if (text.length < 2) throw field('text', '请填写决定内容');
        let needId: string | null = null;
        let projectId: string | null = null;
        if (input.kind === 'need') {
          if (!input.need) throw field('need', '请填写要新增的需求');
          const need: RgNeedInput = { ...input.need, orgId: row.org_id, source: 'joint_meeting', sourceKind: NEED_SOURCE_KIND, sourceId: row.id };
          needId = (await needs.createIn(tx, actor, need)).id;
        } else if (input.need) throw field('need', '只有“新增需求”的决定才填写需求');
        if (input.kind === 'project') {
          if (!input.projectId) throw field('projectId', '请选择要调整的项目');
          const p = await repo.project(tx, regionId, row.org_id, input.projectId);
          if (!p) throw field('projectId', '所选项目不是本社区的区域化党建项目');
          projectId = p.id;
        } else if (input.projectId) throw field('projectId', '只有“调整项目”的决定才选择项目');
        const decisionId = newId();
        await repo.insertDecision(tx, regionId, { id: decisionId, meetingId: id, kind: input.kind, text, needId, projectId, by: actor.id });
        await repo.touch(tx, regionId, id);
        await auditStep(tx, actor, row, 'decision', {
          kind: input.kind,
          text: text.slice(0, 200),
          ...(needId ? { needId } : {}),
          ...(projectId ? { projectId } : {}),
        });
        return detail(tx, actor, id);
      }),

    /** Removes a decision recorded by mistake; one that created a need stays (the need lives on in 三张清单). */
    removeDecision: (actor: Actor, id: string, decisionId: string): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, undefined, 'decide');
        const d = (await repo.decisions(tx, regionId, id)).find((x) => x.id === decisionId);
        if (!d) throw notFound('会议决定');
        if (d.kind === 'need') throw conflict('该决定已新增需求，不能删除；如需求不再需要，请到需求清单中关闭它');
        await repo.deleteDecision(tx, regionId, id, decisionId);
        await repo.touch(tx, regionId, id);
        await auditStep(tx, actor, row, 'decision_removed', { text: d.text.slice(0, 200) });
        return detail(tx, actor, id);
      }),

    /** 落实事项: what, who (a member unit or the community), by when. */
    addFollowup: (actor: Actor, id: string, input: RmFollowupInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, undefined, 'followup');
        const title = input.title.trim();
        if (title.length < 2) throw field('title', '请填写落实事项');
        let ownerUnitId: string | null = null;
        if (input.ownerKind === 'unit') {
          if (!input.ownerUnitId) throw field('ownerUnitId', '请选择负责落实的成员单位');
          if (!(await unitsOf(tx, row)).some((u) => u.id === input.ownerUnitId)) throw field('ownerUnitId', '所选单位不是本社区大党委的成员单位');
          ownerUnitId = input.ownerUnitId;
        } else if (input.ownerUnitId) throw field('ownerUnitId', '由社区负责的事项不选择单位');
        if (input.dueOn < row.held_on) throw field('dueOn', `完成时限不能早于会议日期 ${row.held_on}`);
        await repo.insertFollowup(tx, regionId, {
          id: newId(),
          meetingId: id,
          orgPath: row.org_path,
          title,
          ownerKind: input.ownerKind,
          ownerUnitId,
          dueOn: input.dueOn,
        });
        await repo.touch(tx, regionId, id);
        await auditStep(tx, actor, row, 'followup', { title, ownerKind: input.ownerKind, dueOn: input.dueOn });
        return detail(tx, actor, id);
      }),

    /** 办结 a follow-up (also after the meeting is archived), once: the second of two at once is told it is done. */
    doneFollowup: (actor: Actor, id: string, followupId: string, input: RmFollowupDoneInput): Promise<RmMeetingDetail> =>
      db.transaction(async (tx) => {
        const row = await loadForChange(tx, actor, id, undefined, null);
        if (!mayManage(actor, row.org_path)) throw forbidden();
        if (row.state === 'draft' || row.state === 'cancelled') throw conflict(`联席会议当前为「${core.meetings.label(row.state)}」，没有可办结的落实事项`);
        const f = (await repo.followups(tx, regionId, id)).find((x) => x.id === followupId);
        if (!f) throw notFound('落实事项');
        if (f.done_on) throw conflict(`该事项已于 ${f.done_on} 办结`);
        const on = clock.today();
        if (!(await repo.markDone(tx, regionId, followupId, { on, note: orNull(input.note), by: actor.id, version: input.version })))
          throw conflict('该事项刚刚已被他人办结或修改，请刷新后查看');
        await repo.touch(tx, regionId, id);
        await auditStep(tx, actor, row, 'followup_done', { title: f.title, doneOn: on });
        return detail(tx, actor, id);
      }),
  };
}
