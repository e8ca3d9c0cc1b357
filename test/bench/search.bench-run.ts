/**
 * Search benchmark (npm run bench): index size and load time, query latency
 * p50/p95 on the real corpus and on synthetic corpora 10× and 100× its size,
 * for the project's engine and for fuse.js alone, and recall on the dev set.
 * Figures are medians over repeated runs on this machine; nothing here is a
 * pass/fail threshold.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { expect, it } from 'vitest';
import { canonicalText } from '../../src/lib/corpus/canonical';
import { createSearchEngine } from '../../src/lib/search/engine';
import { foldText, SEPARATOR } from '../../src/lib/search/fold';
import type { SearchIndexData, SearchRecord } from '../../src/lib/search/indexData';
import { realSearchIndex } from '../content/search-index';
import { scaleIndex } from './synthetic';

interface EvalQuery {
  query: string;
  expect_in_top5: { document: string; text: string }[];
}
const fixtures = (name: string): EvalQuery[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const dev = fixtures('search-queries.dev.json');
const project = fixtures('search-queries.project.json');
const EXTRA = [
  '党',
  '意识形态',
  '意识形太 责任制',
  '每年 至少 两次 专题 研究 部署',
  '意识形态工作责任制'.repeat(20),
  "'!^=|",
];
const QUERIES = [...dev.map((q) => q.query), ...project.map((q) => q.query), ...EXTRA];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1] as number;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Per query: the median of `runs` timings; then p50/p95 over the queries. */
function latency(search: (q: string) => unknown, runs = RUNS) {
  for (const q of QUERIES) search(q);
  const perQuery = QUERIES.map((q) => median(Array.from({ length: runs }, () => time(() => search(q)))));
  return { p50: percentile(perQuery, 50), p95: percentile(perQuery, 95), max: Math.max(...perQuery) };
}

/** fuse.js on its own, tuned as far as its options go: whole-text matching, AND of words, operators stripped. */
function fuseAlone(data: SearchIndexData) {
  const fuse = new Fuse(data.records, {
    keys: ['t'],
    ignoreLocation: true,
    threshold: 0.3,
    useExtendedSearch: true,
    includeScore: true,
  });
  return (q: string, limit = 50) =>
    fuse.search(foldText(q.slice(0, 200)).split(SEPARATOR).filter(Boolean).slice(0, 6).join(' '), { limit });
}

function recall(top5: (q: string) => { slug: string; text: string }[]) {
  let found = 0;
  let total = 0;
  for (const q of dev) {
    const hits = top5(q.query);
    for (const expected of q.expect_in_top5) {
      total += 1;
      if (
        hits.some((h) => h.slug === expected.document && canonicalText(h.text).includes(canonicalText(expected.text)))
      )
        found += 1;
    }
  }
  return `${found}/${total}`;
}

it('prints the search figures', () => {
  const real = realSearchIndex();
  const lines: string[] = [];
  const distIndex = new URL('../../dist/search-index.json', import.meta.url);
  const shipped = readFileSync(distIndex);
  lines.push(
    `search index (dist/search-index.json): ${kb(shipped.length)} raw, ${kb(gzipSync(shipped).length)} gzip; ${real.records.length} clauses`,
  );

  for (const factor of [1, 10, 100]) {
    const data = scaleIndex(real, factor);
    const json = JSON.stringify(data);
    const load = median(
      Array.from({ length: factor === 100 ? 3 : 10 }, () => time(() => createSearchEngine(JSON.parse(json)))),
    );
    const engine = createSearchEngine(data);
    const ours = latency((q) => engine.search(q));
    const fuse = fuseAlone(data);
    // fuse.js alone takes seconds per round at 100×: one timed run per query there.
    const alone = latency((q) => fuse(q), factor === 100 ? 1 : RUNS);
    lines.push(
      `${String(factor).padStart(3)}× (${data.records.length} clauses, ${kb(Buffer.byteLength(json))} raw, ${kb(gzipSync(json).length)} gzip): ` +
        `load+parse ${ms(load)}; query p50 ${ms(ours.p50)} p95 ${ms(ours.p95)} (max ${ms(ours.max)}); ` +
        `fuse.js alone p50 ${ms(alone.p50)} p95 ${ms(alone.p95)}`,
    );
    if (factor === 1) {
      const top = (hits: SearchRecord[]) => hits.map((r) => ({ slug: real.docs[r.d]?.slug ?? '', text: r.t }));
      lines.push(
        `dev-set recall@5 (expected clauses found): engine ${recall((q) => top(engine.search(q, {}, 5).hits.map((h) => h.record)))}, ` +
          `fuse.js alone ${recall((q) => top(fuse(q, 5).map((r) => r.item)))}`,
      );
    }
    expect(engine.search('第一责任人').total).toBeGreaterThan(0);
  }
  console.log(`\n${lines.join('\n')}\n(${QUERIES.length} queries, median of ${RUNS} runs each)`);
});
