import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../engine';
import { buildSearchIndex, type IndexInputDocument } from '../indexData';
import { block, memoryStore } from './memoryStore';

const documents: IndexInputDocument[] = [
  {
    slug: 'rules',
    data: { title: '某校意识形态工作责任制实施细则', bodyType: '学校', kind: '实施细则' },
    model: {
      blocks: [
        block('s1', 'heading', '一、第一责任人责任清单'),
        block('s1-p1', 'paragraph', '校党委书记是意识形态第一责任人，牵头抓总。', 's1'),
        block('s2', 'heading', '二、其他成员“一岗双责”', null),
        block('s2-1', 'clause', '1.其他成员根据工作分工，按照“一岗双责”要求抓好分管工作。', 's2'),
        block('s2-1-dept', 'attribution', '（责任部门：团委）', 's2-1'),
        block('s3', 'heading', '三、联席会议制度'),
        block('s3-1', 'clause', '1.联席会议每季度召开一次，每年至少召开2次专题研究会议。', 's3'),
        block('s3-2', 'clause', '2.校园内严禁传播宗教。', 's3'),
        block('sign', 'signature', '某校党委 2020年3月'),
      ],
    },
  },
  {
    slug: 'report',
    data: { title: '某镇工作总结', bodyType: '乡镇', kind: '工作总结' },
    model: {
      blocks: [
        block('p1', 'paragraph', '我镇按要求开展工作，书记在会议上提到第一责任人要求。'),
        block('p2', 'paragraph', '坚持做到年初有计划，年末有总结。'),
        block('p3', 'paragraph', '加强对学生社团的管理。'),
      ],
    },
  },
];
const roles = [
  { id: 'first-responsible', name: '第一责任人', aliases: ['第一责任人', '党委书记'] },
  { id: 'youth-league', name: '团委', aliases: ['团委'] },
];
const data = buildSearchIndex(documents, roles, [
  { terms: ['年终', '年末'], wholeTerm: false },
  { terms: ['校园', '校内'], wholeTerm: false },
]);
const engine = createSearchEngine(memoryStore(data).store);
const search = (query: string, filters = {}, limit = 10) => engine.search(query, filters, limit);
const ids = async (query: string, filters = {}) => (await search(query, filters)).hits.map((hit) => hit.id);

type Blocks = IndexInputDocument['model']['blocks'];
/** An engine over one school's document of the given blocks. */
const engineOver = (blocks: Blocks, thesaurus: { terms: string[]; wholeTerm: boolean }[] = []) =>
  createSearchEngine(
    memoryStore(
      buildSearchIndex(
        [{ slug: 'rules', data: { title: '某校细则', bodyType: '学校', kind: '实施细则' }, model: { blocks } }],
        [],
        thesaurus,
      ),
    ).store,
  );

describe('buildSearchIndex', () => {
  it('indexes headings, clauses, paragraphs and attribution lines but not signatures', () => {
    expect(data.records.map((r) => r.id)).not.toContain('sign');
    expect(data.records.map((r) => r.k)).toEqual(
      expect.arrayContaining(['heading', 'clause', 'paragraph', 'attribution']),
    );
  });

  it('links each record to its enclosing record and tags the roles it mentions', () => {
    const paragraph = data.records.find((r) => r.id === 's1-p1');
    expect(data.records[paragraph?.p ?? -1]?.id).toBe('s1');
    expect(paragraph?.r.map((i) => data.roles[i]?.id)).toEqual(['first-responsible']);
  });
});

