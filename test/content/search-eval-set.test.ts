/**
 * The evaluation set is well-formed and every expectation in it resolves to exactly one clause
 * of the real index; the planted faults below show that the same checker catches each way it
 * could go wrong.
 */
import { describe, expect, it } from 'vitest';
import { createRoleMatcher } from '../../src/lib/roles';
import {
  checkEvalSet,
  checkValidationSet,
  KIND_MINIMUMS,
  MIN_QUERIES,
  parseEvalSet,
  readEvalSet,
  VALIDATION_SET_FILE,
  type EvalQuery,
} from './eval-set';
import { evalHalf } from './eval-split';
import { loadSearchInputs, realSearchIndex, root } from './search-index';
import { readQueries } from './search-metrics';

const index = realSearchIndex();
const mentionedRoles = createRoleMatcher(loadSearchInputs().roles);
const { queries, problems: parseProblems } = readEvalSet(root);
const check = (set: readonly EvalQuery[]) => checkEvalSet(set, index, mentionedRoles);

/** A deep copy of the committed set with one query changed. */
function plant(query: string, change: (q: EvalQuery) => void): EvalQuery[] {
  const copy: EvalQuery[] = structuredClone(queries);
  const target = copy.find((q) => q.query === query);
  if (!target) throw new Error(`no query ${query} in the set`);
  change(target);
  return copy;
}

describe('the search evaluation set', () => {
  it('parses and matches the format', () => {
    expect(parseProblems).toEqual([]);
    expect(queries.length).toBeGreaterThanOrEqual(MIN_QUERIES);
  });

  it('keeps every rule: expectations resolve, kinds, coverage and the split', () => {
    expect(check(queries)).toEqual([]);
  });
});

describe('the validation set', () => {
  const validation = readEvalSet(root, VALIDATION_SET_FILE);
  const others = [
    ...queries,
    ...readQueries('search-queries.dev.json'),
    ...readQueries('search-queries.project.json'),
  ].map((q) => q.query);

  it('parses, resolves every expectation to one clause and shares no query with another set', () => {
    expect(validation.problems).toEqual([]);
    expect(validation.queries.length).toBeGreaterThanOrEqual(100);
    expect(checkValidationSet(validation.queries, index, others)).toEqual([]);
  });

  it('reports a query that is also in the evaluation set, and a wrong clause', () => {
    const [first] = validation.queries as [EvalQuery];
    const copy: EvalQuery = { ...first, expect_in_top5: [{ ...first.expect_in_top5[0]!, clause: '九十九、' }] };
    const problems = checkValidationSet([copy], index, [first.query]);
    expect(problems).toEqual([
      expect.stringMatching(/also in another query set/),
      expect.stringMatching(/is in clause .*, not 九十九、/),
    ]);
  });
});

