/**
 * Yardstick: Pagefind (the search of the Starlight docs theme) indexed over
 * the built site and queried in Chromium with the dev queries, next to this
 * site's engine. Pagefind ranks pages and points into them at headings, so
 * two figures are given: the expected document among the first five pages,
 * and the expected clause text inside one of their excerpts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { expect, it } from 'vitest';
import { canonicalText } from '../../src/lib/corpus/canonical';
import { createSearchEngine } from '../../src/lib/search/engine';
import { CHROMIUM, hasBrowser, launch } from '../e2e/browser';
import { realSearchIndex } from '../content/search-index';
import { DIST, serve } from './serve';

interface EvalQuery {
  query: string;
  expect_in_top5: { document: string; text: string }[];
}
interface PagefindHit {
  url: string;
  excerpts: string[];
}

const dev: EvalQuery[] = JSON.parse(
  readFileSync(new URL('../fixtures/search-queries.dev.json', import.meta.url), 'utf8'),
);

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
    // A string, so the test runner does not rewrite the browser-side import().
    const results = (await page.evaluate(`(async (queries) => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const answers = [];
      for (const query of queries) {
        const started = performance.now();
        const search = await pf.search(query);
        const top = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
        answers.push({
          ms: performance.now() - started,
          hits: top.map((d) => ({ url: d.url, excerpts: [d.excerpt, ...(d.sub_results ?? []).map((s) => s.excerpt)] })),
        });
      }
      return answers;
    })(${JSON.stringify(dev.map((q) => q.query))})`)) as { hits: PagefindHit[]; ms: number }[];

    const engine = createSearchEngine(realSearchIndex());
    let total = 0;
    let pfDocs = 0;
    let pfClauses = 0;
    let oursDocs = 0;
    dev.forEach((q, i) => {
      const hits = results[i]?.hits ?? [];
      const ours = engine.search(q.query, {}, 5).hits.map((h) => h.doc.slug);
      for (const expected of q.expect_in_top5) {
        total += 1;
        const inDoc = hits.filter((h) => slugOf(h.url) === expected.document);
        if (inDoc.length > 0) pfDocs += 1;
        if (inDoc.some((h) => h.excerpts.some((e) => plain(e).includes(canonicalText(expected.text))))) pfClauses += 1;
        if (ours.includes(expected.document)) oursDocs += 1;
      }
    });
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `\nPagefind 1.5.2 over dist/ (${added.page_count} pages): expected document in top 5 pages ${pfDocs}/${total}, ` +
        `expected clause text in their excerpts ${pfClauses}/${total}; query p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms in Chromium` +
        `\nthis site's engine: expected document in top 5 clauses ${oursDocs}/${total} (clause recall: see above)\n`,
    );
    expect(total).toBeGreaterThan(0);
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
});
