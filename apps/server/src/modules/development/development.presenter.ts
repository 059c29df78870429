import {
  committeePostLabel,
  devEndLabel,
  devStageLabel,
  educationLabel,
  genderLabel,
  occupationLabel,
  type ApplicantDetail,
  type Attachment,
  type ApplicantSummary,
  type CommitteePost,
  type DevEndState,
  type DevRecordView,
  type DevStage,
  type DevStepInput,
  type DevStepView,
} from '@jiceng/contracts';
import {
  devDeadlines,
  devNextSteps,
  devOutcomeLabel,
  devPartyAgeFrom,
  devProbationEnd,
  devRecordOf,
  wholeYears,
  type DevDeadline,
  type DevOutcome,
  type DevPath,
  type DevRole,
  type DevRuleSet,
} from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { ApplicantRow, RecordRow } from './development.repository.ts';

const ENDED = new Set(['stopped', 'cancelled']);

export function toPath(row: Pick<ApplicantRow, 'birth_date' | 'stage' | 'state'>, records: readonly RecordRow[]): DevPath {
  return {
    birthDate: row.birth_date,
    stage: row.stage as DevStage,
    ended: ENDED.has(row.state) ? (row.state as DevEndState) : null,
    records: records.map((r) => ({ key: r.step, date: r.date, round: r.round, outcome: r.outcome, extendMonths: r.extend_months })),
  };
}

/** A member named for a step (培养联系人, 入党介绍人), as the member record had them. */
interface Person {
  id: string;
  name: string;
}
/** How a step's `data.people` stores them. */
interface StoredPerson {
  memberId: string;
  name: string;
}

/** What a step stores besides its date: the people, the vote, the training, the 公示, the approval. */
export function recordData(input: DevStepInput, named: readonly Person[], approvingOrgName: string | null): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  if (input.talker) d.talker = { name: input.talker.name.trim(), post: input.talker.post ?? null };
  if (named.length) d.people = named.map((p) => ({ memberId: p.id, name: p.name }));
  if (input.vote) d.vote = input.vote;
  if (input.training) d.training = input.training;
  if (input.publicity) d.publicity = input.publicity;
  if (input.docNo) d.docNo = input.docNo.trim();
  if (approvingOrgName) d.approvingOrgName = approvingOrgName;
  return d;
}

const postLabel = (p: string | null | undefined) =>
  p && p in committeePostLabel ? committeePostLabel[p as CommitteePost] : p === 'member' ? '党员' : p === 'other' ? '其他' : null;
const outcomeLabel = (o: string | null): string | null =>
  o === 'pass' ? '合格' : o === 'fail' ? '不合格' : o && o in devOutcomeLabel ? devOutcomeLabel[o as DevOutcome] : null;

/** One line of what was recorded, as a ledger would write it. */
export function recordSummary(r: RecordRow): string {
  const d = r.data as {
    talker?: { name: string; post: string | null };
    people?: StoredPerson[];
    vote?: { entitled: number; present: number; yes: number; no: number; abstain: number; written?: { yes: number } };
    training?: { days: number; hours: number; course?: string | null };
    publicity?: { from: string; to: string };
    docNo?: string;
    approvingOrgName?: string;
  };
  const parts: string[] = [];
  if (d.talker) parts.push(`谈话人：${d.talker.name}${postLabel(d.talker.post) ? `（${postLabel(d.talker.post)}）` : ''}`);
  if (d.people?.length) parts.push(`${r.step === 'contacts' ? '培养联系人' : '入党介绍人'}：${d.people.map((p) => p.name).join('、')}`);
  if (d.vote)
    parts.push(
      `应到 ${d.vote.entitled} 人，实到 ${d.vote.present} 人；赞成 ${d.vote.yes + (d.vote.written?.yes ?? 0)}、反对 ${d.vote.no}、弃权 ${d.vote.abstain}`,
    );
  if (d.training) parts.push(`${d.training.course ? `${d.training.course}，` : ''}${d.training.days} 天、${d.training.hours} 学时`);
  if (d.publicity) parts.push(`公示 ${d.publicity.from} 至 ${d.publicity.to}`);
  const o = outcomeLabel(r.outcome);
  if (o) parts.push(`结论：${o}${r.outcome === 'extend' && r.extend_months ? ` ${r.extend_months} 个月` : ''}`);
  if (d.approvingOrgName) parts.push(`${d.approvingOrgName}${d.docNo ? `（${d.docNo}）` : ''}`);
  else if (d.docNo) parts.push(`文号：${d.docNo}`);
  return parts.join('；');
}

