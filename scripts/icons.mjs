// Renders the PNG app icons in public/ from public/favicon.svg with Chromium
// (run by hand when the icon changes: `node scripts/icons.mjs`; the PNGs are committed).
// The maskable icon fills the square and keeps the mark inside the central 80 % safe zone.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('public/favicon.svg', 'utf8');
const mark = svg.match(/<path[^>]*\/>/)[0];
const background = svg.match(/<rect[^>]*fill="([^"]+)"/)[1];
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background}"/><g transform="translate(9.6 9.6) scale(0.7)">${mark}</g></svg>`;

const icons = [
  { file: 'public/icon-192.png', size: 192, svg },
  { file: 'public/icon-512.png', size: 512, svg },
  { file: 'public/icon-maskable-512.png', size: 512, svg: maskable },
  { file: 'public/apple-touch-icon.png', size: 180, svg: maskable },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${icon.size}px;height:${icon.size}px}</style>${icon.svg}`,
  );
  await page.screenshot({ path: icon.file, omitBackground: true });
  await page.close();
  console.log(`${icon.file}: ${icon.size}×${icon.size}`);
}
await browser.close();