describe('search', () => {
  it('puts headings and defining clauses above passing mentions', async () => {
    const found = await ids('第一责任人');
    expect(found.slice(0, 2).sort()).toEqual(['s1', 's1-p1']);
    expect(found.indexOf('p1')).toBeGreaterThan(1);
  });

  it('forgives one wrong character in a four-character term, marking the word as printed', async () => {
    const hit = (await search('一岗两责')).hits.find((h) => h.id === 's2-1');
    const [start, end] = hit?.ranges[0] ?? [0, 0];
    expect(hit?.text.slice(start, end)).toBe('一岗双责');
    expect((await ids('联习会议'))[0]).toMatch(/^s3/);
  });

  it('folds numerals: 两次 finds 2次', async () => {
    expect(await ids('至少召开两次')).toContain('s3-1');
  });

  it('finds terms that are apart in the clause', async () => {
    expect(await ids('每季度专题研究')).toContain('s3-1');
  });

  it('expands synonyms from the data', async () => {
    expect(await ids('年终总结')).toContain('p2');
    expect((await ids('校内 宗教'))[0]).toBe('s3-2');
  });

  it('ranks clauses with every word of a several-word query first', async () => {
    const { hits } = await search('学生社团 管理');
    expect(hits[0]?.id).toBe('p3');
    expect(hits[0]?.complete).toBe(true);
  });

  it('lets a heading or attribution line supply a missing word', async () => {
    const hit = (await search('团委 一岗双责')).hits.find((h) => h.id === 's2-1');
    expect(hit?.complete).toBe(true);
  });

  it('reports where the terms matched in the clause text', async () => {
    const [hit] = (await search('联席会议')).hits;
    const [start, end] = hit?.ranges[0] ?? [0, 0];
    expect(hit?.text.slice(start, end)).toBe('联席会议');
  });

  it('filters by document, body type and role', async () => {
    expect(await ids('第一责任人', { doc: 1 })).toEqual(['p1']);
    expect((await ids('工作', { bodyType: '乡镇' })).every((id) => id.startsWith('p'))).toBe(true);
    expect(await ids('一岗双责', { role: 'youth-league' })).toEqual([]);
    expect(await ids('团委', { role: 'youth-league' })).toEqual(['s2-1-dept']);
  });

  it('finds a word typed with a homophone (联习 for 联席, 治度 for 制度)', async () => {
    expect((await ids('联习'))[0]).toBe('s3');
    const hit = (await search('联习会')).hits[0];
    const [start, end] = hit?.ranges[0] ?? [0, 0];
    expect(hit?.text.slice(start, end)).toBe('联席会');
  });

  it('suggests close corpus words when nothing matches, the likeliest first', async () => {
    const none = await search('联窝');
    expect(none.total).toBe(0);
    expect(none.suggestions[0]).toMatch(/^联席/);
    expect((await search('联席会议')).suggestions).toEqual([]);
  });

  it('never throws on hostile or odd input', async () => {
    for (const raw of [
      '',
      ' ',
      '党',
      '😀',
      "'!^=|",
      '<img src=x onerror=alert(1)>',
      'ＡＢＣ１２３',
      '一'.repeat(500),
      '、。，',
    ]) {
      await expect(search(raw)).resolves.toBeDefined();
    }
    expect((await search("'!^=|")).total).toBe(0);
    expect((await search('<img src=x onerror=alert(1)>')).total).toBe(0);
    expect((await search('党')).total).toBeGreaterThan(0);
  });
});

describe('several words and the sections around a clause', () => {
  const sectionDocs: IndexInputDocument[] = [
    {
      slug: 'measures',
      data: { title: '某校措施', bodyType: '学校', kind: '实施细则' },
      model: {
        blocks: [
          block('h1', 'heading', '三、工作措施'),
          block('h1-1', 'clause', '1.加强意识形态阵地建设与管理。', 'h1'),
          block('h2', 'heading', '四、阵地管理办法'),
          block('h2-1', 'clause', '1.完善阵地建设，健全管理制度。', 'h2'),
          block('h3', 'heading', '六、讲座、论坛等风险防控'),
          block('h3-who', 'paragraph', '分管责任人：科研副院长', 'h3'),
          block('h3-do', 'paragraph', '主要工作：严格执行一会一报制度。', 'h3'),
        ],
      },
    },
  ];
  const sectionEngine = createSearchEngine(memoryStore(buildSearchIndex(sectionDocs, [], [])).store);
  const found = async (query: string) => (await sectionEngine.search(query, {}, 10)).hits;

  it('finds a word spelt apart through its common bigrams where the other words are', async () => {
    // 阵地 and 管理 are in many records, 地管 only in another heading: the clause enters as 工作措施's section.
    const hit = (await found('工作措施 阵地管理')).find((h) => h.id === 'h1-1');
    expect(hit?.complete).toBe(true);
    expect(hit?.text.slice(...(hit.ranges[0] ?? [0, 0]))).toBe('阵地建设与管理');
  });

  it('finds a clause whose heading and assignment line hold every word of several', async () => {
    const hits = await found('科研副院长 讲座');
    expect(hits.find((h) => h.id === 'h3-do')?.complete).toBe(true);
    // What names a section's words itself ranks above the clauses that only sit in it.
    expect(hits.findIndex((h) => h.id === 'h3-who')).toBeLessThan(hits.findIndex((h) => h.id === 'h3-do'));
    // One word: the heading that holds it stands for its section.
    expect((await found('讲座')).map((h) => h.id)).toEqual(['h3']);
  });
});

