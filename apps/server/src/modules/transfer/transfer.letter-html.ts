import { genderLabel, memberStatusLabel, type Gender, type MemberStatus } from '@jiceng/contracts';

/** What the printed letter shows. */
export interface LetterContent {
  letterNo: string;
  name: string;
  gender: string;
  age: number;
  ethnicity: string;
  memberStatus: string;
  /** In full or masked, as the caller decided. */
  idNumber: string;
  fromOrgName: string;
  toOrgName: string;
  issueDate: string;
  validUntil: string;
  duesPaidTo: string;
  handler: string | null;
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const day = (d: string) => `${d.slice(0, 4)} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`;
const month = (m: string) => `${m.slice(0, 4)} 年 ${Number(m.slice(5, 7))} 月`;

const STYLE = `
@page { size: A4; margin: 15mm 18mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 15px; line-height: 1.9; color: #000; margin: 0; }
.part { padding: 6mm 0; min-height: 78mm; box-sizing: border-box; }
.cut { border-top: 1px dashed #000; font-size: 12px; text-align: center; color: #555; }
h1 { font-size: 20px; text-align: center; letter-spacing: 2px; margin: 0 0 2mm; }
.no { text-align: right; margin: 0; }
p { margin: 0; text-indent: 2em; }
.to { text-indent: 0; }
.sign { text-align: right; text-indent: 0; margin-top: 4mm; }
.note { text-indent: 0; font-size: 13px; }
u { text-decoration: none; border-bottom: 1px solid #000; padding: 0 0.3em; }
@media screen { body { max-width: 174mm; margin: 10mm auto; } }
@media print { .part { break-inside: avoid; } }
`;

/**
 * The introduction letter as a printable A4 page: 存根 (kept by the sender), 正本 (carried to the
 * receiver) and 回执 (returned by the receiver), all under one number, separated by cut lines.
 * Every value is escaped.
 */
export function renderLetter(c: LetterContent): string {
  const e = (s: string) => `<u>${escape(s)}</u>`;
  const no = escape(c.letterNo);
  const gender = genderLabel[c.gender as Gender] ?? c.gender;
  const status = memberStatusLabel[c.memberStatus as MemberStatus] ?? c.memberStatus;
  const who = `${e(c.name)}同志（${escape(gender)}，${c.age} 岁，${escape(c.ethnicity)}），系中共${escape(status)}，公民身份号码 ${e(c.idNumber)}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>党员组织关系介绍信 ${no}</title><style>${STYLE}</style></head>
<body>
<section class="part" id="stub">
  <h1>中国共产党党员组织关系介绍信（存根）</h1>
  <p class="no">编号：${no}</p>
  <p>${who}，组织关系由 ${e(c.fromOrgName)} 转到 ${e(c.toOrgName)}。</p>
  <p>党费缴至 ${month(c.duesPaidTo)}。有效期至 ${day(c.validUntil)}。</p>
  <p class="sign">开具日期：${day(c.issueDate)}&#12288;&#12288;经办人：${escape(c.handler ?? '')}</p>
</section>
<div class="cut">（沿此线剪开）</div>
<section class="part" id="original">
  <h1>中国共产党党员组织关系介绍信</h1>
  <p class="no">编号：${no}</p>
  <p class="to">${e(c.toOrgName)}：</p>
  <p>兹介绍${who}，其党员组织关系由 ${e(c.fromOrgName)} 转到你处，请接洽。</p>
  <p>该同志党费已交到 ${month(c.duesPaidTo)}。</p>
  <p class="sign">${escape(c.fromOrgName)}（盖章）<br>${day(c.issueDate)}</p>
  <p class="note">（有效期至 ${day(c.validUntil)}，逾期作废）</p>
</section>
<div class="cut">（沿此线剪开）</div>
<section class="part" id="receipt">
  <h1>中国共产党党员组织关系介绍信回执</h1>
  <p class="no">编号：${no}</p>
  <p class="to">${e(c.fromOrgName)}：</p>
  <p>${e(c.name)}同志的党员组织关系已转达我处，特此回执。</p>
  <p class="sign">接收党组织（盖章）<br>&#12288;&#12288;&#12288;&#12288;年&#12288;&#12288;月&#12288;&#12288;日</p>
</section>
</body></html>`;
}
