// Build benchmark: build time (median of BENCH_RUNS runs) and what the build writes,
// for the real corpus and synthetic corpora 10× and 100× its size (scale-corpus.mjs).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialJs } from './page-weight.mjs';
import { writeScaledProject } from './scale-corpus.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const factors = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const root = process.cwd();
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function measure(dir) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    execFileSync(process.execPath, [astro, 'build'], {
      cwd: dir,
      stdio: 'ignore',
      env: { SITE_URL: 'http://localhost:4321', ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    times.push(performance.now() - started);
  }
  const dist = join(dir, 'dist');
  const all = files(dist);
  const size = (f) => statSync(f).size;
  const pages = all.filter((f) => f.endsWith('.html'));
  const largest = pages.reduce((a, b) => (size(b) > size(a) ? b : a));
  const precache = JSON.parse(/^const PRECACHE = (\[.*\]);$/m.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))[1]);
  const precached = precache.map((url) => join(dist, url.endsWith('/') ? `${url}index.html` : url));
  return {
    times,
    docs: readdirSync(join(dir, 'content', 'docs')).filter((n) => n.endsWith('.mdx')).length,
    pages: pages.length,
    files: all.length,
    bytes: all.reduce((n, f) => n + size(f), 0),
    gzipPages: pages.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0),
    largest: { path: largest.slice(dist.length), bytes: size(largest), gz: gzipSync(readFileSync(largest)).length },
    index: size(join(dist, 'search-index.json')),
    precache: { files: precache.length, bytes: precached.reduce((n, f) => n + size(f), 0) },
    pack: JSON.parse(readFileSync(join(dist, 'offline-pack.json'), 'utf8')),
    selfCheck: (() => {
      const page = join(dist, 'checklist', 'index.html');
      return { gz: gzipSync(readFileSync(page)).length, js: initialJs(dist, page) };
    })(),
    dist,
  };
}

const results = [];
for (const factor of factors) {
  const dir = factor === 1 ? root : writeScaledProject(root, factor);
  results.push({ factor, ...measure(dir) });
  if (factor !== 1 && !process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}

console.log(`build benchmark: ${runs} runs per corpus, median`);
console.table(
  Object.fromEntries(
    results.map((r) => [
      r.factor === 1 ? 'real' : `${r.factor}×`,
      {
        documents: r.docs,
        'build (s)': Number((median(r.times) / 1000).toFixed(2)),
        'runs (s)': r.times.map((t) => (t / 1000).toFixed(1)).join(' '),
        pages: r.pages,
        'dist files': r.files,
        dist: mib(r.bytes),
        'pages gzip': mib(r.gzipPages),
        'largest page': `${r.largest.path} ${kib(r.largest.bytes)} (${kib(r.largest.gz)} gzip)`,
        'search index': kib(r.index),
        'self-check page': `${kib(r.selfCheck.gz)} gzip + JS ${kib(r.selfCheck.js.gz)} gzip`,
        precache: `${r.precache.files} files, ${mib(r.precache.bytes)}`,
        'offline pack': `${r.pack.files.length} files, ${mib(r.pack.bytes)}`,
      },
    ]),
  ),
);
const real = results.find((r) => r.factor === 1);
if (real) {
  for (const r of results.filter((x) => x !== real)) {
    console.log(
      `${r.factor}× corpus: build ×${(median(r.times) / median(real.times)).toFixed(1)}, dist ×${(r.bytes / real.bytes).toFixed(1)}, pages ×${(r.pages / real.pages).toFixed(1)}`,
    );
  }
  const docPage = join(real.dist, 'docs', 'tongliao-no5-middle-school-rules', 'index.html');
  const js = initialJs(real.dist, docPage);
  console.log(
    `JS on a document page before interaction: ${js.bytes} B (${js.gz} B gzip) in ${js.files} files + inline`,
  );
}
