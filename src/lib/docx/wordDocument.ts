/**
 * A published document as a Word file (.docx), written at build time from its document model:
 * the printed numbering as text, headings as Word headings (目录 and 导航窗格 work), tables with
 * their merged cells, and the editorial marks and 校勘记 as the print view shows them.
 * Laid out after GB/T 9704 (党政机关公文格式): A4, 仿宋 三号 body, 黑体/楷体 headings; fonts are
 * named, not embedded, so Word uses the reader's own.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  PageNumber,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { DocumentData, Erratum } from '../../schemas/document';
import type { DocBlock, DocumentModel, Inline, LayoutCell, LayoutNode } from '../corpus/model';
import { describeErratum } from '../corpus/errata';
import {
  CUT,
  EDITORIAL_HEADING,
  EDITORIAL_TITLE,
  ERRATA_INTRO,
  clauseNumberFix,
  fixSuperscript,
  gapMark,
  headingNumberFix,
} from '../corpus/marks';
import { parseMarker } from '../corpus/numbering';

export interface WordSource {
  data: DocumentData;
  model: DocumentModel;
  /** Absolute URL of the document's page. */
  pageUrl: string;
  /** Absolute URL of the provenance page (来源说明). */
  aboutUrl: string;
}

/** East Asian text in the named Chinese font, Latin letters and digits in Times New Roman. */
const font = (eastAsia: string) => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia,
  hint: 'eastAsia',
});
const FONTS = { body: '仿宋', title: '宋体', heading1: '黑体', heading2: '楷体', heading3: '仿宋' } as const;
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, small: 28, table: 24 } as const;
const MARK_COLOR = '595959';
/** 28 pt lines, the standard's 22 lines a page. */
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
/** A4 less the standard's margins (28 mm left, 26 mm right), in twentieths of a point. */
const TEXT_WIDTH = Math.round(((210 - 28 - 26) / 25.4) * 1440);
const mm = (value: number) => Math.round((value / 25.4) * 1440);

type Runs = ParagraphChild[];

/**
 * Indented by two characters, as the standard sets every paragraph; `firstLine` (two characters of
 * 三号) for word processors that ignore `firstLineChars` (LibreOffice 7).
 */
const INDENT = { firstLineChars: 200, firstLine: 640 } as const;
const bodyParagraph = (children: Runs) => new Paragraph({ indent: INDENT, children });

/** 第N章, 第N条 and 附N are set off from what follows by a full-width space, as documents print them; 一、 and 1. are not. */
function numberText(number: string): string {
  const kind = parseMarker(number)?.kind;
  return kind === 'chapter' || kind === 'article' || kind === 'attachment' ? `${number}\u3000` : number;
}

function markRun(text: string, size: number = SIZE.small): TextRun {
  return new TextRun({ text, color: MARK_COLOR, size });
}