describe('the evaluation set check bites', () => {
  it('reports a file that is not JSON, or not the format', () => {
    expect(parseEvalSet('[{"query": "x",}]').problems[0]).toMatch(/not valid JSON/);
    const { problems } = parseEvalSet(JSON.stringify([{ query: '支部', kind: 'guess', expect_in_top5: [] }]));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\S+: 0\.kind: /),
        expect.stringMatching(/^\S+: 0\.expect_in_top5: /),
      ]),
    );
  });

  it('rejects more than five expected clauses', () => {
    const six = Array.from({ length: 6 }, () => ({ document: 'a', clause: 'b', text: 'c' }));
    const { problems } = parseEvalSet(JSON.stringify([{ query: '支部', kind: 'role', expect_in_top5: six }]));
    expect(problems).toEqual([expect.stringMatching(/0\.expect_in_top5/)]);
  });

  it('catches a planted wrong clause', () => {
    const planted = plant('支部 每月', (q) => (q.expect_in_top5[0]!.clause = '四、3'));
    expect(check(planted)).toEqual([
      '「支部 每月」 central-school-risk-prevention-mechanism 四、3: text 「各支部每月向中心学校党总支专题报告一次意识形态工作」 is in clause 四、2, not 四、3',
    ]);
  });

  it('catches text that is not in the document, or in several of its clauses', () => {
    const missing = plant('迎检', (q) => (q.expect_in_top5[0]!.text = '第五阶段：迎接督导检查'));
    expect(check(missing)).toEqual([expect.stringContaining('occurs in 0 records of the document')]);
    const ambiguous = plant('迎检', (q) => (q.expect_in_top5[0]!.text = '意识形态工作责任制'));
    expect(check(ambiguous)).toEqual([expect.stringMatching(/occurs in \d+ records of the document \(.+\), not one$/)]);
  });

  it('compares text after canonicalisation (punctuation width, quotes, spaces)', () => {
    const widened = plant('支部 每月', (q) => (q.expect_in_top5[0]!.text = '各支部每月向中心学校党总支 专题报告一次'));
    expect(check(widened)).toEqual([]);
  });

  it('catches an unknown document and a text too short to identify a clause', () => {
    const unknown = plant('支部 每月', (q) => (q.expect_in_top5[0]!.document = 'no-such-document'));
    expect(check(unknown)).toEqual(
      expect.arrayContaining([expect.stringContaining('no published document has the slug no-such-document')]),
    );
    const short = plant('约谈', (q) => (q.expect_in_top5[2]!.text = '问责和约谈'));
    expect(check(short)).toEqual([expect.stringContaining('is shorter than 6 characters')]);
  });

  it('catches a duplicate query, also one that differs only in character width', () => {
    const copy: EvalQuery[] = structuredClone(queries);
    copy.push({ ...structuredClone(copy.find((q) => q.query === 'LED电子宣传屏')!), query: 'ＬＥＤ电子宣传屏' });
    expect(check(copy)).toContain('「ＬＥＤ电子宣传屏」: duplicate of 「LED电子宣传屏」');
  });

  it('catches a multi-document query that expects one document', () => {
    const planted = plant('党政同责', (q) => {
      q.expect_in_top5 = q.expect_in_top5.slice(0, 1);
      q.covers = q.covers!.filter((c) => c !== 'doc:college-general-branch-risk-prevention');
    });
    expect(check(planted)).toEqual([expect.stringContaining('expects 2–4 documents, not 1')]);
  });

  it('catches covers that do not match the expectations', () => {
    const wrongDoc = plant('支部 每月', (q) => q.covers!.push('doc:hedong-school-measures'));
    expect(check(wrongDoc)).toEqual(['「支部 每月」: covers doc:hedong-school-measures but expects no clause of it']);
    const wrongRole = plant('支部 每月', (q) => q.covers!.push('role:trade-union'));
    expect(check(wrongRole)).toEqual([
      '「支部 每月」: covers role:trade-union, which neither the query nor its expected clauses name',
    ]);
  });

  it('catches a document or role left uncovered', () => {
    const withoutEightPoint = queries.filter((q) => !q.covers?.includes('doc:party-branch-eight-point-rules'));
    expect(check(withoutEightPoint)).toContain(
      'document party-branch-eight-point-rules is covered by 0 queries, fewer than 5',
    );
    const withoutUnion = queries.filter((q) => !q.covers?.includes('role:trade-union'));
    expect(check(withoutUnion)).toContain('role trade-union is covered by 0 queries, fewer than 2');
  });

  it('catches a kind below its minimum, a kind missing from a half, and a lopsided split', () => {
    const typos = queries.filter((q) => q.kind === 'typo');
    const fewTypos = queries.filter((q) => q.kind !== 'typo' || typos.indexOf(q) < KIND_MINIMUMS.typo - 1);
    expect(check(fewTypos)).toContain(
      `kind typo has ${KIND_MINIMUMS.typo - 1} queries, fewer than ${KIND_MINIMUMS.typo}`,
    );

    const noTestTypo = queries.filter((q) => q.kind !== 'typo' || evalHalf(q.query) === 'tune');
    expect(check(noTestTypo)).toContain('kind typo has no query in the test half');

    const tuneOnly = queries.filter((q) => evalHalf(q.query) === 'tune');
    expect(check(tuneOnly)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the tune half holds 100\.0 % of the queries/),
        expect.stringMatching(/^the set has \d+ queries, fewer than 200$/),
      ]),
    );
  });
});
