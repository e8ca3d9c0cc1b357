/**
 * The role pages and the calendar as the corpus grows: a synthetic corpus ten times the real one
 * (scripts/scale-corpus.mjs), built with only the pages that list across documents, so its build
 * takes seconds. Every page stays within the byte budget, in raw bytes, which bound gzip's output
 * whatever the text; with one page for everything, as before, the largest role page and the calendar
 * were each over 800 KB here. Then, in Chromium, what only a calendar on several pages does.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSize } from '../../scripts/page-weight.mjs';
import { writeScaledProject } from '../../scripts/scale-corpus.mjs';
import { CALENDAR_PAGE_BUDGET, PAGE_BYTES, PAGE_CHROME_BYTES, ROLE_PAGE_BUDGET } from '../../src/lib/paginate';
import { hasBrowser, launch } from '../e2e/browser';

const FACTOR = 10;
const root = new URL('../../', import.meta.url).pathname;
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** The page routes kept in the copy: the lists across documents, and the data the calendar fetches. */
const KEPT_PAGES = ['roles', join('calendar', '[...page].astro'), join('calendar', 'pages.json.ts')];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

let project = '';
let dist = '';
/** Built pages as site paths ("roles/x/2/"), with their raw and gzipped sizes. */
let pages: { path: string; bytes: number; gzip: number }[] = [];

beforeAll(() => {
  project = writeScaledProject(root, FACTOR, 'pages');
  const pagesDir = join(project, 'src', 'pages');
  for (const file of files(pagesDir)) {
    const path = relative(pagesDir, file);
    if (!KEPT_PAGES.some((kept) => path === kept || path.startsWith(`${kept}/`))) rmSync(file);
  }
  execFileSync(process.execPath, [astro, 'build'], {
    cwd: project,
    stdio: 'ignore',
    env: { ...process.env, SITE_URL: 'http://localhost:4321', BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  dist = join(project, 'dist');
  pages = files(dist)
    .filter((file) => file.endsWith('index.html'))
    .map((file) => ({
      path: relative(dist, file).replace(/index\.html$/, ''),
      bytes: statSync(file).size,
      gzip: gzipSize(file),
    }));
}, 300_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe(`role pages and the calendar at ${FACTOR}× the corpus`, () => {
  /** The largest of the paginated pages under a path (not the /roles/ overview). */
  const largest = (prefix: string) =>
    pages.filter((p) => p.path.startsWith(prefix) && p.path !== 'roles/').sort((a, b) => b.bytes - a.bytes)[0];

  it('keeps every page within the budget, in raw bytes, content and chrome alike', () => {
    expect(pages.length).toBeGreaterThan(FACTOR * 2);
    for (const page of pages) {
      expect(page.gzip, page.path).toBeLessThanOrEqual(PAGE_BYTES);
      if (page.path === 'roles/') continue;
      const budget = page.path.startsWith('calendar/') ? CALENDAR_PAGE_BUDGET : ROLE_PAGE_BUDGET;
      expect(page.bytes, page.path).toBeLessThanOrEqual(Math.min(PAGE_BYTES, budget + PAGE_CHROME_BYTES));
    }
    console.info(
      `${FACTOR}× corpus, largest pages (raw / gzip): ${['roles/', 'calendar/']
        .map((prefix) => largest(prefix))
        .map((p) => `/${p?.path} ${p?.bytes} / ${p?.gzip} B`)
        .join(', ')}`,
    );
  });

  it('cuts the largest role and the calendar into pages that are filled, and nothing more', () => {
    const rolePages = pages.filter((p) => p.path.startsWith('roles/party-organization/'));
    const calendarPages = pages.filter((p) => p.path.startsWith('calendar/'));
    expect(rolePages.length).toBeGreaterThanOrEqual(FACTOR);
    expect(calendarPages.length).toBeGreaterThan(1);
    // Every page but the last of a list is at least half full: groups are moved whole only when they fit.
    for (const [list, budget] of [
      [rolePages, ROLE_PAGE_BUDGET],
      [calendarPages, CALENDAR_PAGE_BUDGET],
    ] as const) {
      const full = list.filter((p) => p.bytes >= budget / 2);
      expect(full.length).toBeGreaterThanOrEqual(list.length - 1);
    }
  });

  it('repeats the role’s totals on each of its pages', () => {
    const totals = pages
      .filter((p) => p.path.startsWith('roles/party-organization/'))
      .map((p) => {
        const html = readFileSync(join(dist, p.path, 'index.html'), 'utf8');
        const main = html.slice(html.indexOf('<main'), html.indexOf('</h1>') + 2000);
        return (main.match(/(\d+) 项<\/a>有时间要求的工作.*?(\d+) 处界定.*?共 <a[^>]*>(\d+) 处/s) ?? []).slice(1);
      });
    expect(totals[0]).toHaveLength(3);
    for (const page of totals) expect(page).toEqual(totals[0]);
  });
});

describe.skipIf(!hasBrowser)(`the calendar on several pages at ${FACTOR}×, in Chromium`, () => {
  let browser: Browser;
  let server: ChildProcess;
  let origin = '';
  beforeAll(async () => {
    const port = 4400 + Math.floor(Math.random() * 500);
    server = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: project,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    origin = `http://127.0.0.1:${port}`;
    for (let tries = 0; tries < 100; tries += 1) {
      if (
        await fetch(`${origin}/calendar/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('opens ?doc= of a document on a later page at that page, filtered, and keeps the role across pages', async () => {
    const pageOf = (await (await fetch(`${origin}/calendar/pages.json`)).json()) as Record<string, number>;
    const [slug, number = 0] = Object.entries(pageOf).at(-1) ?? [];
    expect(number).toBeGreaterThan(1);
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${origin}/calendar/?doc=${slug}`);
    await page.waitForURL(`${origin}/calendar/${number}/?doc=${slug}`);
    await expect(page.getByRole('combobox', { name: /^文件/ }).inputValue()).resolves.toBe(slug);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(`（第 ${number} 页）`);
    const shown = await page
      .locator('li[data-duty]:visible')
      .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.doc));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([slug]));

    // Without a document, the pages go on with the role chosen.
    await page.getByLabel('角色').selectOption('party-branch');
    await page.getByRole('combobox', { name: /^文件/ }).selectOption('');
    await expect.poll(() => page.url()).toBe(`${origin}/calendar/${number}/?role=party-branch`);
    const nav = page.getByRole('navigation', { name: '分页', exact: true });
    await expect(nav.textContent()).resolves.toContain(`第 ${number} 页，共`);
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(
      /本页共 \d+ 项工作，全部 \d+ 页共 \d+ 项/,
    );
    const previous = nav.getByRole('link', { name: '上一页' });
    await expect(previous.getAttribute('rel')).resolves.toBe('prev');
    await previous.click();
    await page.waitForURL(`${origin}/calendar/${number - 1 === 1 ? '' : `${number - 1}/`}?role=party-branch`);
    await expect(page.getByLabel('角色').inputValue()).resolves.toBe('party-branch');
    for (const roles of await page
      .locator('li[data-duty]:visible')
      .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.roles)))
      expect(roles).toContain('party-branch');
    expect(errors).toEqual([]);
    await context.close();
  });
});
