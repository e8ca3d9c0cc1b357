// Lighthouse scores for the key pages, mobile and desktop, against the built
// site served by `astro preview`, in the system Chromium. Works offline.
// Part of `npm run bench` (figures, not a pass/fail gate).
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

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  console.log(
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} (performance / accessibility / best practices / SEO)`,
  );
  for (const [name, path] of PAGES) {
    const row = [];
    for (const formFactor of ['mobile', 'desktop']) {
      const result = await lighthouse(
        origin + path,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
        formFactor === 'desktop' ? desktopConfig : undefined,
      );
      const scores = CATEGORIES.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
      row.push(`${formFactor} ${scores.join(' / ')}`);
    }
    console.log(`${name.padEnd(14)} ${row.join('   ')}`);
  }
} finally {
  await chrome.kill();
  preview.kill();
}
