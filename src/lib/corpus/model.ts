/**
 * Reads a document body written in the corpus MDX vocabulary into blocks
 * (headings, clauses, table rows …) with their ids, printed locators and text.
 * The same reading serves the build check (ids), the fidelity test (source text)
 * and every derived index, so all of them agree on what a clause is.
 *
 * Vocabulary:
 *   <Sec id n title [editorial] [editorialNumber] [fix]>…</Sec>  heading + section
 *   <Cl id [n] [lead] [fix]>…</Cl>   numbered clause, or a paragraph when it has no n
 *   <Attr id>…</Attr>                责任部门/配合部门 attribution inside a clause
 *   <Gap id n note />                a clause missing from the source
 *   <Cut />                          the source breaks off here
 *   <Sign id="sign">…</Sign>         signature or date line
 *   <Fix id="e1" />                  an erratum from the frontmatter (inline)
 *   <table id> with <caption>, <thead>, <tbody>, <tr>, <th>, <td rowSpan>, <br />;
 *   each body row ends its last cell with <RowTools id="<row id>" /> (its permalink and 复制引用)
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxJsxFromMarkdown, type MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { mdxJsx } from 'micromark-extension-mdx-jsx';
import { mdxMd } from 'micromark-extension-mdx-md';
import type { Erratum } from '../../schemas/document';
import { attributionId, formatLocator, numberedId, paragraphId, parseMarker, rowId } from './numbering';

export type BlockKind = 'heading' | 'clause' | 'paragraph' | 'attribution' | 'gap' | 'signature' | 'row';

export interface DocBlock {
  id: string;
  kind: BlockKind;
  /** Heading level (2–4) for headings, nesting depth otherwise. */
  depth: number;
  /** The printed number (as published), if any. */
  number: string | null;
  /** Printed locator, e.g. 一、（一）3 or 附2·3月中旬. */
  locator: string;
  /** Titles of the enclosing headings, outermost first. */
  sectionPath: string[];
  /** Published plain text, editorial marks left out. */
  text: string;
  /** For table rows: the resolved cells (merged cells repeated). */
  cells?: string[];
  parentId: string | null;
  editorial: boolean;
  line: number;
}

/** Inline content in reading order: text, an erratum (by id), a line break, the source breaking off. */
export type Inline = { kind: 'text'; text: string } | { kind: 'fix'; id: string } | { kind: 'break' } | { kind: 'cut' };

export interface LayoutCell {
  content: Inline[];
  rowSpan: number;
  header: boolean;
  /** The grid column it starts in, merged cells of the rows above counted. */
  column: number;
}

/**
 * The body as the page lays it out, in reading order, with what the flat blocks leave out:
 * inline errata and breaks, run-in leads, number errata, merged table cells, flow-level cuts.
 * Ids point into `blocks` for depth and locator.
 */
export type LayoutNode =
  | {
      kind: 'section';
      id: string;
      number: string;
      title: string;
      editorial: boolean;
      editorialNumber: boolean;
      numberFix: string | null;
      children: LayoutNode[];
    }
  | {
      kind: 'clause';
      id: string;
      number: string | null;
      numberFix: string | null;
      lead: string;
      content: Inline[];
      children: LayoutNode[];
    }
  | { kind: 'attribution' | 'signature'; id: string; content: Inline[] }
  | { kind: 'gap'; id: string; number: string }
  | { kind: 'cut' }
  | {
      kind: 'table';
      id: string;
      caption: Inline[] | null;
      head: LayoutCell[][];
      rows: { id: string; cells: LayoutCell[] }[];
    };

export interface ModelIssue {
  line: number;
  message: string;
}

export interface DocumentModel {
  blocks: DocBlock[];
  layout: LayoutNode[];
  /** The body as the source prints it: errata reversed, editorial additions left out. */
  sourceText: string;
  /** Each erratum id → the id of the block it occurs in. */
  errataBlocks: Map<string, string>;
  issues: ModelIssue[];
}

type Node = {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: (MdxJsxAttribute | { type: string })[];
  children?: Node[];
  position?: { start: { line: number } };
};

interface Container {
  id: string | null;
  locatorParts: string[];
  sectionPath: string[];
  depth: number;
  paragraphs: number;
}

interface Pieces {
  text: string;
  source: string;
  content: Inline[];
}

