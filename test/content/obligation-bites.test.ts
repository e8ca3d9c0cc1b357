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
import { roleListSchema } from '../../src/schemas/role';

const root = new URL('../../', import.meta.url).pathname;
const { corpus } = loadCorpus(root);
const roleIds = new Set((readDataFile(root, ROLES_FILE, roleListSchema).data ?? []).map((r) => r.id));
const { files } = loadObligations(root);
const FILE = 'content/obligations/central-school-risk-prevention-mechanism.yaml';

function withChange(change: (file: LoadedObligations) => void, retired: string[] = []): string[] {
  const copy: LoadedObligations[] = structuredClone(files);
  const target = copy.find((f) => f.file === FILE);
  if (!target) throw new Error('fixture file missing');
  change(target);
  return checkObligations(copy, corpus, roleIds, new Set(retired));
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
      `${FILE}: 条款 s10-2（十、2）含「每年、12月」，既无义务引用，也未列入 notObligations`,
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
