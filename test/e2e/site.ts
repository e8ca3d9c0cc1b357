/** The built site on disk: every HTML page under dist/ as a site path. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The build under test: dist/, or another output directory (DIST_DIR) such as the sub-path build. */
export const DIST = new URL(`../../${process.env.DIST_DIR ?? 'dist'}/`, import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Site paths of all built pages, e.g. "", "about/", "docs/x/". */
export function builtPages(): string[] {
  return files(DIST)
    .filter((file) => file.endsWith('index.html'))
    .map((file) => relative(DIST, file).replace(/index\.html$/, ''))
    .sort();
}
