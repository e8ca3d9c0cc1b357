// Build benchmark: median build time over repeated runs, page count, largest page and JS per page.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const astro = join('node_modules', 'astro', 'bin', 'astro.mjs');
const times = [];
for (let i = 0; i < runs; i += 1) {
  const started = performance.now();
  execFileSync(process.execPath, [astro, 'build'], {
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const all = files('dist');
const pages = all.filter((f) => f.endsWith('.html'));
const sized = pages
  .map((f) => ({ f, raw: statSync(f).size, gz: gzipSync(readFileSync(f)).length }))
  .sort((a, b) => b.raw - a.raw);
/**
 * JavaScript a page loads before any interaction: module scripts, inline
 * scripts, island components and renderers, and everything they import
 * statically (dynamic import(), e.g. the search engine, is not counted).
 */
const jsOf = (page) => {
  const html = readFileSync(page, 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1]),
  ];
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  const seen = new Set();
  const visit = (url) => {
    const file = join('dist', url.replace(/^\/+/, ''));
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
};
const docPage = join('dist', 'docs', 'tongliao-no5-middle-school-rules', 'index.html');
const js = jsOf(docPage);
console.log(
  `build: median ${(median / 1000).toFixed(2)} s over ${runs} runs (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
);
console.log(
  `pages: ${pages.length}; dist: ${all.length} files, ${(all.reduce((n, f) => n + statSync(f).size, 0) / 1024).toFixed(1)} KiB`,
);
console.log(`largest page: ${sized[0].f} ${sized[0].raw} B (${sized[0].gz} B gzip)`);
console.log(`JS on a document page before interaction: ${js.bytes} B (${js.gz} B gzip) in ${js.files} files + inline`);
