// Build benchmark: build time (median of BENCH_RUNS runs) and what the build writes,
// for the real corpus and synthetic corpora 10× and 100× its size (scale-corpus.mjs);
// for the corpora in BENCH_WORD_SCALES (default 1) also the same build without the Word files,
// the two built in turn, to show what writing them adds (test/bench/word.bench-run.ts times the
// writing itself at every scale).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialJs } from './page-weight.mjs';
import { writeScaledProject } from './scale-corpus.mjs';
import { searchInBrowser } from './search-browser.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const factors = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const wordFactors = (process.env.BENCH_WORD_SCALES ?? '1').split(',').map(Number);
const WORD_ENDPOINT = join('src', 'pages', 'docs', '[slug].docx.ts');
const root = process.cwd();
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function build(dir) {
  const started = performance.now();
  execFileSync(process.execPath, [astro, 'build'], {
    cwd: dir,
    stdio: 'ignore',
    env: { SITE_URL: 'http://localhost:4321', ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return performance.now() - started;
}

/** Builds `dir` (and `bare`, in turn with it, when given) `runs` times, then reads what `dir` built. */
function measure(dir, bare) {
  const times = [];
  const bareTimes = [];
  for (let i = 0; i < runs; i += 1) {
    times.push(build(dir));
    if (bare) bareTimes.push(build(bare));
  }
  const dist = join(dir, 'dist');
  const all = files(dist);
  const size = (f) => statSync(f).size;
  const pages = all.filter((f) => f.endsWith('.html'));
  const largest = pages.reduce((a, b) => (size(b) > size(a) ? b : a));
  const precache = JSON.parse(/^const PRECACHE = (\[.*\]);$/m.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))[1]);
  const precached = precache.map((url) => join(dist, url.endsWith('/') ? `${url}index.html` : url));
  const word = all.filter((f) => f.endsWith('.docx'));
  return {
    times,
    bareTimes,
    docs: readdirSync(join(dir, 'content', 'docs')).filter((n) => n.endsWith('.mdx')).length,
    pages: pages.length,
    files: all.length,
    bytes: all.reduce((n, f) => n + size(f), 0),
    gzipPages: pages.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0),
    largest: { path: largest.slice(dist.length), bytes: size(largest), gz: gzipSync(readFileSync(largest)).length },
    index: (() => {
      const searchFiles = files(join(dist, 'search-index'));
      const manifest = JSON.parse(readFileSync(join(dist, 'search-index', 'manifest.json'), 'utf8'));
      return {
        files: searchFiles.length,
        bytes: searchFiles.reduce((n, f) => n + size(f), 0),
        bundle: manifest.bundle,
      };
    })(),
    precache: { files: precache.length, bytes: precached.reduce((n, f) => n + size(f), 0) },
    word: { files: word.length, bytes: word.reduce((n, f) => n + size(f), 0) },
    pack: JSON.parse(readFileSync(join(dist, 'offline-pack.json'), 'utf8')),
    selfCheck: (() => {
      const page = join(dist, 'checklist', 'index.html');
      return { gz: gzipSync(readFileSync(page)).length, js: initialJs(dist, page) };
    })(),
    dist,
  };
}

// Typed a character at a time in the browser figures: the dev set's queries (the shared evaluation set).
const typed = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'search-queries.dev.json'), 'utf8')).map(
  (q) => q.query,
);

const results = [];
for (const factor of factors) {
  const dir = factor === 1 ? root : writeScaledProject(root, factor);
  // The same project without the Word endpoint, in a copy beside it.
  const bare = wordFactors.includes(factor) ? writeScaledProject(root, factor, `${factor}-without-word`) : undefined;
  if (bare) rmSync(join(bare, WORD_ENDPOINT));
  const measured = measure(dir, bare);
  if (bare) rmSync(bare, { recursive: true, force: true });
  results.push({ factor, ...measured, search: await searchInBrowser(measured.dist, typed) });
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
        'search files': `${r.index.files} files, ${mib(r.index.bytes)}${r.index.bundle ? ' (one bundle)' : ''}`,
        'self-check page': `${kib(r.selfCheck.gz)} gzip + JS ${kib(r.selfCheck.js.gz)} gzip`,
        precache: `${r.precache.files} files, ${mib(r.precache.bytes)}`,
        'offline pack': `${r.pack.files.length} files, ${mib(r.pack.bytes)}`,
      },
    ]),
  ),
);
console.log('Word files (/docs/<slug>.docx); with BENCH_WORD_SCALES, the build without them, built in turn, median');
console.table(
  Object.fromEntries(
    results.map((r) => [
      r.factor === 1 ? 'real' : `${r.factor}×`,
      {
        files: r.word.files,
        'total size': mib(r.word.bytes),
        'of dist': `${((r.word.bytes / r.bytes) * 100).toFixed(1)} %`,
        ...(r.bareTimes.length > 0 && {
          'build with (s)': Number((median(r.times) / 1000).toFixed(2)),
          'without (s)': Number((median(r.bareTimes) / 1000).toFixed(2)),
          'runs without (s)': r.bareTimes.map((t) => (t / 1000).toFixed(1)).join(' '),
          'added (s)': Number(((median(r.times) - median(r.bareTimes)) / 1000).toFixed(2)),
        }),
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

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(
  '\nsearch in Chromium against the built site (scripts/search-browser.mjs), no service worker, empty cache:\n' +
    'cold first answer = from the focus of the header field (a query entered at once) to its results painted;\n' +
    `typing = from each keystroke's input event to its results in the DOM and painted (${typed.length} dev queries typed)`,
);
console.table(
  Object.fromEntries(
    results.flatMap((r) => [
      ...r.search.cold.map((c) => [
        `${r.factor === 1 ? 'real' : `${r.factor}×`} cold 「${c.query}」`,
        {
          files: c.files.length,
          bytes: kib(c.bytes),
          gzip: kib(c.gzip),
          'time (median)': ms(c.ms),
          runs: c.runs.map((t) => t.toFixed(0)).join(' '),
        },
      ]),
      [
        `${r.factor === 1 ? 'real' : `${r.factor}×`} typing (${r.search.typing.keystrokes} keys)`,
        {
          'to DOM p50/p95': `${ms(r.search.typing.dom.p50)} / ${ms(r.search.typing.dom.p95)}`,
          'painted p50/p95': `${ms(r.search.typing.painted.p50)} / ${ms(r.search.typing.painted.p95)}`,
          "keystroke's own frame p50/p95": `${ms(r.search.typing.echo.p50)} / ${ms(r.search.typing.echo.p95)}`,
          'painted in that frame': `${r.search.typing.sameFrame} of ${r.search.typing.keystrokes}`,
          'requests p95/max': `${r.search.typing.requests.p95} / ${r.search.typing.requests.max}`,
        },
      ],
    ]),
  ),
);
