/**
 * Writes dist/sw.js and dist/offline-pack.json after the build.
 *
 * The worker (sw-source.js) precaches the shell: every hashed asset, the
 * icons and manifest, and the pages a reader needs first and at any size of
 * the corpus (home, search, self-check, 汇总, help, the offline page). Every
 * other page and data file is cached when it is first used; the offline pack
 * lists them all, with their sizes, for the 下载离线包 button, which fetches
 * them through the worker. Calendar and Word files are downloads, in neither.
 * The version changes whenever any precached file or the pack changes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { OfflinePack } from '../lib/offlinePack';

const SOURCE = new URL('./sw-source.js', import.meta.url);
export const PACK_FILE = 'offline-pack.json';

/** Pages in the precache (site paths, base omitted). */
export const SHELL_PAGES = ['', 'search/', 'checklist/', 'summary/', 'help/', 'offline/'];
/** Not cached ahead at all: downloads, the worker itself, tools' data and the pack list. */
const NEVER = /\.(ics|docx|map)$|^sw\.js$|^obligations(\.schema)?\.json$|^offline-pack\.json$/;
/** Files every page may need: hashed assets and the root's static files (icons, manifest …). */
const SHELL_FILE = /^_astro\/|^[^/]+\.(svg|png|webmanifest|js|css)$/;
/** Hashed assets loaded on demand that are too large to send every visitor ahead: the 汇总's Excel writer. */
const ON_DEMAND = /^_astro\/workbookWriter-/;
/** Kept when used but not in the pack: the search bundle, whose files the pack holds one by one. */
const NOT_IN_PACK = /^search-index\/all\.bin$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export interface CachePlan {
  /** Site paths precached when the worker installs. */
  precache: string[];
  pack: OfflinePack;
}

/** What to precache and what the offline pack offers; pages as their directory URL, other files as they are. */
export function cachePlan(dist: string, base: string, workerSource = ''): CachePlan {
  const hash = createHash('sha256').update(workerSource);
  const shellPages = new Set(SHELL_PAGES.map((page) => `${page}index.html`));
  const precache: string[] = [];
  const packFiles: OfflinePack['files'] = [];
  for (const file of files(dist).sort()) {
    const path = relative(dist, file).split('\\').join('/');
    if (NEVER.test(path) || path === '404.html') continue;
    const url = `${base}${path.replace(/(^|\/)index\.html$/, '$1')}`;
    const bytes = statSync(file).size;
    if (shellPages.has(path) || (SHELL_FILE.test(path) && !ON_DEMAND.test(path))) {
      hash.update(path).update(readFileSync(file));
      precache.push(url);
    } else if (!NOT_IN_PACK.test(path)) {
      // The pack's contents are part of the version too: a deploy that changes a document replaces its copy.
      hash.update(path).update(String(bytes)).update(readFileSync(file));
      packFiles.push({ url, bytes });
    }
  }
  const version = hash.digest('hex').slice(0, 12);
  return {
    precache,
    pack: { version, bytes: packFiles.reduce((n, f) => n + f.bytes, 0), files: packFiles },
  };
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
        const { precache, pack } = cachePlan(dist, base, source);
        writeFileSync(join(dist, PACK_FILE), JSON.stringify(pack));
        writeFileSync(
          join(dist, 'sw.js'),
          `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = '${pack.version}';\nconst BASE = '${base}';\nconst OFFLINE_PAGE = '${base}offline/';\n${source}`,
        );
        logger.info(
          `sw.js: ${precache.length} files precached, version ${pack.version}; offline pack ${pack.files.length} files, ${(pack.bytes / 1024 / 1024).toFixed(2)} MiB`,
        );
      },
    },
  };
}
