// What a built page costs: shared by `npm run bench` (figures) and the budget tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * JavaScript a page loads before any interaction: module scripts, inline
 * scripts, island components and renderers, and everything they import
 * statically (dynamic import(), e.g. the search engine, is not counted).
 * @param {string} dist the built site
 * @param {string} page an HTML file inside it
 */
export function initialJs(dist, page) {
  const html = readFileSync(page, 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1]),
  ];
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  const base = (html.match(/(?:src|component-url)="(\/[^"]*?)_astro\//) ?? [])[1] ?? '/';
  const seen = new Set();
  const visit = (url) => {
    const file = join(dist, url.slice(base.length));
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g)) {
      visit(join(url, '..', spec));
    }
  };
  entries.forEach(visit);
  const files = [...seen].map((f) => readFileSync(f));
  const bytes = files.reduce((n, b) => n + b.length, 0) + Buffer.byteLength(inline);
  const gz = files.reduce((n, b) => n + gzipSync(b).length, 0) + (inline ? gzipSync(inline).length : 0);
  return { bytes, gz, files: files.length };
}

/** Gzipped size of a file. */
export const gzipSize = (file) => gzipSync(readFileSync(file)).length;
