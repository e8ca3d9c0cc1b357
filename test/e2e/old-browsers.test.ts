/**
 * The oldest browsers the site claims (package.json's browserslist, README
 * "Supported browsers"): every script in the build parses at the target's
 * syntax level, and the site works in a Chromium whose newer built-ins are
 * deleted before any of its scripts run, in the pages and in the workers.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNTAX_LEVEL } from '../../src/integrations/browserTarget';
import { hasBrowser, launch, url } from './browser';
import { REMOVE_NEWER_BUILTINS } from './old-browsers';
import { DIST } from './site';

interface EsCheckResult {
  success: boolean;
  errors: { file: string; err: Error }[];
}
const { runChecks } = createRequire(import.meta.url)('es-check') as {
  runChecks(configs: EsCheckConfig[]): Promise<EsCheckResult>;
};
interface EsCheckConfig {
  ecmaVersion?: string;
  files: string[];
  module: boolean;
  checkBrowser?: boolean;
  checkFeatures?: boolean;
  checkForPolyfills?: boolean;
  browserslistPath?: string;
}

const scripts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));

const syntaxCheck = (files: string[]) => runChecks([{ ecmaVersion: SYNTAX_LEVEL, files, module: true }]);
/** Built-ins es-check can see in the code (static ones such as Object.hasOwn), against each target browser. */
const featureCheck = (files: string[]) =>
  runChecks([{ files, module: true, checkBrowser: true, checkFeatures: true, checkForPolyfills: true }]);
const messages = (result: EsCheckResult) => result.errors.map((e) => `${e.file}: ${e.err.message}`);

describe('syntax of the built scripts', () => {
  it(`every script in dist/ parses at ${SYNTAX_LEVEL}`, async () => {
    const files = scripts(DIST);
    expect(files.length).toBeGreaterThan(5);
    expect(messages(await syntaxCheck(files))).toEqual([]);
  });

  it('every built-in es-check finds in dist/ is in every target browser or polyfilled', async () => {
    expect(messages(await featureCheck(scripts(DIST)))).toEqual([]);
  });

  it('the same check refuses a planted ES2021 operator (??=) and an ES2022 regular-expression flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-check-'));
    const planted = [
      ['assign.js', 'let a; a ??= 1; export { a };'],
      ['regexp.js', 'export const r = /a/d;'],
    ].map(([name, code]) => {
      writeFileSync(join(dir, name as string), code as string);
      return join(dir, name as string);
    });
    const result = await syntaxCheck(planted);
    expect(result.errors.map((e) => e.file).sort()).toEqual(planted.sort());
  });

  it('the feature check refuses a planted Object.hasOwn without its polyfill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-check-'));
    const file = join(dir, 'own.js');
    writeFileSync(file, 'export const own = Object.hasOwn({}, "a");');
    expect(messages(await featureCheck([file])).join()).toContain('ObjectHasOwn');
  });
});