export function presentRecord(r: RecordRow, rules: DevRuleSet, attachments: Attachment[] = []): DevRecordView {
  const s = rules.steps.find((x) => x.key === r.step);
  const d = r.data as { talker?: { name: string; post: string | null }; people?: StoredPerson[]; approvingOrgName?: string };
  const people = [
    ...(d.talker ? [{ role: '谈话人', name: d.talker.name, memberId: null, post: postLabel(d.talker.post) }] : []),
    ...(d.people ?? []).map((p) => ({
      role: r.step === 'contacts' ? '培养联系人' : '入党介绍人',
      name: p.name,
      memberId: p.memberId,
      post: null,
    })),
  ];
  return {
    id: r.id,
    key: r.step,
    no: r.step_no,
    label: s?.label ?? r.step,
    date: r.date,
    round: r.round,
    outcome: r.outcome,
    outcomeLabel: outcomeLabel(r.outcome),
    summary: recordSummary(r),
    people,
    approvingOrgName: d.approvingOrgName ?? null,
    reason: r.reason,
    note: r.note,
    recordedBy: r.recorded_by_name,
    recordedAt: isoTime(r.recorded_at),
    attachments,
  };
}

const deadlineView = (d: DevDeadline) => ({ key: d.key, no: d.no, label: d.label, rule: d.rule, what: d.what, dueOn: d.dueOn, by: d.by, status: d.status });

/** Why a path is not moving: a passed limit first, then the day a rule allows the next step. */
function stuckOf(path: DevPath, today: string, rules: DevRuleSet): string | null {
  const overdue = devDeadlines(path, today, rules).find((d) => d.status === 'overdue');
  if (overdue) return `第${overdue.no}步「${overdue.label}」已逾期（应于 ${overdue.dueOn} 前：${overdue.what}）`;
  const waiting = devNextSteps(path, today, rules).find((s) => s.possibleFrom && !rules.steps.find((x) => x.key === s.key)?.periodic);
  return waiting ? `第${waiting.no}步「${waiting.label}」${waiting.possibleFrom} 起方可办理` : null;
}

export function presentSummary(row: ApplicantRow, records: readonly RecordRow[], today: string, rules: DevRuleSet): ApplicantSummary {
  const path = toPath(row, records);
  const last = [...records]
    .filter((r) => !r.periodic)
    .sort((a, b) => a.step_no - b.step_no || a.date.localeCompare(b.date))
    .at(-1);
  const next = devDeadlines(path, today, rules)[0];
  const ended = path.ended;
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    gender: genderLabel[row.gender as 'male'] ?? row.gender,
    stage: row.stage as DevStage,
    stageLabel: devStageLabel[row.stage as DevStage],
    ended,
    stateLabel: ended ? devEndLabel[ended] : devStageLabel[row.stage as DevStage],
    appliedOn: row.applied_on,
    lastStep: last ? `第${last.step_no}步 ${rules.steps.find((s) => s.key === last.step)?.label ?? last.step}（${last.date}）` : null,
    nextDue: next ? deadlineView(next) : null,
    stuck: ended ? null : stuckOf(path, today, rules),
  };
}

export function presentDetail(
  row: ApplicantRow,
  records: readonly RecordRow[],
  path: DevPath,
  today: string,
  rules: DevRuleSet,
  roles: readonly DevRole[],
  files: ReadonlyMap<string, Attachment[]> = new Map(),
): ApplicantDetail {
  const next = new Map(devNextSteps(path, today, rules).map((s) => [s.key, s]));
  const steps: DevStepView[] = rules.steps.map((s) => {
    const n = next.get(s.key);
    const done = s.periodic ? records.filter((r) => r.step === s.key).at(-1) : devRecordOf(path, s.key, rules);
    return {
      key: s.key,
      no: s.no,
      label: s.label,
      stage: s.stage,
      by: s.by,
      inputs: [...s.inputs],
      periodic: !!s.periodic,
      documents: [...s.documents],
      source: s.source,
      doneOn: done?.date ?? null,
      open: !!n,
      possibleFrom: n?.possibleFrom ?? null,
      blockedBy: n?.blockedBy ?? null,
      canRecord: !!n && roles.includes(s.by),
    };
  });
  return {
    ...presentSummary(row, records, today, rules),
    idNumberMasked: row.id_number_masked,
    birthMonth: `${row.birth_date.slice(0, 4)}年${Number(row.birth_date.slice(5, 7))}月`,
    ageAtApplication: wholeYears(row.birth_date, row.applied_on),
    phoneMasked: row.phone_masked,
    ethnicity: row.ethnicity,
    education: educationLabel[row.education as keyof typeof educationLabel] ?? row.education,
    occupation: occupationLabel[row.occupation as keyof typeof occupationLabel] ?? row.occupation,
    workUnit: row.work_unit,
    probationEnd: devProbationEnd(path, rules),
    partyAgeFrom: devPartyAgeFrom(path, rules),
    memberId: row.member_id,
    endReason: row.end_reason,
    ruleSetId: row.rule_set,
    version: row.version,
    records: records.map((r) => presentRecord(r, rules, files.get(r.id))),
    steps,
    deadlines: devDeadlines(path, today, rules).map(deadlineView),
  };
}
