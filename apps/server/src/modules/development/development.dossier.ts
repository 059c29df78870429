import type { ApplicantDetail, DevRecordView } from '@jiceng/contracts';
import { tallyMotion, VOTE_RULES, type DevVote } from '@jiceng/rules';
import { renderDocx, type DocBlock, type DocPart } from '../../platform/documents/docx.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { DevelopmentService } from './development.service.ts';

/** The forms of a development dossier, each filled from the recorded steps. */
export const DOSSIER_FORMS = ['receipt', 'activist', 'candidate', 'publicity', 'vote', 'approval'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];
export const dossierFormLabel: Record<DossierForm, string> = {
  receipt: '入党申请书回执',
  activist: '入党积极分子登记表',
  candidate: '发展对象登记表',
  publicity: '公示',
  vote: '支部大会表决情况',
  approval: '审批表',
};

const cn = (d: string | null | undefined) => (d ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '');
const blankDate = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';

function view(a: ApplicantDetail) {
  const last = (key: string) => a.records.filter((r) => r.key === key).at(-1);
  const all = (key: string) => a.records.filter((r) => r.key === key);
  const people = (key: string) => (last(key)?.people ?? []).map((p) => p.name).join('、');
  return { last, all, people };
}

const person = (a: ApplicantDetail): [string, string][] => [
  ['姓名', a.name],
  ['性别', a.gender],
  ['出生年月', a.birthMonth],
  ['民族', a.ethnicity],
  ['学历', a.education],
  ['人员类别', a.occupation],
  ['公民身份号码', a.idNumberMasked],
  ['工作单位及职务', a.workUnit ?? ''],
];

const sign = (org: string): DocBlock => ({ kind: 'signature', lines: [`${org}（盖章）`, '支部书记（签名）：＿＿＿＿＿＿', blankDate] });

function receipt(a: ApplicantDetail): DocPart {
  return {
    title: '入党申请书回执',
    blocks: [
      { kind: 'paragraph', text: `${a.name}同志：` },
      {
        kind: 'paragraph',
        indent: true,
        text: `你于${cn(a.appliedOn)}向党组织递交的入党申请书已收到。党组织将在一个月内派人同你谈话，了解基本情况。希望你认真学习党的理论，端正入党动机，在工作、学习和生活中严格要求自己，积极向党组织靠拢。`,
      },
      { kind: 'spacer' },
      sign(a.orgName),
    ],
  };
}

function activist(a: ApplicantDetail): DocPart {
  const v = view(a);
  const talk = v.last('talk');
  return {
    title: '入党积极分子登记表',
    subtitle: a.orgName,
    blocks: [
      { kind: 'fields', columns: 4, rows: person(a) },
      {
        kind: 'fields',
        rows: [
          ['递交入党申请书时间', cn(a.appliedOn)],
          ['谈话时间及谈话人', talk ? `${cn(talk.date)}\u3000${talk.summary.replace(/^谈话人：/, '')}` : ''],
          ['确定为入党积极分子时间', cn(v.last('activist')?.date)],
          ['支委会讨论情况', v.last('activist')?.summary ?? ''],
          ['报上级党委备案时间', cn(v.last('activist_filing')?.date)],
          ['培养联系人', v.people('contacts')],
        ],
      },
      {
        kind: 'table',
        headers: ['考察时间', '考察情况', '记录人'],
        rows: v.all('assessment').map((r) => [cn(r.date), r.note ?? '按期考察', r.recordedBy ?? '']),
      },
      sign(a.orgName),
    ],
  };
}

function candidate(a: ApplicantDetail): DocPart {
  const v = view(a);
  return {
    title: '发展对象登记表',
    subtitle: a.orgName,
    blocks: [
      { kind: 'fields', columns: 4, rows: person(a) },
      {
        kind: 'fields',
        rows: [
          ['递交入党申请书时间', cn(a.appliedOn)],
          ['确定为入党积极分子时间', cn(v.last('activist')?.date)],
          ['确定为发展对象时间', cn(v.last('candidate')?.date)],
          ['支委会讨论情况', v.last('candidate')?.summary ?? ''],
          ['报上级党委备案时间', cn(v.last('candidate_filing')?.date)],
          ['入党介绍人', v.people('introducers')],
          [
            '政治审查',
            v.last('political_review')
              ? `${cn(v.last('political_review')!.date)}\u3000${v.last('political_review')!.outcomeLabel ?? ''}\u3000${v.last('political_review')!.note ?? ''}`
              : '',
          ],
          ['集中培训', v.last('training') ? `${cn(v.last('training')!.date)}\u3000${v.last('training')!.summary}` : ''],
          ['支部委员会审查', v.last('branch_review')?.summary ?? ''],
          ['上级党委预审', cn(v.last('pre_review')?.date)],
        ],
      },
      sign(a.orgName),
    ],
  };
}

