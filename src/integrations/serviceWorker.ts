/**
 * Writes dist/sw.js after the build: the worker in sw-source.js with the list
 * of files to precache (every page, hashed asset, icon and the manifest; not
 * the .ics and .docx files, the data endpoints or the search index, which are cached on
 * first use) and a version that changes whenever any of them changes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const SOURCE = new URL('./sw-source.js', import.meta.url);
// checklist/duties/*.json: one per document, fetched and cached when the self-check first needs it.
const SKIP = /\.(ics|docx|map)$|^sw\.js$|^(search-index|obligations|obligations\.schema)\.json$|^checklist\/duties\//;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Site paths to precache: pages as their directory URL, other files as they are. */
export function precacheList(dist: string, base: string, workerSource = ''): { urls: string[]; version: string } {
  const hash = createHash('sha256').update(workerSource);
  const urls: string[] = [];
  for (const file of files(dist).sort()) {
    const path = relative(dist, file).split('\\').join('/');
    if (SKIP.test(path)) continue;
    hash.update(path).update(readFileSync(file));
    urls.push(`${base}${path.replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return { urls, version: hash.digest('hex').slice(0, 12) };
}

export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const source = readFileSync(SOURCE, 'utf8');
        const { urls, version } = precacheList(dist, base, source);
        writeFileSync(
          join(dist, 'sw.js'),
          `const PRECACHE = ${JSON.stringify(urls)};\nconst VERSION = '${version}';\nconst BASE = '${base}';\n${source}`,
        );
        logger.info(`sw.js: ${urls.length} files precached, version ${version}`);
      },
    },
  };
}
