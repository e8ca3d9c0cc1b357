import { describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, MAX_TERMS, foldExpansions, parseQuery, splitCompound, withoutAsking } from '../query';

const synonyms = foldExpansions(
  [
    { terms: ['追责', '追究责任'], wholeTerm: false },
    { terms: ['年终', '年末'], wholeTerm: false },
    { terms: ['责任', '职责'], wholeTerm: true },
  ],
  [{ docs: [2, 5], terms: ['校长', '直接责任人'] }],
);

describe('parseQuery', () => {
  it('splits on spaces, full-width spaces and punctuation', () => {
    expect(parseQuery('宗教　校园、管理').terms.map((t) => t.text)).toEqual(['宗教', '校园', '管理']);
  });

  it('treats fuse.js operators and HTML as separators, never as syntax', () => {
    expect(parseQuery("'一岗双责 !网评员 ^党委 =书记 |团委").terms.map((t) => t.text)).toEqual([
      '一岗双责',
      '网评员',
      '党委',
      '书记',
      '团委',
    ]);
    expect(parseQuery('<img src=x onerror=alert(1)>').terms.map((t) => t.text)).toEqual([
      'img',
      'src',
      'x',
      'onerror',
      'alert',
      '一',
    ]);
  });

  it('gives no terms for empty, punctuation-only and emoji input', () => {
    for (const raw of ['', '   ', '，。！？', '😀😀', "'!^=|"]) expect(parseQuery(raw).terms).toEqual([]);
  });

  it('caps a long paste and says so', () => {
    const paste = '意识形态工作责任制'.repeat(60);
    const parsed = parseQuery(paste);
    expect(parsed.truncated).toBe(true);
    expect(parsed.terms).toHaveLength(1);
    expect(parsed.terms[0]?.text).toHaveLength(MAX_TERM_LENGTH);
    expect(parseQuery(Array.from({ length: 20 }, (_, i) => `词${i}`).join(' ')).terms).toHaveLength(MAX_TERMS);
  });

  it('expands synonyms inside a term, weighted below the typed text', () => {
    const [term] = parseQuery('追责情形', synonyms).terms;
    expect(term?.alternatives).toEqual([
      { text: '追责情形', source: 'typed' },
      { text: '追究责任情形', source: 'thesaurus' },
    ]);
    expect(parseQuery('年末', synonyms).terms[0]?.alternatives.map((a) => a.text)).toEqual(['年末', '年终']);
  });

  it('finds the concepts of a question also where question words stand between their parts', () => {
    const expansions = foldExpansions([
      { terms: ['追责', '追究责任'], wholeTerm: false },
      { terms: ['出问题', '出现问题'], wholeTerm: false },
    ]);
    const { terms } = parseQuery('意识形态工作出了问题追究谁的责任', expansions);
    expect(terms.filter((t) => t.within === 0).map((t) => t.text)).toEqual(['追究责任', '出问题']);
  });

  it('expands a word by the longest member of a group inside it, not by the members inside that one', () => {
    const plans = foldExpansions([{ terms: ['计划', '工作计划', '工作要点'], wholeTerm: false }]);
    expect(parseQuery('年度工作计划', plans).terms[0]?.alternatives.map((a) => a.text)).toEqual([
      '年度工作计划',
      '年度计划',
      '年度工作要点',
    ]);
  });

  it('applies a whole-term group only to a word that is one of its terms', () => {
    expect(parseQuery('责任', synonyms).terms[0]?.alternatives.map((a) => a.text)).toEqual(['责任', '职责']);
    expect(parseQuery('第一责任人', synonyms).terms[0]?.alternatives.map((a) => a.text)).toEqual(['第一责任人']);
  });

  it('expands a role only in the documents that define it so', () => {
    expect(parseQuery('校长职责', synonyms).terms[0]?.alternatives).toEqual([
      { text: '校长职责', source: 'typed' },
      { text: '直接责任人职责', source: 'role', docs: [2, 5] },
    ]);
  });

  it('gives a role term that several documents define one alternative for all of them', () => {
    const manyDocuments = foldExpansions(
      [],
      [
        { docs: [1], terms: ['第一责任人', '党委书记'] },
        { docs: [4], terms: ['第一责任人', '支部书记'] },
        { docs: [3], terms: ['第一责任人', '党委书记'] },
      ],
    );
    expect(parseQuery('第一责任人', manyDocuments).terms[0]?.alternatives).toEqual([
      { text: '第一责任人', source: 'typed' },
      { text: '党委书记', source: 'role', docs: [1, 3] },
      { text: '支部书记', source: 'role', docs: [4] },
    ]);
  });

  it('folds numerals so 两次, 二次 and 2次 are one query', () => {
    expect(parseQuery('两次').terms[0]?.text).toBe(parseQuery('2次').terms[0]?.text);
  });
});

describe('splitCompound', () => {
  const corpus = new Set(['老师', '上课', '社团', '出现', '问题', '传达', '上级', '精神', '达上', '一岗', '双责']);
  const occurs = (bigram: string) => corpus.has(bigram);
  const expansions = foldExpansions([{ terms: ['出事', '出现问题'], wholeTerm: false }]);

  it('cuts a word between characters the corpus never has side by side', () => {
    expect(splitCompound('老师上课', occurs, expansions)).toEqual(['老师', '上课']);
    expect(splitCompound('传达上级精神', occurs, expansions)).toEqual(['传达上级', '精神']);
  });

  it('never cuts inside a thesaurus term, and keeps a word that would leave fewer than two parts', () => {
    expect(splitCompound('社团出事', occurs, expansions)).toEqual(['社团', '出事']);
    expect(splitCompound('一岗两责', occurs, expansions)).toEqual([]);
    expect(splitCompound('出事', occurs, expansions)).toEqual([]);
  });
});

describe('withoutAsking', () => {
  it('drops the words that only make a question', () => {
    expect(withoutAsking('学校公众号发文章要谁审批')).toBe('学校公众号发文章要审批');
    expect(withoutAsking('老师在课堂上发表不当言论怎么办')).toBe('老师在课堂上发表不当言论');
    expect(withoutAsking('如何开展意识形态风险研判呢')).toBe('开展意识形态风险研判');
  });

  it('keeps the documents’ 谁…谁… sayings whole', () => {
    expect(withoutAsking('坚持谁主管谁负责原则')).toBe('坚持谁主管谁负责原则');
    expect(withoutAsking('谁邀请谁负责是什么意思')).toBe('谁邀请谁负责是意思');
  });

  it('makes a question of any length a phrase without its question words; a saying or a plain word stays a term', () => {
    const term = (query: string) => {
      const first = parseQuery(query).terms[0];
      return [first?.text, first?.phrase];
    };
    expect(term('要谁审批')).toEqual(['要审批', true]);
    expect(term('学校公众号发文章要谁审批')).toEqual(['学校公众号发文章要审批', true]);
    expect(term('每年开几次会')).toEqual(['每年开会', true]);
    expect(term('谁主管谁负责')).toEqual(['谁主管谁负责', false]);
    expect(parseQuery('谁分管 谁负责').terms.map((t) => [t.text, t.phrase])).toEqual([
      ['谁分管', false],
      ['谁负责', false],
    ]);
    expect(term('谁负责')).toEqual(['负责', true]);
    expect(term('第一责任人')).toEqual(['第一责任人', false]);
    expect(term('意识形态工作责任制')).toEqual(['意识形态工作责任制', true]);
  });
});
