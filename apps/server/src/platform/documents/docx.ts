import {
  AlignmentType,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/**
 * Word documents from records: the forms of a dossier (回执, 登记表, 公示, 表决记录, 审批表…) as
 * parts of one .docx, each part on a page of its own. A4 portrait with the margins of Word's
 * Chinese default (2.54 cm top and bottom, 3.17 cm left and right), titles in 黑体, text in 仿宋.
 * Empty values stay empty cells, to be filled in by hand; docx escapes the text.
 */

/** A piece of a part, top to bottom. */
export type DocBlock =
  /** Running text; `indent` is the first-line indent of 2 characters. A `\n` is a line break, not a new paragraph. */
  | { kind: 'paragraph'; text: string; align?: 'left' | 'center' | 'right'; indent?: boolean; bold?: boolean }
  /** A bordered form table: shaded label cells, value cells; `columns: 4` puts two label/value pairs on a row. */
  | { kind: 'fields'; rows: readonly (readonly [label: string, value: string])[]; columns?: 2 | 4 }
  /** A list with a shaded header row, repeated on every page the table runs onto. */
  | { kind: 'table'; headers: readonly string[]; rows: readonly (readonly string[])[] }
  /** Right-aligned lines such as 党支部（盖章）, 支部书记（签名）：＿＿＿＿, 年 月 日. */
  | { kind: 'signature'; lines: readonly string[] }
  /** An empty line. */
  | { kind: 'spacer' };

/** One form of the document, starting on a new page. */
export interface DocPart {
  title: string;
  subtitle?: string;
  blocks: readonly DocBlock[];
}

export interface DocSpec {
  /** The document's title in its file properties. */
  title: string;
  parts: readonly DocPart[];
}

/** A4 in twips (1/1440 inch), and Word's Chinese default margins. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1797, right: 1797, header: 851, footer: 992 };
/** Width of the text between the margins, which every table fills. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Sizes in half-points: 小二 (18 pt) titles, 四号 (14 pt) text, 小四 (12 pt) in tables. */
const SIZE = { title: 36, text: 28, cell: 24 };
const LATIN = 'Times New Roman';
const TITLE_FONT = { ascii: LATIN, hAnsi: LATIN, eastAsia: '黑体' };
const BODY_FONT = { ascii: LATIN, hAnsi: LATIN, eastAsia: '仿宋' };
const LABEL_FILL = { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' };
/** Rows tall enough to write in by hand (0.9 cm). */
const ROW_HEIGHT = { value: 510, rule: HeightRule.ATLEAST };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** The lines of a text: `\n` (or `\r\n`) separates them. */
const linesOf = (text: string): string[] => text.split(/\r?\n/);

type RunStyle = { bold?: boolean; size?: number; font?: typeof TITLE_FONT };

/** One run per line, joined by line breaks. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return linesOf(text).map((line, i) => new TextRun({ ...style, text: line, break: i > 0 ? 1 : undefined }));
}

/** Single line spacing inside tables (the text around them has 1.5 lines). */
const CELL_SPACING = { line: 240, lineRule: LineRuleType.AUTO };

/** The paragraphs of a cell, one per line; an empty value is an empty paragraph (Word needs one). */
function cell(text: string, opts: { width: number; label?: boolean; span?: number; center?: boolean }): TableCell {
  const center = opts.label || opts.center;
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: opts.label ? LABEL_FILL : undefined,
    margins: { left: 100, right: 100 },
    children: linesOf(text).map(
      (line) =>
        new Paragraph({
          alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: CELL_SPACING,
          children: line === '' ? [] : [new TextRun({ text: line, size: SIZE.cell, bold: opts.label || undefined })],
        }),
    ),
  });
}

function table(widths: readonly number[], rows: TableRow[]): Table {
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [...widths], alignment: AlignmentType.CENTER, rows });
}

/** Column widths that add up to the text width, from relative weights. */
function widthsOf(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Label/value pairs, one or two to a row; an odd last pair's value spans the rest of its row. */
function fieldsTable(rows: readonly (readonly [string, string])[], columns: 2 | 4): Table {
  const widths = widthsOf(columns === 4 ? [2, 3, 2, 3] : [1, 3]);
  const perRow = columns / 2;
  const out: TableRow[] = [];
  for (let i = 0; i < rows.length; i += perRow) {
    const pairs = rows.slice(i, i + perRow);
    const cells = pairs.flatMap(([label, value], k) => {
      const last = k === pairs.length - 1;
      const span = last ? columns - 2 * k - 1 : 1;
      const width = widths.slice(2 * k + 1, 2 * k + 1 + span).reduce((a, b) => a + b, 0);
      return [cell(label, { width: widths[2 * k]!, label: true }), cell(value, { width, span: span > 1 ? span : undefined })];
    });
    out.push(new TableRow({ height: ROW_HEIGHT, cantSplit: true, children: cells }));
  }
  return table(widths, out);
}

function listTable(headers: readonly string[], rows: readonly (readonly string[])[]): Table {
  const widths = widthsOf(headers.map(() => 1));
  const row = (texts: readonly string[], header: boolean) =>
    new TableRow({
      height: ROW_HEIGHT,
      cantSplit: true,
      tableHeader: header || undefined,
      children: widths.map((width, i) => cell(texts[i] ?? '', { width, label: header, center: true })),
    });
  return table(widths, [row(headers, true), ...rows.map((r) => row(r, false))]);
}

function block(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'left'],
          // 2 characters: Word reads firstLineChars, other editors the same width in twips
          indent: b.indent ? { firstLineChars: 200, firstLine: 2 * SIZE.text * 10 } : undefined,
          children: runs(b.text, { bold: b.bold }),
        }),
      ];
    case 'fields':
      return [fieldsTable(b.rows, b.columns ?? 2)];
    case 'table':
      return [listTable(b.headers, b.rows)];
    case 'signature':
      return b.lines.map((line, i) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: i === 0 ? { before: 240 } : undefined, children: runs(line) }));
    case 'spacer':
      return [new Paragraph({})];
  }
}

/** A part: its title (on a new page unless it is the first), its subtitle, then its blocks. */
function part(p: DocPart, first: boolean): (Paragraph | Table)[] {
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: !first,
    spacing: { after: p.subtitle ? 120 : 360 },
    children: runs(p.title, { bold: true, size: SIZE.title, font: TITLE_FONT }),
  });
  const subtitle = p.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: runs(p.subtitle) })] : [];
  return [title, ...subtitle, ...p.blocks.flatMap(block)];
}

/** Renders the parts into one .docx. */
export async function renderDocx(spec: DocSpec): Promise<Buffer> {
  const doc = new Document({
    title: spec.title,
    creator: '基层党建工作平台',
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE.text, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          // 1.5 lines between the lines of running text
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: spec.parts.flatMap((p, i) => part(p, i === 0)),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
