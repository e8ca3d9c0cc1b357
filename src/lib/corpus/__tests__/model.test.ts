import { describe, expect, it } from 'vitest';
import { buildDocumentModel } from '../model';
import type { Erratum } from '../../../schemas/document';

const errata: Erratum[] = [
  { id: 'e1', line: 5, original: '敷行', corrected: '敷衍', grade: 'C', kind: 'typo' },
  { id: 'e2', line: 6, original: '（3）', corrected: '（三）', grade: 'C', kind: 'number' },
];

const body = `
<Sec id="s1" n="一、" title="主要内容">

<Sec id="s1-3" n="（三）" fix="e2" title="分管领导责任清单">

<Cl id="s1-3-p1">党委副书记是直接责任人。</Cl>

<Cl id="s1-3-1" n="1.">学习<Fix id="e1" />应付的。</Cl>

<Cl id="s1-3-2" n="2.">
职责分工

<Cl id="s1-3-2-1" n="1)">党办负责。</Cl>

<Attr id="s1-3-2-dept">（责任部门：党办）</Attr>

</Cl>

</Sec>

</Sec>

<Gap id="a7" n="第七条" />
`;

describe('buildDocumentModel', () => {
  const model = buildDocumentModel(body, errata);

  it('reads blocks with ids, locators and published text', () => {
    expect(model.issues).toEqual([]);
    expect(model.blocks.map((b) => [b.id, b.kind, b.locator])).toEqual([
      ['s1', 'heading', '一、'],
      ['s1-3', 'heading', '一、（三）'],
      ['s1-3-p1', 'paragraph', '一、（三）'],
      ['s1-3-1', 'clause', '一、（三）1'],
      ['s1-3-2', 'clause', '一、（三）2'],
      ['s1-3-2-1', 'clause', '一、（三）2（1）'],
      ['s1-3-2-dept', 'attribution', '一、（三）2·责任部门'],
      ['a7', 'gap', '第七条'],
    ]);
    expect(model.blocks.find((b) => b.id === 's1-3-1')?.text).toBe('1.学习敷衍应付的。');
    expect(model.blocks.find((b) => b.id === 's1-3-1')?.sectionPath).toEqual([
      '一、主要内容',
      '（三）分管领导责任清单',
    ]);
  });

  it('reads the text back as the source prints it', () => {
    expect(model.sourceText.replace(/\n/g, '')).toBe(
      '一、主要内容（3）分管领导责任清单党委副书记是直接责任人。1.学习敷行应付的。2.职责分工1)党办负责。（责任部门：党办）',
    );
  });

  it('records where each erratum is used', () => {
    expect(model.errataBlocks.get('e1')).toBe('s1-3-1');
    expect(model.errataBlocks.get('e2')).toBe('s1-3');
  });

  it('rejects an id that does not follow the printed numbering', () => {
    const bad = buildDocumentModel('<Cl id="s1-4" n="1.">x</Cl>\n', []);
    expect(bad.issues).toEqual([{ line: 1, message: '<Cl> 的 id "s1-4" 不稳定：按印刷编号应为 "i1"' }]);
  });

  it('rejects duplicate ids, naming both lines', () => {
    const bad = buildDocumentModel('<Cl id="i1" n="1.">x</Cl>\n\n<Cl id="i1" n="1.">y</Cl>\n', [], 10);
    expect(bad.issues).toEqual([{ line: 13, message: 'id "i1" 重复（第 11 行已使用）' }]);
  });

  it('rejects unknown and unused errata and bare Markdown', () => {
    const bad = buildDocumentModel('<Cl id="p1">a<Fix id="e9" /></Cl>\n\n正文\n', errata);
    expect(bad.issues.map((i) => i.message)).toEqual([
      '<Fix id="e9"> 在 frontmatter 的 errata 中不存在',
      '正文段落必须写在 <Cl> 中（无编号段落写作 <Cl id="…">）',
      '勘误 e1 在正文中没有 <Fix id="e1" />',
      '勘误 e2 在正文中没有 <Fix id="e2" />',
    ]);
  });

  it('resolves merged table cells into every row they span', () => {
    const table = `<Sec id="f2" n="附2" editorialNumber title="工作安排">

<table id="f2-t">

<tbody>

<tr id="f2-1"><td rowSpan="2">3月</td><td>甲<RowTools id="f2-1" /></td></tr>

<tr id="f2-2"><td>乙<RowTools id="f2-2" /></td></tr>

</tbody>

</table>

</Sec>
`;
    const tableModel = buildDocumentModel(table, []);
    expect(tableModel.issues).toEqual([]);
    const rows = tableModel.blocks.filter((b) => b.kind === 'row');
    expect(rows.map((r) => [r.id, r.cells, r.locator])).toEqual([
      ['f2-1', ['3月', '甲'], '附2·3月'],
      ['f2-2', ['3月', '乙'], '附2·3月'],
    ]);
    expect(tableModel.sourceText.replace(/\n/g, '')).toBe('工作安排3月甲乙');
  });

  it('lays the body out in reading order with inline errata, number errata, merged cells and cuts', () => {
    const laid = buildDocumentModel(
      `<Cl id="p1">甲<Fix id="e1" /><br />乙<Cut /></Cl>

<Cut />

<Sec id="f2" n="附2" fix="e2" editorialNumber title="工作安排">

<table id="f2-t">

<thead>

<tr><th>时间</th></tr>

</thead>

<tbody>

<tr id="f2-1"><td rowSpan="2">3月</td><td>甲<RowTools id="f2-1" /></td></tr>

<tr id="f2-2"><td>乙<RowTools id="f2-2" /></td></tr>

</tbody>

</table>

</Sec>
`,
      [errata[0]!, { ...errata[1]!, original: '附3', corrected: '附2' }],
    );
    expect(laid.issues).toEqual([]);
    expect(laid.layout).toEqual([
      {
        kind: 'clause',
        id: 'p1',
        number: null,
        numberFix: null,
        lead: '',
        content: [
          { kind: 'text', text: '甲' },
          { kind: 'fix', id: 'e1' },
          { kind: 'break' },
          { kind: 'text', text: '乙' },
          { kind: 'cut' },
        ],
        children: [],
      },
      { kind: 'cut' },
      {
        kind: 'section',
        id: 'f2',
        number: '附2',
        title: '工作安排',
        editorial: false,
        editorialNumber: true,
        numberFix: 'e2',
        children: [
          {
            kind: 'table',
            id: 'f2-t',
            caption: null,
            head: [[{ content: [{ kind: 'text', text: '时间' }], rowSpan: 1, header: true, column: 0 }]],
            rows: [
              {
                id: 'f2-1',
                cells: [
                  { content: [{ kind: 'text', text: '3月' }], rowSpan: 2, header: false, column: 0 },
                  { content: [{ kind: 'text', text: '甲' }], rowSpan: 1, header: false, column: 1 },
                ],
              },
              {
                id: 'f2-2',
                cells: [{ content: [{ kind: 'text', text: '乙' }], rowSpan: 1, header: false, column: 1 }],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('requires each body row to end with its own <RowTools id>, and refuses it anywhere else', () => {
    const table = (rows: string) =>
      `<Sec id="f2" n="附2" editorialNumber title="工作安排">\n\n<table id="f2-t">\n\n<tbody>\n\n${rows}\n\n</tbody>\n\n</table>\n\n</Sec>\n`;
    const messages = (rows: string) => buildDocumentModel(table(rows), []).issues.map((i) => i.message);
    expect(messages('<tr id="f2-1"><td>3月</td><td>甲</td></tr>')).toEqual([
      '表格行 f2-1 的最后一格末尾须有一个 <RowTools id="f2-1" />',
    ]);
    expect(messages('<tr id="f2-1"><td>3月</td><td>甲<RowTools id="f2-2" /></td></tr>')).toEqual([
      '<RowTools id="f2-2"> 须与所在行的 id "f2-1" 相同',
    ]);
    expect(messages('<tr id="f2-1"><td>3月<RowTools id="f2-1" /></td><td>甲</td></tr>')).toEqual([
      '此处不支持 mdxJsxTextElement <RowTools>（正文只用约定的 MDX 组件，Markdown 语法需转义）',
      '表格行 f2-1 的最后一格末尾须有一个 <RowTools id="f2-1" />',
    ]);
    expect(messages('<tr id="f2-1"><td>3月</td><td>甲<RowTools id="f2-1" /></td></tr>')).toEqual([]);
  });
});
