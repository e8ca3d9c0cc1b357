/**
 * Yardstick: Pagefind (the search of the Starlight docs theme) indexed over
 * the built site and queried in Chromium with the evaluation queries (tuning
 * half, test half, dev set), beside this site's engine (search.bench-run.ts).
 * Pagefind ranks pages and points into them at headings, so two figures are
 * given: the expected clause text inside the excerpts of its results (each
 * page's excerpts in order, scored like the engine's clauses), and the expected
 * document among the first five pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { expect, it } from 'vitest';
import { canonicalText } from '../../src/lib/corpus/canonical';
import { CHROMIUM, hasBrowser, launch } from '../e2e/browser';
import { evalQueries, measure, readQueries, summary, type RankedClause } from '../content/search-metrics';
import { DIST, serve } from './serve';

interface PagefindHit {
  url: string;
  excerpts: string[];
}

const dev = readQueries('search-queries.dev.json');
const SETS = (process.env.SEARCH_BENCH_SETS ?? 'tune,validation,test,dev').split(',');

const slugOf = (url: string) => /\/docs\/([a-z0-9-]+)\//.exec(url)?.[1];
const plain = (html: string) => canonicalText(html.replace(/<[^>]+>/g, ''));

it.skipIf(!hasBrowser)(`compares recall with Pagefind (Chromium at ${CHROMIUM})`, async () => {
  const out = mkdtempSync(join(tmpdir(), 'pagefind-'));
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error('Pagefind could not start');
  const added = await index.addDirectory({ path: DIST });
  await index.writeFiles({ outputPath: out });
  await pagefind.close();

  const server = await serve([
    ['/pagefind/', `${out}/`],
    ['/', DIST],
  ]);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/about/`);
    const sets = {
      tune: evalQueries('tune'),
      validation: readQueries('search-queries.validation.json'),
      test: evalQueries('test'),
      dev,
    };
    const chosen = SETS.map((name) => [name, sets[name as keyof typeof sets]] as const);
    const all = [...new Set(chosen.flatMap(([, queries]) => queries.map((q) => q.query)))];
    // A string, so the test runner does not rewrite the browser-side import().
    const results = (await page.evaluate(`(async (queries) => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const answers = [];
      for (const query of queries) {
        const started = performance.now();
        const search = await pf.search(query);
        const top = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
        answers.push({
          ms: performance.now() - started,
          hits: top.map((d) => ({ url: d.url, excerpts: [d.excerpt, ...(d.sub_results ?? []).map((s) => s.excerpt)] })),
        });
      }
      return answers;
    })(${JSON.stringify(all)})`)) as { hits: PagefindHit[]; ms: number }[];
    const byQuery = new Map(all.map((q, i) => [q, results[i]?.hits ?? []]));
    /** Pagefind's answer as clauses: each page's excerpts in order, the page first. */
    const asClauses = async (query: string): Promise<RankedClause[]> =>
      (byQuery.get(query) ?? []).flatMap((hit) =>
        hit.excerpts.map((excerpt) => ({ slug: slugOf(hit.url) ?? '', text: plain(excerpt) })),
      );
    /** Pagefind's answer as documents: the first five pages. */
    const asPages = async (query: string): Promise<RankedClause[]> =>
      (byQuery.get(query) ?? []).slice(0, 5).map((hit) => ({ slug: slugOf(hit.url) ?? '', text: '' }));
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    const lines = [
      `Pagefind 1.5.2 over dist/ (${added.page_count} pages), query p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms in Chromium:`,
    ];
    for (const [name, queries] of chosen) {
      const clauses = await measure(queries, asClauses);
      const pages = await measure(
        queries.map((q) => ({ ...q, expect_in_top5: q.expect_in_top5.map((e) => ({ ...e, text: '' })) })),
        asPages,
      );
      lines.push(
        `${name.padEnd(4)}: expected clause text in the excerpts ${summary(clauses)}; expected document among the first 5 pages ${pages.found}/${pages.expected}`,
      );
    }
    console.log(`\n${lines.join('\n')}\n`);
    expect(all.length).toBeGreaterThan(0);
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
});