/** Inline content as runs: a changed word keeps a dotted underline and its 校 / 原文如此 superscript. */
function inlineRuns(content: readonly Inline[], errata: Map<string, Erratum>, style: IRunOptions = {}): Runs {
  return content.flatMap((piece): Runs => {
    switch (piece.kind) {
      case 'text':
        return [new TextRun({ ...style, text: piece.text })];
      case 'break':
        return [new TextRun({ ...style, break: 1 })];
      case 'cut':
        return [markRun(CUT)];
      case 'fix': {
        const erratum = errata.get(piece.id);
        if (!erratum) throw new Error(`unknown erratum ${piece.id}`);
        const superscript = fixSuperscript(erratum);
        const shown = new TextRun({
          ...style,
          text: erratum.corrected ?? erratum.original,
          underline: { type: 'dotted', color: MARK_COLOR },
        });
        return superscript
          ? [shown, new TextRun({ text: superscript, superScript: true, color: MARK_COLOR })]
          : [shown];
      }
    }
  });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** The lines of a cell's text (split at its line breaks). */
function cellLines(content: readonly Inline[], errata: Map<string, Erratum>): string[] {
  const lines = [''];
  for (const piece of content) {
    if (piece.kind === 'break') lines.push('');
    else if (piece.kind === 'text') lines[lines.length - 1] += piece.text;
    else if (piece.kind === 'fix') lines[lines.length - 1] += errata.get(piece.id)?.corrected ?? '';
  }
  return lines;
}

const CELL_CHAR = SIZE.table * 10; // one 小四 character in twips
const CELL_PADDING = 260; // left and right margins and the borders

/**
 * Column widths: each column at least as wide as its longest line up to eight characters (so
 * 责任部门 or 实验信息中心 is not broken into one character a line), the rest shared out in
 * proportion to how much text the column holds.
 */
export function columnWidths(cells: readonly LayoutCell[], errata: Map<string, Erratum>, width: number): number[] {
  const columns = Math.max(0, ...cells.map((cell) => cell.column + 1));
  const longest = Array.from({ length: columns }, () => 0);
  const amount = Array.from({ length: columns }, () => 0);
  for (const cell of cells) {
    const lines = cellLines(cell.content, errata);
    longest[cell.column] = Math.max(longest[cell.column]!, ...lines.map((line) => line.length));
    amount[cell.column]! += lines.join('').length;
  }
  const minimum = longest.map((chars) => Math.min(Math.max(chars, 2), 8) * CELL_CHAR + CELL_PADDING);
  const fixed = minimum.reduce((sum, w) => sum + w, 0);
  if (fixed >= width) return minimum.map((w) => Math.floor((w / fixed) * width));
  const total = amount.reduce((sum, chars) => sum + chars, 0) || 1;
  return minimum.map((w, column) => Math.floor(w + ((width - fixed) * amount[column]!) / total));
}

interface Context {
  errata: Map<string, Erratum>;
  blocks: Map<string, DocBlock>;
}

function tableOf(node: Extract<LayoutNode, { kind: 'table' }>, context: Context): (Paragraph | Table)[] {
  const widths = columnWidths(
    [...node.head.flat(), ...node.rows.flatMap((row) => row.cells)],
    context.errata,
    TEXT_WIDTH,
  );
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (laid: LayoutCell) =>
    new TableCell({
      rowSpan: laid.rowSpan,
      ...(laid.header ? { shading: { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } } : {}),
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      children: [
        new Paragraph({
          children: inlineRuns(laid.content, context.errata, { bold: laid.header, size: SIZE.table }),
          spacing: { line: 360, lineRule: LineRuleType.AUTO },
          alignment: AlignmentType.LEFT,
        }),
      ],
    });
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      ...node.head.map((cells) => new TableRow({ tableHeader: true, cantSplit: true, children: cells.map(cell) })),
      ...node.rows.map((row) => new TableRow({ cantSplit: true, children: row.cells.map(cell) })),
    ],
  });
  const caption = node.caption
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: inlineRuns(node.caption, context.errata, { bold: true }),
        }),
      ]
    : [];
  return [...caption, table, new Paragraph({ children: [] })];
}

function nodeParagraphs(node: LayoutNode, context: Context): (Paragraph | Table)[] {
  const { errata, blocks } = context;
  switch (node.kind) {
    case 'section': {
      const level = blocks.get(node.id)?.depth ?? 2;
      const numberFix = node.numberFix ? errata.get(node.numberFix) : undefined;
      const muted = node.editorial ? { color: MARK_COLOR } : {};
      const chapter = parseMarker(node.number)?.kind === 'chapter';
      const heading = new Paragraph({
        heading: HEADINGS[Math.min(Math.max(level - 2, 0), 2)] ?? HeadingLevel.HEADING_3,
        // Chapters are centred, as in the printed rules.
        ...(chapter ? { alignment: AlignmentType.CENTER, indent: { firstLineChars: 0, firstLine: 0 } } : {}),
        children: [
          new TextRun({ text: numberText(node.number), ...(node.editorialNumber ? { color: MARK_COLOR } : {}) }),
          new TextRun({ text: node.title, ...muted }),
          ...(numberFix ? [markRun(headingNumberFix(numberFix))] : []),
          ...(node.editorial ? [markRun(EDITORIAL_HEADING)] : []),
        ],
      });
      return [heading, ...node.children.flatMap((child) => nodeParagraphs(child, context))];
    }
    case 'clause': {
      const numberFix = node.numberFix ? errata.get(node.numberFix) : undefined;
      const paragraph = bodyParagraph([
        ...(node.number ? [new TextRun(numberText(node.number))] : []),
        ...(numberFix ? [markRun(clauseNumberFix(numberFix))] : []),
        ...(node.lead ? [new TextRun({ text: node.lead, bold: true })] : []),
        ...inlineRuns(node.content, errata),
      ]);
      return [paragraph, ...node.children.flatMap((child) => nodeParagraphs(child, context))];
    }
    case 'attribution':
      return [bodyParagraph(inlineRuns(node.content, errata, { size: SIZE.small }))];
    case 'signature':
      return [new Paragraph({ alignment: AlignmentType.RIGHT, children: inlineRuns(node.content, errata) })];
    case 'gap':
      return [bodyParagraph([new TextRun(numberText(node.number)), markRun(gapMark(node.number))])];
    case 'cut':
      return [bodyParagraph([markRun(CUT)])];
    case 'table':
      return tableOf(node, context);
  }
}

