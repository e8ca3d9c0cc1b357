/** Byte budgets of the built site (bytes are deterministic, so these are tests, not benchmarks). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSize, initialJs } from '../../scripts/page-weight.mjs';
import { builtPages, DIST, pageFile } from './site';

const KB = 1024;

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