/** A browser context that looks like the oldest supported browsers (see old-browsers.ts). */
async function oldBrowserContext(browser: Browser): Promise<{ context: BrowserContext; errors: string[] }> {
  const origin = new URL(url()).origin;
  // No service worker: it would answer script requests itself, past the route below.
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  await context.addInitScript(REMOVE_NEWER_BUILTINS);
  // Workers do not run init scripts: every script of the site starts with the same removal, which only the first
  // script to run in a global carries out (so it never undoes a polyfill loaded after it).
  await context.route(
    (target) => target.origin === origin && /\.m?js$/.test(target.pathname),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${REMOVE_NEWER_BUILTINS}\n${await response.text()}` });
    },
  );
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(error.error().message));
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, errors };
}

/** Closes the context; scripts still on their way through the route are dropped, not failed. */
async function closeContext(context: BrowserContext) {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
}

const results = (page: Page) => page.getByRole('list', { name: '搜索结果' });

describe.skipIf(!hasBrowser)('in a browser without the built-ins newer than the target', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the built-ins are gone in the page, in the search worker and in the engine the page loads for typing', async () => {
    const { context } = await oldBrowserContext(browser);
    const page = await context.newPage();
    await page.goto(url('search/?q=第一责任人'));
    await results(page).getByRole('link').first().waitFor();
    const missing = () =>
      [typeof structuredClone, typeof Object.groupBy, typeof Promise.withResolvers, typeof Intl.Segmenter].join();
    expect(await page.evaluate(missing)).toBe('undefined,undefined,undefined,undefined');
    const [worker] = page.workers();
    expect(worker, 'the first answer comes from a worker').toBeDefined();
    expect(await worker?.evaluate(missing)).toBe('undefined,undefined,undefined,undefined');
    // Typing: the page's own engine answers once loaded, with the built-ins still gone.
    const field = page.getByRole('searchbox', { name: '搜索条款' });
    await field.fill('一岗两责');
    await expect.poll(() => results(page).textContent()).toContain('一岗双责');
    await expect
      .poll(() =>
        page.evaluate(() => performance.getEntriesByType('resource').some((r) => /searchService/.test(r.name))),
      )
      .toBe(true);
    await field.fill('联席会议');
    await expect.poll(() => results(page).textContent()).toContain('联席会议');
    expect(await page.evaluate(missing)).toBe('undefined,undefined,undefined,undefined');
    await closeContext(context);
  });

  it('the search page answers a shared link and then what is typed', async () => {
    const { context, errors } = await oldBrowserContext(browser);
    const page = await context.newPage();
    await page.goto(url('search/?q=第一责任人'));
    const first = results(page).getByRole('link').first();
    await expect(first.getAttribute('href')).resolves.toMatch(/\/docs\/[a-z0-9-]+\/#[a-z0-9-]+$/);
    const field = page.getByRole('searchbox', { name: '搜索条款' });
    await field.fill('一岗两责');
    await expect.poll(() => results(page).textContent()).toContain('一岗双责');
    expect(errors).toEqual([]);
    await closeContext(context);
  });

  it('the header search finds clauses from a document page', async () => {
    const { context, errors } = await oldBrowserContext(browser);
    const page = await context.newPage();
    await page.goto(url('docs/tongliao-no5-middle-school-rules/'));
    const field = page.getByRole('searchbox', { name: '搜索条款' });
    await field.click();
    await field.pressSequentially('网评员');
    await expect.poll(() => results(page).getByRole('link').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await closeContext(context);
  });

  it('the self-check shows its duties, keeps a tick and says when it was done', async () => {
    const { context, errors } = await oldBrowserContext(browser);
    const page = await context.newPage();
    await page.goto(url('checklist/'));
    // A duty of the whole year: a tick records today (one outside its window would ask for the date).
    const box = page.getByRole('checkbox', { name: /召开意识形态专题研究部署会/ }).first();
    await box.check();
    await page.reload();
    await expect.poll(() => box.isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await closeContext(context);
  });

  it('the home page filters and the calendar filters still work', async () => {
    const { context, errors } = await oldBrowserContext(browser);
    const page = await context.newPage();
    await page.goto(url('calendar/'));
    const select = page.getByRole('combobox').first();
    const options = await select.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await select.selectOption({ index: 1 });
    await expect.poll(() => page.url()).toMatch(/\?/);
    expect(errors).toEqual([]);
    await closeContext(context);
  });

  // What a browser that cannot run the site's scripts (no ES modules) shows instead.
  it('a current browser never runs the notice (nomodule)', async () => {
    const { context, errors } = await oldBrowserContext(browser);
    const page = await context.newPage();
    await page.goto(url());
    await expect(page.locator('script[nomodule]').getAttribute('src')).resolves.toMatch(/unsupported-browser\.js$/);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await closeContext(context);
  });

  it('the notice says what still works and how to switch to 极速模式', async () => {
    const { context } = await oldBrowserContext(browser);
    const page = await context.newPage();
    await page.goto(url('docs/tongliao-no5-middle-school-rules/'));
    // What an old browser does with the nomodule script: run it.
    await page.evaluate(readFileSync(join(DIST, 'unsupported-browser.js'), 'utf8'));
    const notice = page.getByRole('alert');
    await expect(notice.textContent()).resolves.toMatch(/正文可以照常阅读、打印.*极速模式.*Chrome、Edge 86/s);
    // Before the main content, after the header, so the text stays readable below it.
    await expect(page.locator('.unsupported-browser + main').count()).resolves.toBe(1);
    await closeContext(context);
  });
});
