/** Byte budgets of the built site (bytes are deterministic, so these are tests, not benchmarks). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipSize, initialJs } from '../../scripts/page-weight.mjs';
import { CALENDAR_PAGE_BUDGET, PAGE_BYTES, PAGE_CHROME_BYTES, ROLE_PAGE_BUDGET } from '../../src/lib/paginate';
import { createSearchEngine } from '../../src/lib/search/engine';
import { MANIFEST_FILE, type SearchManifest } from '../../src/lib/search/layout';
import { SearchStore } from '../../src/lib/search/store';
import { readQueries } from '../content/search-metrics';
import { builtPages, DIST, pageFile } from './site';

const KB = 1024;
const INDEX = join(DIST, 'search-index');
/** Results the search page shows first (the header shows 8). */
const FIRST_PAGE = 10;

/**
 * Gzipped bytes of a first search, as the worker fetches it from dist/: its script, the manifest, and
 * every file the engine loads for the query (`whole`: and then the rest of a small index, as if that
 * came before the answer). The page's own engine loads after the first answer.
 */
async function firstSearchGzip(query: string, whole = false): Promise<number> {
  const worker = readdirSync(join(DIST, '_astro')).filter((name) => /^worker-.*\.js$/.test(name));
  expect(worker).toHaveLength(1);
  let bytes = gzipSize(join(DIST, '_astro', worker[0] as string)) + gzipSize(join(INDEX, MANIFEST_FILE));
  const manifest = JSON.parse(readFileSync(join(INDEX, MANIFEST_FILE), 'utf8')) as SearchManifest;
  const store = new SearchStore(manifest, async (path) => {
    const body = readFileSync(join(INDEX, path));
    bytes += gzipSync(body).length;
    return path.endsWith('.bin') ? new Uint8Array(body) : body.toString('utf8');
  });
  if (whole) await store.loadBundle();
  await createSearchEngine(store).search(query, {}, FIRST_PAGE);
  return bytes;
}

describe('budgets', () => {
  const pages = builtPages();

  it('ships at most 20 KB of gzipped JavaScript on a document page before any interaction', () => {
    for (const page of pages.filter((p) => p.startsWith('docs/'))) {
      const js = initialJs(DIST, pageFile(page));
      expect(js.files, page).toBeGreaterThan(0);
      expect(js.gz, page).toBeLessThanOrEqual(20 * KB);
    }
  });

  it('keeps every page under 150 KB of gzipped HTML', () => {
    for (const page of pages) expect(gzipSize(pageFile(page)), page).toBeLessThanOrEqual(150 * KB);
  });

  it('keeps each page of the role lists and the calendar within its budget of content, in raw bytes', () => {
    const listed = pages.filter((p) => /^roles\/[^/]+\/|^calendar\//.test(p));
    expect(listed.length).toBeGreaterThan(10);
    for (const page of listed) {
      const budget = page.startsWith('calendar/') ? CALENDAR_PAGE_BUDGET : ROLE_PAGE_BUDGET;
      expect(statSync(pageFile(page)).size, page).toBeLessThanOrEqual(Math.min(PAGE_BYTES, budget + PAGE_CHROME_BYTES));
    }
  });

  it('keeps the first search of a one-word query under 150 KB gzip: worker, manifest, its shards and chunks', async () => {
    const oneWord = [
      ...new Set(
        ['search-queries.dev.json', 'search-queries.project.json']
          .flatMap((set) => readQueries(set).map((q) => q.query))
          .filter((q) => !/\s/.test(q.trim())),
      ),
      '意识形态',
      '工作',
      '一岗双则',
    ];
    expect(oneWord.length).toBeGreaterThan(10);
    for (const query of oneWord) expect(await firstSearchGzip(query), query).toBeLessThanOrEqual(150 * KB);
    // The one-file index before the first answer (it used to come on focus) would break it.
    expect(await firstSearchGzip('意识形态', true)).toBeGreaterThan(150 * KB);
  });

  it('keeps the search files small: the manifest (loaded on first focus) under 20 KB gzip, each shard and chunk under 64 KB', () => {
    const dir = join(DIST, 'search-index');
    expect(gzipSize(join(dir, 'manifest.json'))).toBeLessThanOrEqual(20 * KB);
    for (const sub of ['p', 't']) {
      for (const name of readdirSync(join(dir, sub))) {
        expect(statSync(join(dir, sub, name)).size, `${sub}/${name}`).toBeLessThanOrEqual(64 * KB);
      }
    }
  });
});
