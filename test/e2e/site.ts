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

/** The page a host serves for any unknown path. */
export const NOT_FOUND_PAGE = '404.html';

/** Site paths of all built pages, e.g. "", "about/", "docs/x/", and the 404 page. */
export function builtPages(): string[] {
  return [
    ...files(DIST)
      .filter((file) => file.endsWith('index.html'))
      .map((file) => relative(DIST, file).replace(/index\.html$/, ''))
      .sort(),
    NOT_FOUND_PAGE,
  ];
}

/** The HTML file of a site path from `builtPages()`. */
export const pageFile = (page: string) => join(DIST, page === NOT_FOUND_PAGE ? page : join(page, 'index.html'));
