import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builtPages, DIST, NOT_FOUND_PAGE, pageFile } from './site';

const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const pages = builtPages();
const html = new Map(pages.map((page) => [page, parse(readFileSync(pageFile(page), 'utf8'))]));
const idsOf = (page: string) =>
  new Set(
    html
      .get(page)!
      .querySelectorAll('[id]')
      .map((el) => el.id),
  );

/** The built page a site-absolute path points at, or null when it is not a page. */
function pageFor(pathname: string): string | null {
  if (!pathname.startsWith(base)) return null;
  const page = pathname.slice(base.length);
  return html.has(page) ? page : null;
}

describe('links in the built site', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThanOrEqual(40);
  });

  it('puts every site-absolute reference under the base path', () => {
    const outside = pages.flatMap((page) =>
      [...readFileSync(pageFile(page), 'utf8').matchAll(/(?:href|src|component-url|renderer-url)="(\/[^"]*)"/g)]
        .map((m) => m[1] as string)
        .filter((ref) => !ref.startsWith(base))
        .map((ref) => `/${page}: ${ref}`),
    );
    expect(outside).toEqual([]);
  });

  it('gives the 404 page only site-absolute references: it is served at any path', () => {
    const refs = [
      ...readFileSync(pageFile(NOT_FOUND_PAGE), 'utf8').matchAll(
        /(?:href|src|action|component-url|renderer-url)="([^"]*)"/g,
      ),
    ].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((ref) => !ref.startsWith(base) && !ref.startsWith('#'))).toEqual([]);
  });

  it.each(pages)('every internal link and fragment on /%s resolves', (page) => {
    const broken: string[] = [];
    const root = html.get(page)!;
    const refs = [
      ...root.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!),
      ...root
        .querySelectorAll('link[href], script[src], img[src]')
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src')!),
      ...root
        .querySelectorAll('astro-island')
        .flatMap((el) => [el.getAttribute('component-url'), el.getAttribute('renderer-url')])
        .filter((ref): ref is string => Boolean(ref)),
    ];
    for (const ref of refs) {
      const target = new URL(ref, `http://site${base}${page}`);
      if (target.host !== 'site') {
        broken.push(`${ref} (another host)`);
        continue;
      }
      const targetPage = target.pathname.endsWith('/') || target.pathname === '' ? pageFor(target.pathname) : null;
      if (targetPage === null) {
        const file = join(DIST, target.pathname.slice(base.length));
        if (!existsSync(file)) broken.push(ref);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && !idsOf(targetPage).has(fragment)) broken.push(`${ref} (no #${fragment})`);
    }
    expect(broken).toEqual([]);
  });

  it.each(pages)('ids on /%s are unique', (page) => {
    const ids = html
      .get(page)!
      .querySelectorAll('[id]')
      .map((el) => el.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});
