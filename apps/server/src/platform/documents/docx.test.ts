import Fastify from 'fastify';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx, type DocSpec } from './docx.ts';
import { DOCX_MIME, sendDocx } from './send.ts';

const SPEC: DocSpec = {
  title: '张三 入党材料',
  parts: [
    {
      title: '入党积极分子登记表',
      subtitle: '（2026年度）',
      blocks: [
        {
          kind: 'fields',
          columns: 4,
          rows: [
            ['姓名', '张三'],
            ['性别', '男'],
            ['出生年月', ''],
            ['工作单位', '甲<&"乙公司'],
            ['培养联系人', '李四'],
          ],
        },
        { kind: 'spacer' },
        { kind: 'paragraph', text: '经支部委员会研究，同意确定为入党积极分子。', indent: true },
        { kind: 'signature', lines: ['党支部（盖章）', '支部书记（签名）：＿＿＿＿', '年　月　日'] },
      ],
    },
    {
      title: '表决记录',
      blocks: [
        { kind: 'paragraph', text: '应到党员 12 名，实到 11 名。', align: 'center', bold: true },
        { kind: 'table', headers: ['序号', '姓名', '表决意见'], rows: [['1', '王五', '同意'], ['2']] },
        { kind: 'fields', rows: [['表决结果', '同意 11 票']] },
      ],
    },
  ],
};

async function entries(spec: DocSpec): Promise<{ document: string; styles: string; core: string }> {
  const zip = await JSZip.loadAsync(await renderDocx(spec));
  const read = (name: string) => zip.file(name)!.async('string');
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), core: await read('docProps/core.xml') };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
/** The texts of the runs, in order, as a reader of the document sees them. */
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!));
const count = (xml: string, re: RegExp) => xml.match(re)?.length ?? 0;
/** The cells of the document's tables, each as its XML. */
const cells = (xml: string) => [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((m) => m[1]!);

describe('renderDocx', () => {
  it('writes every part, label and value, one table per form or list, on A4', async () => {
    const { document, core } = await entries(SPEC);
    const all = texts(document);
    for (const t of [
      '入党积极分子登记表',
      '（2026年度）',
      '表决记录',
      '姓名',
      '张三',
      '性别',
      '男',
      '出生年月',
      '工作单位',
      '甲<&"乙公司',
      '培养联系人',
      '李四',
    ]) {
      expect(all).toContain(t);
    }
    for (const t of ['序号', '表决意见', '王五', '同意', '表决结果', '同意 11 票', '党支部（盖章）', '支部书记（签名）：＿＿＿＿', '年　月　日'])
      expect(all).toContain(t);
    expect(document).toMatch(/甲&lt;&amp;(&quot;|")乙公司/);
    expect(document).not.toContain('甲<&');
    expect(count(document, /<w:tbl>/g)).toBe(3);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(core).toContain('<dc:title>张三 入党材料</dc:title>');
  });

  it('starts each part but the first on a new page', async () => {
    const { document } = await entries(SPEC);
    expect(count(document, /<w:pageBreakBefore\/>|<w:br w:type="page"\/>/g)).toBe(1);
    const broken = /<w:p><w:pPr><w:pageBreakBefore\/>.*?<\/w:p>/.exec(document)?.[0] ?? '';
    expect(texts(broken)).toEqual(['表决记录']);
    expect(document.indexOf('李四')).toBeLessThan(document.indexOf('<w:pageBreakBefore/>'));
  });

  it('sets titles in 黑体 and text in 仿宋, Chinese by default', async () => {
    const { document, styles } = await entries(SPEC);
    expect(document).toMatch(/<w:rFonts[^>]*w:eastAsia="黑体"[^>]*\/><w:b\/><w:bCs\/><w:sz w:val="36"\/>.*?入党积极分子登记表/);
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋".*<\/w:docDefaults>/);
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });

  it('puts two pairs on a row of a 4-column form, the odd last value spanning the rest, and leaves empty values empty', async () => {
    const { document } = await entries(SPEC);
    const form = /<w:tbl>.*?<\/w:tbl>/.exec(document)![0];
    expect(count(form, /<w:tr>/g)).toBe(3);
    expect(count(form, /<w:gridCol /g)).toBe(4);
    const all = cells(form);
    expect(all).toHaveLength(4 + 4 + 2);
    expect(texts(all[2]!)).toEqual(['性别']);
    expect(all[2]).toContain('w:fill="F2F2F2"');
    expect(all[3]).not.toContain('w:fill');
    expect(all[5]).not.toContain('<w:r>');
    expect(all[9]).toContain('<w:gridSpan w:val="3"/>');
    expect(texts(all[9]!)).toEqual(['李四']);
  });

  it('repeats a list header on every page and pads short rows with empty cells', async () => {
    const { document } = await entries(SPEC);
    const list = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)][1]![0];
    expect(count(list, /<w:tblHeader\/>/g)).toBe(1);
    expect(cells(list)).toHaveLength(9);
    expect(cells(list)[7]).not.toContain('<w:r>');
  });

  it('turns a line break in a value into a second line, in a cell and in a paragraph', async () => {
    const { document } = await entries({
      title: '换行',
      parts: [
        {
          title: '审批表',
          blocks: [
            { kind: 'fields', rows: [['意见', '同意\n报上级党委审批']] },
            { kind: 'paragraph', text: '第一行\n第二行' },
          ],
        },
      ],
    });
    const value = cells(document)[1]!;
    expect(count(value, /<w:p>/g)).toBe(2);
    expect(texts(value)).toEqual(['同意', '报上级党委审批']);
    expect(document).toMatch(/第一行<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>第二行/);
  });
});

describe('sendDocx', () => {
  it('answers with a Word download under its Chinese name, never cached', async () => {
    const app = Fastify();
    const data = await renderDocx(SPEC);
    app.get('/d', (_req, reply) => sendDocx(reply, '张三_入党材料.docx', 'dossier.docx', data));
    const res = await app.inject({ method: 'GET', url: '/d' });
    await app.close();
    expect(res.headers['content-type']).toBe(DOCX_MIME);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="dossier.docx"; filename*=UTF-8''${encodeURIComponent('张三_入党材料.docx')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.equals(data)).toBe(true);
  });
});
