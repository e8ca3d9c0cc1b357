/**
 * The obligation checks must catch what they promise to catch: each case
 * plants one fault in a copy of the real data and looks for the message that
 * names the file, the obligation (or clause) and the field.
 */
import { ROLES_FILE } from '../../src/integrations/contentCheck';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCorpus, readDataFile } from '../../src/integrations/corpus';
import {
  checkObligations,
  loadObligations,
  readObligationFile,
  type LoadedObligations,
} from '../../src/integrations/obligations';
import { cadenceVocabularySchema } from '../../src/schemas/obligation';
import { roleListSchema } from '../../src/schemas/role';

const root = new URL('../../', import.meta.url).pathname;
const { corpus } = loadCorpus(root);
const roleIds = new Set((readDataFile(root, ROLES_FILE, roleListSchema).data ?? []).map((r) => r.id));
const { files, vocabulary } = loadObligations(root);
const FILE = 'content/obligations/central-school-risk-prevention-mechanism.yaml';

function withChange(change: (file: LoadedObligations) => void, retired: string[] = []): string[] {
  const copy: LoadedObligations[] = structuredClone(files);
  const target = copy.find((f) => f.file === FILE);
  if (!target) throw new Error('fixture file missing');
  change(target);
  return checkObligations(copy, corpus, roleIds, new Set(retired), vocabulary);
}

/** The lint over a corpus where one clause (D05 s3-2, which has no cadence word) also says `text`. */
function plantInClause(text: string): string[] {
  const copy = {
    documents: corpus.documents.map((d) => ({ ...d, model: { ...d.model, blocks: [...d.model.blocks] } })),
  };
  const document = copy.documents.find((d) => d.slug === 'central-school-risk-prevention-mechanism');
  const index = document?.model.blocks.findIndex((b) => b.id === 's3-2') ?? -1;
  const block = document?.model.blocks[index];
  if (!document || !block) throw new Error('fixture clause missing');
  document.model.blocks[index] = { ...block, text: `${block.text}${text}` };
  return checkObligations(files, copy, roleIds, new Set(), vocabulary);
}

function schemaProblems(change: (raw: Record<string, unknown>) => void): string[] {
  const raw = structuredClone(files.find((f) => f.file === FILE)?.data) as unknown as Record<string, unknown>;
  change(raw);
  return readObligationFile(FILE, stringify(raw)).problems;
}

const first = (file: LoadedObligations) => file.data.obligations[0]!;
const cadenceOf = (raw: Record<string, unknown>) =>
  ((raw.obligations as Record<string, unknown>[])[0] as { cadence: Record<string, unknown> }).cadence;

