// Build benchmark: median build time over repeated runs, page count, largest page and JS per page.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialJs } from './page-weight.mjs';

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
const docPage = join('dist', 'docs', 'tongliao-no5-middle-school-rules', 'index.html');
const js = initialJs('dist', docPage);
console.log(
  `build: median ${(median / 1000).toFixed(2)} s over ${runs} runs (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
);
console.log(
  `pages: ${pages.length}; dist: ${all.length} files, ${(all.reduce((n, f) => n + statSync(f).size, 0) / 1024).toFixed(1)} KiB`,
);
console.log(`largest page: ${sized[0].f} ${sized[0].raw} B (${sized[0].gz} B gzip)`);
console.log(`JS on a document page before interaction: ${js.bytes} B (${js.gz} B gzip) in ${js.files} files + inline`);
