/**
 * How well a ranking answers evaluation queries: recall@5 (expected clauses in the first five
 * results, over all expected clauses), MRR (mean over queries of 1 / the rank of the first
 * expected clause, 0 when it is not among the first 20, the search page's first page) and the share of queries with at least
 * one expected clause in the first five. Shared by the quality gate, the bench and the tuning tool.
 */
import { readFileSync } from 'node:fs';
import { canonicalText } from '../../src/lib/corpus/canonical';
import { evalHalf } from './eval-split';

export interface Expectation {
  document: string;
  clause: string;
  text: string;
}
export interface LabelledQuery {
  query: string;
  kind: string;
  covers?: string[];
  expect_in_top5: Expectation[];
}
/** One result as the metrics see it: its document and its text. */
export interface RankedClause {
  slug: string;
  text: string;
  locator?: string;
}
export type Ranker = (query: string) => Promise<RankedClause[]>;

export const RANKED = 20;

export const readQueries = (name: string): LabelledQuery[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

/** The evaluation set's halves; the test half is for reporting and the gate, never for tuning. */
export const evalQueries = (half: 'tune' | 'test') =>
  readQueries('search-queries.eval.json').filter((q) => evalHalf(q.query) === half);

export const isExpected = (hit: RankedClause, expected: Expectation) =>
  hit.slug === expected.document && canonicalText(hit.text).includes(canonicalText(expected.text));

export interface QueryOutcome {
  query: LabelledQuery;
  ranked: RankedClause[];
  /** Expected clauses missing from the first five. */
  missing: Expectation[];
  /** Rank (1-based) of the first expected clause among the first RANKED, or 0. */
  firstRank: number;
}

export interface Metrics {
  queries: number;
  expected: number;
  found: number;
  recallAt5: number;
  mrr: number;
  withHit: number;
  outcomes: QueryOutcome[];
}

export async function measure(queries: readonly LabelledQuery[], rank: Ranker): Promise<Metrics> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const ranked = (await rank(query.query)).slice(0, RANKED);
    const top5 = ranked.slice(0, 5);
    const missing = query.expect_in_top5.filter((e) => !top5.some((hit) => isExpected(hit, e)));
    const at = ranked.findIndex((hit) => query.expect_in_top5.some((e) => isExpected(hit, e)));
    outcomes.push({ query, ranked, missing, firstRank: at + 1 });
  }
  const expected = queries.reduce((n, q) => n + q.expect_in_top5.length, 0);
  const found = expected - outcomes.reduce((n, o) => n + o.missing.length, 0);
  return {
    queries: queries.length,
    expected,
    found,
    recallAt5: found / expected,
    mrr: outcomes.reduce((n, o) => n + (o.firstRank ? 1 / o.firstRank : 0), 0) / queries.length,
    withHit: outcomes.filter((o) => o.missing.length < o.query.expect_in_top5.length).length,
    outcomes,
  };
}

export const summary = (m: Metrics) =>
  `recall@5 ${m.recallAt5.toFixed(3)} (${m.found}/${m.expected}), MRR ${m.mrr.toFixed(3)}, ` +
  `queries with a hit ${m.withHit}/${m.queries}`;
