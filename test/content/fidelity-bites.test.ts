import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocumentIds, checkFidelity, loadCorpus, readDocument } from '../../src/integrations/corpus';

const root = new URL('../../', import.meta.url).pathname;
const { corpus } = loadCorpus(root);
const file = 'content/docs/xx-bureau-party-group-rules.mdx';
const original = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

function fidelityOf(text: string) {
  const { document, problems } = readDocument(file, text);
  expect(problems).toEqual([]);
  return checkFidelity(document!, corpus);
}

describe('the fidelity check bites', () => {
  it('passes on the committed document', () => {
    expect(fidelityOf(original)).toEqual([]);
  });

  it('fails on a dropped character, naming the document, position and source line', () => {
    const planted = original.replace('关乎国家政治安全', '关乎国家政安全');
    const [problem] = fidelityOf(planted);
    expect(problem).toMatch(
      /^content\/docs\/xx-bureau-party-group-rules\.mdx: 正文与来源在规范化后第 \d+ 个字符处不一致（来源第 51 行）/,
    );
    expect(problem).toContain('关乎国家政安全');
  });

  it('fails on an altered character', () => {
    const planted = original.replace('属地管理', '属地官理');
    const [problem] = fidelityOf(planted);
    expect(problem).toContain('来源第 52 行');
    expect(problem).toContain('属地官理');
  });

  it('fails on an undeclared erratum (corrected text written straight into the body)', () => {
    const planted = original
      .replace('落实<Fix id="e1" />意识形态原则', '落实党管意识形态原则')
      .replace(/\n  - \{ id: e1,[^\n]*/, '');
    expect(fidelityOf(planted)[0]).toContain('来源第 50 行');
  });

  it('fails on an added sentence', () => {
    const planted = original.replace('制定本细则。', '制定本细则。自发布之日起施行。');
    expect(fidelityOf(planted)).toHaveLength(1);
  });
});

describe('bad content is reported with file and field', () => {
  it('names an unknown body type', () => {
    const { problems } = readDocument(file, original.replace('bodyType: 局机关', 'bodyType: 教育局'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/docs\/xx-bureau-party-group-rules\.mdx: frontmatter 字段 bodyType: /);
  });

  it('names a malformed source span', () => {
    const { problems } = readDocument(file, original.replace('from: 49, to: 65', 'from: 65, to: 49'));
    expect(problems[0]).toContain('frontmatter 字段 sources[0].to: from 不能大于 to');
  });

  it('names a duplicate anchor with its line', () => {
    const { problems } = readDocument(file, original.replace('<Cl id="a2" n="第二条">', '<Cl id="a1" n="第一条">'));
    expect(problems.some((p) => /xx-bureau-party-group-rules\.mdx:\d+: id "a1" 重复/.test(p))).toBe(true);
  });

  it('names an unstable anchor id', () => {
    const { problems } = readDocument(
      file,
      original.replace('<Cl id="a3" n="第三条">', '<Cl id="clause-3" n="第三条">'),
    );
    expect(problems).toEqual([expect.stringMatching(/:\d+: <Cl> 的 id "clause-3" 不稳定：按印刷编号应为 "a3"$/)]);
  });

  it('names a document number used twice, with both files', () => {
    const other = 'content/docs/hedong-school-measures.mdx';
    const { document } = readDocument(other, readFileSync(new URL(`../../${other}`, import.meta.url), 'utf8'));
    const { document: bureau } = readDocument(file, original);
    expect(checkDocumentIds([bureau!, { ...document!, data: { ...document!.data, docId: 'D04' } }])).toEqual([
      `${other}: frontmatter 字段 docId: D04 已由 ${file} 使用`,
    ]);
    expect(checkDocumentIds(corpus.documents)).toEqual([]);
  });

  it('names a source span that does not match', () => {
    const { document } = readDocument(file, original.replace('from: 49, to: 65', 'from: 48, to: 65'));
    expect(checkFidelity(document!, corpus)[0]).toMatch(/来源第 48 行/);
  });
});
