/**
 * Search benchmark (npm run bench), engine only, in Node over the same files the browser loads:
 * for the real corpus and synthetic corpora 10× and 100× its size, the search files (count and
 * bytes), the first answer from a cold store (files and bytes loaded, time) and the query latency
 * p50/p95 once the files are loaded, beside fuse.js alone; then the ranking's quality on the tuning
 * half, the validation set (written apart from both, judged while tuning), the test half and the dev set. Figures are medians over repeated runs on this machine;
 * nothing here is a pass/fail threshold. The browser figures (typing → paint) are printed by
 * scripts/bench.mjs (scripts/search-browser.mjs).
 */
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { expect, it } from 'vitest';
import { createSearchEngine } from '../../src/lib/search/engine';
import { foldText, SEPARATOR } from '../../src/lib/search/fold';
import type { SearchIndexData } from '../../src/lib/search/indexData';
import { memoryStore } from '../../src/lib/search/__tests__/memoryStore';
import { realSearchIndex, realSearchEngine } from '../content/search-index';
import { RANKED, evalQueries, measure, readQueries, summary } from '../content/search-metrics';
import { scaleIndex } from './synthetic';

const dev = readQueries('search-queries.dev.json');
const project = readQueries('search-queries.project.json');
const EXTRA = [
  '党',
  '意识形态',
  '意识形太 责任制',
  '每年 至少 两次 专题 研究 部署',
  '意识形态工作责任制'.repeat(20),
  "'!^=|",
];
const QUERIES = [...dev.map((q) => q.query), ...project.map((q) => q.query), ...EXTRA];
/** Typical first queries, for the cold figure: a role, a duty with a cadence, a typo, a very common word. */
const FIRST_QUERIES = ['第一责任人', '支部 每月', '一岗双则', '意识形态'];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCALES = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const SETS = (process.env.SEARCH_BENCH_SETS ?? 'tune,validation,test,dev').split(',');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1] as number;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Per query: the median of `runs` timings; then p50/p95 over the queries. */
async function latency(search: (q: string) => unknown, runs = RUNS) {
  for (const q of QUERIES) await search(q);
  const perQuery: number[] = [];
  for (const q of QUERIES) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await time(() => search(q)));
    perQuery.push(median(times));
  }
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

/** The first answer of a fresh store (the worker's state after the page's first focus): what it loads, how long. */
async function coldFirst(data: SearchIndexData, query: string) {
  const { store, files, loaded } = memoryStore(data);
  const started = performance.now();
  const engine = createSearchEngine(store);
  await engine.search(query, {}, 20);
  const elapsed = performance.now() - started;
  const manifest = files.get('manifest.json') as string;
  const bytes = Buffer.byteLength(manifest) + loaded.reduce((n, f) => n + f.bytes, 0);
  const gzip =
    gzipSync(manifest).length +
    loaded.reduce((n, f) => n + gzipSync(files.get(f.path) as string | Uint8Array).length, 0);
  return { ms: elapsed, files: loaded.length + 1, bytes, gzip };
}

it('prints the search figures', async () => {
  const real = realSearchIndex();
  const lines: string[] = [];
  for (const factor of SCALES) {
    const data = scaleIndex(real, factor);
    const built = memoryStore(data);
    const sizes = [...built.files.values()].map((f) => (typeof f === 'string' ? Buffer.byteLength(f) : f.length));
    const shards = [...built.files.keys()].filter((p) => p.startsWith('p/')).length;
    const chunks = [...built.files.keys()].filter((p) => p.startsWith('t/')).length;
    const engine = createSearchEngine(built.store);
    const ours = await latency((q) => engine.search(q, {}, 20));
    const fuse = fuseAlone(data);
    // fuse.js alone takes seconds per round at 100×: one timed run per query there.
    const alone = await latency((q) => fuse(q), factor === 100 ? 1 : RUNS);
    lines.push(
      `${String(factor).padStart(3)}× (${data.records.length} clauses): ${built.files.size} files ` +
        `(${shards} shards, ${chunks} chunks), ${kb(sizes.reduce((a, b) => a + b, 0))}, manifest ${kb(Buffer.byteLength(built.files.get('manifest.json') as string))}; ` +
        `query p50 ${ms(ours.p50)} p95 ${ms(ours.p95)} (max ${ms(ours.max)}); fuse.js alone p50 ${ms(alone.p50)} p95 ${ms(alone.p95)}`,
    );
    for (const query of FIRST_QUERIES) {
      const runs: Awaited<ReturnType<typeof coldFirst>>[] = [];
      for (let i = 0; i < 3; i += 1) runs.push(await coldFirst(data, query));
      const first = runs[0] as Awaited<ReturnType<typeof coldFirst>>;
      lines.push(
        `      cold first answer 「${query}」: ${first.files} files, ${kb(first.bytes)} (${kb(first.gzip)} gzip), ${ms(median(runs.map((r) => r.ms)))}`,
      );
    }
    expect((await engine.search('第一责任人')).total).toBeGreaterThan(0);
  }
  const engine = realSearchEngine();
  const rank = async (q: string) =>
    (await engine.search(q, {}, RANKED)).hits.map((h) => ({ slug: h.slug, text: h.text }));
  const fuse = fuseAlone(real);
  const rankFuse = async (q: string) =>
    fuse(q, 50).map(({ item }) => ({ slug: real.docs[item.d]?.slug ?? '', text: item.t }));
  const sets = {
    tune: evalQueries('tune'),
    validation: readQueries('search-queries.validation.json'),
    test: evalQueries('test'),
    dev,
  };
  for (const name of SETS) {
    const queries = sets[name as keyof typeof sets];
    const ours = await measure(queries, rank);
    const target =
      name === 'test'
        ? ` [target recall@5 ≥ 0.95: ${ours.recallAt5 >= 0.95 ? 'met' : 'NOT met'}; MRR ≥ 0.85: ${ours.mrr >= 0.85 ? 'met' : 'NOT met'}]`
        : '';
    lines.push(
      `${name.padEnd(10)} (${queries.length} queries): engine ${summary(ours)}${target}; ` +
        `fuse.js alone ${summary(await measure(queries, rankFuse))}`,
    );
  }
  console.log(`\n${lines.join('\n')}\n(${QUERIES.length} queries for latency, median of ${RUNS} runs each)`);
});
