// Lighthouse scores for the key pages, mobile and desktop, against the built
// site served by `astro preview`, in the system Chromium. Works offline.
// Part of `npm run bench` (figures, not a pass/fail gate). Each page and form
// factor runs LH_RUNS times (default 3); the run with the median performance
// score is reported, with its main metrics.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const PAGES = [
  ['home', ''],
  ['long document', 'docs/tongliao-no5-middle-school-rules/'],
  ['search', `search/?q=${encodeURIComponent('一岗双责')}`],
  ['self-check', 'checklist/'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
];
const runs = Number(process.env.LH_RUNS ?? 3);
// LH_PAGES=search,self-check and LH_FORM_FACTORS=mobile narrow a run to what is being worked on.
const onlyPages = process.env.LH_PAGES?.split(',');
const formFactors = process.env.LH_FORM_FACTORS?.split(',') ?? ['mobile', 'desktop'];

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const preview = spawn(
  process.execPath,
  ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port)],
  {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  },
);
const origin = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i += 1) {
  try {
    if ((await fetch(origin)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Each run gets a fresh browser: in one long-lived browser later runs were slower, which biased the pages run last. */
async function audit(url, formFactor) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

try {
  console.log(
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} (performance / accessibility / best practices / SEO; median of ${runs} runs by performance)`,
  );
  for (const [name, path] of PAGES.filter(([name]) => !onlyPages || onlyPages.includes(name))) {
    const row = [];
    const metrics = [];
    for (const formFactor of formFactors) {
      const results = [];
      for (let i = 0; i < runs; i += 1) {
        results.push(await audit(origin + path, formFactor));
      }
      results.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const lhr = results[Math.floor(results.length / 2)];
      const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
      const spread = results.map((r) => Math.round(r.categories.performance.score * 100)).join(',');
      row.push(`${formFactor} ${scores.join(' / ')} (perf ${spread})`);
      metrics.push(
        `${formFactor} ${METRICS.map(([label, id]) => `${label} ${lhr.audits[id].displayValue}`).join(', ')}`,
      );
    }
    console.log(`${name.padEnd(14)} ${row.join('   ')}`);
    console.log(`${''.padEnd(14)} ${metrics.join('   ')}`);
  }
} finally {
  preview.kill();
}
