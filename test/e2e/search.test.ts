import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, url } from './browser';
import { DIST } from './site';

const DOC = 'docs/tongliao-no5-middle-school-rules/';
/** The search files: manifest, postings shards, text chunks (src/lib/search/layout.ts). */
const INDEX = /\/search-index\//;
const MANIFEST = /\/search-index\/manifest\.json$/;

const results = (page: Page) => page.getByRole('list', { name: '搜索结果' });
const resultLinks = (page: Page) => results(page).locator(':scope > li > a:first-child');

/** Waits until the results answer what is in the field and the filters now (the area is aria-busy meanwhile). */
const settled = (page: Page) => expect.poll(() => page.locator('.search-output[aria-busy="true"]').count()).toBe(0);

async function searchPage(page: Page, query: string) {
  await page.goto(url(`search/?q=${encodeURIComponent(query)}`));
  await page
    .getByRole('status')
    .filter({ hasText: /找到|没有找到/ })
    .waitFor();
}

describe.skipIf(!hasBrowser)('searching clauses in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads nothing for search until the field is used, then finds as you type', async () => {
    const { page, foreignRequests, errors, close } = await openPage(browser);
    const indexRequests: string[] = [];
    page.on('request', (request) => {
      if (INDEX.test(request.url())) indexRequests.push(request.url());
    });
    await page.goto(url(DOC));
    await page.waitForLoadState('networkidle');
    expect(indexRequests).toEqual([]);

    const field = page.getByRole('searchbox', { name: '搜索条款' });
    await page.keyboard.press('/');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('网评员');
    // The first search loads the worker and the index over the network: a loaded machine may take seconds.
    await expect.poll(() => resultLinks(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Answers to 网 and 网评 may show first: wait for the one to what is in the field.
    await expect.poll(() => page.locator('#site-search-panel[aria-busy="true"]').count()).toBe(0);
    // The manifest once, then only some of the shards and chunks.
    expect(indexRequests.filter((request) => MANIFEST.test(request))).toHaveLength(1);
    expect(indexRequests.length).toBeGreaterThan(1);
    const first = resultLinks(page).first();
    await expect(first.getAttribute('href')).resolves.toMatch(/\/docs\/[a-z0-9-]+\/#[a-z0-9-]+$/);
    await expect(results(page).locator('mark').first().textContent()).resolves.toBe('网评员');

    await page.keyboard.press('Escape');
    await expect(results(page).isVisible()).resolves.toBe(false);
    await page.keyboard.press('Control+k');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('answers first with only the shards and chunks the query needs, then, once the field is used, loads the small index whole', async () => {
    const { page, close } = await openPage(browser, { serviceWorkers: 'block' });
    const fetched: string[] = [];
    const finished: string[] = [];
    const name = (request: { url(): string }) => request.url().replace(/^.*\/search-index\//, '');
    page.context().on('request', (request) => {
      if (INDEX.test(request.url())) fetched.push(name(request));
    });
    page.context().on('requestfinished', (request) => {
      if (INDEX.test(request.url())) finished.push(name(request));
    });
    await searchPage(page, '网评员');
    await expect(resultLinks(page).first().textContent()).resolves.toBeTruthy();
    const onDisk = (dir: string) => readdirSync(join(DIST, 'search-index', dir)).map((file) => `${dir}/${file}`);
    const first = [...fetched];
    const shards = first.filter((file) => file.startsWith('p/'));
    const chunks = first.filter((file) => file.startsWith('t/'));
    expect(first.filter((file) => !/^(p|t)\//.test(file))).toEqual(['manifest.json']);
    expect(shards.length).toBeGreaterThan(0);
    expect(chunks.length).toBeGreaterThan(0);
    expect(shards.length).toBeLessThan(onDisk('p').length);
    expect(chunks.length).toBeLessThan(onDisk('t').length);
    // A shared link read and left: nothing more. Once the field is used, the page's own engine comes with the
    // rest of the small index in one file; then a new query asks for nothing.
    await page.waitForTimeout(500);
    expect(fetched).toEqual(first);
    const field = page.getByRole('searchbox', { name: '搜索条款' });
    await field.focus();
    await expect.poll(() => finished.includes('all.bin')).toBe(true);
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('search-answer').length))
      .toBeGreaterThan(0);
    await page.waitForTimeout(200);
    const before = fetched.length;
    await field.fill('意识形态 阵地管理');
    await settled(page);
    await expect(resultLinks(page).first().textContent()).resolves.toBeTruthy();
    expect(fetched.slice(before)).toEqual([]);
    await close();
  });

  it('says so when the index cannot be loaded, and 重试 loads it once the network is back', async () => {
    // No service worker: the index must come from the network, which the route cuts at first.
    const { page, close } = await openPage(browser, { serviceWorkers: 'block' });
    let offline = true;
    await page.route(INDEX, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(url(`search/?q=${encodeURIComponent('网评员')}`));
    await page.getByText(/检索索引载入失败/).waitFor();
    expect(await resultLinks(page).count()).toBe(0);
    offline = false;
    await page.getByRole('button', { name: '重试' }).click();
    await expect.poll(() => resultLinks(page).count()).toBeGreaterThan(0);
    await expect(page.getByText(/检索索引载入失败/).count()).resolves.toBe(0);
    await close();
  });

  it('moves through results with the arrow keys and opens the clause with its words marked', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url('about/'));
    const field = page.getByRole('searchbox', { name: '搜索条款' });
    await field.click();
    await field.fill('一岗两责');
    await expect.poll(() => resultLinks(page).count()).toBeGreaterThan(1);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = resultLinks(page).nth(1);
    await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('ArrowDown');
    const href = (await resultLinks(page).first().getAttribute('href')) ?? '';
    await page.keyboard.press('Enter');
    await page.waitForURL((target) => target.href.endsWith(href));
    const clauseId = href.split('#')[1] ?? '';
    const marks = page.locator(`[id="${clauseId}"] mark.search-hit`);
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    await expect(marks.first().textContent()).resolves.toBe('一岗双责');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows 10 results first and more on request, moving the focus to the first added one', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url(`search/?q=${encodeURIComponent('意识形态')}`));
    const list = page.getByRole('list', { name: '搜索结果' });
    await list.waitFor();
    await expect(list.getByRole('listitem').count()).resolves.toBe(10);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^找到 \d+ 条，显示前 10 条$/);
    await page.getByRole('button', { name: /^显示更多结果（再显示 10 条）$/ }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(20);
    await expect
      .poll(() =>
        list
          .getByRole('listitem')
          .nth(10)
          .getByRole('link')
          .evaluate((a) => a === document.activeElement),
      )
      .toBe(true);
    for (const count of [30, 40, 50]) {
      await page.getByRole('button', { name: /^显示更多结果/ }).click();
      await expect.poll(() => list.getByRole('listitem').count()).toBe(count);
    }
    await expect(page.getByRole('button', { name: /^显示更多结果/ }).count()).resolves.toBe(0);
    // A new query starts again at 10.
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('责任');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(10);
    expect(errors).toEqual([]);
    await close();
  });

  it('marks the words also in a result opened in a new tab, once', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url(`search/?q=${encodeURIComponent('第一责任人')}`));
    const first = page.getByRole('list', { name: '搜索结果' }).getByRole('link').first();
    const href = (await first.getAttribute('href')) ?? '';
    const [tab] = await Promise.all([page.context().waitForEvent('page'), first.click({ modifiers: ['Control'] })]);
    await tab.waitForLoadState();
    expect(tab.url().endsWith(href)).toBe(true);
    const marks = tab.locator(`[id="${href.split('#')[1]}"] mark.search-hit`);
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    await expect(marks.first().textContent()).resolves.toBe('第一责任人');
    // Used once: opening the clause again later marks nothing.
    await tab.reload();
    await expect(tab.locator('mark.search-hit').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows 一岗双责 clauses first for /search/?q=一岗两责, and keeps the query on reload', async () => {
    const { page, foreignRequests, errors, close } = await openPage(browser);
    await searchPage(page, '一岗两责');
    const field = page.getByRole('searchbox', { name: '搜索条款' });
    await expect(field.inputValue()).resolves.toBe('一岗两责');
    const texts = await results(page).locator(':scope > li').allTextContents();
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts.slice(0, 3)) expect(text).toContain('一岗双责');
    await expect(resultLinks(page).first().textContent()).resolves.toContain('通辽第五中学');

    await page.reload();
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();
    await expect(results(page).locator(':scope > li').count()).resolves.toBe(texts.length);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('filters by document, body type and role, and puts the filters in the URL', async () => {
    const { page, errors, close } = await openPage(browser);
    await searchPage(page, '第一责任人');
    const found = async () => Number(/找到 (\d+) 条/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
    const all = await found();

    await page.getByLabel('主体类型').selectOption('局机关');
    await expect.poll(() => page.url()).toContain('type=');
    await settled(page);
    const bureau = await resultLinks(page).allTextContents();
    expect(bureau.length).toBeGreaterThan(0);
    expect(await found()).toBeLessThan(all);
    for (const text of bureau) expect(text).toMatch(/局/);

    await page.getByLabel('主体类型').selectOption('');
    await page.getByLabel('文件', { exact: true }).selectOption('xx-bureau-party-group-rules');
    await settled(page);
    for (const href of await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toContain('/docs/xx-bureau-party-group-rules/#');

    await page.getByLabel('文件', { exact: true }).selectOption('');
    await page.getByLabel('角色').selectOption('youth-league');
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('社团');
    await expect.poll(() => page.url()).toContain('role=youth-league');
    await settled(page);
    await expect.poll(() => resultLinks(page).count()).toBeGreaterThan(0);
    for (const text of await results(page).locator(':scope > li').allTextContents()) expect(text).toContain('团委');
    expect(errors).toEqual([]);
    await close();
  });

  it('says clearly when nothing matches and suggests close words', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url(`search/?q=${encodeURIComponent('联窝')}`));
    await page
      .getByRole('status')
      .filter({ hasText: /没有找到/ })
      .waitFor();
    const suggestions = page
      .getByRole('list')
      .filter({ has: page.getByRole('button') })
      .first();
    const words = await suggestions.getByRole('button').allTextContents();
    expect(words.length).toBeGreaterThan(0);
    await suggestions.getByRole('button').first().click();
    await expect.poll(() => page.getByRole('searchbox', { name: '搜索条款' }).inputValue()).toBe(words[0]);
    expect(errors).toEqual([]);
    await close();
  });

  it('survives odd and hostile input with a result or a clear "no results"', async () => {
    const { page, errors, close } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const inputs = [
      '',
      '党',
      '意识形态工作责任制'.repeat(56).slice(0, 500),
      '，。！？、；：',
      '😀🎉',
      'ＱＱ群　管理',
      "'一岗双责",
      '!网评员',
      '^党委',
      '=书记',
      '|团委',
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
    ];
    for (const input of inputs) {
      await page.goto(url('search/'));
      const field = page.getByRole('searchbox', { name: '搜索条款' });
      await field.fill(input);
      const status = page.getByRole('status');
      if (input === '') {
        await expect.poll(() => status.textContent()).toMatch(/请输入/);
        continue;
      }
      await expect.poll(() => status.textContent(), { message: input }).toMatch(/找到|没有找到/);
      if (/没有找到/.test((await status.textContent()) ?? '')) {
        await expect(results(page).count()).resolves.toBe(0);
      } else {
        await expect(resultLinks(page).count()).resolves.toBeGreaterThan(0);
      }
    }
    await expect(page.locator('.search-output img, .search-output script').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('fits a 360 × 640 phone: the filters stay inside 筛选 and the first result shows without scrolling', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 360, height: 640 } });
    await searchPage(page, '第一责任人');
    const inside = async (locator: ReturnType<Page['getByLabel']>) =>
      (await locator.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    const box = await inside(page.getByRole('group', { name: '筛选' }));
    for (const label of ['文件', '主体类型', '角色']) {
      const select = await inside(page.getByLabel(label, { exact: true }));
      expect(select.x, label).toBeGreaterThanOrEqual(box.x);
      expect(select.x + select.width, label).toBeLessThanOrEqual(box.x + box.width);
    }
    expect(await page.evaluate(() => [window.scrollY, document.documentElement.scrollWidth])).toEqual([0, 360]);
    // The first result's title is on the first screen.
    const first = await inside(resultLinks(page).first());
    expect(first.height).toBeGreaterThan(0);
    expect(first.y + 24).toBeLessThanOrEqual(640);
    expect(errors).toEqual([]);
    await close();
  });

  it('finds the operators as text: "!网评员" finds 网评员', async () => {
    const { page, close } = await openPage(browser);
    await searchPage(page, '!网评员');
    await expect(results(page).locator('mark').first().textContent()).resolves.toBe('网评员');
    await close();
  });
});