export function parseMdxBody(body: string): Node {
  return fromMarkdown(body, {
    extensions: [mdxJsx(), mdxMd()],
    mdastExtensions: [mdxJsxFromMarkdown()],
  }) as unknown as Node;
}

function attr(node: Node, name: string): string | undefined {
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxAttribute' && 'name' in attribute && attribute.name === name) {
      const value = attribute.value;
      if (value === null || value === undefined) return 'true';
      if (typeof value === 'string') return value;
      return value.value;
    }
  }
  return undefined;
}

const JSX = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
const BLOCK_NAMES = new Set(['Sec', 'Cl', 'Attr', 'Gap', 'Sign', 'table']);

/** A paragraph that only wraps one block element (a one-line <Cl>…</Cl>) stands for that element. */
function unwrapBlock(node: Node): Node {
  if (node.type !== 'paragraph') return node;
  const content = node.children?.filter((c) => !(c.type === 'text' && !(c.value ?? '').trim())) ?? [];
  const only = content[0];
  return content.length === 1 && only && JSX.has(only.type) && BLOCK_NAMES.has(only.name ?? '') ? only : node;
}

export function buildDocumentModel(body: string, errata: readonly Erratum[], lineOffset = 0): DocumentModel {
  const errataById = new Map(errata.map((erratum) => [erratum.id, erratum]));
  const blocks: DocBlock[] = [];
  const issues: ModelIssue[] = [];
  const errataBlocks = new Map<string, string>();
  let currentBlock = '';
  const sourceParts: string[] = [];
  const seenIds = new Map<string, number>();

  const lineOf = (node: Node) => (node.position?.start.line ?? 0) + lineOffset;
  const fail = (node: Node, message: string) => issues.push({ line: lineOf(node), message });

  const claimId = (node: Node, declared: string | undefined, expected: string) => {
    if (declared === undefined) {
      fail(node, `<${node.name}> 缺少 id，按编号应为 "${expected}"`);
    } else if (declared !== expected) {
      fail(node, `<${node.name}> 的 id "${declared}" 不稳定：按印刷编号应为 "${expected}"`);
    }
    const id = declared ?? expected;
    const first = seenIds.get(id);
    if (first !== undefined) fail(node, `id "${id}" 重复（第 ${first} 行已使用）`);
    else seenIds.set(id, lineOf(node));
    currentBlock = id;
    return id;
  };

  const resolveFix = (node: Node): Pieces => {
    const id = attr(node, 'id') ?? '';
    const erratum = errataById.get(id);
    if (!erratum) {
      fail(node, `<Fix id="${id}"> 在 frontmatter 的 errata 中不存在`);
      return { text: '', source: '', content: [] };
    }
    if (erratum.kind === 'number')
      fail(node, `勘误 ${id} 是编号勘误（kind: number），应写作 <Sec>/<Cl> 的 fix="${id}"`);
    if (errataBlocks.has(id)) fail(node, `勘误 ${id} 在正文中出现了不止一次`);
    errataBlocks.set(id, currentBlock);
    return { text: erratum.corrected ?? erratum.original, source: erratum.original, content: [{ kind: 'fix', id }] };
  };

  /** Inline content: text, <Fix>, <Cut>, <br>. */
  /** A cell's content without its <RowTools /> (at the top level or in the cell's paragraph). */
  const withoutRowTools = (nodes: Node[] | undefined): { rest: Node[]; tools: Node[] } => {
    const isTools = (n: Node) => JSX.has(n.type) && n.name === 'RowTools';
    const tools: Node[] = [];
    const rest = (nodes ?? []).flatMap((n): Node[] => {
      if (isTools(n)) {
        tools.push(n);
        return [];
      }
      if (n.type !== 'paragraph') return [n];
      tools.push(...(n.children ?? []).filter(isTools));
      return [{ ...n, children: (n.children ?? []).filter((c) => !isTools(c)) }];
    });
    return { rest, tools };
  };

  const inline = (nodes: Node[] | undefined): Pieces => {
    let text = '';
    let source = '';
    const content: Inline[] = [];
    for (const node of nodes ?? []) {
      if (node.type === 'text') {
        text += node.value ?? '';
        source += node.value ?? '';
        content.push({ kind: 'text', text: node.value ?? '' });
      } else if (node.type === 'paragraph' || (JSX.has(node.type) && node.name === 'Fix')) {
        const inner = node.type === 'paragraph' ? inline(node.children) : resolveFix(node);
        text += inner.text;
        source += inner.source;
        content.push(...inner.content);
      } else if (JSX.has(node.type) && (node.name === 'Cut' || node.name === 'br')) {
        // editorial mark or line break: no text
        content.push({ kind: node.name === 'Cut' ? 'cut' : 'break' });
      } else {
        fail(
          node,
          `此处不支持 ${node.type}${node.name ? ` <${node.name}>` : ''}（正文只用约定的 MDX 组件，Markdown 语法需转义）`,
        );
      }
    }
    return { text, source, content };
  };

  const numberFromAttrs = (node: Node): { published: string; source: string; fix: string | null } | null => {
    const n = attr(node, 'n');
    if (n === undefined) return null;
    const fixId = attr(node, 'fix');
    if (fixId === undefined) return { published: n, source: n, fix: null };
    const erratum = errataById.get(fixId);
    if (!erratum) {
      fail(node, `fix="${fixId}" 在 frontmatter 的 errata 中不存在`);
      return { published: n, source: n, fix: null };
    }
    if (erratum.kind !== 'number') fail(node, `fix="${fixId}" 须指向 kind: number 的编号勘误`);
    else if (erratum.corrected !== n)
      fail(node, `编号 "${n}" 与勘误 ${fixId} 的 corrected "${erratum.corrected}" 不一致`);
    if (errataBlocks.has(fixId)) fail(node, `勘误 ${fixId} 在正文中出现了不止一次`);
    errataBlocks.set(fixId, attr(node, 'id') ?? '');
    return { published: n, source: erratum.original, fix: fixId };
  };

  const expectedNumberedId = (node: Node, container: Container, printed: string): string => {
    const marker = parseMarker(printed);
    if (!marker) {
      fail(node, `无法识别的编号 "${printed}"`);
      return `?${printed}`;
    }
    return numberedId(container.id, marker);
  };

  const pushBlock = (block: Omit<DocBlock, 'sectionPath'> & { sectionPath?: string[] }, container: Container) => {
    blocks.push({ sectionPath: container.sectionPath, ...block });
  };

  const walkTable = (table: Node, container: Container, into: LayoutNode[]) => {
    const tableId = attr(table, 'id');
    if (!tableId || !container.id || tableId !== `${container.id}-t`) {
      fail(table, `<table> 的 id 应为 "${container.id ?? '?'}-t"`);
    }
    const laid: Extract<LayoutNode, { kind: 'table' }> = {
      kind: 'table',
      id: tableId ?? '',
      caption: null,
      head: [],
      rows: [],
    };
    into.push(laid);
    const layoutCell = (cell: Node, content: Inline[], column: number): LayoutCell => ({
      content,
      rowSpan: Number(attr(cell, 'rowSpan') ?? '1'),
      header: cell.name === 'th',
      column,
    });
    const carried: { text: string; rows: number }[] = [];
    let position = 0;
    const visit = (node: Node, inBody: boolean) => {
      if (!JSX.has(node.type) && node.type !== 'paragraph') {
        if (node.type === 'text' && !(node.value ?? '').trim()) return;
        fail(node, `表格中不支持 ${node.type}`);
        return;
      }
      if (node.type === 'paragraph') {
        node.children?.forEach((child) => visit(child, inBody));
        return;
      }
      switch (node.name) {
        case 'caption':
        case 'th':
        case 'td': {
          const pieces = inline(node.children);
          sourceParts.push(pieces.source);
          if (node.name === 'caption') laid.caption = pieces.content;
          else {
            const row = laid.head[laid.head.length - 1];
            row?.push(layoutCell(node, pieces.content, row.length));
          }
          return;
        }
        case 'thead':
          node.children?.forEach((child) => visit(child, false));
          return;
        case 'tbody':
          node.children?.forEach((child) => visit(child, true));
          return;
        case 'tr': {
          if (!inBody) {
            laid.head.push([]);
            node.children?.forEach((child) => visit(child, false));
            return;
          }
          position += 1;
          currentBlock = attr(node, 'id') ?? '';
          const cells: string[] = [];
          let column = 0;
          const take = () => {
            while (carried[column] && carried[column]!.rows > 0) {
              carried[column]!.rows -= 1;
              cells.push(carried[column]!.text);
              column += 1;
            }
          };
          const rowCells = (node.children ?? [])
            .flatMap((c) => (c.type === 'paragraph' ? (c.children ?? []) : [c]))
            .filter((cell) => !(cell.type === 'text' && !(cell.value ?? '').trim()));
          let tools: Node[] = [];
          const laidCells: LayoutCell[] = [];
          for (const [index, cell] of rowCells.entries()) {
            if (!JSX.has(cell.type) || (cell.name !== 'td' && cell.name !== 'th')) {
              fail(cell, '<tr> 中只能有 <td>/<th>');
              continue;
            }
            take();
            // The row's <RowTools id> closes its last cell; anywhere else inline() refuses it.
            const content =
              index === rowCells.length - 1 ? withoutRowTools(cell.children) : { rest: cell.children, tools: [] };
            tools = content.tools;
            const pieces = inline(content.rest);
            sourceParts.push(pieces.source);
            laidCells.push(layoutCell(cell, pieces.content, column));
            const span = Number(attr(cell, 'rowSpan') ?? '1');
            if (span > 1) carried[column] = { text: pieces.text, rows: span - 1 };
            cells.push(pieces.text);
            column += 1;
          }
          take();
          const base = container.id ?? '';
          const id = claimId(node, attr(node, 'id'), rowId(base, position));
          laid.rows.push({ id, cells: laidCells });
          if (tools.length !== 1) fail(node, `表格行 ${id} 的最后一格末尾须有一个 <RowTools id="${id}" />`);
          else if (attr(tools[0] as Node, 'id') !== id)
            fail(
              tools[0] as Node,
              `<RowTools id="${attr(tools[0] as Node, 'id') ?? ''}"> 须与所在行的 id "${id}" 相同`,
            );
          const label = cells.find((cell) => cell.trim()) ?? String(position);
          pushBlock(
            {
              id,
              kind: 'row',
              depth: container.depth + 1,
              number: null,
              locator: `${formatLocator(container.locatorParts)}·${label.slice(0, 12)}`,
              text: cells.filter((cell) => cell.trim()).join('　'),
              cells,
              parentId: container.id,
              editorial: false,
              line: lineOf(node),
            },
            container,
          );
          return;
        }
        default:
          fail(node, `表格中不支持 <${node.name}>`);
      }
    };
    table.children?.forEach((child) => visit(child, false));
  };

  const walkFlow = (nodes: Node[] | undefined, container: Container, into: LayoutNode[]) => {
    for (const original of nodes ?? []) {
      const node = unwrapBlock(original);
      if (node.type === 'paragraph') {
        const only = node.children?.filter((c) => !(c.type === 'text' && !(c.value ?? '').trim())) ?? [];
        if (only.length === 1 && JSX.has(only[0]!.type) && only[0]!.name === 'Cut') into.push({ kind: 'cut' });
        else fail(node, '正文段落必须写在 <Cl> 中（无编号段落写作 <Cl id="…">）');
        continue;
      }
      if (!JSX.has(node.type)) {
        fail(node, `此处不支持 ${node.type}（正文只用约定的 MDX 组件）`);
        continue;
      }
      switch (node.name) {
        case 'Sec': {
          const number = numberFromAttrs(node);
          const title = attr(node, 'title') ?? '';
          if (!number) {
            fail(node, '<Sec> 需要 n（印刷编号）');
            continue;
          }
          const editorial = attr(node, 'editorial') === 'true';
          const editorialNumber = editorial || attr(node, 'editorialNumber') === 'true';
          const id = claimId(node, attr(node, 'id'), expectedNumberedId(node, container, number.published));
          const locatorParts =
            parseMarker(number.published)?.kind === 'chapter' ? [] : [...container.locatorParts, number.published];
          if (!editorialNumber) sourceParts.push(number.source);
          if (!editorial) sourceParts.push(title);
          const depth = container.depth + 1;
          pushBlock(
            {
              id,
              kind: 'heading',
              depth: Math.min(depth + 1, 4),
              number: number.published,
              locator: formatLocator([...container.locatorParts, number.published]),
              text: `${number.published}${title}`,
              parentId: container.id,
              editorial,
              line: lineOf(node),
            },
            container,
          );
          const section: LayoutNode = {
            kind: 'section',
            id,
            number: number.published,
            title,
            editorial,
            editorialNumber,
            numberFix: number.fix,
            children: [],
          };
          into.push(section);
          walkFlow(
            node.children,
            {
              id,
              locatorParts,
              sectionPath: [...container.sectionPath, `${number.published}${title}`],
              depth,
              paragraphs: 0,
            },
            section.children,
          );
          break;
        }
        case 'Cl': {
          const number = numberFromAttrs(node);
          const lead = attr(node, 'lead') ?? '';
          let expected: string;
          if (number) {
            expected = expectedNumberedId(node, container, number.published);
          } else {
            container.paragraphs += 1;
            expected = paragraphId(container.id, container.paragraphs);
          }
          const id = claimId(node, attr(node, 'id'), expected);
          const marker = number ? parseMarker(number.published) : null;
          const ownParts =
            marker?.kind === 'article'
              ? [number!.published]
              : number
                ? [...container.locatorParts, number.published]
                : container.locatorParts;
          const children = (node.children ?? []).map(unwrapBlock);
          const flow = children.filter((c) => JSX.has(c.type) && BLOCK_NAMES.has(c.name ?? ''));
          const inlineNodes = children.filter((c) => !flow.includes(c));
          if (number) sourceParts.push(number.source);
          sourceParts.push(lead);
          const pieces = inline(inlineNodes);
          sourceParts.push(pieces.source);
          pushBlock(
            {
              id,
              kind: number ? 'clause' : 'paragraph',
              depth: container.depth + 1,
              number: number?.published ?? null,
              locator: formatLocator(ownParts) || '正文',
              text: `${number?.published ?? ''}${lead}${pieces.text}`,
              parentId: container.id,
              editorial: false,
              line: lineOf(node),
            },
            container,
          );
          const clause: LayoutNode = {
            kind: 'clause',
            id,
            number: number?.published ?? null,
            numberFix: number?.fix ?? null,
            lead,
            content: pieces.content,
            children: [],
          };
          into.push(clause);
          walkFlow(
            flow,
            {
              id,
              locatorParts: ownParts,
              sectionPath: container.sectionPath,
              depth: container.depth + 1,
              paragraphs: 0,
            },
            clause.children,
          );
          break;
        }
        case 'Attr': {
          if (!container.id) {
            fail(node, '<Attr> 必须写在它所属的 <Cl> 中');
            continue;
          }
          const id = claimId(node, attr(node, 'id'), attributionId(container.id));
          const pieces = inline(node.children);
          sourceParts.push(pieces.source);
          into.push({ kind: 'attribution', id, content: pieces.content });
          pushBlock(
            {
              id,
              kind: 'attribution',
              depth: container.depth + 1,
              number: null,
              locator: `${formatLocator(container.locatorParts)}·责任部门`,
              text: pieces.text,
              parentId: container.id,
              editorial: false,
              line: lineOf(node),
            },
            container,
          );
          break;
        }
        case 'Gap': {
          const n = attr(node, 'n') ?? '';
          const id = claimId(node, attr(node, 'id'), expectedNumberedId(node, container, n));
          into.push({ kind: 'gap', id, number: n });
          pushBlock(
            {
              id,
              kind: 'gap',
              depth: container.depth + 1,
              number: n,
              locator: formatLocator(parseMarker(n)?.kind === 'article' ? [n] : [...container.locatorParts, n]),
              text: '',
              parentId: container.id,
              editorial: true,
              line: lineOf(node),
            },
            container,
          );
          break;
        }
        case 'Sign': {
          const id = claimId(node, attr(node, 'id'), 'sign');
          const pieces = inline(node.children);
          sourceParts.push(pieces.source);
          into.push({ kind: 'signature', id, content: pieces.content });
          pushBlock(
            {
              id,
              kind: 'signature',
              depth: 1,
              number: null,
              locator: '落款',
              text: pieces.text,
              parentId: null,
              editorial: false,
              line: lineOf(node),
            },
            container,
          );
          break;
        }
        case 'table':
          walkTable(node, container, into);
          break;
        case 'Cut':
          into.push({ kind: 'cut' });
          break;
        default:
          fail(node, `未知组件 <${node.name}>`);
      }
    }
  };

  const layout: LayoutNode[] = [];
  walkFlow(
    parseMdxBody(body).children,
    { id: null, locatorParts: [], sectionPath: [], depth: 0, paragraphs: 0 },
    layout,
  );

  for (const erratum of errata) {
    if (!errataBlocks.has(erratum.id))
      issues.push({ line: lineOffset, message: `勘误 ${erratum.id} 在正文中没有 <Fix id="${erratum.id}" />` });
  }
  return { blocks, layout, sourceText: sourceParts.join('\n'), errataBlocks, issues };
}
