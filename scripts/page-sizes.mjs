// What the pages of a built site weigh: `node scripts/page-sizes.mjs [dist]` prints the largest pages
// (gzip, as served, and raw) and, for the lists cut into pages (a role's page, the calendar), how many
// pages each has and the largest of them. The README's page sizes at 1× and 100× come from it.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSize } from './page-weight.mjs';

const dist = process.argv[2] ?? 'dist';
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const pages = files(dist)
  .filter((file) => file.endsWith('.html'))
  .map((file) => ({
    path: `/${relative(dist, file).replace(/index\.html$/, '')}`,
    raw: statSync(file).size,
    gzip: gzipSize(file),
  }))
  .sort((a, b) => b.gzip - a.gzip);

console.log(`${pages.length} pages; largest (gzip / raw):`);
for (const page of pages.slice(0, 5)) console.log(`  ${page.path} ${kib(page.gzip)} / ${kib(page.raw)}`);

/** A list's first page and the pages after it (/roles/x/, /roles/x/2/ …). */
const lists = new Map();
for (const page of pages) {
  const first = /^(\/roles\/[^/]+\/|\/calendar\/)(\d+\/)?$/.exec(page.path)?.[1];
  if (first) lists.set(first, [...(lists.get(first) ?? []), page]);
}
const most = (list, key) => list.reduce((a, b) => (b[key] > a[key] ? b : a));
const describe = (list) => {
  const [gzip, raw] = [most(list, 'gzip'), most(list, 'raw')];
  return `gzip ≤ ${kib(gzip.gzip)} (${gzip.path}), raw ≤ ${kib(raw.raw)} (${raw.path})`;
};
console.log(`every page of the lists on pages: ${describe([...lists.values()].flat())}; each list:`);
for (const [first, list] of [...lists].sort((a, b) => b[1].length - a[1].length || b[1][0].gzip - a[1][0].gzip))
  console.log(`  ${first} ${list.length} ${list.length === 1 ? 'page' : 'pages'}, ${describe(list)}`);