/** 来源 line under the title: issuer and year, the page it was taken from, its source lines. */
export function sourceLine({ data, pageUrl, aboutUrl }: WordSource): string {
  const spans = data.sources
    .filter((span) => span.role === 'primary')
    .map((span) => `来源 ${span.file.slice(0, 3)} 第 ${span.from}–${span.to} 行`)
    .join('、');
  const year = data.year ? `，${data.year}年` : '，年份未注明';
  return `${data.issuer}${year}。录自 ${pageUrl} ，底本为${spans}（见 ${aboutUrl} ）。`;
}

function errataParagraphs(data: DocumentData, context: Context, model: DocumentModel): Paragraph[] {
  if (data.errata.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('校勘记')] }),
    bodyParagraph([markRun(`${ERRATA_INTRO.marked}${ERRATA_INTRO.grades}`)]),
    ...data.errata.map((erratum) => {
      const block = context.blocks.get(model.errataBlocks.get(erratum.id) ?? '');
      return new Paragraph({
        numbering: { reference: 'errata', level: 0 },
        children: [
          new TextRun({
            text: `${block ? block.locator : ''}（来源第 ${erratum.line} 行）${describeErratum(erratum)}`,
            size: SIZE.small,
          }),
        ],
      });
    }),
  ];
}

function headingStyle(eastAsia: string, extra: IRunOptions = {}) {
  return {
    run: { font: font(eastAsia), size: SIZE.body, color: '000000', bold: false, ...extra },
    paragraph: { spacing: { ...BODY_LINE, before: 0, after: 0 }, indent: INDENT, keepNext: true },
  };
}

export function wordDocument(source: WordSource): Document {
  const { data, model } = source;
  const context: Context = {
    errata: new Map(data.errata.map((erratum) => [erratum.id, erratum])),
    blocks: new Map(model.blocks.map((block) => [block.id, block])),
  };
  return new Document({
    title: data.title,
    description: data.summary,
    creator: '责任制手册',
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: BODY_LINE, alignment: AlignmentType.JUSTIFIED },
        },
        title: {
          run: { font: font(FONTS.title), size: SIZE.title, bold: true, color: '000000' },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 280 },
          },
        },
        heading1: headingStyle(FONTS.heading1),
        heading2: headingStyle(FONTS.heading2),
        heading3: headingStyle(FONTS.heading3, { bold: true }),
      },
    },
    numbering: {
      config: [
        {
          reference: 'errata',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 560, hanging: 560 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.small })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun(data.title), ...(data.titleEditorial ? [markRun(EDITORIAL_TITLE)] : [])],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 280 },
            children: [markRun(`来源：${sourceLine(source)}`, SIZE.table)],
          }),
          ...model.layout.flatMap((node) => nodeParagraphs(node, context)),
          ...errataParagraphs(data, context, model),
        ],
      },
    ],
  });
}

/** The .docx file's bytes. */
export function wordFile(source: WordSource): Promise<ArrayBuffer> {
  return Packer.toArrayBuffer(wordDocument(source));
}
