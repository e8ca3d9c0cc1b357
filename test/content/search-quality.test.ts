/**
 * Search quality on the real corpus, through the same files the browser loads.
 *
 * The gate: the test half of the evaluation set (test/fixtures/search-queries.eval.json, split by
 * test/content/eval-split.ts), whose queries no weight was chosen on, must reach recall@5 ≥ 0.95 and
 * MRR ≥ 0.85 — as a whole, with no list of excused queries. The dev queries (the shared evaluation
 * set) and the project's own queries (every role and document) are regression checks per query.
 */
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/lib/search/engine';
import { loadSearchInputs, realSearchEngine } from './search-index';
import { RANKED, evalQueries, isExpected, measure, readQueries, summary, type Expectation } from './search-metrics';

const devQueries = readQueries('search-queries.dev.json');
const projectQueries = readQueries('search-queries.project.json');
const engine = realSearchEngine();
const ranked = async (query: string) =>
  (await engine.search(query, {}, RANKED)).hits.map((hit) => ({
    slug: hit.slug,
    text: hit.text,
    locator: hit.locator,
  }));

/**
 * Expected clauses of the dev set a lexical search cannot put in the top five, with why.
 * The test fails if one of them starts to pass, so this list stays true.
 */
const KNOWN_MISSES: Record<string, { text: string; why: string }[]> = {
  '微信群 管理': [
    {
      text: '对广播、校园网、校报、微信群、QQ群等落实责任人',
      why:
        'The clause has 微信群 but not 管理; five clauses of other documents and clause 2 of the same document have both words, and 2 is shorter. ' +
        'It is about managing the groups only in meaning (落实责任人), which matching words cannot see.',
    },
  ],
};

const describeHits = (hits: SearchHit[]) =>
  hits.map((hit, rank) => `${rank + 1}. ${hit.slug} ${hit.locator} ${hit.text.slice(0, 30)}`).join('\n');

describe('search quality on the test half of the evaluation set', () => {
  it('reaches recall@5 ≥ 0.95 and MRR ≥ 0.85', async () => {
    const metrics = await measure(evalQueries('test'), ranked);
    const report = `test half: ${summary(metrics)}`;
    expect(metrics.recallAt5, report).toBeGreaterThanOrEqual(0.95);
    expect(metrics.mrr, report).toBeGreaterThanOrEqual(0.85);
  });
});

describe.each([
  ['dev', devQueries],
  ['project', projectQueries],
] as const)('search quality on the %s queries', (_set, queries) => {
  it.each(queries.map((q) => [q.query, q] as const))('%s: the expected clauses are in the top 5', async (_query, q) => {
    const top = (await engine.search(q.query, {}, 5)).hits;
    const misses = q.expect_in_top5.filter(
      (expected: Expectation) => !top.some((hit) => isExpected({ slug: hit.slug, text: hit.text }, expected)),
    );
    const known = KNOWN_MISSES[q.query] ?? [];
    expect(
      misses.filter((m) => !known.some((k) => k.text === m.text)).map((m) => `${m.document} ${m.clause} ${m.text}`),
      `top 5:\n${describeHits(top)}`,
    ).toEqual([]);
    expect(
      known.filter((k) => !misses.some((m) => m.text === k.text)).map((k) => k.text),
      'a known miss now passes: remove it from KNOWN_MISSES',
    ).toEqual([]);
  });
});

describe('the project queries', () => {
  const { corpus, roles } = loadSearchInputs();
  const covered = new Set(projectQueries.flatMap((q) => q.covers ?? []));

  it('cover every role', () => {
    expect(roles.map((role) => `role:${role.id}`).filter((key) => !covered.has(key))).toEqual([]);
  });

  it('cover every published document', () => {
    expect(corpus.documents.map((d) => `doc:${d.slug}`).filter((key) => !covered.has(key))).toEqual([]);
  });
});