describe('a word of two-character words', () => {
  const pieceEngine = engineOver([
    block('a', 'clause', '1.党委每半年向上级专题汇报一次意识形态工作。'),
    block('b', 'clause', '2.党支部每半年以书面形式汇报1次工作。'),
    block('c', 'clause', '3.每年至少听取1次分管部门工作情况汇报。'),
    block('d', 'clause', '4.每半年召开一次专题会议。'),
    block('e', 'clause', '5.每年听取汇报。'),
  ]);
  const found = async (query: string) =>
    (await pieceEngine.search(query, {}, 10)).hits.map((h) => [h.id, h.complete] as const);

  it('counts the clauses holding some of its words after those holding it whole', async () => {
    const hits = await found('每半年 专题汇报');
    expect(hits[0]).toEqual(['a', true]);
    expect(hits.map(([id]) => id)).toContain('b');
    expect(hits.findIndex(([id]) => id === 'a')).toBeLessThan(hits.findIndex(([id]) => id === 'b'));
  });

  it('counts its words standing apart (听取…汇报), after the clause that has it as typed', async () => {
    expect(await found('每年 听取汇报')).toEqual([
      ['e', true],
      ['c', true],
    ]);
  });

  it('does not count a three-character word by its pieces', async () => {
    expect((await found('书面式')).map(([id]) => id)).not.toContain('d');
  });
});

describe('a paste of several sentences', () => {
  const pasteEngine = engineOver([
    block('a', 'clause', '1.党支部每半年向上级党组书面汇报一次意识形态工作。'),
    block('b', 'clause', '2.设立舆情信息员，遇有重大舆情第一时间报告。'),
    block('c', 'clause', '3.加强校园文化建设。'),
  ]);

  it('counts a clause that says one of its sentences as a whole match', async () => {
    const { hits } = await pasteEngine.search(
      '学校党支部每半年向教育局党组书面汇报一次意识形态工作，设立舆情信息员',
      {},
      10,
    );
    expect(
      hits
        .filter((h) => h.complete)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});

describe('a question', () => {
  const thesaurus = [
    { terms: ['追责', '追究责任', '问责'], wholeTerm: false },
    { terms: ['出问题', '出现问题'], wholeTerm: false },
  ];
  const questionEngine = engineOver(
    [
      block('a', 'paragraph', '对工作中出现问题的干部进行问责。'),
      block('b', 'paragraph', '严肃追究工作失职的问题。'),
      block('c', 'paragraph', '落实工作责任。'),
      block('d', 'paragraph', '研究工作中的问题。'),
    ],
    thesaurus,
  );

  it('finds a clause through the concepts between its question words, where its bigrams are too common to', async () => {
    // 出了问题 … 追究谁的责任: the concepts 出问题 and 追究责任 are in clause a as 出现问题 and 问责.
    const { hits } = await questionEngine.search('工作出了问题追究谁的责任', {}, 10);
    expect(hits[0]?.id).toBe('a');
  });
});

describe('a word found nowhere', () => {
  const thesaurus = [
    { terms: ['老师', '教师'], wholeTerm: false },
    { terms: ['上课', '课堂教学'], wholeTerm: false },
  ];
  const compoundEngine = engineOver(
    [
      block('a', 'paragraph', '教师在课堂教学中不得散布错误言论。'),
      block('b', 'paragraph', '教师要加强学习。'),
      block('c', 'paragraph', '课堂纪律要严明。'),
    ],
    thesaurus,
  );

  it('is searched as the words it joins, each with its own alternatives', async () => {
    // 老师上课: neither 老师 nor 上课 is in the text, but 教师 and 课堂教学 are, in clause a only.
    const { hits } = await compoundEngine.search('老师上课', {}, 10);
    expect(hits.filter((h) => h.complete).map((h) => h.id)).toEqual(['a']);
    expect(hits[0]?.ranges.map(([s, e]) => hits[0]?.text.slice(s, e))).toEqual(['教师', '课堂教学']);
  });

  it('with a wrong homophone in a long word, finds the corrected word also where its parts stand apart', async () => {
    const typoEngine = engineOver([
      block('h', 'heading', '一、宗教进校园问题'),
      block('h-1', 'clause', '1.严禁各类宗教活动进入校园。', 'h'),
      block('x', 'paragraph', '加强校园文化建设。'),
      // Enough other records that 宗教 and 校园 are not common bigrams.
      ...Array.from({ length: 40 }, (_, i) => block(`f${i}`, 'paragraph', `第${i}项其他工作按计划推进。`)),
    ]);
    // 圆 for 园: 宗教进校圆 is nowhere, 宗教进校园 is the heading, and its words are in clause h-1 apart.
    const ids = (await typoEngine.search('宗教进校圆', {}, 10)).hits.map((h) => h.id);
    expect(ids.slice(0, 2)).toEqual(['h', 'h-1']);
  });
});