describe('the obligation checks', () => {
  it('pass on the real data', () => {
    expect(withChange(() => {})).toEqual([]);
  });

  it('catch a quote that is not in its clause', () => {
    expect(withChange((f) => (first(f).quote = '每年至少三次专题研究意识形态工作'))).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}: 义务 D05-01 字段 quote: 引文不在条款 s2-2`)),
    ]);
  });

  it('catch an unknown role and an unknown clause', () => {
    expect(withChange((f) => (first(f).roles = ['principal-of-everything']))).toEqual([
      `${FILE}: 义务 D05-01 字段 roles: 未知角色 principal-of-everything`,
    ]);
    expect(withChange((f) => (first(f).clause = 's99-1'))).toEqual(
      expect.arrayContaining([
        `${FILE}: 义务 D05-01 字段 clause: central-school-risk-prevention-mechanism 中没有条款 s99-1`,
      ]),
    );
  });

  it('catch a duplicate, a foreign-prefixed, a retired and a dangling id', () => {
    expect(withChange((f) => (f.data.obligations[1]!.id = 'D05-01'))).toEqual(
      expect.arrayContaining([expect.stringContaining('义务 D05-01 字段 id: 与')]),
    );
    expect(withChange((f) => (first(f).id = 'D01-99'))).toEqual(
      expect.arrayContaining([`${FILE}: 义务 D01-99 字段 id: 本文件的义务 id 须以 D05- 开头`]),
    );
    expect(withChange(() => {}, ['D05-01'])).toEqual([`${FILE}: 义务 D05-01 字段 id: 该 id 已停用，不能再用`]);
    expect(withChange((f) => (first(f).related = ['D05-98']))).toEqual([
      `${FILE}: 义务 D05-01 字段 related: 没有义务 D05-98`,
    ]);
  });

  it('catch a cadence clause that is neither cited nor excluded', () => {
    expect(withChange((f) => (f.data.obligations = f.data.obligations.filter((o) => o.clause !== 's10-2')))).toEqual([
      `${FILE}: 条款 s10-2（十、2）含「每年、12月份」，既无义务引用，也未列入 notObligations`,
    ]);
  });

  it('catch every word and pattern of the vocabulary planted into a clause', () => {
    expect(plantInClause('')).toEqual([]);
    const planted = vocabulary.flatMap((entry) => [
      ...entry.words.map((word) => ({ text: word, reported: word })),
      ...entry.patterns.map((p) => ({ text: p.example, reported: new RegExp(p.pattern).exec(p.example)?.[0] ?? '' })),
    ]);
    expect(planted.length).toBeGreaterThan(60);
    for (const { text, reported } of planted) {
      expect(plantInClause(`另${text}办理。`), text).toEqual([
        `${FILE}: 条款 s3-2（三、2）含「${reported}」，既无义务引用，也未列入 notObligations`,
      ]);
    }
  });

  it('know the kinds the lint was taught: festivals, time nodes, a year’s events, dates, inspections, approvals', () => {
    const all = new Set(vocabulary.flatMap((entry) => entry.words));
    for (const word of [
      '元旦',
      '春节',
      '两会',
      '五一',
      '五四',
      '七一',
      '国庆',
      '中秋',
      '端午',
      '开学',
      '冬奥',
      '党代会',
    ])
      expect(all, word).toContain(word);
    for (const word of ['年检', '年审', '每学年', '学年', '学年度', '审批制度']) expect(all, word).toContain(word);
    for (const date of ['4月25日', '12月份', '5月底', '报批']) expect(plantInClause(date), date).toHaveLength(1);
  });

  it('reject a vocabulary pattern that does not match its example or does not compile', () => {
    const bad = (pattern: string, example: string) =>
      cadenceVocabularySchema
        .safeParse([{ kind: '测试', patterns: [{ pattern, example }] }])
        .error?.issues.map((i) => i.message);
    expect(bad('[0-9]{1,2}月底', '月底')).toEqual(['示例「月底」不匹配 [0-9]{1,2}月底']);
    expect(bad('(月底', '6月底')?.[0]).toMatch(/^正则表达式无效/);
    expect(
      cadenceVocabularySchema.safeParse([
        { kind: '测试', words: ['春节'] },
        { kind: '又一', words: ['春节'] },
      ]).error?.issues[0]?.message,
    ).toBe('词语重复：春节');
  });

  it('reject a time node the site does not know, and nodes on a duty that is not an event', () => {
    expect(
      schemaProblems((raw) =>
        Object.assign(cadenceOf(raw), { period: 'event', count: undefined, event: '圣诞节前', nodes: ['圣诞节前'] }),
      ),
    ).toEqual([expect.stringMatching(new RegExp(`^${FILE}: 义务 D05-01 字段 cadence.nodes.0: 不是已知的时间节点`))]);
    expect(schemaProblems((raw) => Object.assign(cadenceOf(raw), { nodes: ['春节前'] }))).toEqual([
      `${FILE}: 义务 D05-01 字段 cadence.nodes: 只有时间节点事项有 nodes`,
    ]);
  });

  it('reject a cadence that contradicts itself, naming the obligation and field', () => {
    expect(schemaProblems((raw) => (cadenceOf(raw).count = 0))).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}: 义务 D05-01 字段 cadence.count: `)),
    ]);
    expect(schemaProblems((raw) => Object.assign(cadenceOf(raw), { months: [13] }))).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}: 义务 D05-01 字段 cadence.months.0: `)),
    ]);
    expect(schemaProblems((raw) => Object.assign(cadenceOf(raw), { window: '中旬' }))).toEqual([
      `${FILE}: 义务 D05-01 字段 cadence.window: 指定了旬/周而没有月份`,
    ]);
    expect(schemaProblems((raw) => Object.assign(cadenceOf(raw), { period: 'quarter', months: [1, 2] }))).toEqual([
      `${FILE}: 义务 D05-01 字段 cadence.months: 每季度事项的月份须分属不同季度`,
    ]);
    expect(
      schemaProblems((raw) =>
        Object.assign(cadenceOf(raw), {
          period: 'once',
          count: undefined,
          dates: { from: { month: 5, day: 10 }, to: { month: 4, day: 25 } },
        }),
      ),
    ).toEqual([`${FILE}: 义务 D05-01 字段 cadence.dates: 结束日期早于开始日期`]);
    expect(
      schemaProblems((raw) => Object.assign(cadenceOf(raw), { period: 'triggered', count: undefined, months: [3] })),
    ).toEqual(expect.arrayContaining([`${FILE}: 义务 D05-01 字段 cadence.period: triggered 事项没有固定时间`]));
  });
});
