import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { DocumentData, Erratum } from '../../../schemas/document';
import { buildDocumentModel } from '../../corpus/model';
import { columnWidths, sourceLine, wordFile } from '../wordDocument';
import type { LayoutCell } from '../../corpus/model';

const errata: Erratum[] = [
  { id: 'e1', line: 5, original: '以', corrected: '在', grade: 'P', kind: 'typo', note: '应为“在”' },
  { id: 'e2', line: 6, original: '（3）', corrected: '（三）', grade: 'C', kind: 'number' },
  { id: 'e3', line: 7, original: '党组', grade: 'U', kind: 'typo' },
  { id: 'e4', line: 8, original: '4.', corrected: '3.', grade: 'C', kind: 'number' },
];

const body = `
<Sec id="s1" n="〔一〕" title="组织领导" editorial>

<Sec id="s1-3" n="（三）" fix="e2" title="分管领导">

<Cl id="s1-3-1" n="1." lead="提高认识。">书记<Fix id="e1" />会上讲话，<Fix id="e3" />统一领导。</Cl>

<Cl id="s1-3-3" n="3." fix="e4">

职责分工

<Cl id="s1-3-3-1" n="1)">党办负责。</Cl>

<Attr id="s1-3-3-dept">（责任部门：党办）</Attr>

</Cl>

</Sec>

</Sec>

<Gap id="a7" n="第七条" />

<Sec id="f2" n="附2" editorialNumber title="工作安排">

<table id="f2-t">

<thead>

<tr><th>时间</th><th>内容</th></tr>

</thead>

<tbody>

<tr id="f2-1"><td rowSpan="2">3月</td><td>甲<br />乙<RowTools id="f2-1" /></td></tr>

<tr id="f2-2"><td>丙<RowTools id="f2-2" /></td></tr>

<tr id="f2-3"><td>9月</td><td>丁<RowTools id="f2-3" /></td></tr>

</tbody>

</table>

</Sec>

<Cut />

<Sign id="sign">某某党委 2021年3月</Sign>
`;

const data = {
  docId: 'D99',
  title: '某校意识形态工作制度',
  titleEditorial: true,
  issuer: '某校党委',
  bodyType: '学校',
  kind: '制度',
  year: 2021,
  flags: [],
  summary: '测试文件。',
  sources: [{ file: '000_fd5524586e1f7b2e.txt', from: 1, to: 40, role: 'primary' }],
  errata,
} as unknown as DocumentData;

const model = buildDocumentModel(body, errata);
const source = {
  data,
  model,
  pageUrl: 'https://example.edu.cn/docs/d99/',
  aboutUrl: 'https://example.edu.cn/about/',
};
const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh"];

async function readBack() {
  const buffer = Buffer.from(await wordFile(source));
  const html = (await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP })).value;
  const text = (await mammoth.extractRawText({ buffer })).value;
  return { html, text };
}

describe('wordFile', () => {
  it('reads the sample body without issues', () => {
    expect(model.issues).toEqual([]);
  });

  it('writes the title with its editorial mark and the source line', async () => {
    const { html } = await readBack();
    expect(html).toContain('<h1 class="title">某校意识形态工作制度〔编者拟题〕</h1>');
    expect(html).toContain(`<p>来源：${sourceLine(source)}</p>`);
    expect(sourceLine(source)).toBe(
      '某校党委，2021年。录自 https://example.edu.cn/docs/d99/ ，底本为来源 000 第 1–40 行（见 https://example.edu.cn/about/ ）。',
    );
  });

  it('turns headings into Word headings one level below the title, with their marks', async () => {
    const { html } = await readBack();
    expect(html).toContain('<h1>〔一〕组织领导〔编者补拟〕</h1>');
    expect(html).toContain('<h2>（三）分管领导（原文误作“（3）”）</h2>');
    expect(html).toContain('<h1>附2\u3000工作安排</h1>');
  });

  it('keeps the printed numbering, run-in leads, erratum superscripts and other marks as text', async () => {
    const { html } = await readBack();
    expect(html).toContain(
      '<p>1.<strong>提高认识。</strong>书记在<sup>校</sup>会上讲话，党组<sup>原文如此</sup>统一领导。</p>',
    );
    expect(html).toContain('<p>3.〔原文误作“4.”〕职责分工</p>');
    expect(html).toContain('<p>1)党办负责。</p>');
    expect(html).toContain('<p>（责任部门：党办）</p>');
    expect(html).toContain('<p>第七条\u3000〔原文缺此条：来源在此跳过了第七条，编号未作更动〕</p>');
    expect(html).toContain('<p>〔原文至此中断，以下缺失〕</p>');
    expect(html).toContain('<p>某某党委 2021年3月</p>');
  });

  it('writes tables with header cells, merged cells and line breaks', async () => {
    const { html } = await readBack();
    expect(html).toContain(
      '<table><thead><tr><th><p><strong>时间</strong></p></th><th><p><strong>内容</strong></p></th></tr></thead>' +
        '<tbody><tr><td rowspan="2"><p>3月</p></td><td><p>甲<br />乙</p></td></tr>' +
        '<tr><td><p>丙</p></td></tr><tr><td><p>9月</p></td><td><p>丁</p></td></tr></tbody></table>',
    );
  });

  it('ends with the 校勘记, each erratum at the locator of its clause', async () => {
    const { html, text } = await readBack();
    expect(html).toContain('<h1>校勘记</h1>');
    expect(html).toContain('<li>〔一〕（三）1（来源第 5 行）文字勘误·推定：“以”改作“在”。应为“在”</li>');
    expect(html).toContain('<li>〔一〕（三）（来源第 6 行）编号勘误·确定：“（3）”改作“（三）”</li>');
    expect(text).toContain('下列改动均在正文中以虚下划线标出。“推定”者另加“校”字标记');
    expect(text).not.toContain('悬停');
  });

  it('leaves out the 校勘记 when a document has no errata; sets off 第N章 and 第N条 with a full-width space', async () => {
    const plain = buildDocumentModel(
      '<Cl id="p1">正文。</Cl>\n\n<Sec id="c1" n="第一章" title="总则">\n\n<Cl id="a1" n="第一条">为了……</Cl>\n\n</Sec>\n',
      [],
    );
    expect(plain.issues).toEqual([]);
    const buffer = Buffer.from(
      await wordFile({ ...source, data: { ...data, errata: [], titleEditorial: false }, model: plain }),
    );
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text.split('\n').filter(Boolean)).toEqual([
      '某校意识形态工作制度',
      `来源：${sourceLine(source)}`,
      '正文。',
      '第一章\u3000总则',
      '第一条\u3000为了……',
    ]);
  });

  it('gives a short column room for its longest line and shares the rest by the amount of text', () => {
    const cell = (column: number, ...lines: string[]): LayoutCell => ({
      column,
      rowSpan: 1,
      header: false,
      content: lines.flatMap((text, i) => [
        ...(i ? [{ kind: 'break' as const }] : []),
        { kind: 'text' as const, text },
      ]),
    });
    const long = '是否开展工作不扎实，可能存在对政策制度执行落实不到位的情况。'.repeat(3);
    const widths = columnWidths([cell(0, long), cell(1, '教务处', '实验信息中心'), cell(2, '')], new Map(), 8844);
    expect(widths[1]).toBeGreaterThanOrEqual(6 * 240 + 260);
    expect(widths[2]).toBe(2 * 240 + 260);
    expect(widths[0]).toBeGreaterThan(widths[1]! * 2);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(8844);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(8844 - 3);
  });
});
