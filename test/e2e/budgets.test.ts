/** Byte budgets of the built site (bytes are deterministic, so these are tests, not benchmarks). */
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

  it('keeps the lazily loaded search index under 150 KB gzip', () => {
    expect(gzipSize(join(DIST, 'search-index.json'))).toBeLessThanOrEqual(150 * KB);
  });
});