function publicity(a: ApplicantDetail): DocPart {
  const v = view(a);
  const notice = (r: DevRecordView | undefined, what: string): DocBlock[] => {
    const p = /公示 (\S+) 至 (\S+)/.exec(r?.summary ?? '');
    return [
      { kind: 'paragraph', align: 'center', bold: true, text: `关于${what}的公示` },
      {
        kind: 'paragraph',
        indent: true,
        text: `经${a.orgName}支部委员会研究，拟将${a.name}同志（${a.gender}，${a.birthMonth}出生，${a.education}，${a.workUnit ?? ''}）${what.replace('拟', '')}。现予以公示，公示期为${p ? `${cn(p[1])}至${cn(p[2])}` : '＿＿＿＿至＿＿＿＿'}。公示期间，党员和群众可通过来信、来电、来访等方式向党支部反映情况。`,
      },
      sign(a.orgName),
      { kind: 'spacer' },
    ];
  };
  const blocks = [
    ...notice(v.last('branch_review'), '拟接收为预备党员'),
    ...(v.last('full_application') ? notice(v.last('full_application'), '拟转为正式党员') : []),
  ];
  return { title: '公示', blocks };
}

function voteBlocks(r: DevRecordView | undefined, what: string, vote: DevVote | undefined): DocBlock[] {
  if (!r) return [{ kind: 'paragraph', text: `${what}：尚未召开` }];
  const t = vote
    ? tallyMotion({ entitled: vote.entitled, entitledPresent: vote.present, entitledOnLeave: vote.onLeave ?? 0 }, vote, VOTE_RULES.admission)
    : null;
  return [
    { kind: 'paragraph', bold: true, text: `${what}（${cn(r.date)}）` },
    {
      kind: 'table',
      headers: ['应到会有表决权', '实到会有表决权', '赞成', '反对', '弃权', '书面意见'],
      rows: [
        vote
          ? [
              String(vote.entitled),
              String(vote.present),
              String(vote.yes),
              String(vote.no),
              String(vote.abstain),
              vote.written ? `赞成${vote.written.yes} 反对${vote.written.no} 弃权${vote.written.abstain}` : '无',
            ]
          : ['', '', '', '', '', ''],
      ],
    },
    { kind: 'paragraph', text: `表决结果：${t?.ok ? t.result.explanation : ''}${r.outcomeLabel ? `；决议：${r.outcomeLabel}` : ''}` },
  ];
}

function votes(a: ApplicantDetail, raw: Map<string, DevVote>): DocPart {
  const v = view(a);
  const bm = v.last('branch_meeting');
  const fm = v.last('full_meeting');
  return {
    title: '支部大会表决情况',
    subtitle: a.orgName,
    blocks: [
      ...voteBlocks(bm, '支部大会讨论接收预备党员', bm && raw.get(bm.id)),
      { kind: 'spacer' },
      ...voteBlocks(fm, '支部大会讨论预备党员转正', fm && raw.get(fm.id)),
      sign(a.orgName),
    ],
  };
}

function approval(a: ApplicantDetail): DocPart {
  const v = view(a);
  const line = (key: string) => {
    const r = v.last(key);
    return r ? `${cn(r.date)}\u3000${r.summary}` : '';
  };
  return {
    title: '审批表',
    subtitle: a.orgName,
    blocks: [
      { kind: 'fields', columns: 4, rows: person(a).slice(0, 4) },
      {
        kind: 'fields',
        rows: [
          ['上级党委预审', line('pre_review')],
          ['支部大会通过时间', cn(v.last('branch_meeting')?.date)],
          ['上级党委派人谈话', line('superior_talk')],
          ['上级党委审批意见', line('approval')],
          ['预备期', a.probationEnd ? `${cn(v.last('branch_meeting')?.date)}至${cn(a.probationEnd)}` : ''],
          ['再上一级组织部门备案', cn(v.last('approval_filing')?.date)],
          ['转正审批意见', line('full_approval')],
          ['党龄起算', cn(a.partyAgeFrom)],
        ],
      },
      { kind: 'signature', lines: ['上级党委（盖章）', '负责人（签名）：＿＿＿＿＿＿', blankDate] },
    ],
  };
}

function steps(a: ApplicantDetail): DocPart {
  return {
    title: '发展党员工作纪实',
    subtitle: `${a.name}\u3000${a.orgName}`,
    blocks: [
      {
        kind: 'table',
        headers: ['步骤', '事项', '日期', '情况', '经办人'],
        rows: a.records.map((r) => [`第${r.no}步`, r.label, cn(r.date), [r.summary, r.note].filter(Boolean).join('；'), r.recordedBy ?? '']),
      },
    ],
  };
}

/** One form, or the whole dossier (every form and the record of all steps) as one .docx. */
export function createDevelopmentDossier(deps: { service: DevelopmentService; votes: (id: string) => Promise<Map<string, DevVote>> }) {
  return async (actor: Actor, id: string, form: DossierForm | 'all'): Promise<{ fileName: string; data: Buffer }> => {
    const a = await deps.service.get(actor, id);
    const raw = await deps.votes(id);
    const make: Record<DossierForm, () => DocPart> = {
      receipt: () => receipt(a),
      activist: () => activist(a),
      candidate: () => candidate(a),
      publicity: () => publicity(a),
      vote: () => votes(a, raw),
      approval: () => approval(a),
    };
    const parts = form === 'all' ? [...DOSSIER_FORMS.map((f) => make[f]()), steps(a)] : [make[form]()];
    const title = form === 'all' ? `发展党员档案_${a.name}` : `${dossierFormLabel[form]}_${a.name}`;
    return { fileName: `${title}.docx`, data: await renderDocx({ title, parts }) };
  };
}
